package org.opensoc.pipeline;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.opensoc.AnalyzerMode;
import org.opensoc.ThreatAnalysis;
import org.opensoc.detect.EmbeddedDetector;

/** One entry in, one verdict out, by the analyzer the caller asked for. */
@ApplicationScoped
public class AnalysisPipeline {

    @Inject
    EmbeddedDetector detector;

    /** The verdict of the embedded detector alone: synchronous and cheap, for batch work. */
    public ThreatAnalysis analyzeWithRules(String entry) {
        return detector.analyze(entry);
    }

    public Uni<ThreatAnalysis> analyze(String entry, AnalyzerMode mode) {
        return Uni.createFrom().item(() -> analyzeWithRules(entry));
    }
}
