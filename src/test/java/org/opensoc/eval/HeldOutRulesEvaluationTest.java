package org.opensoc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.opensoc.attack.MitreCatalog;
import org.opensoc.detect.EmbeddedDetector;
import org.opensoc.llm.ModelReplyParser;

/**
 * The embedded detector on the agreed held-out part of soc_train.json, report printed. It asserts the bookkeeping
 * (every entry scored, every gold field present, the confusion matrices adding up), not a score: the figures are
 * measured and reported, not pinned, so a better detector does not break the test.
 */
class HeldOutRulesEvaluationTest {

    @Test
    void scoresEveryHeldOutEntryOnEveryMetricAndPrintsTheReport() throws IOException {
        ModelReplyParser parser = new ModelReplyParser(MitreCatalog.bundled());
        List<LabelledExample> heldOut = StratifiedSplit.byThreatType(parser, OptionalLong.empty())
                .split(LabelledDataset.read(LabelledDatasetTest.SOC_TRAIN)).heldOut();
        EmbeddedDetector detector = new EmbeddedDetector();
        EvalReport report = new Evaluator(detector::analyze, parser::parse)
                .evaluate("soc_train.json (held-out)", "rules", heldOut, ProgressListener.SILENT);
        System.out.println(MarkdownReport.render(report));

        assertEquals(80, report.entries());
        assertEquals(0, report.analyzerErrors());
        for (EvalReport.Proportion p : List.of(report.threatTypeAccuracy(), report.familyAccuracy(), report.severityAccuracy(),
                report.mitreExactAccuracy(), report.mitreTechniqueAccuracy())) {
            assertEquals(80, p.evaluated());
            assertNotNull(p.rate());
        }
        assertEquals(80, report.riskScore().evaluated());
        assertTrue(report.mitreTechniqueAccuracy().count() >= report.mitreExactAccuracy().count());
        assertTrue(report.familyAccuracy().count() >= report.threatTypeAccuracy().count());
        assertEquals(4, report.benignFalsePositiveRate().evaluated());
        assertEquals(80, report.family().confusion().counts().stream().flatMap(List::stream).mapToInt(Integer::intValue).sum());
        assertEquals(80, report.family().perLabel().stream().mapToInt(ConfusionMatrix.LabelScores::support).sum());
        assertEquals(report.familyAccuracy().rate(), report.family().weighted().recall(), 1e-9);
    }
}
