package org.opensoc.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one evaluation run, as written to and read from report JSON. A rate is null when no entry
 * could be scored for it (the gold outputs lack that field).
 */
@RegisterForReflection
public record EvalReport(
        String dataset,
        String analyzer,
        int entries,
        int analyzerErrors,
        Proportion threatTypeAccuracy,
        Proportion familyAccuracy,
        Classification family,
        Proportion severityAccuracy,
        Confusion severityConfusion,
        MeanError riskScore,
        Proportion mitreExactAccuracy,
        Proportion mitreTechniqueAccuracy,
        Proportion benignFalsePositiveRate,
        Latency latency) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** {@code count} of {@code evaluated} entries, and their ratio (null when none was evaluated). */
    @RegisterForReflection
    public record Proportion(int count, int evaluated, Double rate) {
        public static Proportion of(int count, int evaluated) {
            return new Proportion(count, evaluated, evaluated == 0 ? null : (double) count / evaluated);
        }
    }

    /** Counts with a row per gold label and a column per predicted label, in the order of {@code labels}. */
    @RegisterForReflection
    public record Confusion(List<String> labels, List<List<Integer>> counts) {
        static Confusion of(ConfusionMatrix matrix) {
            return new Confusion(matrix.labels(), matrix.rows());
        }
    }

    /** Per-label scores, their macro and support-weighted averages, and the confusion matrix. */
    @RegisterForReflection
    public record Classification(List<ConfusionMatrix.LabelScores> perLabel, ConfusionMatrix.Averages macro,
                                 ConfusionMatrix.Averages weighted, Confusion confusion) {
        static Classification of(ConfusionMatrix matrix) {
            return new Classification(matrix.perLabel(), matrix.macro(), matrix.weighted(), Confusion.of(matrix));
        }
    }

    /** Mean absolute error over the entries where both sides have a value. */
    @RegisterForReflection
    public record MeanError(int evaluated, Double meanAbsoluteError) {
    }

    /** Per-entry analyzer latency, one entry at a time; throughput is entries over their summed latency. */
    @RegisterForReflection
    public record Latency(double p50Ms, double p95Ms, double p99Ms, double entriesPerSecond, double totalSeconds) {
    }

    /** The figures that sum a run up, in the order reports and comparisons print them; null where not measured. */
    public Map<String, Double> headline() {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("Threat type accuracy (exact)", threatTypeAccuracy.rate());
        figures.put("Family accuracy", familyAccuracy.rate());
        figures.put("Family macro F1", family.perLabel().isEmpty() ? null : family.macro().f1());
        figures.put("Family weighted F1", family.perLabel().isEmpty() ? null : family.weighted().f1());
        figures.put("Severity accuracy", severityAccuracy.rate());
        figures.put("Risk score MAE", riskScore.meanAbsoluteError());
        figures.put("MITRE accuracy (exact)", mitreExactAccuracy.rate());
        figures.put("MITRE accuracy (technique)", mitreTechniqueAccuracy.rate());
        figures.put("Benign false-positive rate", benignFalsePositiveRate.rate());
        figures.put("Latency p50 (ms)", latency.p50Ms());
        figures.put("Latency p95 (ms)", latency.p95Ms());
        figures.put("Latency p99 (ms)", latency.p99Ms());
        figures.put("Entries per second", latency.entriesPerSecond());
        return figures;
    }

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public String toJson() throws IOException {
        return JSON.writeValueAsString(this);
    }

    public static EvalReport read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), EvalReport.class);
    }
}
