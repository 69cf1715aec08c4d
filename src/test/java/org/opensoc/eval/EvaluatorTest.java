package org.opensoc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensoc.AnalyzerKind;
import org.opensoc.Severity;
import org.opensoc.ThreatAnalysis;
import org.opensoc.ThreatFamily;
import org.opensoc.llm.ModelReply;

/** Six entries with canned gold answers and verdicts, so every figure is known by hand. */
class EvaluatorTest {

    private static final double EPS = 1e-9;
    private static final String SQLI_UNION = "SQL Injection — Union/Boolean SQLi";
    private static final String BENIGN = "No Threat Detected — Normal Traffic";

    private static ModelReply gold(String type, String mitre, Severity severity, Integer score) {
        return new ModelReply(type, mitre, null, severity, score, null, null, null, List.of());
    }

    private static ThreatAnalysis verdict(String type, String mitre, Severity severity, int score) {
        return new ThreatAnalysis(type, mitre, severity, score, "e", "r", ThreatFamily.familyOf(type), null, null,
                AnalyzerKind.RULES, List.of(), List.of());
    }

    /** input -> gold answer and verdict (null verdict: the analyzer throws). */
    private static final Map<String, ModelReply> GOLD = Map.of(
            "e1", gold(SQLI_UNION, "T1190", Severity.CRITICAL, 90),
            "e2", gold("SQL Injection — Error-based SQLi", "T1190", Severity.HIGH, 75),
            "e3", gold("Brute Force Attack", "T1110.001", Severity.HIGH, 70),
            "e4", gold(BENIGN, null, Severity.LOW, 10),
            "e5", gold(BENIGN, null, Severity.LOW, 12),
            // Labels only the threat type: the other metrics skip it.
            "e6", gold("Brute Force Attack", null, null, null));

    private static final Map<String, ThreatAnalysis> VERDICTS = Map.of(
            "e1", verdict(SQLI_UNION, "T1190", Severity.CRITICAL, 85),
            "e2", verdict(SQLI_UNION, "t1190", Severity.CRITICAL, 85),
            "e3", verdict("Credential Stuffing Attack", "T1110.004", Severity.HIGH, 70),
            "e4", verdict("Automated Reconnaissance / Vulnerability Scanning", "T1595.002", Severity.MEDIUM, 55),
            "e5", verdict(BENIGN, "N/A", Severity.LOW, 10));

    private final List<Integer> failedAt = new ArrayList<>();
    private final List<Integer> progressed = new ArrayList<>();

    private EvalReport run() {
        List<LabelledExample> examples = List.of("e1", "e2", "e3", "e4", "e5", "e6").stream()
                .map(id -> new LabelledExample(null, id, id)).toList();
        Evaluator evaluator = new Evaluator(entry -> {
            ThreatAnalysis v = VERDICTS.get(entry);
            if (v == null) {
                throw new IllegalStateException("model unavailable");
            }
            return v;
        }, GOLD::get);
        return evaluator.evaluate("canned", "rules", examples, new ProgressListener() {
            @Override
            public void progressed(int done, int total) {
                progressed.add(done);
            }

            @Override
            public void failed(int index, RuntimeException error) {
                failedAt.add(index);
            }
        });
    }

    @Test
    void exactThreatTypeAndFamilyAccuracyCountAFailedEntryAsWrong() {
        EvalReport report = run();
        assertEquals(6, report.entries());
        assertEquals(1, report.analyzerErrors());
        assertEquals(EvalReport.Proportion.of(2, 6), report.threatTypeAccuracy());
        assertEquals(EvalReport.Proportion.of(3, 6), report.familyAccuracy());
    }

    @Test
    void familyConfusionHasGoldRowsAndPredictedColumns() {
        EvalReport.Confusion confusion = run().family().confusion();
        assertEquals(List.of(Scorecard.NO_ANSWER, "Automated Reconnaissance / Vulnerability Scanning", "Brute Force Attack",
                "Credential Stuffing Attack", "No Threat Detected", "SQL Injection"), confusion.labels());
        assertEquals(List.of(1, 0, 0, 1, 0, 0), confusion.counts().get(2));
        assertEquals(List.of(0, 1, 0, 0, 1, 0), confusion.counts().get(4));
        assertEquals(List.of(0, 0, 0, 0, 0, 2), confusion.counts().get(5));
    }

    @Test
    void perFamilyScoresAndTheirAverages() {
        EvalReport.Classification family = run().family();
        ConfusionMatrix.LabelScores sqli = family.perLabel().get(5);
        assertEquals(new ConfusionMatrix.LabelScores("SQL Injection", 1, 1, 1, 2), sqli);
        ConfusionMatrix.LabelScores benign = family.perLabel().get(4);
        assertEquals(1.0, benign.precision(), EPS);
        assertEquals(0.5, benign.recall(), EPS);
        // Six labels; F1: SQLi 1, benign 2/3, the rest 0.
        assertEquals((1 + 2.0 / 3) / 6, family.macro().f1(), EPS);
        // Supports: SQLi 2, benign 2, brute force 2.
        assertEquals((1 * 2 + 2.0 / 3 * 2) / 6, family.weighted().f1(), EPS);
    }

    @Test
    void severityIsScoredOnlyWhereTheGoldHasOne() {
        EvalReport report = run();
        assertEquals(EvalReport.Proportion.of(3, 5), report.severityAccuracy());
        assertEquals(List.of("LOW", "MEDIUM", "HIGH", "CRITICAL"), report.severityConfusion().labels());
        assertEquals(List.of(0, 0, 1, 1), report.severityConfusion().counts().get(2));
    }

    @Test
    void riskScoreErrorSkipsEntriesWithoutAGoldScoreOrAVerdict() {
        EvalReport.MeanError risk = run().riskScore();
        assertEquals(5, risk.evaluated());
        assertEquals((5 + 10 + 0 + 45 + 2) / 5.0, risk.meanAbsoluteError(), EPS);
    }

    @Test
    void mitreIsComparedNormalizedExactlyAndAtTechniqueLevel() {
        EvalReport report = run();
        // e1, e2 (t1190 normalized), e5 (N/A) exact; e3 T1110.004 vs T1110.001 only at technique level.
        assertEquals(EvalReport.Proportion.of(3, 5), report.mitreExactAccuracy());
        assertEquals(EvalReport.Proportion.of(4, 5), report.mitreTechniqueAccuracy());
    }

    @Test
    void benignFalsePositiveRateIsFlaggedBenignOverAllBenign() {
        assertEquals(EvalReport.Proportion.of(1, 2), run().benignFalsePositiveRate());
    }

    @Test
    void progressIsToldAfterEveryEntryAndAFailureByIndex() {
        run();
        assertEquals(List.of(1, 2, 3, 4, 5, 6), progressed);
        assertEquals(List.of(5), failedAt);
    }

    @Test
    void aMetricWithNothingToScoreIsNullNotZero() {
        Evaluator evaluator = new Evaluator(e -> verdict(BENIGN, "N/A", Severity.LOW, 10),
                e -> gold("Brute Force Attack", null, null, null));
        EvalReport report = evaluator.evaluate("types only", "rules", List.of(new LabelledExample(null, "x", "x")),
                ProgressListener.SILENT);
        assertNull(report.severityAccuracy().rate());
        assertNull(report.riskScore().meanAbsoluteError());
        assertNull(report.mitreExactAccuracy().rate());
        assertNull(report.benignFalsePositiveRate().rate());
        assertEquals(0.0, report.threatTypeAccuracy().rate());
    }
}
