package org.opensoc.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opensoc.AnalyzerKind;
import org.opensoc.Severity;
import org.opensoc.ThreatAnalysis;
import org.opensoc.ThreatFamily;
import org.opensoc.attack.FamilyTechniques;
import org.opensoc.attack.MitreCatalog;
import org.opensoc.attack.Technique;
import org.opensoc.llm.ModelReply;
import org.opensoc.llm.ThreatNames;

/**
 * Turns a parsed model answer into a record, checking it against ATT&amp;CK and the log as it goes: the
 * threat type must name a family of the taxonomy, the technique must exist and fit that family, the risk score
 * must sit in the severity's band, and the evidence should occur in the log. Each doubt is a warning.
 */
final class ModelVerdict {

    private final MitreCatalog catalog;
    private final FamilyTechniques fits;

    ModelVerdict(MitreCatalog catalog, FamilyTechniques fits) {
        this.catalog = catalog;
        this.fits = fits;
    }

    /** What the model's answer amounts to, before any comparison with the detector. */
    /**
     * {@code grounded}: the evidence's fragments or tokens occur in the log; {@code quotesLog}: it quotes the log
     * verbatim, the stronger proof a model needs to overrule the detector.
     */
    record Checked(ThreatAnalysis analysis, Optional<ThreatFamily> family, boolean mitreFits, boolean grounded,
            boolean quotesLog) {
    }

    Checked check(ModelReply reply, String entry) {
        List<String> warnings = new ArrayList<>(reply.warnings());
        Optional<ThreatFamily> family = ThreatNames.familyOf(reply.threatType());
        String threatType = threatType(reply.threatType(), family, warnings);
        String mitreId = reply.mitreId();
        boolean mitreFits = family.isPresent() && fits.fits(family.get(), mitreId)
                && (ThreatFamily.NO_TECHNIQUE.equals(mitreId) || catalog.contains(mitreId));
        if (!mitreFits && mitreId != null && family.isPresent()) {
            warnings.add("the model's technique " + mitreId + " does not fit " + family.get().label()
                    + "; using " + family.get().defaultMitreId());
        }
        if (!mitreFits) {
            mitreId = family.map(ThreatFamily::defaultMitreId).orElse(mitreId);
        }
        Severity severity = reply.severity();
        if (severity == null) {
            severity = reply.riskScore() != null ? Severity.ofScore(reply.riskScore()) : Severity.MEDIUM;
            warnings.add("the model gave no severity; assumed " + severity);
        }
        int risk = severity.clamp(reply.riskScore() == null ? (severity.minScore() + severity.maxScore()) / 2 : reply.riskScore());
        boolean benign = family.filter(f -> f == ThreatFamily.NO_THREAT).isPresent();
        boolean grounded = benign || EvidenceGrounding.isGrounded(reply.evidence(), entry);
        if (!grounded) {
            warnings.add("the model's evidence does not occur in the log");
        }
        Optional<Technique> technique = catalog.find(mitreId);
        ThreatAnalysis analysis = new ThreatAnalysis(threatType, mitreId, severity, risk,
                reply.evidence() == null ? "" : reply.evidence(),
                reply.recommendation() == null ? "" : reply.recommendation(),
                family.map(ThreatFamily::label).orElse(ThreatFamily.familyOf(threatType)),
                technique.map(Technique::name).orElse(benign ? ThreatFamily.NO_TECHNIQUE : null),
                technique.map(Technique::primaryTactic).orElse(benign ? ThreatFamily.NO_TECHNIQUE : null),
                AnalyzerKind.LLM, List.of(), warnings);
        return new Checked(analysis, family, mitreFits, grounded, EvidenceGrounding.quotesLog(reply.evidence(), entry));
    }

    private static String threatType(String said, Optional<ThreatFamily> family, List<String> warnings) {
        if (family.isEmpty()) {
            warnings.add("the model's threat type '" + said + "' is not in the taxonomy");
            return said;
        }
        if (said != null && ThreatFamily.ofLabel(said).isPresent()) {
            return said;
        }
        return family.get().label();
    }
}
