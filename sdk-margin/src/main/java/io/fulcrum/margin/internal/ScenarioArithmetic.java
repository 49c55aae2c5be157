package io.fulcrum.margin.internal;

import io.fulcrum.api.FixedPointOverflowException;

/**
 * Signed 128-bit sums and their rounded-up quotients, for scenario losses: a loss is a sum of
 * {@code value × factor} products over many positions, and only the worst sum of a group is ever
 * divided, so the products are added exactly in 128 bits ({@code hi:lo}, two's complement) and a
 * quotient is taken once, rounded up (a requirement never rounds in the account's favour).
 *
 * <p>Example: {@code ceilDiv(0, 7, 2) = 4} and {@code ceilDiv(-1, -7, 2) = -3} (−7 / 2 = −3.5).
 */
public final class ScenarioArithmetic {
    private ScenarioArithmetic() {}

    /**
     * Adds the exact product {@code a × b} to the 128-bit sum {@code (hi[i]:lo[i])}. The caller
     * keeps the sums far from 2^127 (the engine bounds its factors when it is built).
     */
    public static void addProduct(long[] hi, long[] lo, int i, long a, long b) {
        long oldLo = lo[i];
        long newLo = oldLo + a * b;
        hi[i] += Math.multiplyHigh(a, b) + (Long.compareUnsigned(newLo, oldLo) < 0 ? 1 : 0);
        lo[i] = newLo;
    }

    /** True if the 128-bit {@code (hi1:lo1)} is greater than {@code (hi2:lo2)}. */
    public static boolean greater(long hi1, long lo1, long hi2, long lo2) {
        return hi1 != hi2 ? hi1 > hi2 : Long.compareUnsigned(lo1, lo2) > 0;
    }

    /**
     * The signed 128-bit {@code (hi:lo)} divided by {@code divisor}, rounded towards positive
     * infinity.
     *
     * @param divisor positive
     * @throws FixedPointOverflowException if the quotient does not fit in a {@code long}
     */
    public static long ceilDiv(long hi, long lo, long divisor) {
        if (divisor <= 0) {
            throw new IllegalArgumentException("divisor must be positive: " + divisor);
        }
        if (hi == (lo >> 63)) {
            // Fits in 64 bits: the common case. Java's division truncates towards zero, which
            // is already the ceiling for a negative quotient.
            long quotient = lo / divisor;
            return lo % divisor > 0 ? quotient + 1 : quotient;
        }
        boolean negative = hi < 0;
        long magHi = hi;
        long magLo = lo;
        if (negative) {
            // Two's complement negation of the 128-bit value.
            magLo = -lo;
            magHi = ~hi + (lo == 0 ? 1 : 0);
        }
        if (Long.compareUnsigned(magHi, divisor) >= 0) {
            throw new FixedPointOverflowException("a scenario loss does not fit in a long");
        }
        // Restoring binary division of the unsigned 128-bit magnitude; magHi < divisor keeps the
        // quotient below 2^64.
        long remainder = magHi;
        long quotient = 0;
        for (int bit = 63; bit >= 0; bit--) {
            boolean carry = remainder < 0;
            remainder = (remainder << 1) | ((magLo >>> bit) & 1L);
            quotient <<= 1;
            if (carry || Long.compareUnsigned(remainder, divisor) >= 0) {
                remainder -= divisor;
                quotient |= 1L;
            }
        }
        if (quotient < 0) {
            throw new FixedPointOverflowException("a scenario loss does not fit in a long");
        }
        if (negative) {
            return -quotient; // truncation towards zero is the ceiling of a negative quotient
        }
        if (remainder != 0) {
            if (quotient == Long.MAX_VALUE) {
                throw new FixedPointOverflowException("a scenario loss does not fit in a long");
            }
            quotient++;
        }
        return quotient;
    }
}
