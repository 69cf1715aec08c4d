package org.opensoc.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.opensoc.AnalyzerKind;
import org.opensoc.ThreatAnalysis;
import org.opensoc.ThreatFamily;

/**
 * Hybrid mode: the detector's verdict and the model's, made into one. The detector is the referee because its
 * findings quote the log; the model may add what the rules cannot name, but only when its answer holds up
 * (a family of the taxonomy, a live ATT&amp;CK technique that fits it, evidence quoting the log). Log content
 * is attacker-controlled, so a model talked into "no threat" by the entry itself never overrules a finding.
 */
final class VerdictReconciler {

    ThreatAnalysis reconcile(ThreatAnalysis rules, ModelVerdict.Checked model) {
        ThreatAnalysis said = model.analysis();
        boolean rulesFoundThreat = !ThreatFamily.NO_THREAT.label().equals(rules.family());
        boolean sameFamily = model.family().map(f -> f.label().equals(rules.family())).orElse(false);
        List<String> warnings = new ArrayList<>(said.warnings());

        if (sameFamily) {
            if (!rules.threatType().equals(said.threatType()) || rules.severity() != said.severity()) {
                warnings.add("the model agreed on " + rules.family() + " but said '" + said.threatType() + "', "
                        + said.severity() + "; kept the detector's subtype and severity, which its findings support");
            }
            return rules.withAnalyzer(AnalyzerKind.HYBRID).withWarnings(warnings);
        }
        if (rulesFoundThreat) {
            warnings.add("the model said '" + said.threatType() + "' but the detector found " + rules.threatType()
                    + "; kept the detector's verdict because its findings quote the log");
            return rules.withAnalyzer(AnalyzerKind.HYBRID).withWarnings(warnings);
        }
        // Over a detector that found nothing, only an answer that quotes the log itself is believed: a model that
        // describes the entry in its own words (or was told what to say by it) is a warning, not a verdict.
        boolean modelHoldsUp = model.family().isPresent() && model.mitreFits() && model.quotesLog();
        if (modelHoldsUp) {
            warnings.add("the detector found no threat; kept the model's verdict because its technique fits "
                    + said.family() + " and its evidence quotes the log");
            return new ThreatAnalysis(said.threatType(), said.mitreId(), said.severity(), said.riskScore(),
                    said.evidence(), said.recommendation().isBlank() ? rules.recommendation() : said.recommendation(),
                    said.family(), said.mitreName(), said.mitreTactic(), AnalyzerKind.HYBRID, rules.findings(), warnings);
        }
        warnings.add("the model said '" + said.threatType() + "' but its answer does not hold up against the log"
                + " and ATT&CK; kept the detector's verdict");
        return rules.withAnalyzer(AnalyzerKind.HYBRID).withWarnings(warnings);
    }
}
