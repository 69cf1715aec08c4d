package org.opensoc.batch;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opensoc.Severity;

/** Adds up a batch as its entries are produced. Distinct sources are tracked up to a bound, so memory stays flat. */
final class SummaryTally {

    private static final int TOP_SOURCES = 10;
    private static final int MAX_TRACKED_SOURCES = 100_000;

    private final Map<String, Long> byFamily = new TreeMap<>();
    private final Map<Severity, Long> bySeverity = new TreeMap<>();
    private final Map<String, Long> bySource = new HashMap<>();
    private long lines;
    private long entries;
    private long unparsed;
    private long truncated;
    private long cacheHits;

    void add(BatchEntry entry, EntryResult result) {
        entries++;
        lines += entry.lineCount();
        unparsed += entry.unparsedLines();
        truncated += entry.truncatedLines();
        cacheHits += result.cached() ? 1 : 0;
        if (result.analysis() != null) {
            byFamily.merge(String.valueOf(result.analysis().family()), 1L, Long::sum);
            if (result.analysis().severity() != null) {
                bySeverity.merge(result.analysis().severity(), 1L, Long::sum);
            }
        }
        String source = entry.source();
        if (source != null && (bySource.containsKey(source) || bySource.size() < MAX_TRACKED_SOURCES)) {
            bySource.merge(source, 1L, Long::sum);
        }
    }

    long entries() {
        return entries;
    }

    BatchSummary summary(long bytes, long elapsedMs) {
        Map<String, Long> severities = new LinkedHashMap<>();
        bySeverity.entrySet().stream().sorted(Map.Entry.<Severity, Long>comparingByKey().reversed())
                .forEach(e -> severities.put(e.getKey().name(), e.getValue()));
        List<BatchSummary.SourceCount> top = bySource.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_SOURCES).map(e -> new BatchSummary.SourceCount(e.getKey(), e.getValue())).toList();
        double hitRate = entries == 0 ? 0.0 : Math.round(cacheHits * 10_000.0 / entries) / 10_000.0;
        return new BatchSummary("summary", lines, entries, bytes, new LinkedHashMap<>(byFamily), severities, top,
                unparsed, truncated, cacheHits, hitRate, elapsedMs);
    }
}
