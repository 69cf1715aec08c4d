package org.opensoc.batch;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * The closing record of a batch. {@code lines} is every input line; the {@code lineCount}s of the entries add
 * up to it. {@code unparsedLines} were in no known log format (or binary), {@code truncatedLines} were cut to
 * the per-entry cap for analysis; both are still in their entries.
 */
@RegisterForReflection
@JsonPropertyOrder({"type", "lines", "entries", "bytes", "byFamily", "bySeverity", "topSources", "unparsedLines",
        "truncatedLines", "cacheHits", "cacheHitRate", "elapsedMs"})
public record BatchSummary(String type, long lines, long entries, long bytes, Map<String, Long> byFamily,
        Map<String, Long> bySeverity, List<SourceCount> topSources, long unparsedLines, long truncatedLines,
        long cacheHits, double cacheHitRate, long elapsedMs) {

    /** A source address and how many entries came from it. */
    @RegisterForReflection
    public record SourceCount(String source, long entries) {
    }
}
