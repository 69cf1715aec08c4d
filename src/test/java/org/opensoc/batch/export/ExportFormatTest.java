package org.opensoc.batch.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.opensoc.AnalyzerKind;
import org.opensoc.Finding;
import org.opensoc.Severity;
import org.opensoc.ThreatAnalysis;
import org.opensoc.ThreatFamily;
import org.opensoc.batch.EntryResult;
import org.opensoc.batch.TextLineSource;

class ExportFormatTest {

    private final ObjectMapper json = new ObjectMapper();

    private static ThreatAnalysis analysis(ThreatFamily family, Severity severity, String evidence) {
        return new ThreatAnalysis(family.threatType(null), family.defaultMitreId(), severity, severity.minScore() + 1,
                evidence, "=HYPERLINK(\"http://evil\")", family.label(), "Exploit Public-Facing Application",
                "initial-access", AnalyzerKind.RULES,
                List.of(new Finding("sqli-union", family.label(), family.defaultMitreId(), "UNION SELECT", 10, 22)), List.of());
    }

    private static EntryResult entry(long index, ThreatAnalysis analysis, String source, String excerpt) {
        return new EntryResult(EntryResult.TYPE, index, 3, 7, 5, source, "access", excerpt, false, analysis);
    }

    private String export(ExportFormat format, EntryResult... entries) throws IOException {
        StringWriter out = new StringWriter();
        try (FindingWriter writer = format.open(out, json)) {
            for (EntryResult e : entries) {
                writer.write(e);
            }
        }
        return out.toString();
    }

    @Test
    void csvNeutralizesEveryFormulaPrefixOwaspNames() throws IOException {
        List<String> attacks = List.of("=cmd|'/C calc'!A0", "+1+1", "-2+3", "@SUM(1,2)", "\tTAB", "\rCR");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(export(ExportFormat.CSV,
                        entry(0, analysis(ThreatFamily.SQL_INJECTION, Severity.HIGH, "=1+2"), "@evil", "-cmd"))))
                .getRecords();
        assertEquals("'=1+2", rows.get(0).get("evidence"));
        assertEquals("'@evil", rows.get(0).get("source"));
        assertEquals("'-cmd", rows.get(0).get("excerpt"));
        assertEquals("'=HYPERLINK(\"http://evil\")", rows.get(0).get("recommendation"));
        for (String attack : attacks) {
            String cell = FormulaGuard.cell(attack);
            assertTrue(cell.startsWith("'"), attack);
            assertEquals(attack, cell.substring(1));
        }
        assertEquals("SELECT 1", FormulaGuard.cell("SELECT 1"));
    }

    @Test
    void csvCarriesTheSixFieldsContextLineRangeSourceAndExcerpt() throws IOException {
        String csv = export(ExportFormat.CSV, entry(4, analysis(ThreatFamily.SQL_INJECTION, Severity.CRITICAL, "UNION"),
                "91.108.4.20", "GET /item?id=1 UNION SELECT \"a\",b\nnext"));
        CSVRecord row = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords().get(0);
        for (String column : List.of("threat_type", "mitre_id", "severity", "risk_score", "evidence", "recommendation",
                "family", "mitre_name", "mitre_tactic", "first_line", "last_line", "source", "excerpt")) {
            assertTrue(row.isMapped(column), column);
        }
        assertEquals("SQL Injection", row.get("threat_type"));
        assertEquals("T1190", row.get("mitre_id"));
        assertEquals("CRITICAL", row.get("severity"));
        assertEquals("3", row.get("first_line"));
        assertEquals("7", row.get("last_line"));
        assertEquals("GET /item?id=1 UNION SELECT \"a\",b\nnext", row.get("excerpt"));
    }

    @Test
    void jsonLinesRoundTripsTheStreamedEntry() throws IOException {
        EntryResult original = entry(2, analysis(ThreatFamily.XSS, Severity.HIGH, "<script>"), "10.0.0.1", "x");
        String jsonl = export(ExportFormat.JSONL, original);
        assertEquals(1, jsonl.lines().count());
        assertEquals(original, json.readValue(jsonl, EntryResult.class));
    }

    @Test
    void ecsDocumentsHaveTheRequiredAlertFields() throws IOException {
        JsonNode doc = json.readTree(export(ExportFormat.ECS,
                entry(1, analysis(ThreatFamily.SQL_INJECTION, Severity.CRITICAL, "UNION SELECT"), "91.108.4.20", "raw")));
        assertTrue(doc.path("@timestamp").isTextual());
        assertEquals("alert", doc.at("/event/kind").asText());
        assertEquals(5, doc.at("/event/severity").asInt());
        assertEquals(81.0, doc.at("/event/risk_score").asDouble());
        assertEquals("MITRE ATT&CK", doc.at("/threat/framework").asText());
        assertEquals("T1190", doc.at("/threat/technique/id/0").asText());
        assertEquals("Exploit Public-Facing Application", doc.at("/threat/technique/name/0").asText());
        assertEquals("initial-access", doc.at("/threat/tactic/name/0").asText());
        assertEquals("sqli-union", doc.at("/rule/id").asText());
        assertEquals("SQL Injection", doc.at("/rule/name").asText());
        assertTrue(doc.path("message").asText().contains("UNION SELECT"));
        assertEquals("91.108.4.20", doc.at("/source/address").asText());
    }

    @Test
    void ocsfDetectionFindingsHaveTheRequiredFieldsAndSeverityIds() throws IOException {
        String out = export(ExportFormat.OCSF,
                entry(0, analysis(ThreatFamily.SQL_INJECTION, Severity.LOW, "a"), "10.0.0.1", "raw"),
                entry(1, analysis(ThreatFamily.SQL_INJECTION, Severity.MEDIUM, "b"), "10.0.0.1", "raw"),
                entry(2, analysis(ThreatFamily.SQL_INJECTION, Severity.HIGH, "c"), "10.0.0.1", "raw"),
                entry(3, analysis(ThreatFamily.SQL_INJECTION, Severity.CRITICAL, "d"), "10.0.0.1", "raw"));
        List<JsonNode> docs = out.lines().map(l -> {
            try {
                return json.readTree(l);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertEquals(List.of(2, 3, 4, 5), docs.stream().map(d -> d.path("severity_id").asInt()).toList());
        JsonNode doc = docs.get(3);
        assertEquals(2004, doc.path("class_uid").asInt());
        assertEquals(2, doc.path("category_uid").asInt());
        assertEquals(1, doc.path("activity_id").asInt());
        assertEquals(200401, doc.path("type_uid").asLong());
        assertTrue(doc.path("time").isNumber());
        assertTrue(doc.at("/metadata/version").isTextual());
        assertEquals("OpenSOC", doc.at("/metadata/product/name").asText());
        assertTrue(doc.at("/finding_info/uid").isTextual());
        assertEquals("SQL Injection", doc.at("/finding_info/title").asText());
        assertEquals("T1190", doc.at("/finding_info/attacks/0/technique/uid").asText());
        assertEquals("initial-access", doc.at("/finding_info/attacks/0/tactic/name").asText());
        assertEquals("raw", doc.at("/evidences/0/data/excerpt").asText());
        assertEquals(3, doc.at("/evidences/0/data/first_line").asInt());
        assertEquals("=HYPERLINK(\"http://evil\")", doc.at("/remediation/desc").asText());
    }

    @Test
    void alertFormatsLeaveBenignEntriesOutWhileCsvKeepsThem() throws IOException {
        EntryResult benign = entry(0, analysis(ThreatFamily.NO_THREAT, Severity.LOW, "none"), "10.0.0.1", "GET /");
        assertEquals("", export(ExportFormat.ECS, benign));
        assertEquals("", export(ExportFormat.OCSF, benign));
        assertEquals(2, export(ExportFormat.CSV, benign).lines().count());
    }

    @Test
    void replaysStreamedEntriesSkippingProgressAndSummaryLines() throws IOException {
        EntryResult e = entry(0, analysis(ThreatFamily.SQL_INJECTION, Severity.HIGH, "x"), "10.0.0.1", "raw");
        String ndjson = json.writeValueAsString(e) + "\n{\"type\":\"progress\",\"linesRead\":1}\n\n"
                + json.writeValueAsString(e) + "\n{\"type\":\"summary\",\"lines\":2}\n";
        StringWriter out = new StringWriter();
        long n = EntryReplay.export(lines(ndjson), ExportFormat.JSONL.open(out, json), json);
        assertEquals(2, n);
        assertEquals(2, out.toString().lines().count());
    }

    @Test
    void refusesAReplayLineThatIsNotAnEntryNamingTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EntryReplay.export(lines("{\"type\":\"entry\",\"analysis\":{}}\nnot json\n"),
                        ExportFormat.JSONL.open(new StringWriter(), json), json));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> EntryReplay.export(lines("{\"type\":\"surprise\"}\n"), ExportFormat.JSONL.open(new StringWriter(), json), json));
        assertThrows(IllegalArgumentException.class,
                () -> EntryReplay.export(lines("\n"), ExportFormat.JSONL.open(new StringWriter(), json), json));
    }

    private static TextLineSource lines(String text) {
        return new TextLineSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1 << 20);
    }
}
