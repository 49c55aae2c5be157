package io.fulcrum.margin.internal;

import java.math.BigInteger;

/**
 * Exact integer quotients of {@link BigInteger}s rounded toward −∞ or +∞, whatever the signs, for
 * formulas whose intermediate products do not fit in 128 bits.
 *
 * <p>Example: {@code floorDiv(-7, 2) = -4}, {@code ceilDiv(-7, 2) = -3}, {@code ceilDiv(7, -2) = -3}.
 */
public final class ExactQuotient {
    private ExactQuotient() {}

    /**
     * {@code dividend / divisor} rounded toward −∞.
     *
     * @throws ArithmeticException if {@code divisor} is zero
     */
    public static BigInteger floorDiv(BigInteger dividend, BigInteger divisor) {
        BigInteger[] qr = dividend.divideAndRemainder(divisor);
        // divideAndRemainder truncates toward zero; a non-zero remainder whose sign differs from the
        // divisor's means the exact quotient was negative and truncation rounded it up.
        if (qr[1].signum() != 0 && qr[1].signum() != divisor.signum()) {
            return qr[0].subtract(BigInteger.ONE);
        }
        return qr[0];
    }

    /**
     * {@code dividend / divisor} rounded toward +∞.
     *
     * @throws ArithmeticException if {@code divisor} is zero
     */
    public static BigInteger ceilDiv(BigInteger dividend, BigInteger divisor) {
        return floorDiv(dividend.negate(), divisor).negate();
    }

    /** {@code value} clamped to {@code [min, max]} and returned as a {@code long}; requires {@code min <= max}. */
    public static long clamp(BigInteger value, long min, long max) {
        if (value.compareTo(BigInteger.valueOf(min)) < 0) {
            return min;
        }
        if (value.compareTo(BigInteger.valueOf(max)) > 0) {
            return max;
        }
        return value.longValueExact();
    }
}
