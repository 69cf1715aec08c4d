package org.opensoc.detect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opensoc.Finding;
import org.opensoc.ThreatAnalysis;

/** Every rule's own examples, through the whole detector: positives fire the rule, negatives do not. */
class RuleExamplesTest {

    private static final EmbeddedDetector DETECTOR = new EmbeddedDetector();

    @TestFactory
    Stream<DynamicTest> everyRuleFiresOnItsPositivesAndNotOnItsNegatives() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : DETECTOR.ruleBook().rules()) {
            RuleSpec.Examples ex = rule.spec().examples();
            for (int i = 0; i < ex.positive().size(); i++) {
                String line = ex.positive().get(i);
                tests.add(DynamicTest.dynamicTest(rule.id() + " fires on positive " + (i + 1), () -> {
                    ThreatAnalysis a = DETECTOR.analyze(line);
                    assertTrue(fired(a, rule.id()), () -> rule.id() + " did not fire on: " + line + "\n got " + ids(a));
                }));
            }
            for (int i = 0; i < ex.negative().size(); i++) {
                String line = ex.negative().get(i);
                tests.add(DynamicTest.dynamicTest(rule.id() + " stays quiet on negative " + (i + 1), () -> {
                    ThreatAnalysis a = DETECTOR.analyze(line);
                    assertFalse(fired(a, rule.id()), () -> rule.id() + " fired on: " + line);
                }));
            }
        }
        return tests.stream();
    }

    private static boolean fired(ThreatAnalysis a, String id) {
        return a.findings().stream().anyMatch(f -> f.ruleId().equals(id));
    }

    private static List<String> ids(ThreatAnalysis a) {
        return a.findings().stream().map(Finding::ruleId).toList();
    }
}
