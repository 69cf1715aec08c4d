package org.opensoc.eval;

import java.util.List;
import java.util.function.Function;
import org.opensoc.ThreatAnalysis;
import org.opensoc.llm.ModelReply;

/**
 * Runs an analyzer over labelled examples and scores its verdicts against the gold answers. Independent of
 * CDI: the analyzer is any function from a log entry to a verdict, the gold answers are read by the same
 * parser the LLM path reads model answers with, so gold and model text are understood alike.
 */
public final class Evaluator {

    private final Function<String, ThreatAnalysis> analyzer;
    private final Function<String, ModelReply> goldParser;

    public Evaluator(Function<String, ThreatAnalysis> analyzer, Function<String, ModelReply> goldParser) {
        this.analyzer = analyzer;
        this.goldParser = goldParser;
    }

    /**
     * Analyzes the examples one at a time, in order. An entry the analyzer throws on is scored as no answer and
     * counted in {@code analyzerErrors}, so one unreachable model call does not end a long run.
     */
    public EvalReport evaluate(String dataset, String analyzerName, List<LabelledExample> examples,
                               ProgressListener progress) {
        Scorecard scorecard = new Scorecard();
        LatencyRecorder latency = new LatencyRecorder();
        int done = 0;
        for (LabelledExample example : examples) {
            ModelReply gold = goldParser.apply(example.output());
            ThreatAnalysis verdict;
            long start = System.nanoTime();
            try {
                verdict = analyzer.apply(example.input());
            } catch (RuntimeException e) {
                verdict = null;
                progress.failed(done, e);
            }
            latency.record(System.nanoTime() - start);
            scorecard.add(gold, verdict);
            progress.progressed(++done, examples.size());
        }
        return scorecard.report(dataset, analyzerName, latency.summary());
    }
}
