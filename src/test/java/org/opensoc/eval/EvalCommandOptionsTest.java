package org.opensoc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensoc.AnalyzerKind;
import org.opensoc.Severity;
import org.opensoc.ThreatAnalysis;
import org.opensoc.attack.MitreCatalog;
import org.opensoc.cli.EvalCommand;
import org.opensoc.llm.ModelReply;
import org.opensoc.llm.ModelReplyParser;
import picocli.CommandLine;

/** The eval command's paths that never reach an analyzer, run through picocli without the application. */
class EvalCommandOptionsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int eval(String... args) {
        // No pipeline: these paths end before any entry is analyzed.
        CommandLine cli = new CommandLine(new EvalCommand(null, new ModelReplyParser(MitreCatalog.bundled())));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private static EvalReport run(String name, String predicted) {
        ModelReply gold = new ModelReply("Brute Force Attack", "T1110.001", null, Severity.HIGH, 70, null, null, null, List.of());
        return new Evaluator(e -> new ThreatAnalysis(predicted, "T1110.001", Severity.HIGH, 70, "", "", predicted, null, null,
                AnalyzerKind.RULES, List.of(), List.of()), e -> gold)
                .evaluate(name, "rules", List.of(new LabelledExample(null, "x", "x")), ProgressListener.SILENT);
    }

    @Test
    void compareReadsTwoSavedReportsAndPrintsTheirDeltas(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        run("baseline", "Credential Stuffing Attack").write(a);
        run("tuned", "Brute Force Attack").write(b);

        assertEquals(0, eval("--compare", a.toString(), b.toString()), err.toString());
        assertTrue(out.toString().contains("| metric | A: rules on baseline | B: rules on tuned | Δ (B − A) |"), out.toString());
        assertTrue(out.toString().contains("| Family accuracy | 0.0000 | 1.0000 | +1.0000 |"), out.toString());
    }

    @Test
    void autoIsRefusedBecauseAMeasurementMustNameItsAnalyzer() {
        assertEquals(2, eval("--analyzer", "auto", LabelledDatasetTest.SOC_TRAIN.toString()));
        assertTrue(err.toString().contains("--analyzer must be rules, llm or hybrid"), err.toString());
    }

    @Test
    void anUnknownSplitIsAUsageErrorAndAMissingDatasetAnUnreadableOne() {
        assertEquals(2, eval("--split", "test", LabelledDatasetTest.SOC_TRAIN.toString()));
        assertTrue(err.toString().contains("split must be one of all, development, held-out"), err.toString());
        assertEquals(1, eval("no-such-dataset.json"));
        assertTrue(err.toString().contains("opensoc eval: cannot read no-such-dataset.json: no such file"), err.toString());
        assertEquals(2, eval());
        assertTrue(err.toString().contains("give a DATASET"), err.toString());
    }

    @Test
    void aCorruptReportToCompareIsAnUnreadableFile(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        java.nio.file.Files.writeString(bad, "{not json");
        assertEquals(1, eval("--compare", bad.toString(), bad.toString()));
        assertTrue(err.toString().startsWith("opensoc eval: "), err.toString());
    }
}
