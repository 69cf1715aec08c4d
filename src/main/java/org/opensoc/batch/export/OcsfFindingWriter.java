package org.opensoc.batch.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import org.opensoc.Finding;
import org.opensoc.ThreatAnalysis;
import org.opensoc.batch.EntryResult;

/**
 * OCSF Detection Finding events (class_uid 2004, category Findings), one a line. {@code time} is the export
 * time in epoch milliseconds; the entry's line range and excerpt are the data of its first evidence, since
 * OCSF has no field for a line range.
 */
final class OcsfFindingWriter extends AlertDocumentWriter {

    static final String OCSF_VERSION = "1.3.0";
    static final int CLASS_UID = 2004;
    static final int CATEGORY_UID = 2;
    /** Activity "Create": a new finding. */
    static final int ACTIVITY_CREATE = 1;

    OcsfFindingWriter(Writer out, ObjectMapper json, Clock clock) {
        super(out, json, clock);
    }

    @Override
    ObjectNode document(EntryResult entry, Instant exportedAt) {
        ThreatAnalysis a = entry.analysis();
        ObjectNode doc = json.createObjectNode();
        doc.put("class_uid", CLASS_UID);
        doc.put("class_name", "Detection Finding");
        doc.put("category_uid", CATEGORY_UID);
        doc.put("category_name", "Findings");
        doc.put("activity_id", ACTIVITY_CREATE);
        doc.put("activity_name", "Create");
        doc.put("type_uid", CLASS_UID * 100L + ACTIVITY_CREATE);
        doc.put("severity_id", Alerts.severityId(a.severity()));
        doc.put("severity", a.severity() == null ? "Unknown" : capitalized(a.severity().name()));
        doc.put("risk_score", a.riskScore());
        doc.put("status_id", 1);
        doc.put("status", "New");
        doc.put("time", exportedAt.toEpochMilli());
        doc.put("message", a.threatType() + ": " + a.evidence());
        ObjectNode metadata = doc.putObject("metadata");
        metadata.put("version", OCSF_VERSION);
        ObjectNode product = metadata.putObject("product");
        product.put("name", "OpenSOC");
        product.put("vendor_name", "OpenSOC");
        ObjectNode info = doc.putObject("finding_info");
        info.put("uid", "opensoc-entry-" + entry.index() + "-lines-" + entry.firstLine() + "-" + entry.lastLine());
        info.put("title", a.threatType());
        info.put("desc", a.evidence());
        info.putArray("types").add(a.family());
        ObjectNode analytic = info.putObject("analytic");
        analytic.put("uid", Alerts.ruleId(a));
        analytic.put("name", a.threatType());
        analytic.put("type_id", 1);
        analytic.put("type", "Rule");
        ArrayNode attacks = info.putArray("attacks");
        if (Alerts.hasTechnique(a)) {
            ObjectNode attack = attacks.addObject();
            attack.put("version", "18.1");
            ObjectNode technique = attack.putObject("technique");
            technique.put("uid", a.mitreId());
            if (a.mitreName() != null) {
                technique.put("name", a.mitreName());
            }
            if (a.mitreTactic() != null) {
                attack.putObject("tactic").put("name", a.mitreTactic());
            }
        }
        ArrayNode evidences = doc.putArray("evidences");
        ObjectNode evidence = evidences.addObject();
        ObjectNode data = evidence.putObject("data");
        data.put("excerpt", entry.excerpt());
        data.put("first_line", entry.firstLine());
        data.put("last_line", entry.lastLine());
        data.put("line_count", entry.lineCount());
        data.put("log_type", entry.logType());
        if (entry.source() != null) {
            evidence.putObject("src_endpoint").put("ip", entry.source());
        }
        for (Finding f : a.findings()) {
            ObjectNode match = evidences.addObject().putObject("data");
            match.put("rule_id", f.ruleId());
            match.put("match", f.match());
        }
        doc.putObject("remediation").put("desc", a.recommendation());
        return doc;
    }

    private static String capitalized(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
