package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Objects;

/**
 * The ways venues average premium samples (ppb, see {@link PremiumIndex}) over a funding
 * interval. Each method reads the first {@code count} entries of an array, so a caller can keep
 * its samples in a reusable buffer; none changes the array.
 *
 * <ul>
 *   <li>{@link #mean}: Hyperliquid's plain average of the 5-second samples of the hour (§1.1).
 *   <li>{@link #timeWeighted}: Binance's {@code (1·PI₁ + 2·PI₂ + … + n·PIₙ) / (1 + 2 + … + n)},
 *       later samples weigh more (§5.2).
 *   <li>{@link #paddedMean}: dYdX's mean of the hour's samples padded with zeros up to a minimum
 *       count, so missing samples pull the premium toward 0 (§2.5).
 *   <li>{@link #paddedMedian}: dYdX's sample, the median of the proposers' votes padded with
 *       zeros up to {@code min_num_votes_per_sample} (§2.5).
 * </ul>
 *
 * <p>Example (§2.5): 30 samples of 1,000 ppm (1,000,000 ppb) in an hour that should have had 60:
 * {@code paddedMean(samples, 30, 60) = 500_000} ppb (500 ppm).
 *
 * <p>Rounding: means are rounded toward zero, as dYdX's integer averages are; a median of an even
 * count is the mean of the two middle votes rounded half away from zero, as dYdX's median is
 * (its {@code lib.Median}: 6.5 gives 7, −4.5 gives −5).
 */
public final class PremiumAverage {
    private PremiumAverage() {}

    /**
     * The plain mean, rounded toward zero (Hyperliquid, §1.1).
     *
     * <p>Example: samples 1,000,000, 2,000,000 and 0 ppb average 1,000,000; samples −1 and −2
     * average −1 (−1.5 toward zero).
     *
     * @throws IllegalArgumentException if {@code count} is not in [1, samples.length]
     */
    public static long mean(long[] samples, int count) {
        requireCount(samples, count, 1);
        return Fixed.divide(sum(samples, count), count, RoundingMode.DOWN);
    }

    /**
     * Binance's time-weighted mean, rounded toward zero (§5.2): sample {@code i} (from 1) weighs
     * {@code i}, so the divisor is {@code n(n + 1)/2}.
     *
     * <p>Example: samples 100, 200, 300 give (1·100 + 2·200 + 3·300) / 6 = 1,400 / 6 = 233.33...,
     * so 233.
     *
     * @throws IllegalArgumentException if {@code count} is not in [1, samples.length]
     */
    public static long timeWeighted(long[] samples, int count) {
        requireCount(samples, count, 1);
        long weighted = 0;
        for (int i = 0; i < count; i++) {
            weighted = Fixed.add(weighted, Fixed.multiply(samples[i], i + 1L));
        }
        long weights = (long) count * (count + 1L) / 2;
        return Fixed.divide(weighted, weights, RoundingMode.DOWN);
    }

    /**
     * dYdX's funding-tick mean (§2.5): the sum of the samples divided by
     * {@code max(count, minCount)}, as though the missing samples were 0; rounded toward zero. No
     * samples give 0.
     *
     * <p>Example: 30 samples of 1,000,000 ppb with {@code minCount} 60 (3,600 s / 60 s) give
     * 30,000,000 / 60 = 500,000 ppb; 70 samples of 1,000,000 give 1,000,000 (no padding).
     *
     * @param minCount the count to pad to, positive
     * @throws IllegalArgumentException if {@code count} is not in [0, samples.length] or
     *     {@code minCount} is not positive
     */
    public static long paddedMean(long[] samples, int count, int minCount) {
        requireCount(samples, count, 0);
        requireMinimum(minCount, "minCount");
        return Fixed.divide(sum(samples, count), Math.max(count, minCount), RoundingMode.DOWN);
    }

    /**
     * dYdX's funding sample (§2.5): the median of the votes padded with zeros up to
     * {@code minVotes}; for an even number the two middle votes are averaged and rounded half away
     * from zero. No votes give 0.
     *
     * <p>Example: 10 votes of 2,000 padded to 15 sort as five 0 then ten 2,000, median 2,000; 7
     * votes of 2,000 padded to 15 have median 0; 16 votes, eight of 3 and eight of 4, have median
     * 3.5, so 4 (eight of −3 and eight of −4: −4).
     *
     * @param minVotes the count to pad to ({@code min_num_votes_per_sample}, 15 on dYdX), positive
     * @throws IllegalArgumentException if {@code count} is not in [0, votes.length] or
     *     {@code minVotes} is not positive
     */
    public static long paddedMedian(long[] votes, int count, int minVotes) {
        requireCount(votes, count, 0);
        requireMinimum(minVotes, "minVotes");
        int n = Math.max(count, minVotes);
        // Zeros fill the padding; the copy keeps the caller's array untouched.
        long[] sorted = Arrays.copyOf(votes, n);
        if (count < n) {
            Arrays.fill(sorted, count, n, 0L);
        }
        Arrays.sort(sorted);
        if (n % 2 == 1) {
            return sorted[n / 2];
        }
        long pair = Fixed.add(sorted[n / 2 - 1], sorted[n / 2]);
        // Half away from zero: Java's / truncates, and an odd pair adds its own sign back.
        return pair / 2 + pair % 2;
    }

    private static long sum(long[] samples, int count) {
        long total = 0;
        for (int i = 0; i < count; i++) {
            total = Fixed.add(total, samples[i]);
        }
        return total;
    }

    private static void requireCount(long[] samples, int count, int least) {
        Objects.requireNonNull(samples, "samples");
        if (count < least || count > samples.length) {
            throw new IllegalArgumentException("count must be in [" + least + ", " + samples.length + "]: " + count);
        }
    }

    private static void requireMinimum(int minimum, String name) {
        if (minimum <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + minimum);
        }
    }
}
