package org.opensoc;

/**
 * Severity of a verdict, ordered LOW &lt; MEDIUM &lt; HIGH &lt; CRITICAL, with the risk-score band each owns.
 * The bands are the one place that ties a 0-100 risk score to a severity; they follow the labelled data,
 * where LOW scores sit near 10, MEDIUM near 60, HIGH in the 70s and CRITICAL from 80 up.
 */
public enum Severity {
    LOW(0, 29),
    MEDIUM(30, 64),
    HIGH(65, 79),
    CRITICAL(80, 100);

    private final int minScore;
    private final int maxScore;

    Severity(int minScore, int maxScore) {
        this.minScore = minScore;
        this.maxScore = maxScore;
    }

    public int minScore() {
        return minScore;
    }

    public int maxScore() {
        return maxScore;
    }

    /** The score moved into this band, so a score never contradicts its severity. */
    public int clamp(int riskScore) {
        return Math.max(minScore, Math.min(maxScore, riskScore));
    }

    /** The band a score falls in. */
    public static Severity ofScore(int riskScore) {
        for (Severity s : values()) {
            if (riskScore <= s.maxScore) {
                return s;
            }
        }
        return CRITICAL;
    }

    /** Parses a severity word case-insensitively; null when the text names none. */
    public static Severity parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toUpperCase(java.util.Locale.ROOT);
        for (Severity s : values()) {
            if (t.startsWith(s.name())) {
                return s;
            }
        }
        if (t.startsWith("CRIT")) {
            return CRITICAL;
        }
        if (t.startsWith("MED") || t.startsWith("MODERATE")) {
            return MEDIUM;
        }
        return null;
    }
}
