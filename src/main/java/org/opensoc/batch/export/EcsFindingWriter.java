package org.opensoc.batch.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import org.opensoc.ThreatAnalysis;
import org.opensoc.batch.EntryResult;

/**
 * Elastic Common Schema alert documents, one a line, ready for an Elasticsearch bulk load or a Filebeat input.
 * {@code @timestamp} is the export time (ECS's one required field); the entry's line range and source travel
 * under {@code log} and {@code source}, OpenSOC's own fields under {@code opensoc}.
 */
final class EcsFindingWriter extends AlertDocumentWriter {

    static final String ECS_VERSION = "8.11.0";

    EcsFindingWriter(Writer out, ObjectMapper json, Clock clock) {
        super(out, json, clock);
    }

    @Override
    ObjectNode document(EntryResult entry, Instant exportedAt) {
        ThreatAnalysis a = entry.analysis();
        ObjectNode doc = json.createObjectNode();
        doc.put("@timestamp", exportedAt.toString());
        doc.putObject("ecs").put("version", ECS_VERSION);
        doc.put("message", a.threatType() + ": " + a.evidence());
        ObjectNode event = doc.putObject("event");
        event.put("kind", "alert");
        event.putArray("category").add("intrusion_detection");
        event.putArray("type").add("indicator");
        event.put("severity", Alerts.severityId(a.severity()));
        event.put("risk_score", (double) a.riskScore());
        event.put("dataset", "opensoc.batch");
        event.put("original", entry.excerpt());
        if (Alerts.hasTechnique(a)) {
            ObjectNode threat = doc.putObject("threat");
            threat.put("framework", "MITRE ATT&CK");
            ObjectNode technique = threat.putObject("technique");
            technique.putArray("id").add(a.mitreId());
            if (a.mitreName() != null) {
                technique.putArray("name").add(a.mitreName());
            }
            if (a.mitreTactic() != null) {
                threat.putObject("tactic").putArray("name").add(a.mitreTactic());
            }
        }
        ObjectNode rule = doc.putObject("rule");
        rule.put("id", Alerts.ruleId(a));
        rule.put("name", a.threatType());
        rule.put("category", a.family());
        if (entry.source() != null) {
            doc.putObject("source").put("address", entry.source());
        }
        doc.putObject("log").put("type", entry.logType());
        ObjectNode opensoc = doc.putObject("opensoc");
        opensoc.put("severity", a.severity() == null ? null : a.severity().name());
        opensoc.put("recommendation", a.recommendation());
        opensoc.put("first_line", entry.firstLine());
        opensoc.put("last_line", entry.lastLine());
        opensoc.put("line_count", entry.lineCount());
        opensoc.put("analyzer", a.analyzer() == null ? null : a.analyzer().wireName());
        return doc;
    }
}
