package org.opensoc.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.opensoc.AnalyzerMode;
import org.opensoc.ThreatAnalysis;
import org.opensoc.attack.FamilyTechniques;
import org.opensoc.attack.MitreCatalog;
import org.opensoc.detect.EmbeddedDetector;
import org.opensoc.llm.ModelClient;
import org.opensoc.llm.ModelReadiness;
import org.opensoc.llm.ModelUnavailableException;

/**
 * One entry in, one verdict out, by the analyzer the caller asked for: {@code rules} is the embedded detector,
 * {@code llm} the model alone (its failure is the caller's to see), {@code hybrid} both reconciled (the model's
 * failure falls back to the detector, with a warning), {@code auto} hybrid when the model is ready, else rules.
 */
@ApplicationScoped
public class AnalysisPipeline {

    private final EmbeddedDetector detector;
    private final ModelClient model;
    private final ModelReadiness readiness;
    private final MeterRegistry registry;
    private final ModelVerdict modelVerdict;
    private final VerdictReconciler reconciler = new VerdictReconciler();

    @Inject
    public AnalysisPipeline(EmbeddedDetector detector, ModelClient model, ModelReadiness readiness,
            MeterRegistry registry, MitreCatalog catalog) {
        this.detector = detector;
        this.model = model;
        this.readiness = readiness;
        this.registry = registry;
        this.modelVerdict = new ModelVerdict(catalog, FamilyTechniques.bundled());
    }

    /** The verdict of the embedded detector alone: synchronous and cheap, for batch work. */
    public ThreatAnalysis analyzeWithRules(String entry) {
        return counted(detector.analyze(entry));
    }

    public Uni<ThreatAnalysis> analyze(String entry, AnalyzerMode mode) {
        return switch (mode) {
            case RULES -> Uni.createFrom().item(() -> analyzeWithRules(entry));
            case LLM -> model.triage(entry)
                    .onFailure().transform(AnalysisPipeline::unavailable)
                    .map(reply -> counted(modelVerdict.check(reply, entry).analysis()));
            case HYBRID -> hybrid(entry);
            case AUTO -> Uni.createFrom().item(readiness::isReady)
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .chain(ready -> ready ? hybrid(entry) : Uni.createFrom().item(() -> analyzeWithRules(entry)));
        };
    }

    private Uni<ThreatAnalysis> hybrid(String entry) {
        ThreatAnalysis rules = detector.analyze(entry);
        return model.triage(entry)
                .map(reply -> reconciler.reconcile(rules, modelVerdict.check(reply, entry)))
                .onFailure().recoverWithItem(failure -> {
                    registry.counter("opensoc.model.fallbacks").increment();
                    return rules.withWarnings(List.of("model unavailable (" + unavailable(failure).getMessage()
                            + "); the embedded detector answered"));
                })
                .map(this::counted);
    }

    private ThreatAnalysis counted(ThreatAnalysis analysis) {
        registry.counter("opensoc.entries.analyzed", "analyzer", analysis.analyzer().wireName(),
                "family", String.valueOf(analysis.family())).increment();
        return analysis;
    }

    private static ModelUnavailableException unavailable(Throwable failure) {
        if (failure instanceof ModelUnavailableException known) {
            return known;
        }
        String what = switch (failure.getClass().getSimpleName()) {
            case "TimeoutException" -> "the model took longer than the time limit";
            case "CircuitBreakerOpenException" -> "recent calls failed, the circuit breaker is open";
            default -> failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        };
        return new ModelUnavailableException(what, failure);
    }
}
