package org.opensoc.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;
import org.opensoc.AnalyzerMode;
import org.opensoc.OpenSocConfig;
import org.opensoc.ThreatAnalysis;
import org.opensoc.pipeline.AnalysisPipeline;

/** Builds batch runs from the configuration, for the HTTP endpoint and the command line alike. */
@ApplicationScoped
public class BatchService {

    @Inject
    AnalysisPipeline pipeline;

    @Inject
    BatchConfig config;

    @Inject
    OpenSocConfig openSoc;

    public BatchRun newRun(AnalyzerMode mode) {
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
     * Batch work is the embedded detector's unless the caller names another analyzer; auto stays with the rules,
     * since a batch of thousands of entries must not wait on a model it did not ask for.
     */
    private Function<String, ThreatAnalysis> analyzer(AnalyzerMode mode) {
        if (mode == AnalyzerMode.AUTO || mode == AnalyzerMode.RULES) {
            return pipeline::analyzeWithRules;
        }
        return text -> pipeline.analyze(text, mode).await().indefinitely();
    }
}
