package org.opensoc.detect;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opensoc.ThreatFamily;

/**
 * The response playbooks of {@code playbooks/playbooks.yaml}: numbered steps per exact threat type, per family,
 * or the default. Steps may name {@code {source}}, {@code {user}} and {@code {path}} from the finding.
 */
public final class Playbooks {

    static final String RESOURCE = "/playbooks/playbooks.yaml";
    static final String DEFAULT = "default";

    /** One playbook: the threat type or family label it answers, and its steps in order. */
    @RegisterForReflection
    record Playbook(String threat, List<String> steps) {
    }

    @RegisterForReflection
    record PlaybookFile(List<Playbook> playbooks) {
    }

    private static final Map<String, String> FALLBACK = Map.of(
            "{source}", "the source address", "{user}", "the targeted account", "{path}", "the targeted endpoint");

    private final Map<String, List<String>> byThreat = new HashMap<>();

    private Playbooks(PlaybookFile file) {
        for (Playbook p : file.playbooks()) {
            if (byThreat.put(p.threat(), List.copyOf(p.steps())) != null) {
                throw new IllegalStateException("two playbooks for " + p.threat());
            }
        }
        if (!byThreat.containsKey(DEFAULT)) {
            throw new IllegalStateException("no default playbook in " + RESOURCE);
        }
    }

    public static Playbooks load() {
        ObjectMapper yaml = RuleBook.YAML;
        try (InputStream in = Playbooks.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new Playbooks(yaml.readValue(in, PlaybookFile.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The steps for a threat type: its own playbook, else its family's, else the default. */
    public List<String> steps(String threatType) {
        List<String> steps = byThreat.get(threatType);
        if (steps == null) {
            steps = byThreat.get(ThreatFamily.familyOf(threatType));
        }
        if (steps == null) {
            steps = ThreatFamily.ofLabel(threatType).map(f -> byThreat.get(f.label())).orElse(null);
        }
        return steps != null ? steps : byThreat.get(DEFAULT);
    }

    /** The numbered recommendation: "1) ... 2) ...", with the finding's facts filled in. */
    public String render(String threatType, Map<String, String> facts) {
        List<String> steps = steps(threatType);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(i + 1).append(") ").append(fill(steps.get(i), facts));
        }
        return b.toString();
    }

    private static String fill(String step, Map<String, String> facts) {
        String s = step;
        for (Map.Entry<String, String> e : FALLBACK.entrySet()) {
            String key = e.getKey().substring(1, e.getKey().length() - 1);
            if (s.contains(e.getKey())) {
                String value = facts.get(key);
                s = s.replace(e.getKey(), value != null && plain(value) ? value : e.getValue());
            }
        }
        return s;
    }

    /** Log text is attacker-controlled: only short values of address, account and path characters go in. */
    private static boolean plain(String value) {
        if (value.length() > 80) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == ':' || c == '-' || c == '_' || c == '/' || c == '@'
                    || c == '$')) {
                return false;
            }
        }
        return true;
    }
}
