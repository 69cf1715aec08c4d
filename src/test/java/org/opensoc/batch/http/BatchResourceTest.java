package org.opensoc.batch.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.opensoc.batch.BatchService;

@QuarkusTest
class BatchResourceTest {

    static final Path MIXED = Path.of("src/test/resources/batch/mixed.log");
    static final String BATCH = "/api/v1/analyze/batch";

    @TestHTTPResource("/")
    URL root;

    @Inject
    BatchService batches;

    private final ObjectMapper json = new ObjectMapper();

    private static void sleepQuietly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<JsonNode> ndjson(String body) {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                try {
                    nodes.add(json.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("not JSON: " + line, e);
                }
            }
        }
        return nodes;
    }

    private static long lines(Path file) throws IOException {
        return Files.readString(file).lines().count();
    }

    private void assertEveryLineAccountedFor(List<JsonNode> nodes, long expectedLines) {
        JsonNode summary = nodes.get(nodes.size() - 1);
        assertEquals("summary", summary.path("type").asText());
        assertEquals(expectedLines, summary.path("lines").asLong());
        List<JsonNode> entries = nodes.subList(0, nodes.size() - 1);
        assertTrue(entries.stream().allMatch(n -> "entry".equals(n.path("type").asText())));
        assertEquals(expectedLines, entries.stream().mapToLong(n -> n.path("lineCount").asLong()).sum());
        assertEquals(entries.size(), summary.path("entries").asLong());
        for (String field : List.of("index", "firstLine", "lastLine", "lineCount", "logType", "excerpt", "cached", "analysis")) {
            assertTrue(entries.get(0).has(field), field);
        }
        for (String field : List.of("bytes", "byFamily", "bySeverity", "topSources", "unparsedLines", "truncatedLines",
                "cacheHits", "cacheHitRate", "elapsedMs")) {
            assertTrue(summary.has(field), field);
        }
    }

    @Test
    void streamsNdjsonForARawBodyAccountingForEveryLine() throws IOException {
        Response response = given().contentType("text/plain").body(Files.readAllBytes(MIXED))
                .post(BATCH).then().statusCode(200).contentType(startsWith("application/x-ndjson")).extract().response();
        assertEveryLineAccountedFor(ndjson(response.asString()), lines(MIXED));
    }

    @Test
    void acceptsAMultipartFilePart() throws IOException {
        Response response = given().multiPart("file", MIXED.toFile(), "text/plain").queryParam("analyzer", "rules")
                .post(BATCH).then().statusCode(200).extract().response();
        assertEveryLineAccountedFor(ndjson(response.asString()), lines(MIXED));
    }

    @Test
    void streamsServerSentEventsWithProgressForTheUi() throws IOException {
        String body = given().contentType("text/plain").accept("text/event-stream").body(Files.readAllBytes(MIXED))
                .post(BATCH).then().statusCode(200).contentType(startsWith("text/event-stream")).extract().asString();
        List<String> events = new ArrayList<>();
        List<JsonNode> data = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("event: ")) {
                events.add(line.substring(7));
            } else if (line.startsWith("data: ")) {
                data.add(json.readTree(line.substring(6)));
            }
        }
        assertEquals(events.size(), data.size());
        assertTrue(events.contains("entry"));
        assertTrue(events.contains("progress"));
        assertEquals("summary", events.get(events.size() - 1));
        JsonNode progress = data.get(events.lastIndexOf("progress"));
        assertEquals(lines(MIXED), progress.path("linesRead").asLong());
        assertTrue(progress.has("totalBytes"));
        List<JsonNode> entriesAndSummary = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (!"progress".equals(events.get(i))) {
                entriesAndSummary.add(data.get(i));
            }
        }
        assertEveryLineAccountedFor(entriesAndSummary, lines(MIXED));
    }

    @Test
    void answersAnExportDownloadWhenAFormatIsAsked() {
        String csv = given().contentType("text/plain").body(MIXED.toFile()).queryParam("format", "csv")
                .post(BATCH).then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("attachment")).extract().asString();
        assertTrue(csv.startsWith("\"threat_type\",\"mitre_id\",\"severity\",\"risk_score\",\"evidence\",\"recommendation\""));
    }

    @Test
    void readsABodyFarLargerThanTheGlobalBodyLimit() {
        String line = "10.0.0.7 - - [18/Mar/2025:16:22:58] \"GET /index.html HTTP/1.1\" 200 1366 \"-\" \"Mozilla/5.0\"\n";
        int count = 3 * (1 << 20) / line.length();
        String body = given().contentType("application/octet-stream").body(line.repeat(count).getBytes(StandardCharsets.UTF_8))
                .post(BATCH).then().statusCode(200).extract().asString();
        List<JsonNode> nodes = ndjson(body);
        assertEquals(count, nodes.get(nodes.size() - 1).path("lines").asLong());
        assertTrue(nodes.get(nodes.size() - 1).path("cacheHitRate").asDouble() > 0.99);
    }

    @Test
    void countsBinaryContentAsUnparsedWithoutFailing() {
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        String body = given().contentType("application/octet-stream").body(binary).post(BATCH)
                .then().statusCode(200).extract().asString();
        List<JsonNode> nodes = ndjson(body);
        JsonNode summary = nodes.get(nodes.size() - 1);
        assertTrue(summary.path("unparsedLines").asLong() > 0);
        assertEquals(summary.path("lines").asLong(), nodes.subList(0, nodes.size() - 1).stream()
                .mapToLong(n -> n.path("lineCount").asLong()).sum());
    }

    @Test
    void refusesAnEmptyFileWithAProblem() {
        given().contentType("text/plain").body(new byte[0]).post(BATCH).then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400))
                .body("type", containsString("empty-file"));
    }

    @Test
    void refusesACsvWithoutALogColumnWithAProblem() {
        given().multiPart("file", "export.csv", "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post(BATCH).then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("csv-without-log-column"));
    }

    @Test
    void analyzesTheMessageColumnOfACsvUpload() {
        String csv = "time,message\n2025-03-15T01:00:00Z,\"91.108.4.20 - - [16/Mar/2025:01:05:33] \"\"GET /profile?id=1 OR 1=1-- HTTP/1.1\"\" 403 1 \"\"-\"\" \"\"x\"\"\"\n";
        String body = given().multiPart("file", "export.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post(BATCH).then().statusCode(200).extract().asString();
        List<JsonNode> nodes = ndjson(body);
        assertEquals(1, nodes.get(nodes.size() - 1).path("lines").asLong());
        assertEquals("91.108.4.20", nodes.get(0).path("source").asText());
    }

    @Test
    void refusesAMultipartUploadWithoutAFilePart() {
        given().multiPart("other", "x.log", "line\n".getBytes(StandardCharsets.UTF_8), "text/plain").post(BATCH)
                .then().statusCode(400).body("type", containsString("missing-file"));
    }

    @Test
    void refusesBadQueryValuesAndMediaTypesWithProblems() {
        given().contentType("text/plain").body("x\n").queryParam("analyzer", "magic").post(BATCH)
                .then().statusCode(400).contentType("application/problem+json").body("type", containsString("bad-analyzer"));
        given().contentType("text/plain").body("x\n").queryParam("format", "xlsx").post(BATCH)
                .then().statusCode(400).body("type", containsString("bad-format"));
        given().contentType("application/json").body("{\"log\":\"x\"}").post(BATCH)
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void exportsStreamedEntriesWithoutAnalyzingAgain() throws IOException {
        String stream = given().contentType("text/plain").body(Files.readAllBytes(MIXED)).post(BATCH)
                .then().statusCode(200).extract().asString();
        String ocsf = given().contentType("application/x-ndjson").body(stream.getBytes(StandardCharsets.UTF_8)).queryParam("format", "ocsf")
                .post("/api/v1/export").then().statusCode(200).contentType(startsWith("application/x-ndjson"))
                .header("Content-Disposition", containsString("attachment")).extract().asString();
        List<JsonNode> findings = ndjson(ocsf);
        assertTrue(!findings.isEmpty());
        assertTrue(findings.stream().allMatch(f -> f.path("class_uid").asInt() == 2004));
        String csv = given().contentType("application/x-ndjson").body(stream.getBytes(StandardCharsets.UTF_8)).queryParam("format", "csv")
                .post("/api/v1/export").then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        long entries = ndjson(stream).size() - 1;
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertEquals(entries, rows.size(), "CSV and JSON Lines carry every entry, benign ones too");
    }

    @Test
    void refusesAnExportOfSomethingElseWithProblems() {
        given().contentType("application/x-ndjson").body("{\"type\":\"entry\"}\n".getBytes(StandardCharsets.UTF_8)).post("/api/v1/export")
                .then().statusCode(400).body("type", containsString("bad-format"));
        given().contentType("application/x-ndjson").body("not json\n".getBytes(StandardCharsets.UTF_8)).queryParam("format", "csv").post("/api/v1/export")
                .then().statusCode(400).contentType("application/problem+json").body("type", containsString("bad-entries"));
        given().contentType("application/xml").body("<a/>".getBytes(StandardCharsets.UTF_8)).queryParam("format", "csv").post("/api/v1/export")
                .then().statusCode(415);
    }

    @Test
    void documentsTheStreamingRoutesInOpenApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/analyze/batch'.post.operationId", equalTo("analyzeBatch"))
                .body("paths.'/api/v1/export'.post.operationId", equalTo("exportEntries"));
    }

    @Test
    void survivesAClientThatDisconnectsMidUpload() throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + BATCH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 1000000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "10.0.0.7 - - [18/Mar/2025:16:22:58] \"GET / HTTP/1.1\" 200 1 \"-\" \"x\"\n".repeat(2000)
                    .getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 20; i++) {
                out.write(chunk);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            assertEquals(12, in.readNBytes(head, 0, 12));
            assertEquals("HTTP/1.1 200", new String(head, StandardCharsets.US_ASCII), "results stream before the upload ends");
            assertEquals(1, batches.active());
        }
        // The server notices the closed connection and ends the batch; polled, since it happens on another thread.
        for (int i = 0; i < 200 && batches.active() > 0; i++) {
            sleepQuietly();
        }
        assertEquals(0, batches.active(), "the batch stopped with its client");
        given().contentType("text/plain").body("10.0.0.1 - - [18/Mar/2025:16:22:58] \"GET / HTTP/1.1\" 200 1 \"-\" \"x\"\n")
                .post(BATCH).then().statusCode(200);
    }
}
