package io.fulcrum.oracle.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A trimmed mean with optional outlier rejection, the usual rule of index providers that average
 * exchange prices:
 * <ol>
 *   <li>if {@code outlierPpm > 0}, reject every price whose distance from the upper median
 *       ({@link Medians#upperMedian}) exceeds {@code outlierPpm} of that median;
 *   <li>sort what is left, {@code m} prices, and drop {@code floor(m · trimPpm / 10^6)} from each end;
 *   <li>the price is the exact mean of the rest, rounded half to even; the confidence is half the
 *       range of the rest, rounded up (a wider band is the cautious side).
 * </ol>
 * {@code trimPpm < 500,000} keeps at least one price, and the median is never rejected.
 *
 * <p>Example: prices [100, 101, 102, 103, 150], outliers beyond 100,000 ppm (10 %), trim 250,000 ppm.
 * Median 102; 150 is 48 away, 48 · 10^6 > 100,000 · 102, so rejected. Kept [100, 101, 102, 103];
 * trim floor(4 · 0.25) = 1 from each end → [101, 102]; mean 101.5 → 102 (half to even); confidence
 * ceil((102 − 101) / 2) = 1.
 *
 * @param trimPpm the share cut from each end, in [0, 500,000)
 * @param outlierPpm the largest distance from the median kept, ppm of the median; 0 keeps everything
 */
public record TrimmedMean(long trimPpm, long outlierPpm) {
    public TrimmedMean {
        if (trimPpm < 0 || trimPpm >= AggregationMath.PPM / 2) {
            throw new IllegalArgumentException("trimPpm must be in [0, 500000): " + trimPpm);
        }
        if (outlierPpm < 0) {
            throw new IllegalArgumentException("outlierPpm must not be negative (0 rejects no outliers): " + outlierPpm);
        }
    }

    /** The trimmed mean of {@code prices} (positive, at least one). */
    public AggregationResult aggregate(long[] prices) {
        if (prices.length == 0) {
            throw new IllegalArgumentException("no prices to average");
        }
        List<Integer> outliers = new ArrayList<>();
        long[] kept = new long[prices.length];
        int m = 0;
        long median = Medians.upperMedian(prices, prices.length);
        for (int i = 0; i < prices.length; i++) {
            if (outlierPpm > 0 && AggregationMath.exceedsPpm(AggregationMath.distance(prices[i], median), median,
                    outlierPpm)) {
                outliers.add(i);
            } else {
                kept[m++] = prices[i];
            }
        }
        Arrays.sort(kept, 0, m);
        int trim = (int) (m * trimPpm / AggregationMath.PPM);
        int from = trim;
        int to = m - trim;   // exclusive; to − from ≥ 1 because trimPpm < 500,000
        BigInteger sum = BigInteger.ZERO;
        for (int i = from; i < to; i++) {
            sum = sum.add(BigInteger.valueOf(kept[i]));
        }
        long range = kept[to - 1] - kept[from];
        long confidence = range / 2 + (range & 1);
        return new AggregationResult(halfEvenQuotient(sum, to - from), confidence, outliers);
    }

    /** {@code sum / count} rounded half to even; {@code sum ≥ 0}, {@code count > 0}. */
    static long halfEvenQuotient(BigInteger sum, long count) {
        BigInteger[] quotientAndRemainder = sum.divideAndRemainder(BigInteger.valueOf(count));
        long quotient = quotientAndRemainder[0].longValueExact();
        int half = quotientAndRemainder[1].shiftLeft(1).compareTo(BigInteger.valueOf(count));
        boolean roundUp = half > 0 || (half == 0 && (quotient & 1) == 1);
        return roundUp ? quotient + 1 : quotient;
    }

    @Override
    public String toString() {
        String outliers = outlierPpm == 0 ? "no outlier rejection" : "outliers beyond " + outlierPpm + " ppm of the median";
        return "trimmed mean (trim " + trimPpm + " ppm each end, " + outliers + ")";
    }
}
