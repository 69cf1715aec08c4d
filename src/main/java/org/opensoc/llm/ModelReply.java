package org.opensoc.llm;

import java.util.List;
import org.opensoc.Severity;

/**
 * What a model's answer says, field by field, as the parser read it. Any field may be null when the answer
 * lacks it; {@code warnings} says what was missing or doubtful. {@code mitreId} is normalized.
 */
public record ModelReply(
        String threatType,
        String mitreId,
        String mitreTactic,
        Severity severity,
        Integer riskScore,
        String evidence,
        String impact,
        String recommendation,
        List<String> warnings) {

    public ModelReply {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** True when the answer named neither a threat type nor a technique: nothing to build a verdict on. */
    public boolean isEmpty() {
        return threatType == null && mitreId == null && severity == null;
    }
}
