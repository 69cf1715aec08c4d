package org.opensoc.llm;

import com.google.re2j.Pattern;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opensoc.ThreatFamily;

/**
 * How models name threats in free text, mapped to the taxonomy's families. An untuned model says "SQLi" or
 * "cross site scripting"; the record must carry the exact label. Order matters: the first match wins, so the
 * specific names (credential stuffing, SSH) come before the general ones (brute force).
 */
public final class ThreatNames {

    private static final Map<ThreatFamily, Pattern> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(ThreatFamily.NO_THREAT, Pattern.compile("(?i)no threat|benign|normal traffic|no (?:security )?(?:issue|attack)s? (?:detected|found)"));
        NAMES.put(ThreatFamily.SQL_INJECTION, Pattern.compile("(?i)sql\\s*-?\\s*injection|\\bsqli\\b"));
        NAMES.put(ThreatFamily.XSS, Pattern.compile("(?i)cross[- ]site scripting|\\bxss\\b"));
        NAMES.put(ThreatFamily.LOCAL_FILE_INCLUSION, Pattern.compile("(?i)local file inclusion|\\blfi\\b|file inclusion"));
        NAMES.put(ThreatFamily.PATH_TRAVERSAL, Pattern.compile("(?i)(?:path|directory) traversal|dot-dot-slash"));
        NAMES.put(ThreatFamily.OS_COMMAND_INJECTION, Pattern.compile("(?i)command injection|\\brce\\b|remote code execution|shell injection"));
        NAMES.put(ThreatFamily.CREDENTIAL_STUFFING, Pattern.compile("(?i)credential stuffing|password spray"));
        NAMES.put(ThreatFamily.SSH_BRUTE_FORCE, Pattern.compile("(?i)ssh\\b.{0,20}brute[- ]?force|brute[- ]?force.{0,20}\\bssh"));
        NAMES.put(ThreatFamily.WINDOWS, Pattern.compile("(?i)windows threat|event ?id:? ?\\d{4}"));
        NAMES.put(ThreatFamily.BRUTE_FORCE, Pattern.compile("(?i)brute[- ]?force|password guessing"));
        NAMES.put(ThreatFamily.RECONNAISSANCE, Pattern.compile("(?i)reconnaissance|vulnerability scan|port scan|scanning|\\bscanner\\b"));
        NAMES.put(ThreatFamily.DENIAL_OF_SERVICE, Pattern.compile("(?i)denial[- ]of[- ]service|\\bd?dos\\b|flood"));
        NAMES.put(ThreatFamily.DATA_EXFILTRATION, Pattern.compile("(?i)exfiltration|data theft|data leak"));
    }

    private ThreatNames() {
    }

    /** The family a free-text threat name refers to: its exact label first, else the first name it contains. */
    public static Optional<ThreatFamily> familyOf(String threatName) {
        if (threatName == null || threatName.isBlank()) {
            return Optional.empty();
        }
        Optional<ThreatFamily> exact = ThreatFamily.ofLabel(threatName);
        if (exact.isPresent()) {
            return exact;
        }
        String text = threatName.toLowerCase(Locale.ROOT);
        return NAMES.entrySet().stream().filter(e -> e.getValue().matcher(text).find()).map(Map.Entry::getKey).findFirst();
    }
}
