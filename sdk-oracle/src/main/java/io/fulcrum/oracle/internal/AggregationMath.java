package io.fulcrum.oracle.internal;

/**
 * Exact comparisons of a distance with a ppm share of a price, shared by the aggregators and the
 * aggregated source's guards. Prices at fine scales (BTC at 8 decimals is about 10^13) times
 * 1,000,000 overflow a long, so both sides are compared as 128-bit products.
 *
 * <p>Example: {@code exceedsPpm(350_000, 1_000_000, 20_000)} asks whether 0.35 away from 1.00
 * is more than 2 %: 350,000 · 10^6 = 3.5·10^11 > 20,000 · 1,000,000 = 2·10^10, so true.
 */
public final class AggregationMath {
    /** One whole in parts per million. */
    public static final long PPM = 1_000_000;

    private AggregationMath() {}

    /**
     * True if {@code amount · 1,000,000 > ppm · base}, computed exactly; all three arguments
     * must be non-negative.
     */
    public static boolean exceedsPpm(long amount, long base, long ppm) {
        if (amount < 0 || base < 0 || ppm < 0) {
            throw new IllegalArgumentException("amount, base and ppm must not be negative: " + amount + ", " + base
                    + ", " + ppm);
        }
        return compareProducts(amount, PPM, ppm, base) > 0;
    }

    /** The distance between two positive prices (no overflow: both lie in (0, Long.MAX_VALUE]). */
    public static long distance(long a, long b) {
        return a >= b ? a - b : b - a;
    }

    /**
     * The sign of {@code a·b − c·d} for non-negative arguments. Each product is taken as 128 bits:
     * its high word (never negative here) compared as signed, then its low word as unsigned.
     */
    static int compareProducts(long a, long b, long c, long d) {
        long high1 = Math.multiplyHigh(a, b);
        long high2 = Math.multiplyHigh(c, d);
        if (high1 != high2) {
            return Long.compare(high1, high2);
        }
        return Long.compareUnsigned(a * b, c * d);
    }
}
