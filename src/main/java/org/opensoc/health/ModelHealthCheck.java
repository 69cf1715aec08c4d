package org.opensoc.health;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.opensoc.llm.ModelClient;
import org.opensoc.llm.ModelReadiness;

/**
 * Readiness that reports the model without depending on it: the service is ready on the embedded detector
 * whatever the sidecar does, and the model's own state is in the data ({@code model: READY|UNREACHABLE|...}).
 */
@Readiness
@ApplicationScoped
public class ModelHealthCheck implements HealthCheck {

    @Inject
    ModelReadiness readiness;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Override
    public HealthCheckResponse call() {
        ModelReadiness.State state = readiness.state();
        return HealthCheckResponse.named("analyzers")
                .up()
                .withData("rules", "READY")
                .withData("model", state.name())
                .withData("modelId", readiness.modelId())
                .withData("ollama", readiness.baseUrl())
                .withData("circuitBreaker", breakers.currentState(ModelClient.CIRCUIT).name())
                .build();
    }
}
