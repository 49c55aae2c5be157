package io.fulcrum.oracle.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pyth's aggregation (MECHANISMS.md §8.2, {@code pyth-client upd_aggregate.h}): every valid
 * publisher casts three votes, {@code p − c}, {@code p} and {@code p + c}; the votes are sorted and
 *
 * <pre>
 *   p25 = votes[n >> 2]        p75 = votes[n − 1 − (n >> 2)]
 *   p50 = votes[n >> 1] if n is odd, else floor((votes[n/2 − 1] + votes[n/2]) / 2)
 *   price = p50                confidence = max(p50 − p25, p75 − p50)
 * </pre>
 *
 * A publisher whose confidence is not positive is not valid in Pyth ({@code conf_i > 0}); in
 * Fulcrum a confidence of 0 means "unknown", so such an input is rejected, not counted as a
 * perfectly certain point. If every input is rejected there is no price.
 *
 * <p>Example (§8.2): (100 ± 1), (101 ± 1), (110 ± 10) → votes [99, 100, 100, 100, 101, 101, 102,
 * 110, 120]; n = 9: p25 = 100, p50 = 101, p75 = 102 → 101 ± 1.
 */
public final class ConfidenceVote {
    private ConfidenceVote() {}

    /**
     * The vote over {@code prices[i] ± confidences[i]}; prices positive, and
     * {@code prices[i] + confidences[i]} must fit in a long.
     */
    public static AggregationResult vote(long[] prices, long[] confidences) {
        if (prices.length == 0 || prices.length != confidences.length) {
            throw new IllegalArgumentException("need as many confidences as prices, at least one: " + prices.length
                    + " prices, " + confidences.length + " confidences");
        }
        List<Integer> invalid = new ArrayList<>();
        long[] votes = new long[3 * prices.length];
        int n = 0;
        for (int i = 0; i < prices.length; i++) {
            if (confidences[i] <= 0) {
                invalid.add(i);
                continue;
            }
            votes[n++] = prices[i] - confidences[i];
            votes[n++] = prices[i];
            votes[n++] = Math.addExact(prices[i], confidences[i]);
        }
        if (n == 0) {
            return AggregationResult.none(invalid);
        }
        Arrays.sort(votes, 0, n);
        long p25 = votes[n >> 2];
        long p75 = votes[n - 1 - (n >> 2)];
        long p50 = (n & 1) == 1 ? votes[n >> 1] : floorMean(votes[n / 2 - 1], votes[n / 2]);
        long confidence = Math.max(Math.subtractExact(p50, p25), Math.subtractExact(p75, p50));
        return new AggregationResult(p50, confidence, invalid);
    }

    /**
     * {@code floor((a + b) / 2)}, rounding towards negative infinity as Pyth's C code does on its
     * signed values, without overflowing on the sum: halve each (an arithmetic shift floors), then
     * add the half that two odd values contribute together.
     */
    static long floorMean(long a, long b) {
        return (a >> 1) + (b >> 1) + (a & b & 1);
    }
}
