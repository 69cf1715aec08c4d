package org.opensoc.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Function;
import org.opensoc.llm.ModelReplyParser;

/**
 * The project's agreed held-out split of a labelled dataset, stratified by exact THREAT_TYPE.
 *
 * <p>The examples are grouped by their gold THREAT_TYPE, each group in file order; within each group the
 * examples at 0-based rank 4, 9, 14, ... ({@code rank % 5 == 4}) are held out, the rest form the development
 * part. So about a fifth of every label is held out (a label with fewer than five examples keeps them all for
 * development; examples without a THREAT_TYPE form one group), and the split depends on nothing but the file.
 * With a seed, each group is first shuffled by {@code java.util.Random(seed)} (groups in order of first
 * appearance), for a different but equally stratified and reproducible split. Without a seed it is the agreed default that everybody measures on; never tune on
 * its held-out part.
 */
public final class StratifiedSplit {

    /** One example in this many is held out. */
    public static final int STRIDE = 5;

    /** The rank within its label, modulo {@link #STRIDE}, of a held-out example. */
    public static final int HELD_OUT_RANK = STRIDE - 1;

    /** The two parts, each in the order of the source file. */
    public record Parts(List<LabelledExample> development, List<LabelledExample> heldOut) {
    }

    /** Which part a command works on: {@code all}, {@code development} or {@code held-out}. */
    public enum Part {
        ALL, DEVELOPMENT, HELD_OUT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Part parse(String value) {
            for (Part part : values()) {
                if (part.wireName().equalsIgnoreCase(value.trim())) {
                    return part;
                }
            }
            throw new IllegalArgumentException("split must be one of all, development, held-out; got '" + value + "'");
        }
    }

    private final Function<LabelledExample, String> label;
    private final OptionalLong seed;

    public StratifiedSplit(Function<LabelledExample, String> label, OptionalLong seed) {
        this.label = label;
        this.seed = seed;
    }

    /** Stratified by the THREAT_TYPE of the gold output as the LLM path's parser reads it. */
    public static StratifiedSplit byThreatType(ModelReplyParser parser, OptionalLong seed) {
        return new StratifiedSplit(example -> String.valueOf(parser.parse(example.output()).threatType()), seed);
    }

    public Parts split(List<LabelledExample> examples) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            groups.computeIfAbsent(label.apply(examples.get(i)), k -> new ArrayList<>()).add(i);
        }
        Random random = seed.isPresent() ? new Random(seed.getAsLong()) : null;
        boolean[] heldOut = new boolean[examples.size()];
        for (List<Integer> group : groups.values()) {
            if (random != null) {
                Collections.shuffle(group, random);
            }
            for (int rank = HELD_OUT_RANK; rank < group.size(); rank += STRIDE) {
                heldOut[group.get(rank)] = true;
            }
        }
        List<LabelledExample> development = new ArrayList<>();
        List<LabelledExample> held = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            (heldOut[i] ? held : development).add(examples.get(i));
        }
        return new Parts(List.copyOf(development), List.copyOf(held));
    }

    /** The part asked for. */
    public List<LabelledExample> select(List<LabelledExample> examples, Part part) {
        return switch (part) {
            case ALL -> examples;
            case DEVELOPMENT -> split(examples).development();
            case HELD_OUT -> split(examples).heldOut();
        };
    }
}
