package org.opensoc.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One prompt everywhere: the service's instruction and frame, the Modelfile's SYSTEM and TEMPLATE, and the
 * frame the training data documents must be the same text, and the Modelfile's PARAMETERs must be the options
 * the service sends with every request.
 */
class PromptContractTest {

    private static final Path MODELFILE = Path.of("Modelfile");
    private static final Path TRAINING_README = Path.of("../shared/data/opensoc/README.md");

    @Test
    void modelfileTemplateRendersTheTrainingFrame() throws IOException {
        String template = tripleQuoted(Files.readString(MODELFILE), "TEMPLATE");
        String input = "10.0.0.1 - - [01/Jan/2026:00:00:00] \"GET / HTTP/1.1\" 200 1";
        String rendered = template.replace("{{ .System }}", TriagePrompt.INSTRUCTION).replace("{{ .Prompt }}", input);
        assertEquals(TriagePrompt.render(TriagePrompt.INSTRUCTION, input), rendered);
    }

    @Test
    void modelfileSystemIsTheFixedInstruction() throws IOException {
        assertEquals(TriagePrompt.INSTRUCTION, tripleQuoted(Files.readString(MODELFILE), "SYSTEM"));
    }

    @Test
    void trainingDataDocumentsTheSameFrameAndInstruction() throws IOException {
        String readme = Files.readString(TRAINING_README);
        assertTrue(readme.contains("`" + TriagePrompt.INSTRUCTION + "`"), "the data's instruction differs from the service's");
        Matcher block = Pattern.compile("(?m)^    ### Instruction:\\n(?:^    .*\\n|^\\n)*").matcher(readme);
        assertTrue(block.find(), "no indented frame in the training README");
        String frame = block.group().replaceAll("(?m)^    ", "").strip();
        assertEquals(TriagePrompt.FRAME + "{output}", frame + (frame.endsWith("{output}") ? "" : "\n{output}"));
    }

    @Test
    void modelfileParametersMatchWhatTheServiceSends() throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^PARAMETER\\s+(\\w+)\\s+(.+)$").matcher(Files.readString(MODELFILE));
        while (m.find()) {
            parameters.put(m.group(1), m.group(2).trim().replaceAll("^\"|\"$", ""));
        }
        Properties app = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            app.load(in);
        }
        String prefix = "quarkus.langchain4j.ollama.chat-model.";
        Map<String, String> sent = Map.of(
                "temperature", app.getProperty(prefix + "temperature"),
                "top_k", app.getProperty(prefix + "top-k"),
                "top_p", app.getProperty(prefix + "top-p"),
                "num_predict", app.getProperty(prefix + "num-predict"),
                "stop", app.getProperty(prefix + "stop"),
                "seed", app.getProperty(prefix + "seed"));
        assertEquals(sent, parameters);
        assertEquals("opensoc", app.getProperty(prefix + "model-id"));
    }

    private static String tripleQuoted(String modelfile, String directive) {
        Matcher m = Pattern.compile("(?ms)^" + directive + " \"\"\"(.*?)\"\"\"").matcher(modelfile);
        assertTrue(m.find(), "no " + directive + " in the Modelfile");
        return m.group(1);
    }
}
