package org.opensoc.attack;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.Optional;

/**
 * Normalizes the ways people and models write an ATT&amp;CK technique id: {@code T1190}, {@code t1190.001},
 * {@code Technique 1190}, {@code T-1190}, {@code T1190/001}. Linear-time matching: the text may come from a
 * model prompted with attacker-controlled log content.
 */
public final class MitreId {

    private static final Pattern ID = Pattern.compile(
            "(?i)(?:\\bT\\s*-?\\s*|\\btechnique\\s*(?:id)?\\s*[:#]?\\s*T?-?)(\\d{4})(?:\\s*[./]\\s*(\\d{3}))?\\b");

    private MitreId() {
    }

    /** The first technique id in the text, normalized to {@code T1234} or {@code T1234.001}. */
    public static Optional<String> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ID.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String sub = m.group(2);
        return Optional.of("T" + m.group(1) + (sub == null ? "" : "." + sub));
    }

    /** The technique part of an id: T1110 for T1110.001. */
    public static String techniqueLevel(String id) {
        int dot = id.indexOf('.');
        return dot < 0 ? id : id.substring(0, dot);
    }
}
