package org.opensoc.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import org.opensoc.ThreatAnalysis;
import org.opensoc.ThreatFamily;

/**
 * One batch, start to end: lines from a {@link LineSource}, grouped into entries, each entry analyzed through
 * the template cache, results and progress handed to a {@link BatchSink} as they come, the summary last. The
 * work happens on the calling thread; it stops as soon as {@code cancelled} says so (a client gone).
 */
public final class BatchRun {

    /** Families whose attacks are complete in one line, which therefore never merge into an aggregate group. */
    private static final List<ThreatFamily> SINGLE_LINE_FAMILIES = List.of(ThreatFamily.SQL_INJECTION, ThreatFamily.XSS,
            ThreatFamily.PATH_TRAVERSAL, ThreatFamily.LOCAL_FILE_INCLUSION, ThreatFamily.OS_COMMAND_INJECTION,
            ThreatFamily.DATA_EXFILTRATION);

    /**
     * Limits of a batch run. {@code cacheVerdicts} off analyzes every entry; the template cache then only remembers
     * which templates are attacks on their own line.
     */
    public record Settings(EntryGrouper.Limits limits, int maxLineChars, int cacheCapacity, boolean cacheVerdicts,
            Duration progressEvery) {

        public static Settings defaults() {
            return new Settings(EntryGrouper.Limits.defaults(), 65_536, 10_000, true, Duration.ofMillis(100));
        }
    }

    private final Settings settings;
    private final Function<String, ThreatAnalysis> analyzer;
    private final Function<String, ThreatAnalysis> rules;

    /**
     * @param analyzer the verdict of one entry by the analyzer the caller chose
     * @param rules    the embedded detector, which decides whether a line is an attack on its own
     */
    public BatchRun(Settings settings, Function<String, ThreatAnalysis> analyzer, Function<String, ThreatAnalysis> rules) {
        this.settings = settings;
        this.analyzer = analyzer;
        this.rules = rules;
    }

    /**
     * Runs the batch to its end and returns the summary it also sent to the sink.
     *
     * @param totalBytes the size of the input when known, for progress; else null
     * @throws EmptyInputException   when the input holds no non-blank line (before anything reached the sink)
     * @throws CancellationException when {@code cancelled} turned true
     */
    public BatchSummary run(LineSource source, boolean csv, Long totalBytes, BatchSink sink, BooleanSupplier cancelled)
            throws IOException {
        long started = System.nanoTime();
        TemplateCache<ThreatAnalysis> verdicts = settings.cacheVerdicts() ? new TemplateCache<>(settings.cacheCapacity()) : null;
        TemplateCache<Boolean> standalone = new TemplateCache<>(settings.cacheCapacity());
        Predicate<String> standsAlone = text -> standalone.get(text, t -> isSingleLineAttack(rules.apply(t))).value();
        SummaryTally tally = new SummaryTally();
        LineClassifier classifier = new LineClassifier(csv);
        long progressNanos = settings.progressEvery().toNanos();
        long[] lastProgress = {started};
        long[] lines = {0};
        EntryGrouper grouper = new EntryGrouper(settings.limits(), standsAlone, entry -> {
            TemplateCache.Lookup<ThreatAnalysis> verdict = verdicts == null
                    ? new TemplateCache.Lookup<>(analyzer.apply(entry.text()), false) : verdicts.get(entry.text(), analyzer);
            EntryResult result = EntryResult.of(tally.entries(), entry, withInputWarnings(verdict.value(), entry),
                    verdict.hit());
            tally.add(entry, result);
            try {
                sink.entry(result);
                long now = System.nanoTime();
                if (now - lastProgress[0] >= progressNanos) {
                    lastProgress[0] = now;
                    sink.progress(new BatchProgress(lines[0], tally.entries(), source.bytesRead(), totalBytes));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long meaningful = 0;
        try {
            NumberedLine line;
            while ((line = source.next()) != null) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("batch cancelled at line " + line.number());
                }
                lines[0]++;
                LineFacts facts = classifier.classify(line.text());
                if (facts.shape() != LineFacts.Shape.BLANK) {
                    meaningful++;
                }
                // Entries leave the grouper only once a later line arrives, so a blank-only upload reaches the sink never.
                grouper.accept(line, facts);
            }
            if (meaningful == 0) {
                throw new EmptyInputException();
            }
            grouper.finish();
            sink.progress(new BatchProgress(lines[0], tally.entries(), source.bytesRead(), totalBytes));
            BatchSummary summary = tally.summary(source.bytesRead(), Duration.ofNanos(System.nanoTime() - started).toMillis());
            sink.summary(summary);
            return summary;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean isSingleLineAttack(ThreatAnalysis verdict) {
        return ThreatFamily.ofLabel(verdict.family()).map(SINGLE_LINE_FAMILIES::contains).orElse(false);
    }

    private ThreatAnalysis withInputWarnings(ThreatAnalysis verdict, BatchEntry entry) {
        List<String> warnings = new ArrayList<>(2);
        if (entry.truncatedLines() > 0) {
            warnings.add(entry.truncatedLines() + " line(s) longer than " + settings.maxLineChars()
                    + " characters were truncated for analysis");
        }
        if (entry.binaryLines() > 0) {
            warnings.add(entry.binaryLines() + " line(s) held binary control bytes, replaced with U+FFFD");
        }
        return verdict.withWarnings(warnings);
    }
}
