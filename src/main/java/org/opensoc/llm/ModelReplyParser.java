package org.opensoc.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opensoc.Severity;
import org.opensoc.ThreatFamily;
import org.opensoc.attack.MitreCatalog;
import org.opensoc.attack.MitreId;

/**
 * Reads a model's answer into its fields. It takes the trained eight-line format ({@code THREAT_TYPE: ...}), the
 * same with markdown bold, bullets or lower-case keys, a JSON object with snake_case or camelCase keys (what
 * an untuned model returns), and prose as a last resort. It never throws: what is missing or doubtful becomes
 * a warning. Matching is linear-time: the answer may echo attacker-controlled log text.
 */
@ApplicationScoped
public class ModelReplyParser {

    /** The fields of the trained answer, each with the key spellings seen from models. */
    enum Field {
        THREAT_TYPE("threattype", "threat", "type", "attacktype", "threatcategory", "classification", "category"),
        MITRE("mitretechnique", "mitreid", "mitre", "mitretechniqueid", "technique", "techniqueid", "mitreattack",
                "attacktechnique", "mitreattackid", "mitreattacktechnique"),
        TACTIC("mitretactic", "tactic", "mitreattacktactic"),
        SEVERITY("severity", "severitylevel", "level"),
        RISK_SCORE("riskscore", "risk", "score", "riskrating"),
        EVIDENCE("evidence", "indicators", "indicator", "indicatorsofcompromise", "ioc", "iocs"),
        IMPACT("impact", "potentialimpact"),
        RECOMMENDATION("recommendation", "recommendations", "remediation", "mitigation", "recommendedaction",
                "recommendedactions", "actions", "nextsteps");

        private final List<String> keys;

        Field(String... keys) {
            this.keys = List.of(keys);
        }

        static Optional<Field> ofKey(String rawKey) {
            String key = rawKey.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            for (Field f : values()) {
                if (f.keys.contains(key)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /** A key line: optional bullet or markdown, the key, a colon (inside or outside the bold), the value. */
    private static final Pattern KEY_LINE = Pattern.compile(
            "^\\s*(?:[-*•>]\\s*|\\d+[.)]\\s+)?(?:\\*\\*|__|#+\\s*)?([A-Za-z][A-Za-z _/&-]{1,40}?)\\s*(?:\\*\\*|__)?\\s*[:=]\\s*(?:\\*\\*|__)?\\s*(.*)$");
    private static final Pattern SCORE = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*(/\\s*(?:100|10)|%)?");
    private static final Pattern SEVERITY_WORD = Pattern.compile("(?i)\\b(critical|high|medium|moderate|low)\\b");
    private static final Pattern SEVERITY_IN_PROSE = Pattern.compile("(?i)severity[^.\\n]{0,25}?\\b(critical|high|medium|moderate|low)\\b|\\b(critical|high|medium|low)[- ]severity");
    private static final Pattern RISK_IN_PROSE = Pattern.compile("(?i)risk(?:\\s*score)?\\W{0,12}(\\d{1,3}(?:\\.\\d+)?\\s*(?:/\\s*(?:100|10)|%)?)");
    private static final Pattern NOT_APPLICABLE = Pattern.compile("(?i)^\\s*(?:n/?a|none|not applicable)\\b");

    private final MitreCatalog catalog;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public ModelReplyParser(MitreCatalog catalog) {
        this.catalog = catalog;
    }

    public ModelReply parse(String reply) {
        String text = reply == null ? "" : reply.replace("\r\n", "\n").strip();
        Map<Field, String> fields = new EnumMap<>(Field.class);
        List<String> warnings = new ArrayList<>();
        Optional<JsonNode> object = jsonObject(text);
        if (object.isPresent()) {
            readJson(object.get(), fields);
        }
        if (fields.isEmpty()) {
            readKeyLines(text, fields);
        }
        if (fields.isEmpty() && !text.isEmpty()) {
            readProse(text, fields);
            warnings.add("the model answered in prose; fields were inferred from the text");
        }
        return build(fields, warnings);
    }

    private ModelReply build(Map<Field, String> fields, List<String> warnings) {
        for (Field required : List.of(Field.THREAT_TYPE, Field.MITRE, Field.SEVERITY)) {
            if (blank(fields.get(required))) {
                warnings.add("the model's answer lacks " + required.name());
            }
        }
        String threatType = clean(fields.get(Field.THREAT_TYPE));
        String mitreId = mitreId(fields.get(Field.MITRE), threatType, warnings);
        Severity severity = severity(fields.get(Field.SEVERITY), warnings);
        Integer score = riskScore(fields.get(Field.RISK_SCORE), warnings);
        return new ModelReply(threatType, mitreId, clean(fields.get(Field.TACTIC)), severity, score,
                clean(fields.get(Field.EVIDENCE)), clean(fields.get(Field.IMPACT)), clean(fields.get(Field.RECOMMENDATION)),
                warnings);
    }

    private String mitreId(String value, String threatType, List<String> warnings) {
        if (blank(value)) {
            return null;
        }
        Optional<String> id = MitreId.find(value);
        if (id.isEmpty()) {
            boolean benign = ThreatNames.familyOf(threatType).filter(f -> f == ThreatFamily.NO_THREAT).isPresent();
            if (NOT_APPLICABLE.matcher(value).find()) {
                return ThreatFamily.NO_TECHNIQUE;
            }
            if (!benign) {
                warnings.add("the model's MITRE technique '" + abbreviate(value) + "' is not an ATT&CK id");
            }
            return null;
        }
        if (!catalog.contains(id.get())) {
            warnings.add("the model's MITRE technique " + id.get() + " is not in the ATT&CK catalog");
        }
        return id.get();
    }

    private static Severity severity(String value, List<String> warnings) {
        if (blank(value)) {
            return null;
        }
        Matcher m = SEVERITY_WORD.matcher(value);
        Severity s = m.find() ? Severity.parse(m.group(1)) : null;
        if (s == null) {
            warnings.add("the model's severity '" + abbreviate(value) + "' is not LOW, MEDIUM, HIGH or CRITICAL");
        }
        return s;
    }

    private static Integer riskScore(String value, List<String> warnings) {
        if (blank(value)) {
            return null;
        }
        Matcher m = SCORE.matcher(value);
        if (!m.find()) {
            warnings.add("the model's risk score '" + abbreviate(value) + "' is not a number");
            return null;
        }
        double n = Double.parseDouble(m.group(1));
        String scale = m.group(2) == null ? "" : m.group(2).replace(" ", "");
        if (scale.equals("/10") || (scale.isEmpty() && n <= 10 && value.contains("."))) {
            n = n * 10;
        }
        if (n < 0 || n > 100) {
            warnings.add("the model's risk score " + m.group(1) + " is outside 0-100");
            return null;
        }
        return (int) Math.round(n);
    }

    /** Key lines, with a value that may continue over the lines that follow until the next key. */
    private static void readKeyLines(String text, Map<Field, String> fields) {
        Field current = null;
        StringBuilder value = new StringBuilder();
        for (String line : text.split("\n")) {
            Matcher m = KEY_LINE.matcher(line);
            Optional<Field> field = m.matches() ? Field.ofKey(m.group(1)) : Optional.empty();
            if (field.isPresent()) {
                store(fields, current, value);
                current = field.get();
                value.setLength(0);
                value.append(m.group(2));
            } else if (current != null && !line.isBlank()) {
                value.append('\n').append(line.strip());
            }
        }
        store(fields, current, value);
    }

    private static void store(Map<Field, String> fields, Field field, StringBuilder value) {
        if (field != null && !fields.containsKey(field) && !value.toString().isBlank()) {
            fields.put(field, value.toString().strip());
        }
    }

    /** The first JSON object in the text, fenced or bare. */
    private Optional<JsonNode> jsonObject(String text) {
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        if (open < 0 || close <= open) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(text.substring(open, close + 1));
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static void readJson(JsonNode node, Map<Field, String> fields) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Optional<Field> field = Field.ofKey(e.getKey());
            JsonNode v = e.getValue();
            if (field.isPresent() && !fields.containsKey(field.get())) {
                String text = jsonText(v);
                if (!blank(text)) {
                    fields.put(field.get(), text);
                }
            } else if (field.isEmpty() && v.isObject()) {
                readJson(v, fields);
            }
        }
    }

    private static String jsonText(JsonNode v) {
        if (v.isTextual() || v.isNumber() || v.isBoolean()) {
            return v.asText();
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            int i = 1;
            for (JsonNode item : v) {
                items.add(i++ + ") " + jsonText(item));
            }
            return String.join(" ", items);
        }
        if (v.isObject()) {
            for (String key : List.of("id", "technique_id", "techniqueId", "value", "name", "level")) {
                if (v.has(key)) {
                    String id = v.get(key).asText();
                    return v.has("name") && !key.equals("name") ? id + " (" + v.get("name").asText() + ")" : id;
                }
            }
        }
        return null;
    }

    /** Last resort: the first technique id, a severity near the word severity, a threat name anywhere. */
    private static void readProse(String text, Map<Field, String> fields) {
        MitreId.find(text).ifPresent(id -> fields.put(Field.MITRE, id));
        Matcher sev = SEVERITY_IN_PROSE.matcher(text);
        if (sev.find()) {
            fields.put(Field.SEVERITY, sev.group(1) != null ? sev.group(1) : sev.group(2));
        }
        Matcher risk = RISK_IN_PROSE.matcher(text);
        if (risk.find()) {
            fields.put(Field.RISK_SCORE, risk.group(1));
        }
        ThreatNames.familyOf(text).ifPresent(f -> fields.put(Field.THREAT_TYPE, f.label()));
        fields.put(Field.EVIDENCE, abbreviate(text));
    }

    private static String clean(String value) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip();
        while (v.startsWith("**") || v.startsWith("__")) {
            v = v.substring(2).strip();
        }
        while (v.endsWith("**") || v.endsWith("__")) {
            v = v.substring(0, v.length() - 2).strip();
        }
        return v.isEmpty() ? null : v;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String abbreviate(String s) {
        String oneLine = s.strip().replace('\n', ' ');
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
