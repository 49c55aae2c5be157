package io.fulcrum.oracle.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MediansTest {
    @Test
    void chainlinkMedianOfAnOddCountIsTheMiddleValue() {
        // MECHANISMS.md §8.1: [101, 99, 100, 103, 102] → sorted index 2 → 101.
        assertEquals(101, Medians.upperMedian(new long[] {101, 99, 100, 103, 102}, 5));
    }

    @Test
    void chainlinkMedianOfAnEvenCountIsTheUpperMiddleValue() {
        // MECHANISMS.md §8.1: [99, 100, 101, 102] → index 2 → 101.
        assertEquals(101, Medians.upperMedian(new long[] {99, 100, 101, 102}, 4));
    }

    @Test
    void upperMedianReadsOnlyTheFirstNValuesAndLeavesTheInputAlone() {
        long[] values = {5, 1, 3, 1_000};
        assertEquals(3, Medians.upperMedian(values, 3));
        assertEquals(5, values[0]);
    }

    @Test
    void hyperliquidWeightedMedianIgnoresTheOutlier() {
        // MECHANISMS.md §1.2, prices ×10: (100.0 w3), (100.2 w2), (99.9 w2), (100.5 w1), (100.1 w1),
        // (99.8 w1), (103.0 w1). Total 11; cumulative 99.8:1, 99.9:3, 100.0:6 ≥ 5.5 → 100.0.
        long[] prices = {1000, 1002, 999, 1005, 1001, 998, 1030};
        long[] weights = {3, 2, 2, 1, 1, 1, 1};
        assertEquals(1000, Medians.weightedMedian(prices, weights, 7));
    }

    @Test
    void weightedMedianTakesTheSmallerValueOnAnExactHalf() {
        // 100 (w1), 200 (w1): cumulative 1 = half of 2 → 100.
        assertEquals(100, Medians.weightedMedian(new long[] {200, 100}, new long[] {1, 1}, 2));
    }

    @Test
    void weightedMedianRejectsANonPositiveWeight() {
        assertThrows(IllegalArgumentException.class,
                () -> Medians.weightedMedian(new long[] {1, 2}, new long[] {1, 0}, 2));
    }

    @Test
    void medianOfThreeIsTheMiddleInAnyOrder() {
        assertEquals(10_015, Medians.medianOfThree(10_020, 10_015, 10_010));
        assertEquals(10_015, Medians.medianOfThree(10_010, 10_020, 10_015));
        assertEquals(10_015, Medians.medianOfThree(10_015, 10_010, 10_020));
    }

    @Test
    void weightedMedianMatchesItsDefinitionOnRandomQuotes() {
        // The definition, by brute force: the smallest price p with 2 · Σ{w_i : p_i ≤ p} ≥ Σ w_i.
        for (long seed = 1; seed <= 300; seed++) {
            java.util.Random random = new java.util.Random(seed);
            int n = 1 + random.nextInt(12);
            long[] prices = new long[n];
            long[] weights = new long[n];
            long total = 0;
            for (int i = 0; i < n; i++) {
                prices[i] = 90 + random.nextInt(20);
                weights[i] = 1 + random.nextInt(4);
                total += weights[i];
            }
            long expected = Long.MAX_VALUE;
            for (long candidate : prices) {
                long below = 0;
                for (int i = 0; i < n; i++) {
                    below += prices[i] <= candidate ? weights[i] : 0;
                }
                if (2 * below >= total) {
                    expected = Math.min(expected, candidate);
                }
            }
            assertEquals(expected, Medians.weightedMedian(prices, weights, n), "seed " + seed);
        }
    }

    @Test
    void anEmptySelectionIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Medians.upperMedian(new long[] {1}, 0));
    }
}
