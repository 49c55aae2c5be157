package io.fulcrum.amm.internal;

import io.fulcrum.api.FixedPointOverflowException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact rational rounding for the pool formulas whose products outgrow 128 bits (a virtual AMM's
 * {@code k = x * y} times a peg, an Avantis liquidation distance): the numerator and denominator
 * are {@link BigInteger}s, the quotient is rounded once, by a stated mode, to a {@code long}.
 */
public final class VammMath {
    private VammMath() {}

    /** {@code value} as a {@link BigInteger}. */
    public static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }

    /**
     * Returns {@code numerator / denominator} rounded by {@code mode}.
     *
     * @throws IllegalArgumentException if {@code denominator} is not positive
     * @throws FixedPointOverflowException if the quotient does not fit in a {@code long}
     */
    public static long divide(BigInteger numerator, BigInteger denominator, RoundingMode mode) {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("denominator must be positive: " + denominator);
        }
        // A BigDecimal division to scale 0 rounds the exact quotient once, by the given mode.
        BigInteger q = new BigDecimal(numerator).divide(new BigDecimal(denominator), 0, mode).toBigIntegerExact();
        if (q.bitLength() > 63) {
            throw new FixedPointOverflowException(numerator + " / " + denominator + " overflows a long");
        }
        return q.longValue();
    }
}
