package org.opensoc.llm;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Asks the model for one entry, off the event loop, within a time limit, behind a circuit breaker so that a
 * dead sidecar costs one fast failure instead of a timeout per entry. Failures surface as
 * {@link ModelUnavailableException}; the pipeline decides between falling back and answering 503.
 */
@ApplicationScoped
public class ModelClient {

    /** The breaker's name, for the readiness check and for tests that reset it. */
    public static final String CIRCUIT = "ollama-model";

    @Inject
    TriageModel model;

    @Inject
    ModelReplyParser parser;

    @Inject
    MeterRegistry registry;

    // Milliseconds, so that application.properties can override both in the same unit.
    @Timeout(30_000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000)
    @CircuitBreakerName(CIRCUIT)
    public Uni<ModelReply> triage(String entry) {
        return Uni.createFrom().item(() -> ask(entry)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private ModelReply ask(String entry) {
        Timer.Sample sample = Timer.start(registry);
        String text;
        try {
            text = model.triage(entry);
        } catch (RuntimeException e) {
            throw new ModelUnavailableException("the model did not answer: " + rootMessage(e), e);
        } finally {
            sample.stop(registry.timer("opensoc.model.latency"));
        }
        if (text == null || text.isBlank()) {
            throw new ModelUnavailableException("the model answered nothing");
        }
        ModelReply reply = parser.parse(text);
        if (reply.isEmpty()) {
            throw new ModelUnavailableException("the model's answer names no threat, technique or severity");
        }
        return reply;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
