package org.opensoc.eval;

import java.util.Comparator;
import java.util.Locale;
import org.opensoc.Severity;
import org.opensoc.ThreatAnalysis;
import org.opensoc.ThreatFamily;
import org.opensoc.attack.MitreId;
import org.opensoc.llm.ModelReply;

/**
 * Tallies verdicts against gold answers, one entry at a time. A metric is scored only on the entries whose gold
 * answer has its field (datasets that label only threat type, MITRE and severity lose no points elsewhere). An
 * entry the analyzer gave no verdict for counts as the label {@link #NO_ANSWER}: wrong, never skipped, and not
 * a benign false positive, since it raised no alarm.
 */
final class Scorecard {

    /** The predicted label of an entry the analyzer failed on or left without that field. */
    static final String NO_ANSWER = "(no answer)";

    private final ConfusionMatrix threatTypes = new ConfusionMatrix();
    private final ConfusionMatrix families = new ConfusionMatrix();
    private final ConfusionMatrix severities = new ConfusionMatrix(Comparator.comparingInt(Scorecard::severityRank)
            .thenComparing(Comparator.naturalOrder()));
    private int scored;
    private int errors;
    private int riskEvaluated;
    private long riskAbsoluteError;
    private int mitreEvaluated;
    private int mitreExact;
    private int mitreTechnique;
    private int benign;
    private int benignFlagged;

    /** One entry: its gold answer and the verdict, null when the analyzer failed on it. */
    void add(ModelReply gold, ThreatAnalysis verdict) {
        scored++;
        if (verdict == null) {
            errors++;
        }
        if (gold.threatType() != null) {
            String goldType = gold.threatType().trim();
            String predictedType = verdict == null || verdict.threatType() == null ? NO_ANSWER : verdict.threatType().trim();
            threatTypes.add(goldType, predictedType);
            families.add(ThreatFamily.familyOf(goldType),
                    predictedType.equals(NO_ANSWER) ? NO_ANSWER : ThreatFamily.familyOf(predictedType));
            if (isBenign(goldType)) {
                benign++;
                if (!predictedType.equals(NO_ANSWER) && !isBenign(predictedType)) {
                    benignFlagged++;
                }
            }
        }
        if (gold.severity() != null) {
            severities.add(gold.severity().name(),
                    verdict == null || verdict.severity() == null ? NO_ANSWER : verdict.severity().name());
        }
        if (gold.riskScore() != null && verdict != null) {
            riskEvaluated++;
            riskAbsoluteError += Math.abs(gold.riskScore() - verdict.riskScore());
        }
        String goldMitre = goldMitre(gold);
        if (goldMitre != null) {
            mitreEvaluated++;
            String predicted = verdict == null ? null : normalizedMitre(verdict.mitreId());
            if (goldMitre.equals(predicted)) {
                mitreExact++;
            }
            if (predicted != null && MitreId.techniqueLevel(goldMitre).equals(MitreId.techniqueLevel(predicted))) {
                mitreTechnique++;
            }
        }
    }

    EvalReport report(String dataset, String analyzer, EvalReport.Latency latency) {
        return new EvalReport(dataset, analyzer, scored, errors,
                EvalReport.Proportion.of(threatTypes.correct(), threatTypes.total()),
                EvalReport.Proportion.of(families.correct(), families.total()),
                EvalReport.Classification.of(families),
                EvalReport.Proportion.of(severities.correct(), severities.total()),
                EvalReport.Confusion.of(severities),
                new EvalReport.MeanError(riskEvaluated, riskEvaluated == 0 ? null : (double) riskAbsoluteError / riskEvaluated),
                EvalReport.Proportion.of(mitreExact, mitreEvaluated),
                EvalReport.Proportion.of(mitreTechnique, mitreEvaluated),
                EvalReport.Proportion.of(benignFlagged, benign),
                latency);
    }

    private static boolean isBenign(String threatType) {
        return ThreatFamily.ofLabel(threatType).filter(ThreatFamily.NO_THREAT::equals).isPresent();
    }

    /** The gold technique; benign entries are labelled N/A, which the parser may read as no id at all. */
    private static String goldMitre(ModelReply gold) {
        String id = normalizedMitre(gold.mitreId());
        if (id == null && gold.threatType() != null && isBenign(gold.threatType())) {
            return ThreatFamily.NO_TECHNIQUE;
        }
        return id;
    }

    private static String normalizedMitre(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.trim().toUpperCase(Locale.ROOT).startsWith(ThreatFamily.NO_TECHNIQUE)) {
            return ThreatFamily.NO_TECHNIQUE;
        }
        return MitreId.find(text).orElse(text.trim());
    }

    private static int severityRank(String label) {
        Severity severity = Severity.parse(label);
        return severity == null ? Severity.values().length : severity.ordinal();
    }
}
