package org.opensoc.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.opensoc.AnalyzerKind;
import org.opensoc.Severity;
import org.opensoc.ThreatAnalysis;
import org.opensoc.ThreatFamily;

class BatchRunTest {

    /** A stand-in detector: SQL injection on "UNION", else benign; counts its calls. */
    static final class CountingDetector implements Function<String, ThreatAnalysis> {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public ThreatAnalysis apply(String entry) {
            calls.incrementAndGet();
            ThreatFamily family = entry.contains("UNION") ? ThreatFamily.SQL_INJECTION : ThreatFamily.NO_THREAT;
            Severity severity = family == ThreatFamily.NO_THREAT ? Severity.LOW : Severity.CRITICAL;
            return new ThreatAnalysis(family.threatType(null), family.defaultMitreId(), severity, severity.minScore(),
                    "evidence", "recommendation", family.label(), null, null, AnalyzerKind.RULES, List.of(), List.of());
        }
    }

    static final class CollectingSink implements BatchSink {
        final List<EntryResult> entries = new ArrayList<>();
        final List<BatchProgress> progress = new ArrayList<>();
        BatchSummary summary;

        @Override
        public void entry(EntryResult result) {
            entries.add(result);
        }

        @Override
        public void progress(BatchProgress p) {
            progress.add(p);
        }

        @Override
        public void summary(BatchSummary s) {
            summary = s;
        }
    }

    private static TextLineSource source(String text) {
        return new TextLineSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1000);
    }

    private static String normalTraffic(int lines) {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            log.append("10.0.").append(i % 250).append(".").append(i % 7 + 1)
                    .append(" - - [18/Mar/2025:16:22:58] \"GET /item/").append(i).append(" HTTP/1.1\" 200 ")
                    .append(1000 + i).append(" \"-\" \"Mozilla/5.0\"\n");
        }
        return log.toString();
    }

    @Test
    void accountsForEveryLineInTheEntriesAndTheSummary() throws IOException {
        String log = normalTraffic(500)
                + "10.9.9.9 - - [18/Mar/2025:16:23:00] \"GET /item?id=1 UNION SELECT 1 HTTP/1.1\" 200 5 \"-\" \"x\"\n"
                + "10.9.9.8 - - [18/Mar/2025:16:23:00] \"POST /login HTTP/1.1\" 401 5 \"-\" \"x\"\n".repeat(30)
                + "10.9.9.7 - - [18/Mar/2025:16:23:01] \"GET /a HTTP/1.1\" 200 5 \"-\" \"x\"\n".repeat(3);
        CountingDetector detector = new CountingDetector();
        CollectingSink sink = new CollectingSink();
        BatchSummary summary = new BatchRun(BatchRun.Settings.defaults(), detector, detector)
                .run(source(log), false, null, sink, () -> false);
        assertEquals(534, summary.lines());
        assertEquals(534, sink.entries.stream().mapToLong(EntryResult::lineCount).sum());
        assertEquals(505, summary.entries(), "500 + 3 single lines, one injection, one burst of 30 failed logins");
        assertEquals(sink.entries.size(), summary.entries());
        assertEquals(1L, summary.byFamily().get(ThreatFamily.SQL_INJECTION.label()));
        assertEquals(1L, summary.bySeverity().get("CRITICAL"));
        assertEquals(new BatchSummary.SourceCount("10.9.9.7", 3), summary.topSources().get(0));
        assertEquals(log.getBytes(StandardCharsets.UTF_8).length, summary.bytes());
        assertEquals(sink.summary, summary);
        assertTrue(sink.progress.size() >= 1, "a last progress report precedes the summary");
        for (int i = 0; i < sink.entries.size(); i++) {
            assertEquals(i, sink.entries.get(i).index());
        }
    }

    @Test
    void analyzesRepeatedTemplatesOnceAndReportsTheHitRate() throws IOException {
        CountingDetector detector = new CountingDetector();
        CollectingSink sink = new CollectingSink();
        BatchSummary summary = new BatchRun(BatchRun.Settings.defaults(), detector, detector)
                .run(source(normalTraffic(200)), false, null, sink, () -> false);
        assertEquals(1, detector.calls.get());
        assertEquals(199, summary.cacheHits());
        assertEquals(0.995, summary.cacheHitRate(), 1e-9);
        assertTrue(sink.entries.get(1).cached());
    }

    @Test
    void refusesAnInputWithoutLogLinesBeforeSendingAnything() {
        CountingDetector detector = new CountingDetector();
        CollectingSink sink = new CollectingSink();
        BatchRun run = new BatchRun(BatchRun.Settings.defaults(), detector, detector);
        assertThrows(EmptyInputException.class, () -> run.run(source("\n\n  \n"), false, null, sink, () -> false));
        assertThrows(EmptyInputException.class, () -> run.run(source(""), false, null, sink, () -> false));
        assertTrue(sink.entries.isEmpty() && sink.summary == null);
    }

    @Test
    void flagsATruncatedLineInItsVerdictAndCountsIt() throws IOException {
        CountingDetector detector = new CountingDetector();
        CollectingSink sink = new CollectingSink();
        BatchRun.Settings settings = new BatchRun.Settings(EntryGrouper.Limits.defaults(), 100, 10,
                BatchRun.Settings.defaults().progressEvery());
        TextLineSource source = new TextLineSource(new ByteArrayInputStream(("y".repeat(5000) + "\nok\n")
                .getBytes(StandardCharsets.UTF_8)), 100);
        BatchSummary summary = new BatchRun(settings, detector, detector).run(source, false, null, sink, () -> false);
        assertEquals(2, summary.lines());
        assertEquals(1, summary.truncatedLines());
        assertTrue(sink.entries.get(0).analysis().warnings().get(0).contains("truncated"));
    }

    @Test
    void stopsWhenTheClientIsGone() {
        CountingDetector detector = new CountingDetector();
        CollectingSink sink = new CollectingSink();
        AtomicInteger checks = new AtomicInteger();
        BatchRun run = new BatchRun(BatchRun.Settings.defaults(), detector, detector);
        assertThrows(CancellationException.class,
                () -> run.run(source(normalTraffic(1000)), false, null, sink, () -> checks.incrementAndGet() > 10));
        assertTrue(sink.entries.size() < 20);
        assertEquals(null, sink.summary);
    }
}
