package org.opensoc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensoc.AnalyzerMode;
import org.opensoc.llm.FakeOllama;
import org.opensoc.llm.ModelClient;
import org.opensoc.llm.ModelReplyParser;
import org.opensoc.llm.TriagePrompt;
import org.opensoc.pipeline.AnalysisPipeline;

/**
 * The LLM path measured end to end: the real pipeline asks the fake Ollama over HTTP, which answers each entry with
 * the canned reply of src/test/resources/eval/llm-canned.jsonl (the same file is the dataset: its extra keys
 * {@code reply}, {@code status} and {@code note} are ignored by the reader), so every figure is known by hand.
 */
@QuarkusTest
class LlmPathEvaluationTest {

    private static final Path CANNED = Path.of("src/test/resources/eval/llm-canned.jsonl");
    private static final double EPS = 1e-9;

    @Inject
    AnalysisPipeline pipeline;

    @Inject
    ModelReplyParser parser;

    @Inject
    CircuitBreakerMaintenance breakers;

    /** One run serves every test: the failing entry costs the client's retries. */
    private static EvalReport report;
    private static String lastChatRequest;

    @AfterEach
    void modelDown() {
        FakeOllama.down();
    }

    private EvalReport evaluate() throws IOException {
        if (report == null) {
            breakers.reset(ModelClient.CIRCUIT); // an earlier test class may have left it open
            report = run();
            System.out.println(MarkdownReport.render(report));
        }
        return report;
    }

    private EvalReport run() throws IOException {
        Map<String, JsonNode> cannedByInput = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(CANNED)) {
            JsonNode row = json.readTree(line);
            cannedByInput.put(row.get("input").asText(), row);
        }
        List<LabelledExample> dataset = LabelledDataset.read(CANNED);
        Evaluator evaluator = new Evaluator(entry -> {
            JsonNode canned = cannedByInput.get(entry);
            if (canned.has("status")) {
                FakeOllama.fail(canned.get("status").asInt());
            } else {
                FakeOllama.answer(canned.get("reply").asText());
            }
            try {
                return pipeline.analyze(entry, AnalyzerMode.LLM).await().indefinitely();
            } finally {
                List<String> requests = FakeOllama.chatRequests();
                lastChatRequest = requests.isEmpty() ? lastChatRequest : requests.get(requests.size() - 1);
            }
        }, parser::parse);
        return evaluator.evaluate("llm-canned.jsonl", "llm", dataset, ProgressListener.SILENT);
    }

    @Test
    void theLlmPathScoresAsTheCannedAnswersDictate() throws IOException {
        EvalReport report = evaluate();

        assertEquals(7, report.entries());
        assertEquals(1, report.analyzerErrors(), "the HTTP 500 of the last entry");
        assertEquals(EvalReport.Proportion.of(4, 7), report.threatTypeAccuracy());
        assertEquals(EvalReport.Proportion.of(4, 7), report.familyAccuracy());
        assertEquals(EvalReport.Proportion.of(4, 7), report.severityAccuracy());
        // Entry 6 has no gold score, entry 7 no verdict: |0| + |74-55| + |72-75| + |10-50| + |12-12| over 5.
        assertEquals(5, report.riskScore().evaluated());
        assertEquals(62 / 5.0, report.riskScore().meanAbsoluteError(), EPS);
        assertEquals(EvalReport.Proportion.of(4, 7), report.mitreExactAccuracy());
        assertEquals(EvalReport.Proportion.of(5, 7), report.mitreTechniqueAccuracy());
        assertEquals(EvalReport.Proportion.of(1, 2), report.benignFalsePositiveRate());
    }

    @Test
    void theFamilyAndSeverityConfusionMatricesAreTheCannedOnes() throws IOException {
        EvalReport report = evaluate();
        EvalReport.Confusion families = report.family().confusion();
        assertEquals(List.of(Scorecard.NO_ANSWER, "Automated Reconnaissance / Vulnerability Scanning", "Brute Force Attack",
                "Credential Stuffing Attack", "Cross-Site Scripting (XSS) Attempt", "Denial of Service / DDoS Attack",
                "No Threat Detected", "Path Traversal / Directory Traversal Attack", "SQL Injection"), families.labels());
        assertEquals(List.of(
                List.of(0, 0, 0, 0, 0, 0, 0, 0, 0),
                List.of(0, 0, 0, 0, 0, 0, 0, 0, 0),
                List.of(0, 0, 0, 1, 0, 0, 0, 0, 0),
                List.of(0, 0, 0, 0, 0, 0, 0, 0, 0),
                List.of(0, 0, 0, 0, 1, 0, 0, 0, 0),
                List.of(1, 0, 0, 0, 0, 0, 0, 0, 0),
                List.of(0, 1, 0, 0, 0, 0, 1, 0, 0),
                List.of(0, 0, 0, 0, 0, 0, 0, 1, 0),
                List.of(0, 0, 0, 0, 0, 0, 0, 0, 1)), families.counts());
        // Four labels right with precision and recall 1 (XSS, path traversal, SQLi) or 1 and 0.5 (benign); nine labels.
        assertEquals((1 + 1 + 1 + 2.0 / 3) / 9, report.family().macro().f1(), EPS);

        EvalReport.Confusion severities = report.severityConfusion();
        assertEquals(List.of("LOW", "MEDIUM", "HIGH", "CRITICAL", Scorecard.NO_ANSWER), severities.labels());
        assertEquals(List.of(1, 1, 0, 0, 0), severities.counts().get(0));
        assertEquals(List.of(0, 1, 2, 0, 0), severities.counts().get(2));
        assertEquals(List.of(0, 0, 0, 1, 1), severities.counts().get(3));
    }

    @Test
    void theModelIsAskedWithTheServicePromptAndTheEntry() throws IOException {
        evaluate();
        assertTrue(lastChatRequest.contains(new ObjectMapper().writeValueAsString(TriagePrompt.INSTRUCTION)), lastChatRequest);
        assertTrue(lastChatRequest.contains("1000 requests/second from this IP"), lastChatRequest);
    }
}
