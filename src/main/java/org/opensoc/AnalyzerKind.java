package org.opensoc;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which analyzer produced a verdict. */
public enum AnalyzerKind {
    RULES,
    LLM,
    HYBRID;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
