package org.opensoc.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensoc.llm.FakeOllama;

/** The analyze endpoint over real HTTP, on the embedded detector (the fake Ollama serves no model here). */
@QuarkusTest
class AnalyzeResourceTest {

    static final String CASE_STUDY =
            "91.108.4.20 - - [16/Mar/2025:01:05:33] \"GET /profile?id=1 OR 1=1-- HTTP/1.1\" 403 12466 \"-\" \"burpsuite\"";

    @BeforeEach
    void modelDown() {
        FakeOllama.down();
    }

    @Test
    void triagesThePaperCaseStudyAsSqlInjection() {
        given().contentType(ContentType.JSON).body(Map.of("log", CASE_STUDY))
                .when().post("/api/v1/analyze")
                .then().statusCode(200)
                .body("family", equalTo("SQL Injection"))
                .body("threatType", startsWith("SQL Injection"))
                .body("mitreId", equalTo("T1190"))
                .body("mitreName", equalTo("Exploit Public-Facing Application"))
                .body("severity", notNullValue())
                .body("riskScore", greaterThanOrEqualTo(0)).body("riskScore", lessThanOrEqualTo(100))
                .body("evidence", containsString("OR 1=1--"))
                .body("evidence", containsString("burpsuite"))
                .body("recommendation", notNullValue())
                .body("analyzer", equalTo("rules"))
                .body("findings.size()", greaterThanOrEqualTo(1))
                .body("warnings", notNullValue());
    }

    @Test
    void findingsQuoteTheRawTextAtTheirOffsets() {
        var findings = given().contentType(ContentType.JSON).body(Map.of("log", CASE_STUDY))
                .when().post("/api/v1/analyze").then().statusCode(200)
                .extract().jsonPath().getList("findings", Map.class);
        for (Map<?, ?> f : findings) {
            int start = (Integer) f.get("start");
            int end = (Integer) f.get("end");
            org.junit.jupiter.api.Assertions.assertEquals(f.get("match"), CASE_STUDY.substring(start, end));
        }
    }

    @Test
    void takesThePlainTextBodyAsTheEntry() {
        given().contentType("text/plain").body(CASE_STUDY)
                .when().post("/api/v1/analyze?analyzer=rules")
                .then().statusCode(200).body("mitreId", equalTo("T1190")).body("analyzer", equalTo("rules"));
    }

    @Test
    void answersBenignTrafficAsNoThreat() {
        given().contentType(ContentType.JSON)
                .body(Map.of("log", "10.0.0.21 - - [18/Mar/2025:16:22:58] \"GET /index.html HTTP/1.1\" 200 1366 \"-\" \"Mozilla/5.0 (iPhone)\""))
                .when().post("/api/v1/analyze")
                .then().statusCode(200).body("family", equalTo("No Threat Detected")).body("severity", equalTo("LOW"));
    }

    @Test
    void rejectsAnEmptyOrBlankEntryWithAProblem() {
        for (String body : new String[] {"{\"log\": \"\"}", "{\"log\": \"   \\n \"}", "{}", "null", ""}) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/analyze")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("type", startsWith("urn:opensoc:problem:"))
                    .body("title", notNullValue()).body("detail", notNullValue());
        }
        given().contentType("text/plain").body("  ").when().post("/api/v1/analyze")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void rejectsMalformedJsonWithAProblem() {
        given().contentType(ContentType.JSON).body("{\"log\": ")
                .when().post("/api/v1/analyze")
                .then().statusCode(400).contentType("application/problem+json").body("type", equalTo("urn:opensoc:problem:unreadable-body"));
    }

    @Test
    void rejectsUndecodableBytesWithAProblem() {
        byte[] invalidUtf8 = {'G', 'E', 'T', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF};
        given().contentType("text/plain").body(invalidUtf8)
                .when().post("/api/v1/analyze")
                .then().statusCode(400).contentType("application/problem+json").body("type", equalTo("urn:opensoc:problem:undecodable-entry"));
    }

    @Test
    void rejectsAnEntryOverTheLimitWith413() {
        String big = "GET /" + "a".repeat(70_000);
        given().contentType(ContentType.JSON).body(Map.of("log", big))
                .when().post("/api/v1/analyze")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413))
                .body("detail", containsString("65536"));
        given().contentType("text/plain").body(big.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/analyze")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void refusesABodyOverTheHttpLimitWith413() {
        given().contentType("text/plain").body(new byte[2 * 1024 * 1024])
                .when().post("/api/v1/analyze")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413)).body("detail", containsString("/api/v1/analyze/batch"));
    }

    @Test
    void rejectsOtherMediaTypesWith415() {
        given().contentType("application/xml").body("<log>x</log>")
                .when().post("/api/v1/analyze")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415))
                .body("detail", containsString("text/plain"));
    }

    @Test
    void rejectsAnUnknownAnalyzerWithAProblem() {
        given().contentType(ContentType.JSON).body(Map.of("log", CASE_STUDY))
                .when().post("/api/v1/analyze?analyzer=gpt")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("auto, rules, llm, hybrid"));
    }

    @Test
    void answersLlmWith503WhenTheModelIsUnreachable() {
        given().contentType(ContentType.JSON).body(Map.of("log", CASE_STUDY))
                .when().post("/api/v1/analyze?analyzer=llm")
                .then().statusCode(503).contentType("application/problem+json").body("status", equalTo(503));
    }

    @Test
    void describesTheEndpointAndTheRecordInOpenApi() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/analyze"))
                .body("components.schemas.ThreatAnalysis.properties", hasKey("threatType"))
                .body("components.schemas.ThreatAnalysis.properties", hasKey("riskScore"))
                .body("components.schemas.ThreatAnalysis.properties.mitreId.examples[0]", equalTo("T1190"))
                .body("components.schemas", hasKey("Problem"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void staysReadyOnTheEmbeddedDetectorAndReportsTheModel() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'analyzers' }.data.model", equalTo("MODEL_MISSING"))
                .body("checks.find { it.name == 'analyzers' }.data.rules", equalTo("READY"));
    }

    @Test
    void countsAnalyzedEntriesInMetrics() {
        given().contentType("text/plain").body(CASE_STUDY).when().post("/api/v1/analyze?analyzer=rules").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("opensoc_entries_analyzed_total{analyzer=\"rules\",family=\"SQL Injection\""));
    }

    @Test
    void unknownPathsAnswerProblems() {
        given().when().get("/api/v1/nothing").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/analyze").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void everyFindingHasAllItsFields() {
        given().contentType(ContentType.JSON).body(Map.of("log", CASE_STUDY))
                .when().post("/api/v1/analyze").then().statusCode(200)
                .body("findings.ruleId", everyItem(notNullValue()))
                .body("findings.mitreId", everyItem(notNullValue()));
    }
}
