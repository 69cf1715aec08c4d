package org.opensoc.llm;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Opt-in: against a real Ollama serving the {@code opensoc} model, when {@code OLLAMA_BASE_URL} is set
 * (e.g. {@code OLLAMA_BASE_URL=http://localhost:11434 ./mvnw test -Dtest=RealOllamaTest}). Skipped otherwise.
 */
@QuarkusTest
@EnabledIfEnvironmentVariable(named = "OLLAMA_BASE_URL", matches = ".+",
        disabledReason = "OLLAMA_BASE_URL is not set: no real Ollama to test against")
@TestProfile(RealOllamaTest.RealOllama.class)
class RealOllamaTest {

    public static class RealOllama implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String url = System.getenv("OLLAMA_BASE_URL");
            return url == null ? Map.of() : Map.of(
                    "quarkus.langchain4j.ollama.base-url", url,
                    "org.opensoc.llm.ModelClient/triage/Timeout/value", "120000",
                    "quarkus.langchain4j.ollama.timeout", "120s");
        }
    }

    @Inject
    ModelReadiness readiness;

    @BeforeEach
    void onlyWithARealOllama() {
        assertEquals(System.getenv("OLLAMA_BASE_URL"), readiness.baseUrl(), "the test must talk to the real Ollama, not the fake");
        Assumptions.assumeTrue(readiness.isReady(), "Ollama at " + readiness.baseUrl() + " does not serve the model "
                + readiness.modelId() + " (state " + readiness.state() + ")");
    }

    @Test
    void theRealModelTriagesTheCaseStudy() {
        given().contentType(ContentType.JSON)
                .body(Map.of("log", "91.108.4.20 - - [16/Mar/2025:01:05:33] \"GET /profile?id=1 OR 1=1-- HTTP/1.1\" 403 12466 \"-\" \"burpsuite\""))
                .when().post("/api/v1/analyze?analyzer=llm")
                .then().statusCode(200)
                .body("analyzer", equalTo("llm"))
                .body("threatType", notNullValue())
                .body("severity", notNullValue());
    }
}
