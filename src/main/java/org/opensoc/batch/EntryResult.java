package org.opensoc.batch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.opensoc.ThreatAnalysis;

/**
 * One analyzed entry of a batch, as streamed ({@code "type":"entry"}) and as the export endpoint reads it back.
 * {@code excerpt} is the head of the raw entry; {@code cached} says the verdict is that of an earlier entry of
 * the same template.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"type", "index", "firstLine", "lastLine", "lineCount", "source", "logType", "excerpt", "cached", "analysis"})
public record EntryResult(String type, long index, long firstLine, long lastLine, long lineCount, String source,
        String logType, String excerpt, boolean cached, ThreatAnalysis analysis) {

    public static final String TYPE = "entry";

    /** How much of the raw entry travels with its result. */
    public static final int EXCERPT_CHARS = 500;

    public static EntryResult of(long index, BatchEntry entry, ThreatAnalysis analysis, boolean cached) {
        String text = entry.text();
        String excerpt = text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS);
        return new EntryResult(TYPE, index, entry.firstLine(), entry.lastLine(), entry.lineCount(), entry.source(),
                entry.logType(), excerpt, cached, analysis);
    }
}
