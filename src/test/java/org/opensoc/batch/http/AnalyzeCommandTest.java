package org.opensoc.batch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensoc.cli.AnalyzeCommand;
import picocli.CommandLine;

/** The analyze command as picocli runs it inside the packaged jar, with stdout and stderr captured. */
@QuarkusTest
class AnalyzeCommandTest {

    @Inject
    AnalyzeCommand command;

    private StringWriter out;
    private ByteArrayOutputStream err;

    private int run(String... args) {
        out = new StringWriter();
        err = new ByteArrayOutputStream();
        command.setOutput(out, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandLine(command).execute(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesNdjsonEntriesAndASummaryForAFile() throws IOException {
        assertEquals(0, run(BatchResourceTest.MIXED.toString(), "--no-progress"));
        String[] lines = out.toString().split("\n");
        JsonNode summary = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertEquals("summary", summary.path("type").asText());
        assertEquals(Files.readString(BatchResourceTest.MIXED).lines().count(), summary.path("lines").asLong());
        assertTrue(stderr().contains("lines"), stderr());
    }

    @Test
    void writesACsvExport() {
        assertEquals(0, run(BatchResourceTest.MIXED.toString(), "--format", "csv"));
        assertTrue(out.toString().startsWith("\"threat_type\",\"mitre_id\""));
        assertTrue(stderr().contains("entries"));
    }

    @Test
    void showsProgressWhenAsked() {
        assertEquals(0, run(BatchResourceTest.MIXED.toString(), "--format", "ocsf", "--progress"));
        assertTrue(stderr().contains("lines,"), stderr());
        assertTrue(out.toString().contains("\"class_uid\":2004"));
    }

    @Test
    void exitsNonZeroOnUnreadableOrEmptyInput(@TempDir Path dir) throws IOException {
        assertEquals(1, run(dir.resolve("missing.log").toString()));
        assertTrue(stderr().contains("cannot read"), stderr());
        assertEquals(1, run(dir.toString()));
        Path empty = Files.createFile(dir.resolve("empty.log"));
        assertEquals(1, run(empty.toString()));
        Path csv = Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n");
        assertEquals(1, run(csv.toString()));
        assertTrue(stderr().contains("no column"), stderr());
    }

    @Test
    void exitsWithAUsageCodeOnBadOptions() {
        assertEquals(2, run(BatchResourceTest.MIXED.toString(), "--format", "xlsx"));
        assertEquals(2, run(BatchResourceTest.MIXED.toString(), "--analyzer", "magic"));
    }
}
