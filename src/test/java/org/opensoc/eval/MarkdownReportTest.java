package org.opensoc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensoc.AnalyzerKind;
import org.opensoc.Severity;
import org.opensoc.ThreatAnalysis;
import org.opensoc.llm.ModelReply;

class MarkdownReportTest {

    private static EvalReport report(String analyzer, String predictedType) {
        ModelReply gold = new ModelReply("Brute Force Attack", "T1110.001", null, Severity.HIGH, 70, null, null, null, List.of());
        Evaluator evaluator = new Evaluator(e -> new ThreatAnalysis(predictedType, "T1110.001", Severity.HIGH, 72, "e", "r",
                predictedType, null, null, AnalyzerKind.LLM, List.of(), List.of()), e -> gold);
        return evaluator.evaluate("data.json", analyzer, List.of(new LabelledExample(null, "a", "a"),
                new LabelledExample(null, "b", "b")), ProgressListener.SILENT);
    }

    @Test
    void theReportHasTheHeadlineTableAndBothConfusionMatrices() {
        String md = MarkdownReport.render(report("llm", "Brute Force Attack"));
        assertTrue(md.contains("| Threat type accuracy (exact) | 100.0% (2/2) | 2 |"), md);
        assertTrue(md.contains("| Risk score MAE | 2.0000 | 2 |"), md);
        assertTrue(md.contains("## Family confusion"), md);
        assertTrue(md.contains("| gold \\ predicted | 1 |\n|---|---|\n| 1. Brute Force Attack | 2 |"), md);
        assertTrue(md.contains("| 1. HIGH | 2 |"), md);
    }

    @Test
    void comparisonPrintsBothRunsAndTheDelta() {
        String md = MarkdownReport.compare(report("rules", "Credential Stuffing Attack"), report("llm", "Brute Force Attack"));
        assertTrue(md.contains("| Threat type accuracy (exact) | 0.0000 | 1.0000 | +1.0000 |"), md);
        assertTrue(md.contains("| Severity accuracy | 1.0000 | 1.0000 | +0.0000 |"), md);
        assertTrue(md.startsWith("| metric | A: rules on data.json | B: llm on data.json |"), md);
    }

    @Test
    void aLabelFromTheDataCannotInjectMarkupOrBreakTheTable() {
        String md = MarkdownReport.render(report("llm", "<script>alert(1)</script>|x"));
        assertFalse(md.contains("<script>"), md);
        assertTrue(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;\\|x"), md);
    }

    @Test
    void aReportSurvivesTheJsonRoundTripThatCompareReadsItBy(@TempDir Path dir) throws IOException {
        EvalReport report = report("llm", "Brute Force Attack");
        Path file = dir.resolve("a.json");
        report.write(file);
        assertEquals(report, EvalReport.read(file));
        assertTrue(Files.readString(file).contains("\"threatTypeAccuracy\""));
    }
}
