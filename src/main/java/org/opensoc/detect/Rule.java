package org.opensoc.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.List;
import java.util.Locale;
import org.opensoc.Severity;
import org.opensoc.ThreatFamily;

/** A rule ready to run: its spec, its patterns compiled by RE2J, its literals lower-cased, its precedence. */
public final class Rule {

    /** Scores a rule gets when its file gives none: the middle of the data's scores for each severity. */
    private static final int[] DEFAULT_SCORE = {10, 55, 75, 90};

    private final RuleSpec spec;
    private final int precedence;
    private final List<Pattern> patterns;
    private final List<Pattern> unless;
    private final String[] literals;

    Rule(RuleSpec spec, int precedence) {
        this.spec = spec;
        this.precedence = precedence;
        this.patterns = spec.patterns().stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();
        this.unless = spec.unless().stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();
        this.literals = spec.literals().stream().map(l -> l.toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }

    public RuleSpec spec() {
        return spec;
    }

    public String id() {
        return spec.id();
    }

    public ThreatFamily family() {
        return spec.family();
    }

    /** Lower wins a tie between findings of the same severity: file order in the index, then rule order. */
    public int precedence() {
        return precedence;
    }

    /** The exact taxonomy label this rule names. */
    public String threatType() {
        if (spec.family() == ThreatFamily.WINDOWS) {
            String label = ThreatFamily.WINDOWS.label() + ": " + spec.name();
            return spec.subtype() == null ? label : label + ThreatFamily.SUBTYPE_SEPARATOR + spec.subtype();
        }
        return spec.family().threatType(spec.subtype());
    }

    public String mitreId() {
        return spec.mitre() != null ? spec.mitre() : spec.family().defaultMitreId();
    }

    public Severity severity(boolean success) {
        return success && spec.successSeverity() != null ? spec.successSeverity() : spec.severity();
    }

    /** The risk score, always inside the band of the severity it goes with. */
    public int score(boolean success) {
        Severity s = severity(success);
        Integer given = success && spec.successSeverity() != null ? spec.successScore() : spec.score();
        return s.clamp(given != null ? given : DEFAULT_SCORE[s.ordinal()]);
    }

    /** Whether any literal occurs in the decoded text; a rule without literals always passes. */
    boolean prefilter(String decoded) {
        if (literals.length == 0) {
            return true;
        }
        for (String l : literals) {
            if (decoded.contains(l)) {
                return true;
            }
        }
        return false;
    }

    /** The first pattern match in the text, or null; an {@code unless} match anywhere vetoes it. */
    Matcher match(String text, WorkMeter meter) {
        for (Pattern p : patterns) {
            meter.scanned(text.length());
            Matcher m = p.matcher(text);
            if (m.find()) {
                return vetoed(text, meter) ? null : m;
            }
        }
        return null;
    }

    /** True when the rule has no patterns (an event or aggregate rule that needs none) or one matches. */
    boolean matchesOrUnconstrained(String text, WorkMeter meter) {
        return patterns.isEmpty() ? !vetoed(text, meter) : match(text, meter) != null;
    }

    boolean vetoed(String text, WorkMeter meter) {
        for (Pattern p : unless) {
            meter.scanned(text.length());
            if (p.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    boolean hasPatterns() {
        return !patterns.isEmpty();
    }

    @Override
    public String toString() {
        return spec.id();
    }
}
