package io.fulcrum.amm.internal;

/**
 * The oracle pool's execution price before tick rounding (MECHANISMS.md §3.1, GMX's
 * {@code getExecutionPriceForIncrease} with a spread), {@code index × sizeUsd × spreadFactorPpm /
 * (tokensUsd × 10^6)}, in exact 128-bit integer arithmetic with no allocation. The product of
 * three longs can need about 150 bits, so it is divided in steps that stay within 128:
 *
 * <pre>
 * index × sizeUsd           = q₁ × tokensUsd + r₁      (128 / 64 bits)
 * q₁ × spreadFactorPpm      = q₂ × 10^6 + r₂           (128 / 64 bits)
 * numerator / denominator   = q₂ + (r₂ × tokensUsd + r₁ × spreadFactorPpm) / (tokensUsd × 10^6)
 * </pre>
 * and the last fraction is below 3, so it is taken by at most two subtractions.
 *
 * <p>Example: index 2,000, size 5,000, tokens 3,000, spread 0.1 % (factor 1,001,000 ppm):
 * 2,000 × 5,000 = 3,333 × 3,000 + 1,000; 3,333 × 1,001,000 = 3,336 × 10^6 + 333,000; the rest is
 * (333,000 × 3,000 + 1,000 × 1,001,000) / (3,000 × 10^6) = (2 × 10^9) / (3 × 10^9); so 3,336.67 →
 * 3,336 rounded down, 3,337 rounded up (2,000 × 5,000 × 1.001 / 3,000 = 3,336.666…).
 */
public final class PoolPriceMath {
    /** Returned when the quotient does not fit the fast path; the caller computes with BigInteger. */
    public static final long NOT_FAST = Long.MIN_VALUE;

    private static final long PPM = 1_000_000L;

    private PoolPriceMath() {}

    /**
     * {@code floor(index × sizeUsd × spreadFactorPpm / (tokensUsd × 10^6))}, plus one when
     * {@code roundUp} and the division is inexact, or {@link #NOT_FAST} when the quotient reaches
     * 2^63. All four inputs are positive; {@code spreadFactorPpm} is below 2 × 10^6.
     */
    public static long executionPrice(long index, long sizeUsd, long spreadFactorPpm, long tokensUsd, boolean roundUp) {
        long productHi = PoolArithmetic.unsignedMultiplyHigh(index, sizeUsd);
        long productLo = index * sizeUsd;
        if (Long.compareUnsigned(productHi, tokensUsd) >= 0) {
            return NOT_FAST;
        }
        long q1 = PoolArithmetic.divide(productHi, productLo, tokensUsd);
        if (q1 < 0) {
            return NOT_FAST;
        }
        long r1 = productLo - q1 * tokensUsd;
        long scaledHi = PoolArithmetic.unsignedMultiplyHigh(q1, spreadFactorPpm);
        long scaledLo = q1 * spreadFactorPpm;
        if (scaledHi >= PPM) {
            return NOT_FAST;
        }
        long q2 = PoolArithmetic.divide(scaledHi, scaledLo, PPM);
        if (q2 < 0) {
            return NOT_FAST;
        }
        long r2 = scaledLo - q2 * PPM;
        // The fraction left over: (r₂ × tokensUsd + r₁ × spreadFactorPpm) / (tokensUsd × 10^6), below 3.
        long xLo = r2 * tokensUsd;
        long xHi = PoolArithmetic.unsignedMultiplyHigh(r2, tokensUsd);
        long yLo = r1 * spreadFactorPpm;
        long yHi = PoolArithmetic.unsignedMultiplyHigh(r1, spreadFactorPpm);
        long restLo = xLo + yLo;
        long restHi = xHi + yHi + (Long.compareUnsigned(restLo, xLo) < 0 ? 1 : 0);
        long denominatorLo = tokensUsd * PPM;
        long denominatorHi = PoolArithmetic.unsignedMultiplyHigh(tokensUsd, PPM);
        long quotient = q2;
        while (restHi > denominatorHi || (restHi == denominatorHi && Long.compareUnsigned(restLo, denominatorLo) >= 0)) {
            restHi = restHi - denominatorHi - (Long.compareUnsigned(restLo, denominatorLo) < 0 ? 1 : 0);
            restLo -= denominatorLo;
            quotient++;
        }
        if (quotient < 0) {
            return NOT_FAST;
        }
        // As the exact path does: a plain increment (a quotient of Long.MAX_VALUE wraps, and tick rounding then throws).
        return roundUp && (restHi | restLo) != 0 ? quotient + 1 : quotient;
    }
}
