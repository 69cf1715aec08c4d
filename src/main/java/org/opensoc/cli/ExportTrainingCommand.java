package org.opensoc.cli;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.opensoc.eval.LabelledDataset;
import org.opensoc.eval.LabelledExample;
import org.opensoc.eval.StratifiedSplit;
import org.opensoc.eval.TrainingExport;
import org.opensoc.llm.ModelReplyParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code export-training}: writes the fine-tuning JSON Lines that ollama/train/train.py reads. */
@Dependent
@Command(name = "export-training", mixinStandardHelpOptions = true,
        description = {"Writes fine-tuning data as JSON Lines: 'text' is the service's prompt frame followed by the gold answer.",
                "Give the base dataset and, to merge them in, your own labelled logs in the same format."})
public class ExportTrainingCommand implements CliCommand {

    private final ModelReplyParser parser;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DATASET", description = "Labelled datasets (JSON array or JSON Lines), merged in order.")
    List<Path> datasets;

    @Option(names = "--out", required = true, paramLabel = "TRAIN.jsonl", description = "Where to write the JSON Lines.")
    Path out;

    @Option(names = "--split", defaultValue = "all", paramLabel = "all|development",
            description = "Export each dataset whole, or only its development part to keep the held-out part unseen (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--seed", description = "The split's seed, as for eval; absent = the agreed file-order split.")
    Long seed;

    @Inject
    public ExportTrainingCommand(ModelReplyParser parser) {
        this.parser = parser;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            StratifiedSplit.Part part = StratifiedSplit.Part.parse(split);
            if (part == StratifiedSplit.Part.HELD_OUT) {
                throw new IllegalArgumentException("training on the held-out part defeats it: use all or development");
            }
            StratifiedSplit splitter = StratifiedSplit.byThreatType(parser,
                    seed == null ? OptionalLong.empty() : OptionalLong.of(seed));
            List<LabelledExample> examples = new ArrayList<>();
            for (Path dataset : datasets) {
                examples.addAll(splitter.select(LabelledDataset.read(EvalCommand.readable(dataset)), part));
            }
            TrainingExport.Result export = TrainingExport.of(examples);
            try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                LabelledDataset.writeJsonLines(export.records(), writer);
            }
            err.printf("opensoc export-training: %d examples to %s (%d duplicates dropped, %d instructions replaced by the service's)%n",
                    export.records().size(), out, export.duplicatesDropped(), export.instructionsReplaced());
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("opensoc export-training: " + e.getMessage());
            return AnalyzeCommand.EXIT_USAGE;
        } catch (IOException e) {
            err.println("opensoc export-training: " + e.getMessage());
            return AnalyzeCommand.EXIT_UNREADABLE;
        }
    }
}
