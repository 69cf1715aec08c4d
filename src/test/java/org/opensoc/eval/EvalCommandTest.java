package org.opensoc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The {@code eval} command as the packaged jar runs it: command mode, picocli, the CDI pipeline. One launch, since
 * each starts the application; the options that need no pipeline are tested in {@link EvalCommandOptionsTest}.
 */
@QuarkusMainTest
class EvalCommandTest {

    @Test
    void measuresTheRulesOnTheHeldOutPartAndSavesBothReports(QuarkusMainLauncher launcher) throws IOException {
        Path dir = Files.createDirectories(Path.of("target/eval-command-test"));
        Path json = dir.resolve("rules-held-out.json");
        Path markdown = dir.resolve("rules-held-out.md");

        LaunchResult run = launcher.launch("eval", "--analyzer", "rules", "--split", "held-out", "--progress",
                "--out", json.toString(), "--markdown", markdown.toString(), LabelledDatasetTest.SOC_TRAIN.toString());

        assertEquals(0, run.exitCode(), run.getErrorOutput());
        assertTrue(run.getOutput().contains("# OpenSOC evaluation: rules on soc_train.json (held-out)"), run.getOutput());
        assertTrue(run.getErrorOutput().contains("] 80/80"), "a progress bar on stderr: " + run.getErrorOutput());
        EvalReport report = EvalReport.read(json);
        assertEquals(80, report.entries());
        assertEquals("rules", report.analyzer());
        assertEquals(MarkdownReport.render(report), Files.readString(markdown));
    }
}
