package org.opensoc.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensoc.Finding;
import org.opensoc.ThreatAnalysis;

/**
 * Every rule on adversarial 64 KiB entries built to bait backtracking engines and quadratic scans. The bound is
 * checked by counting (characters handed to RE2J, which is linear in them), never by a clock: each distinct line
 * is scanned at most once per pattern and target, so the total stays within a constant times the entry length.
 */
class HostileInputTest {

    private static final int SIZE = EmbeddedDetector.MAX_ENTRY_CHARS;
    private static final EmbeddedDetector DETECTOR = new EmbeddedDetector();

    /** The most characters the rules may hand to RE2J for an entry of this length. */
    private static long bound(int length) {
        long perChar = 0;
        for (Rule r : DETECTOR.ruleBook().rules()) {
            int scans = r.spec().patterns().size() + r.spec().unless().size();
            perChar += (long) Math.max(1, scans) * Math.max(1, r.spec().in().size());
        }
        // + the aggregator's own parsing patterns (sshd outcomes, annotations): a few passes per line.
        return (perChar + 16) * (length + 1);
    }

    @Test
    void everyRuleOnAdversarialInputDoesWorkLinearInTheEntry() {
        long worst = 0;
        String worstName = null;
        for (Map.Entry<String, String> e : AdversarialEntries.all().entrySet()) {
            WorkMeter meter = new WorkMeter();
            ThreatAnalysis a = DETECTOR.analyze(e.getValue(), meter);
            long limit = bound(Math.min(SIZE, e.getValue().length()));
            assertTrue(meter.scannedChars() <= limit, e.getKey() + ": scanned " + meter.scannedChars() + " > " + limit);
            assertTrue(a.threatType() != null && a.recommendation() != null, e.getKey());
            if (meter.scannedChars() > worst) {
                worst = meter.scannedChars();
                worstName = e.getKey();
            }
        }
        System.out.println("[hostile] worst case '" + worstName + "': " + worst + " characters scanned");
    }

    @Test
    void decodingNeverGrowsTheText() {
        for (String s : AdversarialEntries.all().values()) {
            assertTrue(PayloadDecoder.normalize(s).length() <= s.length());
        }
    }

    @Test
    void anEntryOverTheCapIsTruncatedWithAWarningAndOffsetsStayInside() {
        String entry = "10.0.0.1 - - [01/Jan/2025:00:00:00 +0000] \"GET /x?id=1%20UNION%20SELECT%20null HTTP/1.1\" 200 1 \"-\" \"x\"\n"
                + "b".repeat(2 * SIZE);
        ThreatAnalysis a = DETECTOR.analyze(entry);
        assertEquals(1, a.warnings().size());
        assertEquals("SQL Injection — UNION-based SQLi", a.threatType());
        for (Finding f : a.findings()) {
            assertTrue(f.end() <= SIZE);
        }
    }

    @Test
    void nullAndEmptyEntriesAreBenignNotErrors() {
        assertEquals("No Threat Detected — Normal Traffic", DETECTOR.analyze(null).threatType());
        assertEquals("No Threat Detected — Normal Traffic", DETECTOR.analyze("").threatType());
        assertEquals("No Threat Detected — Normal Traffic", DETECTOR.analyze("\n\n\r\n").threatType());
    }
}
