package org.opensoc.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders an evaluation report, or two side by side, as Markdown tables. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(EvalReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# OpenSOC evaluation: ").append(report.analyzer()).append(" on ").append(report.dataset()).append("\n\n");
        md.append(report.entries()).append(" entries");
        if (report.analyzerErrors() > 0) {
            md.append(", ").append(report.analyzerErrors()).append(" without an answer (analyzer errors)");
        }
        md.append(". A metric counts only the entries whose gold answer has its field.\n\n");

        md.append("| metric | value | entries scored |\n|---|---|---|\n");
        row(md, "Threat type accuracy (exact)", percent(report.threatTypeAccuracy()), report.threatTypeAccuracy().evaluated());
        row(md, "Family accuracy", percent(report.familyAccuracy()), report.familyAccuracy().evaluated());
        boolean families = !report.family().perLabel().isEmpty();
        row(md, "Family macro F1", decimal(families ? report.family().macro().f1() : null), report.familyAccuracy().evaluated());
        row(md, "Family weighted F1", decimal(families ? report.family().weighted().f1() : null), report.familyAccuracy().evaluated());
        row(md, "Severity accuracy", percent(report.severityAccuracy()), report.severityAccuracy().evaluated());
        row(md, "Risk score MAE", decimal(report.riskScore().meanAbsoluteError()), report.riskScore().evaluated());
        row(md, "MITRE accuracy (exact)", percent(report.mitreExactAccuracy()), report.mitreExactAccuracy().evaluated());
        row(md, "MITRE accuracy (technique)", percent(report.mitreTechniqueAccuracy()), report.mitreTechniqueAccuracy().evaluated());
        row(md, "Benign false-positive rate", percent(report.benignFalsePositiveRate()), report.benignFalsePositiveRate().evaluated());
        EvalReport.Latency latency = report.latency();
        md.append(String.format(Locale.ROOT, "| Latency p50 / p95 / p99 | %.3f / %.3f / %.3f ms | %d |%n",
                latency.p50Ms(), latency.p95Ms(), latency.p99Ms(), report.entries()));
        md.append(String.format(Locale.ROOT, "| Throughput | %.1f entries/s | %d |%n", latency.entriesPerSecond(), report.entries()));

        md.append("\n## Per family\n\n| family | precision | recall | F1 | support |\n|---|---|---|---|---|\n");
        for (ConfusionMatrix.LabelScores s : report.family().perLabel()) {
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d |%n",
                    cell(s.label()), s.precision(), s.recall(), s.f1(), s.support()));
        }
        ConfusionMatrix.Averages macro = report.family().macro();
        ConfusionMatrix.Averages weighted = report.family().weighted();
        md.append(String.format(Locale.ROOT, "| **macro average** | %.3f | %.3f | %.3f | |%n", macro.precision(), macro.recall(), macro.f1()));
        md.append(String.format(Locale.ROOT, "| **weighted average** | %.3f | %.3f | %.3f | |%n",
                weighted.precision(), weighted.recall(), weighted.f1()));

        md.append("\n## Family confusion (rows gold, columns predicted)\n\n");
        confusion(md, report.family().confusion());
        md.append("\n## Severity confusion (rows gold, columns predicted)\n\n");
        confusion(md, report.severityConfusion());
        return md.toString();
    }

    /** The headline figures of two runs side by side with B − A, like the paper's baseline-versus-tuned table. */
    public static String compare(EvalReport a, EvalReport b) {
        StringBuilder md = new StringBuilder();
        md.append("| metric | A: ").append(cell(a.analyzer() + " on " + a.dataset()))
                .append(" | B: ").append(cell(b.analyzer() + " on " + b.dataset())).append(" | Δ (B − A) |\n");
        md.append("|---|---|---|---|\n");
        Map<String, Double> left = a.headline();
        Map<String, Double> right = b.headline();
        for (Map.Entry<String, Double> figure : left.entrySet()) {
            Double x = figure.getValue();
            Double y = right.get(figure.getKey());
            String delta = x == null || y == null ? "—" : String.format(Locale.ROOT, "%+.4f", y - x);
            md.append("| ").append(figure.getKey()).append(" | ").append(decimal(x)).append(" | ").append(decimal(y))
                    .append(" | ").append(delta).append(" |\n");
        }
        md.append(String.format(Locale.ROOT, "| Entries | %d | %d | %+d |%n", a.entries(), b.entries(), b.entries() - a.entries()));
        return md.toString();
    }

    private static void row(StringBuilder md, String metric, String value, int evaluated) {
        md.append("| ").append(metric).append(" | ").append(value).append(" | ").append(evaluated).append(" |\n");
    }

    /** Columns are numbered after the rows, so a matrix of long family names stays readable. */
    private static void confusion(StringBuilder md, EvalReport.Confusion confusion) {
        List<String> labels = confusion.labels();
        if (labels.isEmpty()) {
            md.append("(nothing scored)\n");
            return;
        }
        md.append("| gold \\ predicted |");
        for (int j = 1; j <= labels.size(); j++) {
            md.append(' ').append(j).append(" |");
        }
        md.append("\n|---|").append("---|".repeat(labels.size())).append('\n');
        for (int i = 0; i < labels.size(); i++) {
            md.append("| ").append(i + 1).append(". ").append(cell(labels.get(i))).append(" |");
            for (Integer count : confusion.counts().get(i)) {
                md.append(' ').append(count == 0 ? "·" : count.toString()).append(" |");
            }
            md.append('\n');
        }
    }

    /** Labels come from datasets and models: keep a pipe, a newline or markup in one from breaking the table. */
    private static String cell(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    private static String percent(EvalReport.Proportion p) {
        return p.rate() == null ? "n/a" : String.format(Locale.ROOT, "%.1f%% (%d/%d)", 100 * p.rate(), p.count(), p.evaluated());
    }

    private static String decimal(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }
}
