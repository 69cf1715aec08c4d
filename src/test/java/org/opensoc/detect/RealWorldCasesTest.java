package org.opensoc.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opensoc.Finding;
import org.opensoc.ThreatAnalysis;
import org.opensoc.ThreatFamily;

/** Hand-written real attack payloads and real benign traffic (detect/cases.yaml): family and severity. */
class RealWorldCasesTest {

    record Case(String name, String family, String severity, String log) {
    }

    record CaseFile(List<Case> cases) {
    }

    private static final EmbeddedDetector DETECTOR = new EmbeddedDetector();

    static List<Case> cases() throws IOException {
        try (InputStream in = RealWorldCasesTest.class.getResourceAsStream("/detect/cases.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readValue(in, CaseFile.class).cases();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachCaseGetsItsFamilyAndSeverity() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            ThreatAnalysis a = DETECTOR.analyze(c.log());
            String got = ThreatFamily.familyOf(a.threatType());
            assertEquals(c.family(), got, () -> c.name() + ": " + a.threatType() + " " + a.findings().stream()
                    .map(Finding::ruleId).toList());
            assertEquals(c.severity(), a.severity().name(), c.name());
        }));
    }

    @Test
    void everyFindingQuotesTheRawEntryAtItsOffsets() throws IOException {
        for (Case c : cases()) {
            ThreatAnalysis a = DETECTOR.analyze(c.log());
            for (Finding f : a.findings()) {
                assertEquals(c.log().substring(f.start(), f.end()), f.match(), c.name() + " " + f.ruleId());
            }
            assertTrue(a.recommendation().startsWith("1) "), c.name());
            assertEquals(a.severity().clamp(a.riskScore()), a.riskScore(), c.name() + " score outside its band");
        }
    }

    @Test
    void printsAccuracyAndBenignFalsePositiveRate() throws IOException {
        List<Case> all = cases();
        int family = 0;
        int severity = 0;
        int benign = 0;
        int falsePositives = 0;
        for (Case c : all) {
            ThreatAnalysis a = DETECTOR.analyze(c.log());
            boolean famOk = c.family().equals(ThreatFamily.familyOf(a.threatType()));
            family += famOk ? 1 : 0;
            severity += c.severity().equals(a.severity().name()) ? 1 : 0;
            if (c.family().equals(ThreatFamily.NO_THREAT.label())) {
                benign++;
                falsePositives += famOk ? 0 : 1;
            }
        }
        System.out.printf(Locale.ROOT, "[real-world] n=%d family=%.3f severity=%.3f benign=%d falsePositives=%d%n",
                all.size(), family / (double) all.size(), severity / (double) all.size(), benign, falsePositives);
        assertEquals(0, falsePositives);
    }
}
