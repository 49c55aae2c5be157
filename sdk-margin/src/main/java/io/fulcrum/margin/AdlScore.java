package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.FixedPointOverflowException;
import java.math.BigInteger;

/**
 * An auto-deleveraging score as an exact fraction {@code numerator / denominator}, or
 * {@link #UNRANKED}, which sorts below every fraction. Scores are products of ratios of
 * {@code long}s, so numerator and denominator reach 128 bits and a comparison by
 * cross-multiplication 256: {@link BigInteger} keeps every comparison exact where doubles would
 * call 1 + 10^-17 and 1 equal.
 *
 * <p>Example: {@code ratio(11, 10).times(220_000, 20_000)} is 1.1 × 11 = 12.1 (MECHANISMS.md §1.5,
 * candidate A), above {@code ratio(110_000, 90_000).times(110_000, 50_000)} = 2.6889 (B).
 */
final class AdlScore implements Comparable<AdlScore> {
    /** The score of a candidate the formula cannot rank (no positive account value): last. */
    static final AdlScore UNRANKED = new AdlScore(null, null);

    private static final BigInteger PPM = BigInteger.valueOf(Fixed.PPM);

    private final BigInteger numerator;
    private final BigInteger denominator;

    private AdlScore(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** {@code numerator / denominator}; the denominator must be positive (callers check it). */
    static AdlScore ratio(long numerator, long denominator) {
        return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /** {@code numerator / denominator}; the denominator must be positive (callers check it). */
    static AdlScore of(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() <= 0) {
            throw new IllegalStateException("an ADL score needs a positive denominator: " + denominator);
        }
        return new AdlScore(numerator, denominator);
    }

    /** This score times {@code numerator / denominator} (denominator positive). */
    AdlScore times(long numerator, long denominator) {
        return of(this.numerator.multiply(BigInteger.valueOf(numerator)),
                this.denominator.multiply(BigInteger.valueOf(denominator)));
    }

    boolean isRanked() {
        return numerator != null;
    }

    /**
     * The score in parts per million, rounded half-even: 12.1 is 12,100,000 and 2.68888… is
     * 2,688,889.
     *
     * @throws FixedPointOverflowException if it does not fit in a {@code long}
     */
    long toPpm() {
        if (!isRanked()) {
            throw new IllegalStateException("an unranked candidate has no score");
        }
        BigInteger scaled = numerator.multiply(PPM);
        // Round the magnitude half-even, then restore the sign: BigInteger division truncates
        // toward zero, so working on the magnitude keeps "half" symmetric for negative scores.
        BigInteger[] qr = scaled.abs().divideAndRemainder(denominator);
        BigInteger q = qr[0];
        int half = qr[1].shiftLeft(1).compareTo(denominator);
        if (half > 0 || (half == 0 && q.testBit(0))) {
            q = q.add(BigInteger.ONE);
        }
        if (scaled.signum() < 0) {
            q = q.negate();
        }
        if (q.bitLength() > 63) {
            throw new FixedPointOverflowException("an ADL score of " + numerator + " / " + denominator
                    + " does not fit a long in ppm");
        }
        return q.longValue();
    }

    @Override
    public int compareTo(AdlScore other) {
        if (!isRanked() || !other.isRanked()) {
            return Boolean.compare(isRanked(), other.isRanked());
        }
        // Both denominators are positive, so a/b < c/d exactly when a·d < c·b.
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    @Override
    public String toString() {
        return isRanked() ? numerator + "/" + denominator : "unranked";
    }
}
