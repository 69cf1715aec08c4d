package org.opensoc.batch;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.opensoc.AnalyzerMode;
import org.opensoc.OpenSocConfig;
import org.opensoc.ThreatAnalysis;
import org.opensoc.llm.ModelReadiness;
import org.opensoc.pipeline.AnalysisPipeline;

/**
 * Runs batches with the configured limits, for the HTTP endpoint and the command line alike, and counts the
 * batches in progress ({@code opensoc.batch.active}), so that an operator (and a test) can see work stop when
 * a client goes away.
 */
@ApplicationScoped
public class BatchService {

    private final AtomicInteger active = new AtomicInteger();

    @Inject
    AnalysisPipeline pipeline;

    @Inject
    BatchConfig config;

    @Inject
    OpenSocConfig openSoc;

    @Inject
    ModelReadiness readiness;

    @Inject
    MeterRegistry registry;

    @PostConstruct
    void registerGauge() {
        registry.gauge("opensoc.batch.active", active);
    }

    /** Runs one batch to its end on the calling thread; see {@link BatchRun#run}. */
    public BatchSummary run(AnalyzerMode mode, LineSource lines, boolean csv, Long totalBytes, BatchSink sink,
            BooleanSupplier cancelled) throws IOException {
        active.incrementAndGet();
        try {
            return newRun(mode).run(lines, csv, totalBytes, sink, cancelled);
        } finally {
            active.decrementAndGet();
        }
    }

    /** Batches in progress now. */
    public int active() {
        return active.get();
    }

    private BatchRun newRun(AnalyzerMode mode) {
        int cap = openSoc.maxEntryBytes();
        EntryGrouper.Limits limits = new EntryGrouper.Limits(config.window(), config.gapLines(), cap,
                config.maxGroupLines(), config.maxOpenGroups(), config.maxOpenChars(), 64);
        BatchRun.Settings settings = new BatchRun.Settings(limits, cap, config.cacheSize(), config.progressInterval());
        return new BatchRun(settings, analyzer(mode), pipeline::analyzeWithRules);
    }

    /** The lines of an upload: a CSV export by its message column, anything else line by line. */
    public LineSource lines(InputStream in, boolean csv) throws IOException {
        int cap = openSoc.maxEntryBytes();
        return csv ? new CsvLineSource(in, cap) : new TextLineSource(in, cap);
    }

    /**
     * Batch work is the embedded detector's unless the caller names another analyzer. Auto is decided once for the
     * whole batch: hybrid when the model is ready at the start, else rules, so a batch never switches half-way.
     * A model verdict is awaited on the batch's own worker thread; the template cache keeps the calls few.
     */
    private Function<String, ThreatAnalysis> analyzer(AnalyzerMode mode) {
        AnalyzerMode chosen = mode == AnalyzerMode.AUTO ? (readiness.isReady() ? AnalyzerMode.HYBRID : AnalyzerMode.RULES) : mode;
        if (chosen == AnalyzerMode.RULES) {
            return pipeline::analyzeWithRules;
        }
        return text -> pipeline.analyze(text, chosen).await().indefinitely();
    }
}
