package org.opensoc.pipeline;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a model's evidence is grounded in the log: the quoted fragments it cites, or failing quotes its
 * distinctive tokens, must occur in the entry. A model that describes what is not there is not believed.
 */
final class EvidenceGrounding {

    private static final Pattern QUOTED = Pattern.compile("[\"'`‘“]([^\"'`’”\\n]{3,120})[\"'`’”]");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_./%=:;<>()\\-]{5,}");
    /** Words a model uses about any log; their presence says nothing about this one. */
    private static final Set<String> GENERIC = Set.of("attack", "attempt", "attempts", "payload", "request", "requests",
            "parameter", "endpoint", "response", "detected", "suspicious", "malicious", "potential", "targeting",
            "executing", "injection", "traffic", "server", "system", "security", "multiple", "failed", "access",
            "attacker", "possible", "pattern", "consistent", "normal", "standard", "within", "using", "source");

    private EvidenceGrounding() {
    }

    /** True when the evidence quotes ('...', "...", `...`) at least one fragment that occurs in the entry verbatim. */
    static boolean quotesLog(String evidence, String entry) {
        if (evidence == null || evidence.isBlank()) {
            return false;
        }
        String log = entry.toLowerCase(Locale.ROOT);
        Matcher quoted = QUOTED.matcher(evidence);
        while (quoted.find()) {
            if (log.contains(quoted.group(1).toLowerCase(Locale.ROOT).strip())) {
                return true;
            }
        }
        return false;
    }

    /** True when at least one cited fragment or a third of the distinctive tokens occur in the entry. */
    static boolean isGrounded(String evidence, String entry) {
        if (evidence == null || evidence.isBlank()) {
            return false;
        }
        if (quotesLog(evidence, entry)) {
            return true;
        }
        String log = entry.toLowerCase(Locale.ROOT);
        boolean anyQuote = QUOTED.matcher(evidence).find();
        List<String> tokens = new ArrayList<>();
        Matcher token = TOKEN.matcher(evidence);
        while (token.find()) {
            String t = token.group().toLowerCase(Locale.ROOT).replaceAll("[.:;,)]+$", "");
            if (t.length() >= 5 && !GENERIC.contains(t)) {
                tokens.add(t);
            }
        }
        if (tokens.isEmpty()) {
            return false;
        }
        long found = tokens.stream().filter(log::contains).count();
        return found > 0 && (found * 3 >= tokens.size() || anyQuote);
    }
}
