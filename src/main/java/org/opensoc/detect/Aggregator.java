package org.opensoc.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Counts, over the lines of one entry, what aggregate rules compare with their thresholds: failures by source
 * and user, outcomes after failures, distinct probed paths, flood responses, transfer sizes, and the numbers
 * that bracketed annotation lines report.
 */
final class Aggregator {

    private static final Pattern SSH_FAILURE = Pattern.compile(
            "(?i)\\bfailed (?:password|keyboard-interactive(?:/pam)?|none) for\\b");
    private static final Pattern SSH_WEAK_FAILURE = Pattern.compile(
            "(?i)\\b(?:invalid user|authentication failure;|maximum authentication attempts exceeded)");
    private static final Pattern SSH_REPEATED = Pattern.compile(
            "(?i)message repeated (\\d{1,6}) times: \\[ ?failed (?:password|keyboard-interactive)");
    private static final Pattern SSH_PAM_MORE = Pattern.compile("(?i)pam (\\d{1,6}) more authentication failures");
    private static final Pattern SSH_ACCEPTED = Pattern.compile(
            "(?i)\\baccepted (?:password|publickey|keyboard-interactive(?:/pam)?|gssapi-with-mic) for\\b");
    private static final Pattern IPV4 = Pattern.compile("\\b(\\d{1,3}(?:\\.\\d{1,3}){3})\\b");
    private static final Pattern TOTAL_ATTEMPTS = Pattern.compile("(?i)(\\d[\\d,]{0,12})\\s*(?:total\\s+)?(?:login\\s+)?attempts");
    private static final Pattern ATTEMPT_RATE = Pattern.compile(
            "(?i)attempts?\\s*(?:at\\s*)?(\\d[\\d,]{0,12})\\s*(?:/|per\\s*)\\s*min|(\\d[\\d,]{0,12})\\s*(?:login\\s+)?attempts?\\s*(?:/|per\\s*)\\s*min");
    /** "300 login attempts ... in 2 minutes": the same rate, said as a count over a span. */
    private static final Pattern ATTEMPTS_OVER_MINUTES = Pattern.compile(
            "(?i)(\\d[\\d,]{0,12})\\s*(?:total\\s+)?(?:login\\s+)?attempts?\\b[^\\]]{0,60}?\\b(?:in|over|within)\\s+(\\d{1,4})\\s*min");
    private static final Pattern REQUEST_RATE = Pattern.compile(
            "(?i)(\\d[\\d,]{0,12})\\s*(?:requests?|reqs?|packets?|connections?|hits?)\\s*(?:/|per\\s*)\\s*(s|sec|second|min|minute)\\b");
    private static final Pattern TRANSFER = Pattern.compile(
            "(?i)transferr\\w{0,6}\\s+(\\d{1,12}(?:\\.\\d{1,3})?)\\s*(kb|mb|gb|tb|bytes|b)\\b");

    private final List<LogLine> lines;
    private final WorkMeter meter;
    /** Decoded paths and targets, and which rule patterns they match, computed once per entry. */
    private final Map<String, String> decoded = new HashMap<>();
    private final Map<List<String>, Map<String, Boolean>> matches = new HashMap<>();

    Aggregator(List<LogLine> lines, WorkMeter meter) {
        this.lines = lines;
        this.meter = meter;
    }

    /** Whether the rule's patterns accept the text (decoded once), cached by pattern list: rules share them. */
    private boolean accepts(Rule rule, String raw) {
        String text = decoded.computeIfAbsent(raw, PayloadDecoder::normalize);
        return matches.computeIfAbsent(rule.spec().patterns(), k -> new HashMap<>())
                .computeIfAbsent(text, t -> rule.matchesOrUnconstrained(t, meter));
    }

    /** The detection the rule makes on this entry, or null when its count stays under its threshold. */
    Detection measure(Rule rule) {
        long min = rule.spec().min() == null ? 1 : rule.spec().min();
        Tally t = switch (rule.spec().counter()) {
            case WEB_LOGIN_FAILURES -> webLogins(rule).failuresBySource();
            case LOGIN_POSTS_BY_SOURCE -> webLogins(rule).postsBySource();
            case WEB_LOGIN_DISTINCT_USERS -> webLogins(rule).distinctUsers();
            case LOGIN_ATTEMPT_RATE -> loginRate(rule);
            case MESSAGES_BY_SOURCE -> messagesBySource(rule);
            case SSH_FAILURES -> ssh().failures();
            case SSH_FAILURES_BEFORE_ACCEPTED -> ssh().accepted();
            case SENSITIVE_TARGETS_BY_SOURCE -> distinctTargets(rule, false);
            case NOT_FOUND_TARGETS_BY_SOURCE -> distinctTargets(rule, true);
            case FLOOD_RESPONSES -> floodResponses();
            case REQUESTS_IN_ONE_SECOND -> requestsInOneSecond();
            case ANNOTATED_REQUEST_RATE -> annotated(REQUEST_RATE, true);
            case LARGE_RESPONSE_BYTES -> largeResponse(rule, min);
            case ANNOTATED_TRANSFER_BYTES -> annotated(TRANSFER, false);
            case FIREWALL_DISTINCT_PORTS -> firewallPorts();
        };
        if (t == null || t.value < min || t.line == null) {
            return null;
        }
        Map<String, String> facts = new LinkedHashMap<>(t.facts);
        facts.put(Detection.COUNT, Long.toString(t.value));
        int end = Math.min(t.line.end(), t.line.start() + EmbeddedDetector.MAX_MATCH_CHARS);
        return new Detection(rule, t.success, t.line.start(), end, facts);
    }

    /** A count, whether the log shows success, the line that best shows it and the facts it names. */
    private record Tally(long value, boolean success, LogLine line, Map<String, String> facts) {
    }

    private record WebLogins(Tally failuresBySource, Tally postsBySource, Tally distinctUsers) {
    }

    private final Map<List<String>, WebLogins> webLoginCache = new HashMap<>();

    /** Login outcomes by source; rules with the same login patterns share one pass. */
    private WebLogins webLogins(Rule rule) {
        return webLoginCache.computeIfAbsent(rule.spec().patterns(), k -> countWebLogins(rule));
    }

    private WebLogins countWebLogins(Rule rule) {
        Map<String, Integer> failures = new HashMap<>();
        Map<String, Integer> posts = new HashMap<>();
        Map<String, LogLine> firstPost = new HashMap<>();
        Map<String, LogLine> firstFailure = new HashMap<>();
        Set<String> succeeded = new HashSet<>();
        Set<String> users = new HashSet<>();
        LogLine firstUserFailure = null;
        for (LogLine l : lines) {
            if (!l.isWeb()) {
                continue;
            }
            int status = l.status();
            String src = sourceOf(l);
            boolean post = "POST".equalsIgnoreCase(l.get(LogLine.METHOD));
            boolean success = status >= 200 && status < 300 || status == 302 || status == 303;
            // Only lines whose outcome depends on the path pay for matching it.
            boolean needsPath = post || status == 401 || status == 403 || success && failures.getOrDefault(src, 0) > 0;
            boolean login = needsPath && accepts(rule, pathOf(l.get(LogLine.TARGET)));
            if (login && post) {
                posts.merge(src, 1, Integer::sum);
                firstPost.putIfAbsent(src, l);
            }
            // A 401 on an API poll is an expired token, not a guess: only login paths and form posts count.
            if ((status == 401 || status == 403) && (login || post && status == 401)) {
                failures.merge(src, 1, Integer::sum);
                firstFailure.putIfAbsent(src, l);
                String user = l.get(LogLine.USER);
                if (user != null) {
                    users.add(user.toLowerCase(Locale.ROOT));
                    if (firstUserFailure == null) {
                        firstUserFailure = l;
                    }
                }
            } else if (login && success && failures.getOrDefault(src, 0) > 0) {
                succeeded.add(src);
            }
        }
        String worst = argMax(failures);
        String poster = argMax(posts);
        Tally postsBySource = poster == null ? null
                : new Tally(posts.get(poster), false, firstPost.get(poster), facts(firstPost.get(poster)));
        Tally bySource = worst == null ? null : new Tally(failures.get(worst), succeeded.contains(worst),
                firstFailure.get(worst), facts(firstFailure.get(worst)));
        Tally byUser = firstUserFailure == null ? null
                : new Tally(users.size(), !succeeded.isEmpty(), firstUserFailure, facts(firstUserFailure));
        return new WebLogins(bySource, postsBySource, byUser);
    }

    private static String argMax(Map<String, Integer> counts) {
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** A high attempt rate reported beside failed logins: automated replay of a credential list. */
    private Tally loginRate(Rule rule) {
        Tally failures = webLogins(rule).failuresBySource();
        if (failures == null) {
            return null;
        }
        long rate = 0;
        for (LogLine l : lines) {
            if (l.format() != LogFormat.ANNOTATION) {
                continue;
            }
            meter.scanned(l.raw().length());
            Matcher m = ATTEMPT_RATE.matcher(l.raw());
            if (m.find()) {
                rate = Math.max(rate, number(m.group(1) != null ? m.group(1) : m.group(2)));
            }
            Matcher over = ATTEMPTS_OVER_MINUTES.matcher(l.raw());
            if (over.find()) {
                rate = Math.max(rate, number(over.group(1)) / Math.max(1, number(over.group(2))));
            }
        }
        return new Tally(rate, failures.success(), failures.line(), failures.facts());
    }

    private record SshTallies(Tally failures, Tally accepted) {
    }

    private SshTallies sshCache;

    private SshTallies ssh() {
        if (sshCache != null) {
            return sshCache;
        }
        Map<String, Integer> strong = new HashMap<>();
        Map<String, Integer> weak = new HashMap<>();
        Map<String, LogLine> first = new HashMap<>();
        long annotatedTotal = 0;
        long acceptedAfter = 0;
        LogLine acceptedLine = null;
        for (LogLine l : lines) {
            String msg = l.get(LogLine.MESSAGE);
            if (msg == null) {
                continue;
            }
            if (l.format() == LogFormat.ANNOTATION) {
                meter.scanned(msg.length());
                Matcher m = TOTAL_ATTEMPTS.matcher(msg);
                if (m.find()) {
                    annotatedTotal = Math.max(annotatedTotal, number(m.group(1)));
                }
                continue;
            }
            String program = l.get(LogLine.PROGRAM);
            if (msg.indexOf("ssh") < 0 && (program == null || !program.startsWith("sshd"))) {
                continue;
            }
            String src = sourceOf(l);
            meter.scanned(msg.length() * 5);
            Matcher rep = SSH_REPEATED.matcher(msg);
            Matcher pam = SSH_PAM_MORE.matcher(msg);
            if (rep.find()) {
                strong.merge(src, (int) number(rep.group(1)), Integer::sum);
            } else if (SSH_FAILURE.matcher(msg).find()) {
                strong.merge(src, 1, Integer::sum);
            } else if (pam.find()) {
                strong.merge(src, (int) number(pam.group(1)), Integer::sum);
            } else if (SSH_WEAK_FAILURE.matcher(msg).find()) {
                weak.merge(src, 1, Integer::sum);
            } else if (SSH_ACCEPTED.matcher(msg).find()) {
                int before = failuresOf(src, strong, weak);
                if (before > acceptedAfter) {
                    acceptedAfter = before;
                    acceptedLine = l;
                }
                continue;
            } else {
                continue;
            }
            first.putIfAbsent(src, l);
        }
        String worst = null;
        int worstCount = 0;
        for (String src : first.keySet()) {
            int c = failuresOf(src, strong, weak);
            if (c > worstCount) {
                worst = src;
                worstCount = c;
            }
        }
        long total = worst == null ? 0 : Math.max(worstCount, first.size() == 1 ? annotatedTotal : 0);
        Tally failures = worst == null ? null
                : new Tally(total, acceptedLine != null, first.get(worst), facts(first.get(worst)));
        if (acceptedLine != null && first.size() == 1 && annotatedTotal > acceptedAfter) {
            acceptedAfter = annotatedTotal;
        }
        Tally accepted = acceptedLine == null ? null : new Tally(acceptedAfter, true, acceptedLine, facts(acceptedLine));
        sshCache = new SshTallies(failures, accepted);
        return sshCache;
    }

    private Tally messagesBySource(Rule rule) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, LogLine> first = new HashMap<>();
        for (LogLine l : lines) {
            String msg = l.get(LogLine.MESSAGE);
            String program = l.get(LogLine.PROGRAM);
            boolean syslog = l.format() == LogFormat.SYSLOG_RFC3164 || l.format() == LogFormat.SYSLOG_RFC5424;
            if (!syslog || msg == null || program != null && program.startsWith("sshd") || !accepts(rule, msg)) {
                continue;
            }
            String src = l.get(LogLine.SOURCE);
            if (src == null) {
                meter.scanned(msg.length());
                Matcher ip = IPV4.matcher(msg);
                src = ip.find() ? ip.group(1) : "-";
            }
            counts.merge(src, 1, Integer::sum);
            first.putIfAbsent(src, l);
        }
        String worst = argMax(counts);
        if (worst == null) {
            return null;
        }
        Map<String, String> facts = facts(first.get(worst));
        if (!worst.equals("-")) {
            facts.put(Detection.SOURCE, worst);
        }
        return new Tally(counts.get(worst), false, first.get(worst), facts);
    }

    /** Password failures when sshd logged them; else the weaker signs (invalid user, PAM failure lines). */
    private static int failuresOf(String src, Map<String, Integer> strong, Map<String, Integer> weak) {
        int s = strong.getOrDefault(src, 0);
        return s > 0 ? s : weak.getOrDefault(src, 0);
    }

    private Tally distinctTargets(Rule rule, boolean notFoundOnly) {
        Map<String, Set<String>> bySource = new HashMap<>();
        Map<String, LogLine> first = new HashMap<>();
        for (LogLine l : lines) {
            // Probes are refused or missing; an admin browsing her own console gets 200s.
            int status = l.status();
            if (!l.isWeb() || (notFoundOnly ? status != 404 : status < 400 || status > 499)) {
                continue;
            }
            String raw = pathOf(l.get(LogLine.TARGET));
            if (!accepts(rule, raw)) {
                continue;
            }
            String path = decoded.computeIfAbsent(raw, PayloadDecoder::normalize);
            String src = sourceOf(l);
            bySource.computeIfAbsent(src, k -> new HashSet<>()).add(path);
            first.putIfAbsent(src, l);
        }
        String worst = null;
        for (Map.Entry<String, Set<String>> e : bySource.entrySet()) {
            if (worst == null || e.getValue().size() > bySource.get(worst).size()) {
                worst = e.getKey();
            }
        }
        return worst == null ? null : new Tally(bySource.get(worst).size(), false, first.get(worst), facts(first.get(worst)));
    }

    private Tally floodResponses() {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, LogLine> first = new HashMap<>();
        for (LogLine l : lines) {
            int s = l.status();
            if (s == 429 || s == 503) {
                String src = sourceOf(l);
                counts.merge(src, 1, Integer::sum);
                first.putIfAbsent(src, l);
            }
        }
        String worst = argMax(counts);
        return worst == null ? null : new Tally(counts.get(worst), false, first.get(worst), facts(first.get(worst)));
    }

    /** Web lines share a second when their timestamps agree up to the seconds (the zone, if any, is dropped). */
    private Tally requestsInOneSecond() {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, LogLine> first = new HashMap<>();
        for (LogLine l : lines) {
            String time = l.get(LogLine.TIME);
            if (!l.isWeb() || time == null) {
                continue;
            }
            int space = time.indexOf(' ');
            String key = sourceOf(l) + '|' + (space < 0 ? time : time.substring(0, space));
            counts.merge(key, 1, Integer::sum);
            first.putIfAbsent(key, l);
        }
        String worst = argMax(counts);
        return worst == null ? null : new Tally(counts.get(worst), false, first.get(worst), facts(first.get(worst)));
    }

    /** The number an annotation line reports (a rate in requests/s, or bytes), with the line it annotates. */
    private Tally annotated(Pattern pattern, boolean rate) {
        long best = 0;
        LogLine annotation = null;
        LogLine subject = null;
        for (LogLine l : lines) {
            if (l.format() != LogFormat.ANNOTATION) {
                if (subject == null && l.format() != LogFormat.GENERIC) {
                    subject = l;
                }
                continue;
            }
            meter.scanned(l.raw().length());
            Matcher m = pattern.matcher(l.raw());
            if (!m.find()) {
                continue;
            }
            long v = rate ? perSecond(number(m.group(1)), m.group(2)) : bytes(m.group(1), m.group(2));
            if (v > best) {
                best = v;
                annotation = l;
            }
        }
        if (annotation == null) {
            return null;
        }
        LogLine shown = subject != null ? subject : annotation;
        Map<String, String> facts = facts(shown);
        facts.put("annotation", annotation.get(LogLine.MESSAGE));
        return new Tally(best, false, shown, facts);
    }

    private Tally largeResponse(Rule rule, long min) {
        long best = min - 1;
        LogLine line = null;
        for (LogLine l : lines) {
            int s = l.status();
            long b = l.bytes();
            if (!l.isWeb() || s < 200 || s >= 300 || b <= best) {
                continue;
            }
            if (accepts(rule, l.get(LogLine.TARGET))) {
                best = b;
                line = l;
            }
        }
        return line == null ? null : new Tally(best, true, line, facts(line));
    }

    private Tally firewallPorts() {
        Map<String, Set<String>> ports = new HashMap<>();
        Map<String, LogLine> first = new HashMap<>();
        for (LogLine l : lines) {
            String port = l.get(LogLine.DEST_PORT);
            if (l.format() != LogFormat.FIREWALL || port == null) {
                continue;
            }
            String src = sourceOf(l);
            ports.computeIfAbsent(src, k -> new HashSet<>()).add(port);
            first.putIfAbsent(src, l);
        }
        String worst = null;
        for (Map.Entry<String, Set<String>> e : ports.entrySet()) {
            if (worst == null || e.getValue().size() > ports.get(worst).size()) {
                worst = e.getKey();
            }
        }
        return worst == null ? null : new Tally(ports.get(worst).size(), false, first.get(worst), facts(first.get(worst)));
    }

    static Map<String, String> facts(LogLine l) {
        Map<String, String> f = new LinkedHashMap<>();
        if (l == null) {
            return f;
        }
        put(f, Detection.SOURCE, l.get(LogLine.SOURCE));
        put(f, Detection.USER, l.get(LogLine.USER));
        String target = l.get(LogLine.TARGET);
        put(f, Detection.PATH, target == null ? null : pathOf(target));
        put(f, Detection.STATUS, l.get(LogLine.STATUS));
        return f;
    }

    private static void put(Map<String, String> f, String key, String value) {
        if (value != null && !value.isBlank() && !value.equals("-")) {
            f.put(key, value);
        }
    }

    private static String sourceOf(LogLine l) {
        String s = l.get(LogLine.SOURCE);
        return s == null ? "-" : s;
    }

    /** The path of a request target, without its query string. */
    static String pathOf(String target) {
        if (target == null) {
            return "";
        }
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    private static long number(String digits) {
        if (digits == null) {
            return 0;
        }
        String d = digits.replace(",", "");
        try {
            return d.isEmpty() ? 0 : Long.parseLong(d);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long perSecond(long n, String unit) {
        return unit.toLowerCase(Locale.ROOT).startsWith("m") ? n / 60 : n;
    }

    private static long bytes(String amount, String unit) {
        double v = Double.parseDouble(amount);
        double factor = switch (unit.toLowerCase(Locale.ROOT)) {
            case "kb" -> 1e3;
            case "mb" -> 1e6;
            case "gb" -> 1e9;
            case "tb" -> 1e12;
            default -> 1;
        };
        return (long) Math.min(Long.MAX_VALUE, v * factor);
    }
}
