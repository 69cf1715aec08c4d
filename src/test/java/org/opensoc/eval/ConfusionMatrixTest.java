package org.opensoc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    private static final double EPS = 1e-9;

    /**
     * gold \ predicted   A  B
     *               A    3  1
     *               B    1  2
     *               C    1  0     (C is never predicted)
     */
    private static ConfusionMatrix threeLabels() {
        ConfusionMatrix m = new ConfusionMatrix();
        m.add("A", "A", 3);
        m.add("A", "B");
        m.add("B", "A");
        m.add("B", "B", 2);
        m.add("C", "A");
        return m;
    }

    @Test
    void accuracyIsTheDiagonalOverTheTotal() {
        ConfusionMatrix m = threeLabels();
        assertEquals(8, m.total());
        assertEquals(5, m.correct());
        assertEquals(0.625, m.accuracy(), EPS);
    }

    @Test
    void perLabelScoresFollowFromRowsAndColumns() {
        ConfusionMatrix m = threeLabels();
        assertEquals(3.0 / 5, m.precision("A"), EPS);
        assertEquals(3.0 / 4, m.recall("A"), EPS);
        assertEquals(2 * 0.6 * 0.75 / 1.35, m.f1("A"), EPS);
        assertEquals(2.0 / 3, m.precision("B"), EPS);
        assertEquals(2.0 / 3, m.recall("B"), EPS);
        assertEquals(2.0 / 3, m.f1("B"), EPS);
        assertEquals(List.of(4, 3, 1), m.perLabel().stream().map(ConfusionMatrix.LabelScores::support).toList());
    }

    @Test
    void aLabelNeverPredictedScoresZeroInsteadOfDividingByZero() {
        ConfusionMatrix m = threeLabels();
        assertEquals(0, m.predicted("C"));
        assertEquals(0.0, m.precision("C"), EPS);
        assertEquals(0.0, m.recall("C"), EPS);
        assertEquals(0.0, m.f1("C"), EPS);
    }

    @Test
    void macroAverageWeighsEveryLabelAlike() {
        ConfusionMatrix.Averages macro = threeLabels().macro();
        assertEquals((0.6 + 2.0 / 3) / 3, macro.precision(), EPS);
        assertEquals((0.75 + 2.0 / 3) / 3, macro.recall(), EPS);
        assertEquals((2 * 0.6 * 0.75 / 1.35 + 2.0 / 3) / 3, macro.f1(), EPS);
    }

    @Test
    void weightedAverageWeighsLabelsByGoldSupportAndItsRecallIsTheAccuracy() {
        ConfusionMatrix m = threeLabels();
        ConfusionMatrix.Averages weighted = m.weighted();
        assertEquals((0.6 * 4 + 2.0 / 3 * 3) / 8, weighted.precision(), EPS);
        assertEquals(m.accuracy(), weighted.recall(), EPS);
        assertEquals((2 * 0.6 * 0.75 / 1.35 * 4 + 2.0 / 3 * 3) / 8, weighted.f1(), EPS);
    }

    @Test
    void aLabelOnlyEverPredictedLowersTheMacroButNotTheWeightedAverage() {
        ConfusionMatrix m = new ConfusionMatrix();
        m.add("A", "A", 3);
        m.add("A", "Z");
        assertEquals(List.of("A", "Z"), m.labels());
        assertEquals(0, m.support("Z"));
        assertEquals((2 * 1.0 * 0.75 / 1.75) / 2, m.macro().f1(), EPS);
        assertEquals(2 * 1.0 * 0.75 / 1.75, m.weighted().f1(), EPS);
    }

    @Test
    void rowsAreGoldAndColumnsPredictedInLabelOrder() {
        assertEquals(List.of(List.of(3, 1, 0), List.of(1, 2, 0), List.of(1, 0, 0)), threeLabels().rows());
    }

    @Test
    void anEmptyMatrixScoresZeroEverywhere() {
        ConfusionMatrix m = new ConfusionMatrix();
        assertEquals(0.0, m.accuracy(), EPS);
        assertEquals(0.0, m.macro().f1(), EPS);
        assertEquals(0.0, m.weighted().f1(), EPS);
        assertEquals(List.of(), m.rows());
    }
}
