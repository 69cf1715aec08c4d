package org.opensoc.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Counts of (gold, predicted) label pairs, with accuracy and per-label precision, recall and F1.
 *
 * <p>The averages follow scikit-learn's {@code classification_report}, so figures compare with the paper's:
 * the labels are those seen as gold or as predicted; a ratio with a zero denominator counts as 0; the macro
 * average weighs every label alike, the weighted average weighs each by its gold support (so a label only
 * ever predicted lowers the macro average and not the weighted one).
 */
public final class ConfusionMatrix {

    /** Precision, recall and F1 of one label, with its gold support. */
    public record LabelScores(String label, double precision, double recall, double f1, int support) {
    }

    /** An average of precision, recall and F1 over the labels. */
    public record Averages(double precision, double recall, double f1) {
    }

    private final TreeSet<String> labels;
    private final Map<String, Map<String, Integer>> counts = new HashMap<>();
    private int total;

    /** Labels ordered by the comparator (rows and columns of {@link #rows()}). */
    public ConfusionMatrix(Comparator<String> order) {
        this.labels = new TreeSet<>(order);
    }

    public ConfusionMatrix() {
        this(Comparator.naturalOrder());
    }

    public void add(String gold, String predicted) {
        add(gold, predicted, 1);
    }

    public void add(String gold, String predicted, int times) {
        labels.add(gold);
        labels.add(predicted);
        counts.computeIfAbsent(gold, g -> new HashMap<>()).merge(predicted, times, Integer::sum);
        total += times;
    }

    public int count(String gold, String predicted) {
        return counts.getOrDefault(gold, Map.of()).getOrDefault(predicted, 0);
    }

    public List<String> labels() {
        return List.copyOf(labels);
    }

    public int total() {
        return total;
    }

    public int correct() {
        return labels.stream().mapToInt(l -> count(l, l)).sum();
    }

    /** Correct over total; 0 when empty. */
    public double accuracy() {
        return ratio(correct(), total);
    }

    /** How many times the label is the gold one. */
    public int support(String label) {
        return counts.getOrDefault(label, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** How many times the label was predicted. */
    public int predicted(String label) {
        return labels.stream().mapToInt(gold -> count(gold, label)).sum();
    }

    public double precision(String label) {
        return ratio(count(label, label), predicted(label));
    }

    public double recall(String label) {
        return ratio(count(label, label), support(label));
    }

    public double f1(String label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public List<LabelScores> perLabel() {
        return labels.stream().map(l -> new LabelScores(l, precision(l), recall(l), f1(l), support(l))).toList();
    }

    public Averages macro() {
        List<LabelScores> scores = perLabel();
        int n = scores.size();
        return n == 0 ? new Averages(0, 0, 0) : new Averages(
                scores.stream().mapToDouble(LabelScores::precision).sum() / n,
                scores.stream().mapToDouble(LabelScores::recall).sum() / n,
                scores.stream().mapToDouble(LabelScores::f1).sum() / n);
    }

    public Averages weighted() {
        List<LabelScores> scores = perLabel();
        double support = scores.stream().mapToInt(LabelScores::support).sum();
        return support == 0 ? new Averages(0, 0, 0) : new Averages(
                scores.stream().mapToDouble(s -> s.precision() * s.support()).sum() / support,
                scores.stream().mapToDouble(s -> s.recall() * s.support()).sum() / support,
                scores.stream().mapToDouble(s -> s.f1() * s.support()).sum() / support);
    }

    /** The counts, a row per gold label and a column per predicted label, both in {@link #labels()} order. */
    public List<List<Integer>> rows() {
        List<List<Integer>> rows = new ArrayList<>();
        for (String gold : labels) {
            rows.add(labels.stream().map(predicted -> count(gold, predicted)).toList());
        }
        return rows;
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
