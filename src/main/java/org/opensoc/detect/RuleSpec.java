package org.opensoc.detect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;
import org.opensoc.Severity;
import org.opensoc.ThreatFamily;

/**
 * One rule as written in a YAML file under {@code rules/}. Patterns are RE2 syntax, matched case-insensitively
 * against the decoded (WAF-normalized, lower-case) text of the fields named in {@code in}; a rule fires when any
 * pattern matches, no {@code unless} pattern does, and (when given) one of the {@code literals} occurs first.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = false)
public record RuleSpec(
        String id,
        ThreatFamily family,
        /** Windows rules: the event name of the label, "Windows Threat: {name}". */
        String name,
        String subtype,
        String mitre,
        Severity severity,
        Integer score,
        /** Severity when the log shows the attack worked (2xx to the attack request, login after failures). */
        @JsonProperty("successSeverity") Severity successSeverity,
        @JsonProperty("successScore") Integer successScore,
        String description,
        RuleKind kind,
        /** request, agent, referer, message, line; default request. */
        List<String> in,
        List<String> literals,
        List<String> patterns,
        List<String> unless,
        /** Event rules: the event ids. */
        List<Integer> events,
        /** Event rules: fields that must equal these values (logonType: "10"). */
        Map<String, String> fields,
        Counter counter,
        Long min,
        Examples examples) {

    /** The rule's own test lines: every positive must fire it, no negative may. */
    @RegisterForReflection
    public record Examples(List<String> positive, List<String> negative) {
        public Examples {
            positive = positive == null ? List.of() : List.copyOf(positive);
            negative = negative == null ? List.of() : List.copyOf(negative);
        }
    }

    public RuleSpec {
        kind = kind == null ? RuleKind.PATTERN : kind;
        in = in == null ? List.of("request") : List.copyOf(in);
        literals = literals == null ? List.of() : List.copyOf(literals);
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
        unless = unless == null ? List.of() : List.copyOf(unless);
        events = events == null ? List.of() : List.copyOf(events);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        examples = examples == null ? new Examples(null, null) : examples;
    }

    /** The same rule with the file's family filled in where the rule names none. */
    RuleSpec withFamily(ThreatFamily fileFamily) {
        return family != null ? this : new RuleSpec(id, fileFamily, name, subtype, mitre, severity, score,
                successSeverity, successScore, description, kind, in, literals, patterns, unless, events, fields,
                counter, min, examples);
    }
}
