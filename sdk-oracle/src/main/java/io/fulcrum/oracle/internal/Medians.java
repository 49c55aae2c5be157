package io.fulcrum.oracle.internal;

import java.util.Arrays;

/**
 * The medians the oracle's aggregators and mark rules share, on exact integers.
 *
 * <ul>
 *   <li>{@link #upperMedian}: the value at sorted index {@code n / 2}, Chainlink OCR's rule
 *       ({@code OffchainAggregator.sol}, MECHANISMS.md §8.1): for an even count it takes the
 *       upper of the two middle values, so [99, 100, 101, 102] gives 101.
 *   <li>{@link #weightedMedian}: the smallest value whose cumulative weight reaches half of the
 *       total ({@code 2 · cumulative ≥ total}). Hyperliquid publishes its weights but not its tie
 *       rule (MECHANISMS.md §1.2); this is the rule the SDK chose.
 * </ul>
 *
 * <p>Both leave their input arrays untouched.
 */
public final class Medians {
    private Medians() {}

    /** The value at sorted index {@code n / 2} of the first {@code n} values; {@code n > 0}. */
    public static long upperMedian(long[] values, int n) {
        requireCount(n, values.length);
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return sorted[n / 2];
    }

    /** The median of exactly three values. */
    public static long medianOfThree(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /**
     * The smallest of the first {@code n} prices whose cumulative weight, in ascending price
     * order, is at least half the total weight. Weights must be positive; {@code n > 0}.
     */
    public static long weightedMedian(long[] prices, long[] weights, int n) {
        requireCount(n, prices.length);
        requireCount(n, weights.length);
        // Sorted copies of (price, weight) pairs by insertion: a handful of sources, no boxing.
        long[] sortedPrices = new long[n];
        long[] sortedWeights = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            long weight = weights[i];
            if (weight <= 0) {
                throw new IllegalArgumentException("weights must be positive: weight " + weight + " at " + i);
            }
            total = Math.addExact(total, weight);
            int j = i;
            while (j > 0 && sortedPrices[j - 1] > prices[i]) {
                sortedPrices[j] = sortedPrices[j - 1];
                sortedWeights[j] = sortedWeights[j - 1];
                j--;
            }
            sortedPrices[j] = prices[i];
            sortedWeights[j] = weight;
        }
        long cumulative = 0;
        for (int i = 0; i < n; i++) {
            cumulative += sortedWeights[i];
            // 2·cumulative ≥ total, written so that it cannot overflow.
            if (cumulative >= total - cumulative) {
                return sortedPrices[i];
            }
        }
        throw new AssertionError("unreachable: the cumulative weight reaches the total");
    }

    private static void requireCount(int n, int length) {
        if (n <= 0 || n > length) {
            throw new IllegalArgumentException("need 1.." + length + " values, got " + n);
        }
    }
}
