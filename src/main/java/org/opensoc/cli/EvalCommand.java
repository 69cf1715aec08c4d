package org.opensoc.cli;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import org.opensoc.AnalyzerKind;
import org.opensoc.AnalyzerMode;
import org.opensoc.ThreatAnalysis;
import org.opensoc.eval.EvalReport;
import org.opensoc.eval.Evaluator;
import org.opensoc.eval.LabelledDataset;
import org.opensoc.eval.LabelledExample;
import org.opensoc.eval.MarkdownReport;
import org.opensoc.eval.ProgressBar;
import org.opensoc.eval.ProgressListener;
import org.opensoc.eval.StratifiedSplit;
import org.opensoc.llm.ModelReplyParser;
import org.opensoc.pipeline.AnalysisPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code eval}: measures an analyzer on a labelled dataset, or compares two saved reports. */
@Dependent
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measures an analyzer on a labelled dataset (JSON array or JSON Lines of instruction/input/output).",
                "Prints the Markdown report on stdout and progress on stderr; --out and --markdown also save them.",
                "With --compare A.json B.json, prints two saved reports side by side instead."})
public class EvalCommand implements CliCommand {

    private static final int ERRORS_SHOWN = 5;

    private final AnalysisPipeline pipeline;
    private final ModelReplyParser parser;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DATASET", description = "The labelled dataset, e.g. soc_train.json.")
    Path dataset;

    @Option(names = "--analyzer", defaultValue = "rules", paramLabel = "rules|llm|hybrid",
            description = "The analyzer to measure (default: ${DEFAULT-VALUE}).")
    String analyzer;

    @Option(names = "--split", defaultValue = "all", paramLabel = "all|development|held-out",
            description = "The part of the agreed stratified split to run on (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--seed", description = "Shuffle within each label before splitting; absent = the agreed file-order split.")
    Long seed;

    @Option(names = {"--out", "--json"}, paramLabel = "REPORT.json", description = "Also save the report as JSON.")
    Path jsonOut;

    @Option(names = "--markdown", paramLabel = "REPORT.md", description = "Also save the report as Markdown.")
    Path markdownOut;

    @Option(names = "--compare", arity = "2", paramLabel = "REPORT.json",
            description = "Print two saved JSON reports side by side with their deltas.")
    List<Path> compare;

    @Option(names = "--progress", negatable = true,
            description = "Show a progress bar on stderr; default: when stderr is a terminal.")
    Boolean progress;

    @Inject
    public EvalCommand(AnalysisPipeline pipeline, ModelReplyParser parser) {
        this.pipeline = pipeline;
        this.parser = parser;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (compare != null) {
                out.print(MarkdownReport.compare(EvalReport.read(readable(compare.get(0))),
                        EvalReport.read(readable(compare.get(1)))));
                out.flush();
                return 0;
            }
            if (dataset == null) {
                err.println("opensoc eval: give a DATASET to measure on, or --compare A.json B.json");
                return AnalyzeCommand.EXIT_USAGE;
            }
            AnalyzerMode mode = analyzerMode();
            StratifiedSplit.Part part = StratifiedSplit.Part.parse(split);
            List<LabelledExample> examples = StratifiedSplit
                    .byThreatType(parser, seed == null ? OptionalLong.empty() : OptionalLong.of(seed))
                    .select(LabelledDataset.read(readable(dataset)), part);
            String name = dataset.getFileName() + (part == StratifiedSplit.Part.ALL ? "" : " (" + part.wireName()
                    + (seed == null ? "" : ", seed " + seed) + ")");
            EvalReport report = new Evaluator(analyzerOf(mode), parser::parse)
                    .evaluate(name, AnalyzerKind.valueOf(mode.name()).wireName(), examples, progress(err));
            String markdown = MarkdownReport.render(report);
            if (jsonOut != null) {
                report.write(jsonOut);
            }
            if (markdownOut != null) {
                Files.writeString(markdownOut, markdown, StandardCharsets.UTF_8);
            }
            out.print(markdown);
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("opensoc eval: " + e.getMessage());
            return AnalyzeCommand.EXIT_USAGE;
        } catch (IOException e) {
            err.println("opensoc eval: " + e.getMessage());
            return AnalyzeCommand.EXIT_UNREADABLE;
        }
    }

    /** The path, or an error that says plainly why it cannot be read. */
    static Path readable(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("cannot read " + file + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
        }
        return file;
    }

    private AnalyzerMode analyzerMode() {
        AnalyzerMode mode = AnalyzerMode.parse(analyzer);
        if (mode == AnalyzerMode.AUTO) {
            // auto changes with the model's reachability: a measurement must say what it measured.
            throw new IllegalArgumentException("--analyzer must be rules, llm or hybrid");
        }
        return mode;
    }

    private Function<String, ThreatAnalysis> analyzerOf(AnalyzerMode mode) {
        if (mode == AnalyzerMode.RULES) {
            return pipeline::analyzeWithRules;
        }
        return entry -> pipeline.analyze(entry, mode).await().indefinitely();
    }

    private ProgressListener progress(PrintWriter err) {
        boolean show = progress != null ? progress : AnalyzeCommand.TerminalCheck.stderrIsTerminal();
        ProgressListener bar = show ? new ProgressBar(err) : ProgressListener.SILENT;
        return new ProgressListener() {
            private int failures;

            @Override
            public void progressed(int done, int total) {
                bar.progressed(done, total);
            }

            @Override
            public void failed(int index, RuntimeException error) {
                if (++failures <= ERRORS_SHOWN) {
                    err.println("\nopensoc eval: entry " + (index + 1) + " got no answer: " + error);
                }
            }
        };
    }
}
