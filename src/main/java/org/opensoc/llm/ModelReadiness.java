package org.opensoc.llm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opensoc.OpenSocConfig;

/**
 * Whether Ollama answers and serves our model, asked on {@code /api/tags} and remembered for a few seconds so
 * that auto mode and the readiness probe do not ask on every request.
 */
@ApplicationScoped
public class ModelReadiness {

    /** What the probe found. */
    public enum State {
        READY, MODEL_MISSING, UNREACHABLE, DISABLED
    }

    private record Observation(State state, long atNanos) {
    }

    @ConfigProperty(name = "quarkus.langchain4j.ollama.base-url")
    String baseUrl;

    @ConfigProperty(name = "quarkus.langchain4j.ollama.chat-model.model-id")
    String modelId;

    @Inject
    OpenSocConfig config;

    @Inject
    ObjectMapper json;

    private final AtomicReference<Observation> last = new AtomicReference<>();
    private volatile HttpClient http;

    public State state() {
        if (!config.model().enabled()) {
            return State.DISABLED;
        }
        Observation seen = last.get();
        if (seen != null && System.nanoTime() - seen.atNanos() < config.model().readinessCache().toNanos()) {
            return seen.state();
        }
        State now = probe();
        last.set(new Observation(now, System.nanoTime()));
        return now;
    }

    public boolean isReady() {
        return state() == State.READY;
    }

    public String modelId() {
        return modelId;
    }

    public String baseUrl() {
        return baseUrl;
    }

    private State probe() {
        Duration timeout = config.model().probeTimeout();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + "/api/tags"))
                    .timeout(timeout).GET().build();
            HttpResponse<String> response = client(timeout).send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return State.UNREACHABLE;
            }
            for (JsonNode model : json.readTree(response.body()).path("models")) {
                String name = model.path("name").asText();
                if (name.equals(modelId) || name.startsWith(modelId + ":")) {
                    return State.READY;
                }
            }
            return State.MODEL_MISSING;
        } catch (IOException | IllegalArgumentException e) {
            return State.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return State.UNREACHABLE;
        }
    }

    private HttpClient client(Duration timeout) {
        HttpClient c = http;
        if (c == null) {
            c = HttpClient.newBuilder().connectTimeout(timeout).build();
            http = c;
        }
        return c;
    }
}
