package org.opensoc.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.opensoc.AnalyzerKind;
import org.opensoc.Finding;
import org.opensoc.Severity;
import org.opensoc.ThreatAnalysis;
import org.opensoc.ThreatFamily;

/** The embedded analyzer: signatures over the raw entry, no model needed. */
@ApplicationScoped
public class EmbeddedDetector {

    private record Signature(String id, ThreatFamily family, String subtype, Severity severity, int score, Pattern pattern) {
    }

    private static final List<Signature> SIGNATURES = List.of(
            new Signature("sqli-tautology", ThreatFamily.SQL_INJECTION, "Union/Boolean SQLi", Severity.CRITICAL, 85,
                    Pattern.compile("(?i)\\b(?:or|and)\\s+\\d+\\s*=\\s*\\d+\\s*(?:--|#)?")),
            new Signature("scanner-burp", ThreatFamily.RECONNAISSANCE, null, Severity.MEDIUM, 55,
                    Pattern.compile("(?i)burpsuite|sqlmap|nikto|nmap")));

    private static final org.opensoc.attack.MitreCatalog CATALOG = org.opensoc.attack.MitreCatalog.bundled();

    public ThreatAnalysis analyze(String entry) {
        List<Finding> findings = new ArrayList<>();
        Signature top = null;
        for (Signature s : SIGNATURES) {
            Matcher m = s.pattern().matcher(entry);
            if (m.find()) {
                findings.add(new Finding(s.id(), s.family().label(), s.family().defaultMitreId(), m.group(), m.start(), m.end()));
                if (top == null) {
                    top = s;
                }
            }
        }
        if (top == null) {
            return new ThreatAnalysis(ThreatFamily.NO_THREAT.threatType("Normal Traffic"), ThreatFamily.NO_TECHNIQUE,
                    Severity.LOW, 10, "No attack signature matched", "No immediate action required.",
                    ThreatFamily.NO_THREAT.label(), "N/A", "N/A", AnalyzerKind.RULES, findings, List.of());
        }
        String evidence = String.join("; ", findings.stream().map(f -> "'" + f.match() + "'").toList());
        return new ThreatAnalysis(top.family().threatType(top.subtype()), top.family().defaultMitreId(), top.severity(),
                top.score(), evidence, "1) Block the source 2) Review the application logs",
                top.family().label(), CATALOG.find(top.family().defaultMitreId()).map(t -> t.name()).orElse(null),
                CATALOG.find(top.family().defaultMitreId()).map(t -> t.primaryTactic()).orElse(null), AnalyzerKind.RULES, findings, List.of());
    }
}
