package org.opensoc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledDatasetTest {

    static final Path SOC_TRAIN = Path.of("../shared/data/opensoc/soc_train.json");

    @Test
    void readsTheSharedTrainingSetAsAJsonArray() throws IOException {
        List<LabelledExample> examples = LabelledDataset.read(SOC_TRAIN);
        assertEquals(450, examples.size());
        assertTrue(examples.get(0).output().startsWith("THREAT_TYPE: SQL Injection"));
    }

    @Test
    void readsJsonLinesAndIgnoresExtraKeys() throws IOException {
        String jsonl = """
                {"instruction": "i", "input": "a", "output": "THREAT_TYPE: X", "source": "honeypot", "id": 7}
                {"input": "b", "output": "THREAT_TYPE: Y"}
                """;
        List<LabelledExample> examples = LabelledDataset.read(new StringReader(jsonl), "test.jsonl");
        assertEquals(List.of(new LabelledExample("i", "a", "THREAT_TYPE: X"), new LabelledExample(null, "b", "THREAT_TYPE: Y")),
                examples);
    }

    @Test
    void anExampleWithoutAnOutputIsAnErrorNamingItsPosition() {
        String json = "[{\"input\": \"a\", \"output\": \"o\"}, {\"input\": \"b\"}]";
        IOException e = assertThrows(IOException.class, () -> LabelledDataset.read(new StringReader(json), "d.json"));
        assertTrue(e.getMessage().contains("example 2"), e.getMessage());
    }

    @Test
    void textThatIsNotJsonIsAnErrorNotACrash() {
        IOException e = assertThrows(IOException.class,
                () -> LabelledDataset.read(new StringReader("input,output\nx,y\n"), "d.csv"));
        assertTrue(e.getMessage().startsWith("d.csv"), e.getMessage());
    }

    @Test
    void aFileWithAByteOrderMarkReadsLikeOneWithout(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("windows.json");
        Files.write(file, ("\uFEFF[{\"input\": \"a\", \"output\": \"o\"}]").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new LabelledExample(null, "a", "o")), LabelledDataset.read(file));
    }

    @Test
    void textThatIsNotJsonFromTheFirstByteIsAnErrorNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello");
        IOException e = assertThrows(IOException.class, () -> LabelledDataset.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void writesOneObjectALineWithNewlinesInsideValuesEscaped() throws IOException {
        StringWriter out = new StringWriter();
        LabelledDataset.writeJsonLines(List.of(new LabelledExample("i", "line 1\nline 2", "o")), out);
        assertEquals("{\"instruction\":\"i\",\"input\":\"line 1\\nline 2\",\"output\":\"o\"}\n", out.toString());
        assertEquals(List.of(new LabelledExample("i", "line 1\nline 2", "o")),
                LabelledDataset.read(new StringReader(out.toString()), "round trip"));
    }
}
