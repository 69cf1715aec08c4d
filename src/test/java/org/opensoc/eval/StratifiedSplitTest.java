package org.opensoc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensoc.attack.MitreCatalog;
import org.opensoc.llm.ModelReplyParser;

/** The agreed split over the shared soc_train.json. */
class StratifiedSplitTest {

    private static final ModelReplyParser PARSER = new ModelReplyParser(MitreCatalog.bundled());
    private static final Function<LabelledExample, String> THREAT_TYPE = e -> PARSER.parse(e.output()).threatType();

    private static List<LabelledExample> examples;

    @BeforeAll
    static void load() throws IOException {
        examples = LabelledDataset.read(LabelledDatasetTest.SOC_TRAIN);
    }

    private static Map<String, Long> countByLabel(List<LabelledExample> part) {
        return part.stream().collect(Collectors.groupingBy(THREAT_TYPE, LinkedHashMap::new, Collectors.counting()));
    }

    @Test
    void holdsOutEveryFifthExampleOfEachThreatTypeInFileOrder() {
        StratifiedSplit.Parts parts = StratifiedSplit.byThreatType(PARSER, OptionalLong.empty()).split(examples);
        Map<String, List<LabelledExample>> groups = examples.stream()
                .collect(Collectors.groupingBy(THREAT_TYPE, LinkedHashMap::new, Collectors.toList()));
        assertEquals(25, groups.size());
        List<LabelledExample> expected = new ArrayList<>();
        for (List<LabelledExample> group : groups.values()) {
            for (int rank = 4; rank < group.size(); rank += 5) {
                expected.add(group.get(rank));
            }
        }
        assertEquals(new HashSet<>(expected), new HashSet<>(parts.heldOut()));
        assertEquals(expected.size(), parts.heldOut().size());
    }

    @Test
    void isStratifiedWithAFifthOfEveryLabelHeldOut() {
        StratifiedSplit.Parts parts = StratifiedSplit.byThreatType(PARSER, OptionalLong.empty()).split(examples);
        Map<String, Long> all = countByLabel(examples);
        Map<String, Long> held = countByLabel(parts.heldOut());
        all.forEach((label, n) -> assertEquals(n / 5, held.getOrDefault(label, 0L), label));
        assertEquals(80, parts.heldOut().size());
        assertEquals(370, parts.development().size());
    }

    @Test
    void thePartsAreDisjointCoverTheFileAndKeepItsOrder() {
        StratifiedSplit.Parts parts = StratifiedSplit.byThreatType(PARSER, OptionalLong.empty()).split(examples);
        Set<LabelledExample> development = new HashSet<>(parts.development());
        assertTrue(parts.heldOut().stream().noneMatch(development::contains));
        List<LabelledExample> merged = examples.stream()
                .filter(e -> development.contains(e) || parts.heldOut().contains(e)).toList();
        assertEquals(examples, merged);
        assertEquals(examples.stream().filter(development::contains).toList(), parts.development());
    }

    @Test
    void isDeterministicWithAndWithoutASeed() {
        assertEquals(StratifiedSplit.byThreatType(PARSER, OptionalLong.empty()).split(examples),
                StratifiedSplit.byThreatType(PARSER, OptionalLong.empty()).split(examples));
        assertEquals(StratifiedSplit.byThreatType(PARSER, OptionalLong.of(7)).split(examples),
                StratifiedSplit.byThreatType(PARSER, OptionalLong.of(7)).split(examples));
    }

    @Test
    void aSeedPicksOtherExamplesButTheSameCountPerLabel() {
        StratifiedSplit.Parts agreed = StratifiedSplit.byThreatType(PARSER, OptionalLong.empty()).split(examples);
        StratifiedSplit.Parts seeded = StratifiedSplit.byThreatType(PARSER, OptionalLong.of(7)).split(examples);
        assertNotEquals(agreed.heldOut(), seeded.heldOut());
        assertEquals(countByLabel(agreed.heldOut()), countByLabel(seeded.heldOut()));
    }

    @Test
    void selectsThePartByItsCommandLineName() {
        StratifiedSplit split = StratifiedSplit.byThreatType(PARSER, OptionalLong.empty());
        assertEquals(80, split.select(examples, StratifiedSplit.Part.parse("held-out")).size());
        assertEquals(370, split.select(examples, StratifiedSplit.Part.parse("Development")).size());
        assertEquals(450, split.select(examples, StratifiedSplit.Part.parse("all")).size());
        assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.Part.parse("test"));
    }
}
