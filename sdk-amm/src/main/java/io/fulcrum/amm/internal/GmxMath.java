package io.fulcrum.amm.internal;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.FixedPointOverflowException;
import java.math.BigInteger;

/**
 * Exact arithmetic shared by the GMX v2 mechanisms (MECHANISMS.md §3): "wad" factors (a
 * {@code long} counting 1e-18 units, so 9e-11 is 90,000,000) and USD powers.
 *
 * <p>GMX raises a USD <i>value</i> to an exponent, not a count of smallest units: with USD at
 * {@code d} decimals, {@code (x / 10^d)^e} USD is {@code x^e / 10^(d(e-1))} smallest units. The
 * methods here keep such fractions as exact {@link BigInteger} numerators and denominators and
 * round once, at the end, in a stated direction.
 */
public final class GmxMath {
    /** One in wad units: 10^18. */
    public static final long WAD = 1_000_000_000_000_000_000L;

    /** {@link #WAD} as a {@link BigInteger}. */
    public static final BigInteger WAD_BIG = BigInteger.valueOf(WAD);

    /** The largest exponent the GMX mechanisms accept; real configurations use 1 or 2. */
    public static final int MAX_EXPONENT = 4;

    /** The largest number of USD decimals accepted (the range of {@code Fixed.pow10}). */
    public static final int MAX_USD_DECIMALS = 18;

    private GmxMath() {}

    /** {@code 10^(usdDecimals * (exponent - 1))}: the denominator that turns {@code units^exponent} back into units. */
    public static BigInteger usdPowerScale(int usdDecimals, int exponent) {
        return BigInteger.TEN.pow(usdDecimals * (exponent - 1));
    }

    /** {@code units^exponent}, exactly. */
    public static BigInteger power(long units, int exponent) {
        return BigInteger.valueOf(units).pow(exponent);
    }

    /** {@code floor(numerator / denominator)} as a {@code long}; {@code denominator} must be positive. */
    public static long floorDiv(BigInteger numerator, BigInteger denominator) {
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        BigInteger q = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        return toLong(q);
    }

    /** {@code ceil(numerator / denominator)} as a {@code long}; {@code denominator} must be positive. */
    public static long ceilDiv(BigInteger numerator, BigInteger denominator) {
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        BigInteger q = qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        return toLong(q);
    }

    /** {@code value} as a {@code long}, or {@link FixedPointOverflowException} if it does not fit. */
    public static long toLong(BigInteger value) {
        if (value.bitLength() > 63) {
            throw new FixedPointOverflowException(value + " does not fit in a long");
        }
        return value.longValue();
    }

    /** {@code |a - b|} for non-negative {@code a} and {@code b} (cannot overflow). */
    public static long distance(long a, long b) {
        return a >= b ? a - b : b - a;
    }

    /** Checks an exponent is in [1, {@link #MAX_EXPONENT}]; the message names {@code name}. */
    public static int requireExponent(String name, int exponent) {
        if (exponent < 1 || exponent > MAX_EXPONENT) {
            throw new IllegalArgumentException(name + " must be in [1, " + MAX_EXPONENT + "]: " + exponent);
        }
        return exponent;
    }

    /** Checks a number of USD decimals is in [0, {@link #MAX_USD_DECIMALS}]. */
    public static int requireUsdDecimals(int usdDecimals) {
        if (usdDecimals < 0 || usdDecimals > MAX_USD_DECIMALS) {
            throw new IllegalArgumentException("usdDecimals must be in [0, " + MAX_USD_DECIMALS + "]: " + usdDecimals);
        }
        return usdDecimals;
    }

    /** Checks {@code value} is zero or more; the message names {@code name}. */
    public static long requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be non-negative: " + value);
        }
        return value;
    }

    /** Checks a ppm fraction is in [0, 1,000,000]; the message names {@code name}. */
    public static long requireFractionPpm(String name, long ppm) {
        if (ppm < 0 || ppm > 1_000_000L) {
            throw new IllegalArgumentException(name + " must be in [0, 1,000,000] ppm: " + ppm);
        }
        return ppm;
    }

    /**
     * {@code ceil(amountUsd * factorWad / 1e18)}: what a position of {@code amountUsd} owes for a
     * cumulative factor {@code factorWad} (a per-second rate times seconds). Rounded up: the payer
     * never owes less than the exact amount.
     */
    public static long chargeUsd(long amountUsd, long factorWad) {
        requireNonNegative("amountUsd", amountUsd);
        requireNonNegative("factorWad", factorWad);
        return ceilDiv(BigInteger.valueOf(amountUsd).multiply(BigInteger.valueOf(factorWad)), WAD_BIG);
    }

    /** {@code ratePerSecondWad * seconds}, checked: the cumulative factor accrued over {@code seconds}. */
    public static long accrueWad(long ratePerSecondWad, long seconds) {
        requireNonNegative("ratePerSecondWad", ratePerSecondWad);
        requireNonNegative("seconds", seconds);
        return Fixed.multiply(ratePerSecondWad, seconds);
    }
}
