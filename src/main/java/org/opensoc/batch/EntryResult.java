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
        int cut = Math.min(text.length(), EXCERPT_CHARS);
        // Never split a surrogate pair: half of one is not valid UTF-8 on the wire.
        if (cut < text.length() && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        String excerpt = text.substring(0, cut);
        return new EntryResult(TYPE, index, entry.firstLine(), entry.lastLine(), entry.lineCount(), entry.source(),
                entry.logType(), excerpt, cached, analysis);
    }
}
