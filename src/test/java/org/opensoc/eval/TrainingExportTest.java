package org.opensoc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensoc.attack.MitreCatalog;
import org.opensoc.cli.ExportTrainingCommand;
import org.opensoc.llm.ModelReplyParser;
import org.opensoc.llm.TriagePrompt;
import picocli.CommandLine;

class TrainingExportTest {

    private static final LabelledExample EXAMPLE = new LabelledExample(TriagePrompt.INSTRUCTION,
            "10.0.0.21 - - [16/Mar/2025:01:05:33] \"GET /index.html HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\"",
            "THREAT_TYPE: No Threat Detected — Normal Traffic\nMITRE_TECHNIQUE: N/A (N/A)\nSEVERITY: LOW");

    @Test
    void theTrainingTextIsTheServicePromptFollowedByTheGoldAnswer() {
        TrainingExport.TrainingRecord record = TrainingExport.of(List.of(EXAMPLE)).records().get(0);
        assertEquals(TriagePrompt.render(TriagePrompt.INSTRUCTION, EXAMPLE.input()) + EXAMPLE.output(), record.text());
        assertEquals("### Instruction:\n" + TriagePrompt.INSTRUCTION + "\n\n### Input:\n" + EXAMPLE.input()
                + "\n\n### Response:\n" + EXAMPLE.output(), record.text());
    }

    /** The Modelfile's TEMPLATE, filled as Ollama fills it, renders the prompt the adapter is trained on. */
    @Test
    void theModelfileTemplateRendersTheSamePromptAsTheExport() throws IOException {
        String modelfile = Files.readString(Path.of("Modelfile"));
        String template = quoted(modelfile, "TEMPLATE");
        String system = quoted(modelfile, "SYSTEM");
        assertEquals(TriagePrompt.INSTRUCTION, system);
        String rendered = template.replace("{{ .System }}", system).replace("{{ .Prompt }}", EXAMPLE.input());
        String text = TrainingExport.of(List.of(EXAMPLE)).records().get(0).text();
        assertEquals(rendered + EXAMPLE.output(), text);
    }

    private static String quoted(String modelfile, String directive) {
        Matcher m = Pattern.compile("(?ms)^" + directive + " \"\"\"(.*?)\"\"\"").matcher(modelfile);
        assertTrue(m.find(), directive + " in the Modelfile");
        return m.group(1);
    }

    @Test
    void everyRecordCarriesTheServiceInstructionAndExactDuplicatesAreDropped() {
        LabelledExample other = new LabelledExample("Classify this log.", "x", "THREAT_TYPE: Brute Force Attack");
        TrainingExport.Result result = TrainingExport.of(List.of(EXAMPLE, other, EXAMPLE));
        assertEquals(2, result.records().size());
        assertEquals(1, result.duplicatesDropped());
        assertEquals(1, result.instructionsReplaced());
        assertEquals(TriagePrompt.INSTRUCTION, result.records().get(1).instruction());
        assertTrue(result.records().get(1).text().startsWith("### Instruction:\n" + TriagePrompt.INSTRUCTION + "\n"));
    }

    @Test
    void theCommandMergesTheUsersLogsIntoTheDevelopmentPart(@TempDir Path dir) throws IOException {
        Path own = dir.resolve("own.jsonl");
        Files.writeString(own, "{\"input\": \"my log\", \"output\": \"THREAT_TYPE: Brute Force Attack\", \"site\": \"dc1\"}\n");
        Path out = dir.resolve("train.jsonl");
        CommandLine cli = new CommandLine(new ExportTrainingCommand(new ModelReplyParser(MitreCatalog.bundled())));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("--split", "development", "--out", out.toString(),
                LabelledDatasetTest.SOC_TRAIN.toString(), own.toString());
        assertEquals(0, code, err.toString());

        List<String> lines = Files.readAllLines(out);
        assertEquals(370 + 1, lines.size());
        ObjectMapper json = new ObjectMapper();
        JsonNode last = json.readTree(lines.get(lines.size() - 1));
        assertEquals(TriagePrompt.trainingText("my log", "THREAT_TYPE: Brute Force Attack"), last.get("text").asText());
        assertEquals(List.of("text", "instruction", "input", "output"), List.copyOf(iterable(last)));
        assertTrue(err.toString().contains("371 examples"), err.toString());
    }

    @Test
    void theCommandRefusesToExportTheHeldOutPart(@TempDir Path dir) {
        CommandLine cli = new CommandLine(new ExportTrainingCommand(new ModelReplyParser(MitreCatalog.bundled())));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("--split", "held-out", "--out", dir.resolve("t.jsonl").toString(),
                LabelledDatasetTest.SOC_TRAIN.toString()));
        assertTrue(err.toString().contains("held-out"), err.toString());
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
