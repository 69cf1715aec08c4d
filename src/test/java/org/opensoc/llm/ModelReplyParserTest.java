package org.opensoc.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensoc.Severity;
import org.opensoc.attack.MitreCatalog;

class ModelReplyParserTest {

    private final ModelReplyParser parser = new ModelReplyParser(MitreCatalog.bundled());

    /** The paper's case-study answer, in the trained eight-line format. */
    private static final String CASE_STUDY = """
            THREAT_TYPE: SQL Injection — Union/Boolean SQLi
            MITRE_TECHNIQUE: T1190 (Exploit Public-Facing Application)
            MITRE_TACTIC: Initial Access
            SEVERITY: CRITICAL
            RISK_SCORE: 83
            EVIDENCE: burpsuite executing Union/Boolean SQLi via /profile endpoint. Payload goal: database enumeration. HTTP 403 response.
            IMPACT: Potential full database compromise, data exfiltration, or application takeover.
            RECOMMENDATION: 1) IMMEDIATE: Block IP and review DB query logs 2) Implement parameterized queries/prepared statements 3) Deploy WAF with SQLi rules""";

    @Test
    void readsEveryFieldOfTheTrainedFormat() {
        ModelReply r = parser.parse(CASE_STUDY);
        assertEquals("SQL Injection — Union/Boolean SQLi", r.threatType());
        assertEquals("T1190", r.mitreId());
        assertEquals("Initial Access", r.mitreTactic());
        assertEquals(Severity.CRITICAL, r.severity());
        assertEquals(83, r.riskScore());
        assertTrue(r.evidence().startsWith("burpsuite executing"));
        assertTrue(r.impact().startsWith("Potential full database"));
        assertTrue(r.recommendation().startsWith("1) IMMEDIATE: Block IP"), r.recommendation());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void readsBoldLowerCaseKeysAndChatterAround() {
        ModelReply r = parser.parse("""
                Sure! Here is my analysis of the log entry:

                **Threat Type:** Cross-Site Scripting (XSS) Attempt
                **mitre_id:** t1059.007
                **Severity**: high
                **Risk Score:** 70/100
                **Evidence:** `<script>alert(1)</script>` in the q parameter

                Let me know if you need anything else.""");
        assertEquals("Cross-Site Scripting (XSS) Attempt", r.threatType());
        assertEquals("T1059.007", r.mitreId());
        assertEquals(Severity.HIGH, r.severity());
        assertEquals(70, r.riskScore());
        assertTrue(r.evidence().contains("<script>"));
    }

    @Test
    void joinsAMultiLineRecommendation() {
        ModelReply r = parser.parse("""
                THREAT_TYPE: SSH Brute Force Attack
                MITRE_TECHNIQUE: T1110.001
                SEVERITY: HIGH
                RECOMMENDATION:
                1) Block 66.77.88.99
                2) Disable password authentication""");
        assertEquals("1) Block 66.77.88.99\n2) Disable password authentication", r.recommendation());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "T1190 (Exploit Public-Facing Application)|T1190",
            "t1190.001|T1190.001",
            "Technique 1190|T1190",
            "T-1190|T1190",
            "MITRE ATT&CK T1110/001 Password Guessing|T1110.001",
            "T1059.004 - Unix Shell|T1059.004"})
    void normalizesTechniqueIds(String written, String expected) {
        assertEquals(expected, parser.parse("THREAT_TYPE: X\nMITRE_TECHNIQUE: " + written + "\nSEVERITY: LOW").mitreId());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"85/100|85", "85%|85", "85|85", "8.5/10|85", "Risk is 92 out of 100|92"})
    void readsRiskScoresHoweverWritten(String written, int expected) {
        assertEquals(expected, parser.parse("THREAT_TYPE: X\nSEVERITY: HIGH\nRISK_SCORE: " + written).riskScore());
    }

    @Test
    void warnsOnAnUnknownTechniqueId() {
        ModelReply r = parser.parse("THREAT_TYPE: SQL Injection\nMITRE_TECHNIQUE: T9999\nSEVERITY: HIGH");
        assertEquals("T9999", r.mitreId());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("T9999") && w.contains("not in the ATT&CK catalog")), r.warnings().toString());
    }

    @Test
    void warnsOnMissingFieldsWithoutFailing() {
        ModelReply r = parser.parse("THREAT_TYPE: Brute Force Attack\nEVIDENCE: 12 failures");
        assertEquals("Brute Force Attack", r.threatType());
        assertNull(r.mitreId());
        assertNull(r.severity());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("MITRE")));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("SEVERITY")));
    }

    @Test
    void readsAJsonObjectWithSnakeCaseKeys() {
        ModelReply r = parser.parse("""
                ```json
                {"threat_type": "Path Traversal / Directory Traversal Attack", "mitre_technique": "T1083",
                 "severity": "CRITICAL", "risk_score": 88, "evidence": "../../etc/passwd returned 200",
                 "recommendation": ["Block the IP", "Validate file paths"]}
                ```""");
        assertEquals("Path Traversal / Directory Traversal Attack", r.threatType());
        assertEquals("T1083", r.mitreId());
        assertEquals(Severity.CRITICAL, r.severity());
        assertEquals(88, r.riskScore());
        assertEquals("1) Block the IP 2) Validate file paths", r.recommendation());
    }

    @Test
    void readsAJsonObjectWithCamelCaseKeysAndANestedTechnique() {
        ModelReply r = parser.parse("{\"threatType\": \"Credential Stuffing Attack\", \"mitre\": {\"id\": \"T1110.004\","
                + " \"name\": \"Credential Stuffing\"}, \"severityLevel\": \"High\", \"riskScore\": \"81\"}");
        assertEquals("Credential Stuffing Attack", r.threatType());
        assertEquals("T1110.004", r.mitreId());
        assertEquals(Severity.HIGH, r.severity());
        assertEquals(81, r.riskScore());
    }

    @Test
    void infersFieldsFromProse() {
        ModelReply r = parser.parse("This log shows a SQL injection attempt using a tautology. It maps to MITRE"
                + " technique T1190 and I would rate the severity as critical.");
        assertEquals("SQL Injection", r.threatType());
        assertEquals("T1190", r.mitreId());
        assertEquals(Severity.CRITICAL, r.severity());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("prose")));
    }

    @Test
    void keepsNotApplicableForBenignTraffic() {
        ModelReply r = parser.parse("THREAT_TYPE: No Threat Detected — Normal Traffic\nMITRE_TECHNIQUE: N/A (N/A)\n"
                + "MITRE_TACTIC: N/A\nSEVERITY: LOW\nRISK_SCORE: 11");
        assertEquals("N/A", r.mitreId());
        assertEquals(Severity.LOW, r.severity());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void answersNothingUsableForGarbageWithoutThrowing() {
        ModelReply r = parser.parse("\u0000\u0001 ### ### lorem ipsum");
        assertTrue(r.isEmpty());
        assertTrue(parser.parse("").isEmpty());
        assertTrue(parser.parse(null).isEmpty());
    }

    @Test
    void staysLinearOnHostileEchoedText() {
        String hostile = "THREAT_TYPE: " + "a".repeat(50_000) + "\n" + "{".repeat(20_000) + "\n" + "*".repeat(50_000) + ":";
        ModelReply r = parser.parse(hostile);
        assertTrue(r.threatType().startsWith("aaa"));
    }
}
