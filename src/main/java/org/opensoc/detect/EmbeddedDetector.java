package org.opensoc.detect;

import com.google.re2j.Matcher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opensoc.AnalyzerKind;
import org.opensoc.Finding;
import org.opensoc.Severity;
import org.opensoc.ThreatAnalysis;
import org.opensoc.ThreatFamily;
import org.opensoc.attack.MitreCatalog;
import org.opensoc.attack.Technique;

/**
 * The embedded analyzer: parses the entry into typed lines, runs the rules of {@code rules/} on decoded fields,
 * Windows events and counts over the lines, and answers the most severe finding as the verdict with every
 * finding listed. No model, no I/O after construction; immutable, so one instance serves all threads.
 *
 * <p>Severity model (one place): each rule carries its default severity and score; a rule with a
 * {@code successSeverity} is raised to it when the log shows the attack worked (a 2xx answer to the attack
 * request, a login accepted after failures, a large 2xx export); the score is then moved into the severity's band
 * ({@link Severity#clamp}). Ties between findings of equal severity go to the rule listed first
 * ({@code rules/index.yaml} order), so a specific reading (credential stuffing) beats a generic one (brute force).
 */
@ApplicationScoped
public class EmbeddedDetector {

    /** Longest entry analyzed; the rest is ignored with a warning. Equals the API's default entry limit. */
    public static final int MAX_ENTRY_CHARS = 65_536;
    /** Longest raw span a finding quotes. */
    static final int MAX_MATCH_CHARS = 300;
    private static final int MAX_EVIDENCE_QUOTE = 160;

    private static final String BENIGN_SUBTYPE = "Normal Traffic";

    private final RuleBook rules;
    private final Playbooks playbooks;
    private final MitreCatalog catalog;
    private final List<Rule> patternRules;
    private final List<Rule> eventRules;
    private final List<Rule> aggregateRules;

    /** Loads the rules, playbooks and ATT&amp;CK table from the classpath, once. */
    public EmbeddedDetector() {
        this(RuleBook.load(), Playbooks.load(), MitreCatalog.bundled());
    }

    EmbeddedDetector(RuleBook rules, Playbooks playbooks, MitreCatalog catalog) {
        this.rules = rules;
        this.playbooks = playbooks;
        this.catalog = catalog;
        this.patternRules = rules.rules().stream().filter(r -> r.spec().kind() == RuleKind.PATTERN).toList();
        this.eventRules = rules.rules().stream().filter(r -> r.spec().kind() == RuleKind.EVENT).toList();
        this.aggregateRules = rules.rules().stream().filter(r -> r.spec().kind() == RuleKind.AGGREGATE).toList();
    }

    public RuleBook ruleBook() {
        return rules;
    }

    public ThreatAnalysis analyze(String entry) {
        return analyze(entry, new WorkMeter());
    }

    /** The verdict, counting the regex work into {@code meter} (the safety test and the benchmark read it). */
    public ThreatAnalysis analyze(String entry, WorkMeter meter) {
        String text = entry == null ? "" : entry;
        List<String> warnings = new ArrayList<>();
        if (text.length() > MAX_ENTRY_CHARS) {
            text = text.substring(0, MAX_ENTRY_CHARS);
            warnings.add("entry longer than " + MAX_ENTRY_CHARS + " characters: only the first " + MAX_ENTRY_CHARS
                    + " were analyzed");
        }
        List<LogLine> lines = EntryParser.parse(text);
        List<Detection> detections = new ArrayList<>();
        Set<Rule> fired = new HashSet<>();
        patterns(lines, detections, fired, meter);
        events(lines, detections, fired, meter);
        Aggregator aggregator = new Aggregator(lines, meter);
        for (Rule r : aggregateRules) {
            Detection d = aggregator.measure(r);
            if (d != null) {
                detections.add(d);
            }
        }
        return verdict(text, lines, detections, warnings);
    }

    private void patterns(List<LogLine> lines, List<Detection> out, Set<Rule> fired, WorkMeter meter) {
        Set<String> seen = new HashSet<>();
        for (LogLine line : lines) {
            // Repeated identical lines (a brute-force window) cannot fire anything new.
            if (!seen.add(line.raw()) || line.format() == LogFormat.WINDOWS_EVENT) {
                continue;
            }
            DecodedLine decoded = new DecodedLine(line);
            for (Rule rule : patternRules) {
                if (fired.contains(rule)) {
                    continue;
                }
                for (String target : rule.spec().in()) {
                    LogLine.Field field = decoded.field(target);
                    if (field == null) {
                        continue;
                    }
                    String d = decoded.decoded(target);
                    if (d.isEmpty() || !rule.prefilter(d)) {
                        continue;
                    }
                    Matcher m = rule.match(d, meter);
                    if (m != null) {
                        out.add(patternDetection(rule, line, field, m.group()));
                        fired.add(rule);
                        break;
                    }
                }
            }
        }
    }

    private static Detection patternDetection(Rule rule, LogLine line, LogLine.Field field, String decodedMatch) {
        int start = field.start();
        int end = field.end();
        // Quote the raw text exactly where the decoded match appears verbatim in it; else the whole raw field.
        if (decodedMatch.length() <= MAX_MATCH_CHARS && !decodedMatch.isEmpty()) {
            int at = field.value().toLowerCase(Locale.ROOT).indexOf(decodedMatch);
            if (at >= 0) {
                start = field.start() + at;
                end = start + decodedMatch.length();
            }
        }
        end = Math.min(end, start + MAX_MATCH_CHARS);
        String raw = line.raw();
        int base = line.start();
        while (start < end && Character.isWhitespace(raw.charAt(start - base))) {
            start++;
        }
        while (end > start && Character.isWhitespace(raw.charAt(end - 1 - base))) {
            end--;
        }
        int status = line.status();
        boolean success = status >= 200 && status < 300;
        return new Detection(rule, success, start, end, Aggregator.facts(line));
    }

    private void events(List<LogLine> lines, List<Detection> out, Set<Rule> fired, WorkMeter meter) {
        for (LogLine line : lines) {
            String id = line.get(LogLine.EVENT_ID);
            if (id == null || !(line.format() == LogFormat.WINDOWS_EVENT || line.format() == LogFormat.JSON
                    || line.format() == LogFormat.CSV)) {
                continue;
            }
            String decoded = null;
            for (Rule rule : eventRules) {
                if (fired.contains(rule) || !rule.spec().events().contains(parseEventId(id))
                        || !fieldsMatch(rule, line)) {
                    continue;
                }
                if (decoded == null) {
                    decoded = PayloadDecoder.normalize(line.raw());
                }
                if (rule.matchesOrUnconstrained(decoded, meter)) {
                    int end = Math.min(line.end(), line.start() + MAX_MATCH_CHARS);
                    Map<String, String> facts = Aggregator.facts(line);
                    facts.put("event", id);
                    out.add(new Detection(rule, false, line.start(), end, facts));
                    fired.add(rule);
                }
            }
        }
    }

    private static int parseEventId(String id) {
        try {
            return Integer.parseInt(id.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean fieldsMatch(Rule rule, LogLine line) {
        for (Map.Entry<String, String> e : rule.spec().fields().entrySet()) {
            String v = line.get(e.getKey());
            if (v == null || !v.trim().equalsIgnoreCase(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private ThreatAnalysis verdict(String text, List<LogLine> lines, List<Detection> detections,
                                   List<String> warnings) {
        if (detections.isEmpty()) {
            return benign(lines, warnings);
        }
        detections.sort(Comparator
                .comparing((Detection d) -> d.rule().severity(d.success())).reversed()
                .thenComparingInt(d -> d.rule().precedence()));
        Detection top = detections.get(0);
        Rule rule = top.rule();
        String threatType = rule.threatType();
        String mitreId = rule.mitreId();
        Technique technique = catalog.find(mitreId).orElse(null);
        List<Finding> findings = new ArrayList<>();
        StringBuilder evidence = new StringBuilder();
        for (Detection d : detections) {
            String match = text.substring(d.start(), d.end());
            findings.add(new Finding(d.rule().id(), d.rule().family().label(), d.rule().mitreId(), match, d.start(), d.end()));
            if (evidence.length() > 0) {
                evidence.append("; ");
            }
            evidence.append(evidence(d, match));
        }
        return new ThreatAnalysis(threatType, mitreId, rule.severity(top.success()), rule.score(top.success()),
                evidence.toString(), playbooks.render(threatType, top.facts()), ThreatFamily.familyOf(threatType),
                technique == null ? mitreId : technique.name(), technique == null ? "" : technique.primaryTactic(),
                AnalyzerKind.RULES, findings, warnings);
    }

    /** "description: 'raw quote' (count 12, HTTP 200, from 1.2.3.4)". */
    private static String evidence(Detection d, String match) {
        StringBuilder b = new StringBuilder(d.rule().spec().description());
        String quote = match.length() > MAX_EVIDENCE_QUOTE ? match.substring(0, MAX_EVIDENCE_QUOTE) + "..." : match;
        b.append(": '").append(quote.replace('\n', ' ').replace('\r', ' ')).append('\'');
        Map<String, String> f = new LinkedHashMap<>(d.facts());
        List<String> notes = new ArrayList<>();
        if (d.rule().spec().kind() == RuleKind.AGGREGATE && f.containsKey(Detection.COUNT)) {
            notes.add("count " + f.get(Detection.COUNT));
        }
        if (f.containsKey(Detection.STATUS)) {
            notes.add("HTTP " + f.get(Detection.STATUS));
        }
        if (d.success() && d.rule().spec().successSeverity() != null) {
            notes.add("the log shows it succeeded");
        }
        if (f.containsKey(Detection.SOURCE)) {
            notes.add("from " + f.get(Detection.SOURCE));
        }
        if (!notes.isEmpty()) {
            b.append(" (").append(String.join(", ", notes)).append(')');
        }
        return b.toString();
    }

    private ThreatAnalysis benign(List<LogLine> lines, List<String> warnings) {
        String threatType = ThreatFamily.NO_THREAT.threatType(BENIGN_SUBTYPE);
        String evidence = lines.isEmpty() ? "Empty entry: nothing to analyze"
                : "No rule matched " + lines.size() + (lines.size() == 1 ? " line" : " lines")
                + " (" + formats(lines) + "); no attack pattern, no failure or rate threshold reached";
        return new ThreatAnalysis(threatType, ThreatFamily.NO_TECHNIQUE, Severity.LOW, 10, evidence,
                playbooks.render(threatType, Map.of()), ThreatFamily.NO_THREAT.label(), ThreatFamily.NO_TECHNIQUE,
                ThreatFamily.NO_TECHNIQUE, AnalyzerKind.RULES, List.of(), warnings);
    }

    private static String formats(List<LogLine> lines) {
        return String.join(", ", lines.stream().map(l -> l.format().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .distinct().toList());
    }
}
