package io.fulcrum.amm.internal;

import io.fulcrum.api.Fixed;

/**
 * GMX v2's position price impact (MECHANISMS.md §3.1) in exact 128-bit integer arithmetic, for
 * the common case where every term fits: the allocation-free fast path of
 * {@code PriceImpact.impactUsd}, which falls back to {@link java.math.BigInteger} when this
 * returns {@link #NOT_FAST}. Both compute the same rational number and round it once, toward
 * negative infinity, so they agree exactly (a seeded differential test checks it).
 *
 * <p>The impact is {@code floor(N / (WAD × 10^(d(e_max − 1))))} with the terms
 * {@code T = f × diff^e × 10^(d(e_max − e))} (d the USD decimals, WAD = 10^18) and
 * {@code N = |T₁ − T₂|}, {@code −|T₁ − T₂|} or {@code T₁ − T₂}. The denominator is a power of ten,
 * so the division is done in two exact steps, by 10^18 then by 10^(d(e_max − 1)), each rounding
 * the same way: {@code floor(floor(n / a) / b) = floor(n / ab)} for positive a and b.
 *
 * <p>Example (§3.1 vector 1, USD at 2 decimals): f = 9e-11 (wad 90,000,000), gaps 40,000,000 and
 * 50,000,000 cents, exponent 2: N = −90,000,000 × (50,000,000² − 40,000,000²) = −8.1 × 10^22;
 * divided by 10^18 × 10^2 → −810 cents, −8.10 USD.
 */
public final class PoolImpactMath {
    /** Returned when a value does not fit the fast path; the caller computes exactly with BigInteger. */
    public static final long NOT_FAST = Long.MIN_VALUE;

    /** {@code N = |T₁ − T₂|}: an impact that helps the trader. */
    public static final int GAIN = 1;
    /** {@code N = −|T₁ − T₂|}: an impact that costs the trader. */
    public static final int LOSS = -1;
    /** {@code N = T₁ − T₂}: either, by the sign of the difference (a crossover). */
    public static final int SIGNED = 0;

    private PoolImpactMath() {}

    /**
     * The impact in USD units for terms {@code (f1, diff1, e1)} and {@code (f2, diff2, e2)} combined as
     * {@code combination} ({@link #GAIN}, {@link #LOSS} or {@link #SIGNED}), or {@link #NOT_FAST}.
     * Factors and gaps are non-negative; exponents in [1, maxExponent].
     */
    public static long impactUsd(long f1, long diff1, int e1, long f2, long diff2, int e2, int usdDecimals,
            int maxExponent, int combination) {
        int denominatorDecimals = usdDecimals * (maxExponent - 1);
        if (denominatorDecimals > 18) {
            return NOT_FAST;
        }
        long aHi = termHigh(f1, diff1, e1, usdDecimals * (maxExponent - e1));
        long bHi = termHigh(f2, diff2, e2, usdDecimals * (maxExponent - e2));
        if (aHi == PoolArithmetic.OVERFLOW || bHi == PoolArithmetic.OVERFLOW) {
            return NOT_FAST;
        }
        long aLo = termLow(f1, diff1, e1, usdDecimals * (maxExponent - e1));
        long bLo = termLow(f2, diff2, e2, usdDecimals * (maxExponent - e2));
        // T₁ − T₂ as a signed 128-bit value: both terms are below 2^127, so it cannot overflow.
        long lo = aLo - bLo;
        long hi = aHi - bHi - (Long.compareUnsigned(aLo, bLo) < 0 ? 1 : 0);
        boolean differenceNegative = hi < 0;
        if (differenceNegative) {
            hi = ~hi + (lo == 0 ? 1 : 0);
            lo = -lo;
        }
        boolean negative = combination == SIGNED ? differenceNegative : combination == LOSS;
        // Keeps the first quotient below 2^63, so rounding it up cannot wrap.
        if (Long.compareUnsigned(hi, GmxMath.WAD >>> 1) >= 0) {
            return NOT_FAST;
        }
        // Floor of a negative value is minus the ceiling of its magnitude.
        long magnitude = PoolArithmetic.divideRounded(hi, lo, GmxMath.WAD, negative);
        if (denominatorDecimals > 0) {
            magnitude = PoolArithmetic.divideRounded(0, magnitude, Fixed.pow10(denominatorDecimals), negative);
        }
        if (magnitude < 0) {
            return NOT_FAST; // 2^63 or more: the exact path decides (it throws unless the value is Long.MIN_VALUE)
        }
        return negative ? -magnitude : magnitude;
    }

    /** The high word of {@code f × diff^e × 10^scale}, or {@link PoolArithmetic#OVERFLOW} from 2^127. */
    private static long termHigh(long factor, long diff, int exponent, int scale) {
        if (factor == 0 || diff == 0) {
            return 0;
        }
        long hi = 0;
        long lo = factor;
        for (int i = 0; i < exponent; i++) {
            hi = PoolArithmetic.multiplyHigh(hi, lo, diff);
            if (hi == PoolArithmetic.OVERFLOW) {
                return hi;
            }
            lo *= diff;
        }
        return scale == 0 ? hi : PoolArithmetic.multiplyHigh(hi, lo, Fixed.pow10(scale));
    }

    /** The low word of {@code f × diff^e × 10^scale}: the wrapping product. */
    private static long termLow(long factor, long diff, int exponent, int scale) {
        long lo = factor;
        for (int i = 0; i < exponent; i++) {
            lo *= diff;
        }
        return scale == 0 ? lo : lo * Fixed.pow10(scale);
    }
}
