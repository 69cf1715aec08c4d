package org.opensoc.eval;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opensoc.llm.TriagePrompt;

/**
 * Turns labelled examples into supervised fine-tuning records in exactly the frame the service prompts in
 * ({@link TriagePrompt}), so the adapter is trained on the text it is later asked with. Every record carries the
 * service's fixed instruction, whatever instruction an imported example had: the model is only ever asked that one.
 */
public final class TrainingExport {

    /** One JSON Lines record: {@code text} is what the trainer learns from, the rest is kept for inspection. */
    @RegisterForReflection
    public record TrainingRecord(String text, String instruction, String input, String output) {
    }

    /** The records and what was changed or dropped on the way. */
    public record Result(List<TrainingRecord> records, int duplicatesDropped, int instructionsReplaced) {
    }

    private TrainingExport() {
    }

    /** One record per distinct (input, output) pair, in order; later exact duplicates are dropped. */
    public static Result of(List<LabelledExample> examples) {
        Set<List<String>> seen = new LinkedHashSet<>();
        List<TrainingRecord> records = new ArrayList<>();
        int duplicates = 0;
        int replaced = 0;
        for (LabelledExample example : examples) {
            if (!seen.add(List.of(example.input(), example.output()))) {
                duplicates++;
                continue;
            }
            if (example.instruction() != null && !example.instruction().equals(TriagePrompt.INSTRUCTION)) {
                replaced++;
            }
            records.add(new TrainingRecord(TriagePrompt.trainingText(example.input(), example.output()),
                    TriagePrompt.INSTRUCTION, example.input(), example.output()));
        }
        return new Result(List.copyOf(records), duplicates, replaced);
    }
}
