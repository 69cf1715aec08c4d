package org.opensoc.batch.export;

import org.opensoc.Severity;
import org.opensoc.ThreatAnalysis;
import org.opensoc.ThreatFamily;

/** What the alert formats (ECS, OCSF) share: which entries are alerts, and the numeric severity scale. */
final class Alerts {

    private Alerts() {
    }

    /** Benign entries are not alerts: ECS and OCSF carry threats only, CSV and JSON Lines carry every entry. */
    static boolean isAlert(ThreatAnalysis analysis) {
        return analysis != null && !ThreatFamily.NO_THREAT.label().equals(analysis.family());
    }

    /** OCSF severity_id (also ECS event.severity): LOW 2, MEDIUM 3, HIGH 4, CRITICAL 5; 0 unknown. */
    static int severityId(Severity severity) {
        if (severity == null) {
            return 0;
        }
        return switch (severity) {
            case LOW -> 2;
            case MEDIUM -> 3;
            case HIGH -> 4;
            case CRITICAL -> 5;
        };
    }

    /** A technique id worth naming, not the data's "N/A". */
    static boolean hasTechnique(ThreatAnalysis analysis) {
        return analysis.mitreId() != null && !analysis.mitreId().isBlank()
                && !ThreatFamily.NO_TECHNIQUE.equals(analysis.mitreId());
    }

    /** The rule that fired first, else the verdict's own label as the rule name. */
    static String ruleId(ThreatAnalysis analysis) {
        return analysis.findings().isEmpty() ? "opensoc-" + analysis.analyzer().wireName()
                : analysis.findings().get(0).ruleId();
    }
}
