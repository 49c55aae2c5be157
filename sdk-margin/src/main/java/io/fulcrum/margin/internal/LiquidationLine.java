package io.fulcrum.margin.internal;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An account's margin buffer (equity minus maintenance) as a straight line in one market's price
 * {@code p}: {@code buffer(p) = (intercept + slope * p) / scale}, for some positive scale the
 * caller chose to keep every coefficient an integer. The account is at risk where the line is at
 * or below zero.
 *
 * <p>Exact: the coefficients are {@link BigInteger}s, so no product overflows, and only the final
 * root is rounded, always towards liquidating earlier. The price where a rising line reaches zero
 * rounds up ({@link #fallsTo()}); where a falling line reaches zero rounds down ({@link #risesTo()}).
 *
 * <p>Example: {@code buffer(p) = -48,000 + 2.97 p} (scaled by 100: intercept -4,800,000, slope 297)
 * is at risk at or below 16,161.6161…, so {@code fallsTo()} is 16,162.
 *
 * @param intercept the scaled buffer at price 0
 * @param slope the scaled change of the buffer per price unit
 */
public record LiquidationLine(BigInteger intercept, BigInteger slope) {
    /** {@link #fallsTo()} when no positive price is at risk on a fall. */
    public static final long NO_FALL = 0;
    /** {@link #risesTo()} when no representable price is at risk on a rise. */
    public static final long NO_RISE = Long.MAX_VALUE;

    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    public LiquidationLine {
        Objects.requireNonNull(intercept, "intercept");
        Objects.requireNonNull(slope, "slope");
    }

    /** True if the buffer grows with the price: the line is crossed by a fall. */
    public boolean rises() {
        return slope.signum() > 0;
    }

    /** True if the buffer shrinks as the price grows: the line is crossed by a rise. */
    public boolean falls() {
        return slope.signum() < 0;
    }

    /** For a flat line: true if it is at risk at every price (buffer at or below zero). */
    public boolean flatAtRisk() {
        return slope.signum() == 0 && intercept.signum() <= 0;
    }

    /**
     * For a rising line, the highest price at risk rounded up: {@code ceil(-intercept / slope)},
     * {@link #NO_FALL} if that is not positive, at most {@link Long#MAX_VALUE}.
     */
    public long fallsTo() {
        if (!rises()) {
            throw new IllegalStateException("a line that does not rise is never crossed by a fall: " + this);
        }
        BigInteger root = ceilDiv(intercept.negate(), slope);
        if (root.signum() <= 0) {
            return NO_FALL;
        }
        return root.compareTo(MAX) >= 0 ? Long.MAX_VALUE : root.longValueExact();
    }

    /**
     * For a falling line, the lowest price at risk rounded down: {@code floor(intercept / -slope)},
     * at least 1 (every positive price), {@link #NO_RISE} if it is not below {@link Long#MAX_VALUE}.
     */
    public long risesTo() {
        if (!falls()) {
            throw new IllegalStateException("a line that does not fall is never crossed by a rise: " + this);
        }
        BigInteger root = floorDiv(intercept, slope.negate());
        if (root.compareTo(BigInteger.ONE) < 0) {
            return 1;
        }
        return root.compareTo(MAX) >= 0 ? NO_RISE : root.longValueExact();
    }

    private static BigInteger floorDiv(BigInteger n, BigInteger positiveDivisor) {
        BigInteger[] qr = n.divideAndRemainder(positiveDivisor);
        // BigInteger divides towards zero; a negative inexact quotient must step down once more.
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    private static BigInteger ceilDiv(BigInteger n, BigInteger positiveDivisor) {
        return floorDiv(n.negate(), positiveDivisor).negate();
    }
}
