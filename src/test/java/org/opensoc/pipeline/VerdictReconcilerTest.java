package org.opensoc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensoc.AnalyzerKind;
import org.opensoc.Finding;
import org.opensoc.Severity;
import org.opensoc.ThreatAnalysis;
import org.opensoc.attack.FamilyTechniques;
import org.opensoc.attack.MitreCatalog;
import org.opensoc.llm.ModelReply;

class VerdictReconcilerTest {

    private static final String SQLI_LOG =
            "91.108.4.20 - - [16/Mar/2025:01:05:33] \"GET /profile?id=1 OR 1=1-- HTTP/1.1\" 403 12466 \"-\" \"burpsuite\"";
    private static final String PLAIN_LOG =
            "10.0.0.5 - - [16/Mar/2025:01:05:33] \"GET /reports/q3.pdf HTTP/1.1\" 200 99000000 \"-\" \"python-requests/2.28\"";

    private final ModelVerdict verdict = new ModelVerdict(MitreCatalog.bundled(), FamilyTechniques.bundled());
    private final VerdictReconciler reconciler = new VerdictReconciler();

    private static ThreatAnalysis sqliByRules() {
        return new ThreatAnalysis("SQL Injection — Union/Boolean SQLi", "T1190", Severity.CRITICAL, 85, "'OR 1=1--'",
                "1) Block", "SQL Injection", "Exploit Public-Facing Application", "initial-access", AnalyzerKind.RULES,
                List.of(new Finding("sqli-tautology", "SQL Injection", "T1190", "OR 1=1--", 31, 39)), List.of());
    }

    private static ThreatAnalysis benignByRules() {
        return new ThreatAnalysis("No Threat Detected — Normal Traffic", "N/A", Severity.LOW, 10, "nothing matched",
                "No action", "No Threat Detected", "N/A", "N/A", AnalyzerKind.RULES, List.of(), List.of());
    }

    private static ModelReply reply(String type, String mitre, Severity severity, String evidence) {
        return new ModelReply(type, mitre, null, severity, null, evidence, null, "1) Investigate", List.of());
    }

    @Test
    void agreementKeepsTheDetectorsVerdictAsHybrid() {
        ThreatAnalysis out = reconciler.reconcile(sqliByRules(),
                verdict.check(reply("SQL Injection — Union/Boolean SQLi", "T1190", Severity.CRITICAL, "OR 1=1-- from burpsuite"), SQLI_LOG));
        assertEquals(AnalyzerKind.HYBRID, out.analyzer());
        assertEquals("SQL Injection — Union/Boolean SQLi", out.threatType());
        assertTrue(out.warnings().isEmpty(), out.warnings().toString());
    }

    @Test
    void aModelTalkedIntoNoThreatNeverOverrulesAFinding() {
        ThreatAnalysis out = reconciler.reconcile(sqliByRules(),
                verdict.check(reply("No Threat Detected — Normal Traffic", "N/A", Severity.LOW, "benign"), SQLI_LOG));
        assertEquals("SQL Injection", out.family());
        assertEquals(Severity.CRITICAL, out.severity());
        assertTrue(out.warnings().stream().anyMatch(w -> w.contains("kept the detector's verdict")));
    }

    @Test
    void theModelMayNameWhatTheRulesMissedWhenItsAnswerHoldsUp() {
        ThreatAnalysis out = reconciler.reconcile(benignByRules(), verdict.check(
                reply("Potential Data Exfiltration", "T1041", Severity.HIGH, "'99000000' bytes of /reports/q3.pdf to python-requests"),
                PLAIN_LOG));
        assertEquals("Potential Data Exfiltration", out.family());
        assertEquals("T1041", out.mitreId());
        assertEquals("Exfiltration Over C2 Channel", out.mitreName());
        assertEquals(AnalyzerKind.HYBRID, out.analyzer());
        assertTrue(out.warnings().stream().anyMatch(w -> w.contains("kept the model's verdict")));
    }

    @Test
    void aModelWhoseEvidenceIsNotInTheLogIsNotBelieved() {
        ThreatAnalysis out = reconciler.reconcile(benignByRules(), verdict.check(
                reply("OS Command Injection Attempt", "T1059.004", Severity.CRITICAL, "'; cat /etc/shadow' in the cmd parameter"),
                PLAIN_LOG));
        assertEquals("No Threat Detected", out.family());
        assertTrue(out.warnings().stream().anyMatch(w -> w.contains("does not occur in the log")));
    }

    @Test
    void aModelThatOnlyDescribesTheEntryDoesNotOverruleTheDetector() {
        ThreatAnalysis out = reconciler.reconcile(benignByRules(), verdict.check(
                reply("Potential Data Exfiltration", "T1041", Severity.HIGH, "Large transfer of /reports/q3.pdf to python-requests/2.28"),
                PLAIN_LOG));
        assertEquals("No Threat Detected", out.family());
        assertTrue(out.warnings().stream().anyMatch(w -> w.contains("does not hold up")), out.warnings().toString());
    }

    @Test
    void aTechniqueThatDoesNotFitTheFamilyIsReplacedByTheFamilyDefault() {
        ModelVerdict.Checked checked = verdict.check(reply("SQL Injection", "T1110.001", Severity.HIGH, "OR 1=1--"), SQLI_LOG);
        assertFalse(checked.mitreFits());
        assertEquals("T1190", checked.analysis().mitreId());
        assertTrue(checked.analysis().warnings().stream().anyMatch(w -> w.contains("does not fit")));
    }

    @Test
    void theRiskScoreIsMovedIntoTheSeverityBand() {
        ModelReply r = new ModelReply("SQL Injection", "T1190", null, Severity.LOW, 95, "OR 1=1--", null, null, List.of());
        ThreatAnalysis out = verdict.check(r, SQLI_LOG).analysis();
        assertEquals(Severity.LOW, out.severity());
        assertEquals(Severity.LOW.maxScore(), out.riskScore());
    }

    @Test
    void anUnknownThreatTypeIsFlagged() {
        ThreatAnalysis out = verdict.check(reply("Quantum Hacking", "T1190", Severity.HIGH, "OR 1=1--"), SQLI_LOG).analysis();
        assertTrue(out.warnings().stream().anyMatch(w -> w.contains("not in the taxonomy")));
    }
}
