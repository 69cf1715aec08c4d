package org.opensoc;

import java.util.Locale;

/** What a caller asks for: {@code auto} is hybrid when the model is reachable, else rules. */
public enum AnalyzerMode {
    AUTO,
    RULES,
    LLM,
    HYBRID;

    /** Parses the query value case-insensitively; null or blank means AUTO. */
    public static AnalyzerMode parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("analyzer must be one of auto, rules, llm, hybrid; got '" + value + "'");
        }
    }
}
