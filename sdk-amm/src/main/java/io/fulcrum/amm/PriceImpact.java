package io.fulcrum.amm;

import io.fulcrum.amm.internal.GmxMath;
import io.fulcrum.amm.internal.PoolImpactMath;
import io.fulcrum.api.Fixed;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * GMX v2's position price impact (MECHANISMS.md §3.1, {@code PricingUtils.sol},
 * {@code PositionPricingUtils.sol}): a trade that widens the gap between long and short open
 * interest pays, a trade that narrows it is paid, both by a power of the gap.
 *
 * <pre>
 * initialDiff = |long − short|, nextDiff = |long' − short'|
 * same side:  impact = ±|f·initialDiff^e − f·nextDiff^e|   (+, f⁺, e⁺ if nextDiff &lt; initialDiff; else −, f⁻, e⁻)
 * crossover:  impact = f⁺·initialDiff^e⁺ − f⁻·nextDiff^e⁻
 * </pre>
 *
 * <p>Example (ETH factors f⁻ 9e-11, f⁺ 3e-11, exponent 2): long 1,000,000 / short 600,000 USD; opening a
 * long of 100,000 moves the gap from 400,000 to 500,000: 9e-11 × (400,000² − 500,000²) = −8.10 USD.
 *
 * <p>Rules carried over from GMX:
 * <ul>
 *   <li>f⁺ is capped at f⁻ when applied (GMX's {@code getAdjustedPositionImpactFactors}; it stops an
 *       open-then-close round trip from earning impact); {@link #effectivePositiveFactorWad()} is the value used.
 *   <li>Virtual inventory: only when the impact is negative, it is recomputed on the virtual open interest
 *       (all markets of the same index token) and the more negative of the two is taken.
 *   <li>Positive impact is capped at {@code |sizeDelta| × positiveMaxFactor}; negative impact on a decrease is
 *       capped at {@code |sizeDelta| × negativeMaxFactor} by {@link #capNegativeImpactForDecrease}, the excess
 *       being held as claimable collateral by the venue.
 * </ul>
 *
 * <p>Numbers: open interest, sizes and impacts are settlement smallest units ("USD units") at
 * {@code usdDecimals}; the exponent applies to the USD value, as in GMX. Factors are wad: a {@code long}
 * counting 1e-18, so 9e-11 is 90,000,000 (exact for every GMX config value, which are decimals of at most
 * 18 places). Max factors are ppm. The impact is computed exactly and rounded once, against the trader:
 * toward negative infinity (a loss away from zero, a gain toward zero). GMX rounds each term separately at
 * 1e-30 USD; the two agree to the unit.
 *
 * @param negativeFactorWad f⁻, wad, 0 or more
 * @param positiveFactorWad f⁺, wad, 0 or more (applied as {@code min(f⁺, f⁻)})
 * @param negativeExponent e⁻, in [1, 4]
 * @param positiveExponent e⁺, in [1, 4]
 * @param negativeMaxFactorPpm cap of a negative impact on decrease, fraction of the size delta, ppm in [0, 1,000,000]
 * @param positiveMaxFactorPpm cap of a positive impact, fraction of the size delta, ppm in [0, 1,000,000]
 * @param usdDecimals decimals of the settlement unit, in [0, 18] (6 for USDC)
 */
public record PriceImpact(long negativeFactorWad, long positiveFactorWad, int negativeExponent, int positiveExponent,
        long negativeMaxFactorPpm, long positiveMaxFactorPpm, int usdDecimals) {
    public PriceImpact {
        GmxMath.requireNonNegative("negativeFactorWad", negativeFactorWad);
        GmxMath.requireNonNegative("positiveFactorWad", positiveFactorWad);
        GmxMath.requireExponent("negativeExponent", negativeExponent);
        GmxMath.requireExponent("positiveExponent", positiveExponent);
        GmxMath.requireFractionPpm("negativeMaxFactorPpm", negativeMaxFactorPpm);
        GmxMath.requireFractionPpm("positiveMaxFactorPpm", positiveMaxFactorPpm);
        GmxMath.requireUsdDecimals(usdDecimals);
    }

    /** f⁺ as applied: {@code min(f⁺, f⁻)}. */
    public long effectivePositiveFactorWad() {
        return Math.min(positiveFactorWad, negativeFactorWad);
    }

    /**
     * The impact, in USD units, of changing one side's open interest by {@code sizeDeltaUsd}, with the
     * positive cap applied.
     *
     * @param longOpenInterestUsd long open interest before the trade, 0 or more
     * @param shortOpenInterestUsd short open interest before the trade, 0 or more
     * @param sizeDeltaUsd positive for an increase, negative for a decrease of the trader's side
     * @param isLong whether the trader's side is long
     * @return negative when the trader pays, positive when the trader is paid
     * @throws IllegalArgumentException if an open interest is negative or a decrease exceeds its side
     */
    public long impactUsd(long longOpenInterestUsd, long shortOpenInterestUsd, long sizeDeltaUsd, boolean isLong) {
        long raw = uncappedImpactUsd(longOpenInterestUsd, shortOpenInterestUsd, sizeDeltaUsd, isLong);
        return capPositive(raw, sizeDeltaUsd);
    }

    /**
     * As {@link #impactUsd(long, long, long, boolean)}, and when the impact is negative it is also computed
     * on the virtual open interest (the same trade applied to {@code virtualLongUsd}/{@code virtualShortUsd});
     * the more negative result is taken.
     */
    public long impactUsd(long longOpenInterestUsd, long shortOpenInterestUsd, long sizeDeltaUsd, boolean isLong,
            long virtualLongUsd, long virtualShortUsd) {
        long raw = uncappedImpactUsd(longOpenInterestUsd, shortOpenInterestUsd, sizeDeltaUsd, isLong);
        if (raw < 0) {
            raw = Math.min(raw, uncappedImpactUsd(virtualLongUsd, virtualShortUsd, sizeDeltaUsd, isLong));
        }
        return capPositive(raw, sizeDeltaUsd);
    }

    /**
     * Caps a negative impact of a decrease at {@code -ceil(|sizeDeltaUsd| × negativeMaxFactor)}; a positive
     * impact is returned unchanged. The difference {@code cap − impact} is what GMX holds as claimable.
     */
    public long capNegativeImpactForDecrease(long impactUsd, long sizeDeltaUsd) {
        long maxLoss = Fixed.ppm(magnitude(sizeDeltaUsd), negativeMaxFactorPpm, RoundingMode.CEILING);
        return Math.max(impactUsd, -maxLoss);
    }

    /**
     * Caps a positive impact at what the position impact pool holds ({@code impactPoolUsd}, 0 or more), as
     * GMX does before paying it; a negative impact is returned unchanged.
     */
    public static long capPositiveImpactByImpactPool(long impactUsd, long impactPoolUsd) {
        GmxMath.requireNonNegative("impactPoolUsd", impactPoolUsd);
        return impactUsd > 0 ? Math.min(impactUsd, impactPoolUsd) : impactUsd;
    }

    /**
     * The execution price of an increase, GMX's {@code getExecutionPriceForIncrease}: the trader receives
     * {@code sizeUsd / price + impactUsd / price} tokens (long) or sells {@code sizeUsd / price − impactUsd / price}
     * (short), so the price is {@code price × sizeUsd / (sizeUsd ± impactUsd)}.
     *
     * <p>Example (the code comment's vector): price 2,000, size 5,000, impact −1,000, long: base 2.5 tokens,
     * impact −0.5, 2 tokens for 5,000: 2,000 × 5,000 / 4,000 = 2,500. Rounded against the trader (up for a
     * long, down for a short).
     *
     * @param price the oracle price, price units, positive
     * @param sizeUsd the size delta, USD units, positive
     * @param impactUsd the impact from {@link #impactUsd}
     * @throws IllegalArgumentException if a negative impact consumes the whole size
     */
    public static long executionPrice(long price, long sizeUsd, long impactUsd, boolean isLong) {
        requirePositive("price", price);
        requirePositive("sizeUsd", sizeUsd);
        long tokensUsd = isLong ? Fixed.add(sizeUsd, impactUsd) : Fixed.subtract(sizeUsd, impactUsd);
        if (tokensUsd <= 0) {
            throw new IllegalArgumentException("impactUsd " + impactUsd + " leaves no size out of sizeUsd " + sizeUsd);
        }
        return Fixed.mulDiv(price, sizeUsd, tokensUsd, isLong ? RoundingMode.CEILING : RoundingMode.FLOOR);
    }

    /**
     * The execution price of a decrease, GMX's {@code getExecutionPriceForDecrease}: {@code price ×
     * (sizeUsd + impactUsd) / sizeUsd} when closing a long (it sells), {@code price × (sizeUsd − impactUsd) /
     * sizeUsd} when closing a short (it buys). Example: price 2,000, size 5,000, impact −50, long: 1,980.
     * Rounded against the trader (down for a long, up for a short).
     *
     * @throws IllegalArgumentException if the impact would make the price zero or negative
     */
    public static long executionPriceForDecrease(long price, long sizeUsd, long impactUsd, boolean isLong) {
        requirePositive("price", price);
        requirePositive("sizeUsd", sizeUsd);
        long adjustedUsd = isLong ? Fixed.add(sizeUsd, impactUsd) : Fixed.subtract(sizeUsd, impactUsd);
        if (adjustedUsd <= 0) {
            throw new IllegalArgumentException("impactUsd " + impactUsd + " leaves no value out of sizeUsd " + sizeUsd);
        }
        return Fixed.mulDiv(price, adjustedUsd, sizeUsd, isLong ? RoundingMode.FLOOR : RoundingMode.CEILING);
    }

    private long capPositive(long impactUsd, long sizeDeltaUsd) {
        if (impactUsd <= 0) {
            return impactUsd;
        }
        return Math.min(impactUsd, Fixed.ppm(magnitude(sizeDeltaUsd), positiveMaxFactorPpm, RoundingMode.FLOOR));
    }

    private long uncappedImpactUsd(long longUsd, long shortUsd, long sizeDeltaUsd, boolean isLong) {
        GmxMath.requireNonNegative("longOpenInterestUsd", longUsd);
        GmxMath.requireNonNegative("shortOpenInterestUsd", shortUsd);
        long nextLong = isLong ? Fixed.add(longUsd, sizeDeltaUsd) : longUsd;
        long nextShort = isLong ? shortUsd : Fixed.add(shortUsd, sizeDeltaUsd);
        if (nextLong < 0 || nextShort < 0) {
            throw new IllegalArgumentException("sizeDeltaUsd " + sizeDeltaUsd + " exceeds the "
                    + (isLong ? "long" : "short") + " open interest " + (isLong ? longUsd : shortUsd));
        }
        long initialDiff = GmxMath.distance(longUsd, shortUsd);
        long nextDiff = GmxMath.distance(nextLong, nextShort);
        long positiveFactor = effectivePositiveFactorWad();
        // GMX's test: the heavier side (ties count as short-heavy) is the same before and after.
        boolean sameSide = (longUsd <= shortUsd) == (nextLong <= nextShort);
        int maxExponent = Math.max(positiveExponent, negativeExponent);
        long fast = sameSide
                ? nextDiff < initialDiff
                        ? PoolImpactMath.impactUsd(positiveFactor, initialDiff, positiveExponent, positiveFactor, nextDiff,
                                positiveExponent, usdDecimals, maxExponent, PoolImpactMath.GAIN)
                        : PoolImpactMath.impactUsd(negativeFactorWad, initialDiff, negativeExponent, negativeFactorWad,
                                nextDiff, negativeExponent, usdDecimals, maxExponent, PoolImpactMath.LOSS)
                : PoolImpactMath.impactUsd(positiveFactor, initialDiff, positiveExponent, negativeFactorWad, nextDiff,
                        negativeExponent, usdDecimals, maxExponent, PoolImpactMath.SIGNED);
        if (fast != PoolImpactMath.NOT_FAST) {
            return fast; // the same number as below, in 128-bit integers without allocation
        }
        BigInteger denominator = GmxMath.WAD_BIG.multiply(GmxMath.usdPowerScale(usdDecimals, maxExponent));
        BigInteger numerator;
        if (sameSide) {
            boolean improves = nextDiff < initialDiff;
            long factor = improves ? positiveFactor : negativeFactorWad;
            int exponent = improves ? positiveExponent : negativeExponent;
            BigInteger change = term(factor, initialDiff, exponent, maxExponent)
                    .subtract(term(factor, nextDiff, exponent, maxExponent)).abs();
            numerator = improves ? change : change.negate();
        } else {
            numerator = term(positiveFactor, initialDiff, positiveExponent, maxExponent)
                    .subtract(term(negativeFactorWad, nextDiff, negativeExponent, maxExponent));
        }
        // Floor: a loss rounds away from zero, a gain toward zero; both against the trader.
        return GmxMath.floorDiv(numerator, denominator);
    }

    /** {@code factor × diff^exponent}, over the common denominator {@code WAD × 10^(d(maxExponent−1))}. */
    private BigInteger term(long factorWad, long diff, int exponent, int maxExponent) {
        return BigInteger.valueOf(factorWad).multiply(GmxMath.power(diff, exponent))
                .multiply(BigInteger.TEN.pow(usdDecimals * (maxExponent - exponent)));
    }

    private static long magnitude(long value) {
        return value < 0 ? Fixed.negate(value) : value;
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
