package org.opensoc.batch.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.opensoc.ThreatAnalysis;
import org.opensoc.batch.EntryResult;

/** The spreadsheet export: the six fields first, then context, line range, source and a raw excerpt. */
final class CsvFindingWriter implements FindingWriter {

    static final String[] HEADER = {"threat_type", "mitre_id", "severity", "risk_score", "evidence", "recommendation",
        "family", "mitre_name", "mitre_tactic", "analyzer", "index", "first_line", "last_line", "line_count", "source",
        "log_type", "cached", "warnings", "excerpt"};

    private final CSVPrinter printer;

    CsvFindingWriter(Writer out) {
        try {
            // Every cell quoted, as OWASP advises alongside the formula prefix.
            this.printer = CSVFormat.DEFAULT.builder().setHeader(HEADER).setQuoteMode(QuoteMode.ALL)
                    .setRecordSeparator("\r\n").get().print(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void write(EntryResult entry) throws IOException {
        ThreatAnalysis a = entry.analysis();
        List<Object> row = new ArrayList<>(HEADER.length);
        row.add(FormulaGuard.cell(a.threatType()));
        row.add(FormulaGuard.cell(a.mitreId()));
        row.add(a.severity() == null ? null : a.severity().name());
        row.add(a.riskScore());
        row.add(FormulaGuard.cell(a.evidence()));
        row.add(FormulaGuard.cell(a.recommendation()));
        row.add(FormulaGuard.cell(a.family()));
        row.add(FormulaGuard.cell(a.mitreName()));
        row.add(FormulaGuard.cell(a.mitreTactic()));
        row.add(a.analyzer() == null ? null : a.analyzer().wireName());
        row.add(entry.index());
        row.add(entry.firstLine());
        row.add(entry.lastLine());
        row.add(entry.lineCount());
        row.add(FormulaGuard.cell(entry.source()));
        row.add(FormulaGuard.cell(entry.logType()));
        row.add(entry.cached());
        row.add(FormulaGuard.cell(String.join("; ", a.warnings())));
        row.add(FormulaGuard.cell(entry.excerpt()));
        printer.printRecord(row);
    }

    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
