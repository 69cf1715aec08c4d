package org.opensoc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.opensoc.AnalyzerMode;
import org.opensoc.batch.BatchProgress;
import org.opensoc.batch.BatchService;
import org.opensoc.batch.BatchSink;
import org.opensoc.batch.BatchSummary;
import org.opensoc.batch.EmptyInputException;
import org.opensoc.batch.EntryResult;
import org.opensoc.batch.ExportSink;
import org.opensoc.batch.LineSource;
import org.opensoc.batch.NdjsonSink;
import org.opensoc.batch.UnusableCsvException;
import org.opensoc.batch.export.ExportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code analyze FILE|- --format ...}: the batch analysis for cron jobs and overnight runs. Results go to stdout,
 * progress (when stderr is a terminal) and the closing summary to stderr, so stdout can be redirected to a file.
 * Exit 0 on success, 1 when the input cannot be read or holds nothing to analyze, 2 on bad options.
 */
@Singleton
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyze a log file (.log, .txt, .csv) or stdin (-) and write one result per entry to stdout.")
public class AnalyzeCommand implements CliCommand {

    static final int EXIT_UNREADABLE = 1;
    static final int EXIT_USAGE = 2;

    @Parameters(index = "0", paramLabel = "FILE", description = "the log file, or - for standard input")
    String file;

    @Option(names = "--format", defaultValue = "ndjson",
            description = "ndjson (entries then a summary, as the HTTP stream), csv, jsonl, ecs or ocsf; default ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--analyzer", defaultValue = "rules", description = "rules, llm, hybrid or auto; default ${DEFAULT-VALUE}")
    String analyzer;

    @Option(names = "--csv", description = "read the input as CSV (the default for a FILE ending in .csv)")
    boolean csvInput;

    @Option(names = "--progress", negatable = true,
            description = "show a progress line on stderr; default: when stderr is a terminal")
    Boolean progress;

    @Inject
    BatchService batches;

    @Inject
    ObjectMapper json;

    /** Where results go: the process's own stdout, buffered, bypassing System.out's per-call flushing. */
    private Writer out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
            StandardCharsets.UTF_8), 1 << 16);

    private PrintStream err = System.err;

    /** Redirects results and messages, for tests that run the command in-process. */
    public void setOutput(Writer results, PrintStream messages) {
        this.out = results;
        this.err = messages;
    }

    @Override
    public Integer call() {
        AnalyzerMode mode;
        ExportFormat export;
        try {
            mode = AnalyzerMode.parse(analyzer);
            export = "ndjson".equalsIgnoreCase(format) ? null : ExportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            err.println("opensoc analyze: " + e.getMessage());
            return EXIT_USAGE;
        }
        boolean stdin = "-".equals(file);
        boolean csv = csvInput || !stdin && file.toLowerCase(Locale.ROOT).endsWith(".csv");
        Long total = null;
        InputStream in;
        try {
            if (stdin) {
                in = System.in;
            } else {
                Path path = Path.of(file);
                if (!Files.isRegularFile(path)) {
                    err.println("opensoc analyze: cannot read " + file + ": "
                            + (Files.exists(path) ? "not a regular file" : "no such file"));
                    return EXIT_UNREADABLE;
                }
                total = Files.size(path);
                in = Files.newInputStream(path);
            }
        } catch (IOException e) {
            err.println("opensoc analyze: cannot read " + file + ": " + e);
            return EXIT_UNREADABLE;
        }
        boolean showProgress = progress != null ? progress : TerminalCheck.stderrIsTerminal();
        try (LineSource lines = batches.lines(in, csv)) {
            BatchSink results = export == null ? new NdjsonSink(out, json) : new ExportSink(export.open(out, json));
            BatchSink sink = showProgress ? new ProgressLine(results, err) : results;
            BatchSummary summary = batches.run(mode, lines, csv, total, sink, () -> false);
            out.flush();
            err.println(describe(summary));
            return 0;
        } catch (UnusableCsvException | EmptyInputException e) {
            err.println("opensoc analyze: " + file + ": " + e.getMessage());
            return EXIT_UNREADABLE;
        } catch (IOException e) {
            err.println("opensoc analyze: cannot read " + file + ": " + e.getMessage());
            return EXIT_UNREADABLE;
        }
    }

    static String describe(BatchSummary s) {
        double seconds = Math.max(s.elapsedMs(), 1) / 1000.0;
        return String.format(Locale.ROOT,
                "opensoc: %d lines (%d bytes) -> %d entries in %.1f s (%.0f lines/s, %.0f entries/s); cache hit rate %.1f%%;"
                        + " %d unparsed, %d truncated lines%n  by family: %s%n  by severity: %s%n  top sources: %s",
                s.lines(), s.bytes(), s.entries(), seconds, s.lines() / seconds, s.entries() / seconds,
                s.cacheHitRate() * 100, s.unparsedLines(), s.truncatedLines(), s.byFamily(), s.bySeverity(),
                s.topSources().stream().map(t -> t.source() + "=" + t.entries()).toList());
    }

    /** Decorates a sink with a progress line that rewrites itself on stderr. */
    static final class ProgressLine implements BatchSink {
        private final BatchSink inner;
        private final PrintStream err;

        ProgressLine(BatchSink inner, PrintStream err) {
            this.inner = inner;
            this.err = err;
        }

        @Override
        public void entry(EntryResult result) throws IOException {
            inner.entry(result);
        }

        @Override
        public void progress(BatchProgress p) throws IOException {
            inner.progress(p);
            String percent = p.totalBytes() == null || p.totalBytes() == 0 ? ""
                    : String.format(Locale.ROOT, " %5.1f%%", p.bytesRead() * 100.0 / p.totalBytes());
            err.printf(Locale.ROOT, "\r%s %,d lines, %,d entries, %,d MB", percent, p.linesRead(), p.entriesDone(),
                    p.bytesRead() >> 20);
        }

        @Override
        public void summary(BatchSummary summary) throws IOException {
            err.print("\r\033[K");
            inner.summary(summary);
        }
    }

    /**
     * Whether stderr is a terminal. Java has no call for it ({@code System.console()} also needs stdout to be one,
     * which a redirected {@code > findings.csv} is not), so this reads where Linux's fd 2 points; elsewhere, no.
     */
    static final class TerminalCheck {

        private TerminalCheck() {
        }

        static boolean stderrIsTerminal() {
            try {
                String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false;
            }
        }
    }
}
