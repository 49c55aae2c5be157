package io.fulcrum.amm;

import io.fulcrum.amm.internal.GmxMath;
import java.math.BigInteger;

/**
 * GMX v2's borrowing fee (MECHANISMS.md §3.3, {@code MarketUtils.getBorrowingFactorPerSecond}): open positions
 * pay the pool a per-second rate for the liquidity they reserve, growing with how much of the pool is reserved.
 *
 * <ul>
 *   <li>{@link Curve}: {@code rate = factor × reservedUsd^exponent / poolUsd}.
 *   <li>{@link Kink}: {@code usage = reservedUsd / (poolUsd × openInterestReserveFactor)};
 *       {@code rate = base × usage + (aboveOptimal − base) × max(0, usage − optimal) / (1 − optimal)}.
 * </ul>
 * With {@code skipBorrowingFeeForSmallerSide}, the side with less open interest pays nothing (ties pay).
 *
 * <p>Example (GMX default curve): factor 6.25e-9 per second, exponent 1, reserved 80 % of the pool: 5e-9 per
 * second, × 31,536,000 s = 15.768 % a year.
 *
 * <p>Numbers: reserved and pool values are USD units at the model's decimals (the curve's exponent applies to
 * the USD value); rates are wad per second (a {@code long} counting 1e-18), rounded down; the fee owed
 * ({@link #feeUsd}) is rounded up. The venue accrues {@code rate × seconds} into a cumulative factor per side
 * and charges each position {@code size × (cumulative now − cumulative at entry)}.
 */
public sealed interface BorrowingFee permits BorrowingFee.Curve, BorrowingFee.Kink {
    /**
     * The rate a side pays given what it reserves and what backs it.
     *
     * @param reservedUsd the side's reserved value (long: open interest in tokens × max price; short: open
     *     interest in USD), 0 or more
     * @param poolUsd the value of the pool tokens backing that side, without PnL; positive when
     *     {@code reservedUsd > 0}
     * @return wad per second
     */
    long factorPerSecondWad(long reservedUsd, long poolUsd);

    /** Whether the side with less open interest pays nothing. */
    boolean skipBorrowingFeeForSmallerSide();

    /**
     * The rate the long ({@code isLong}) or short side pays, applying {@link #skipBorrowingFeeForSmallerSide()}.
     */
    default long factorPerSecondWad(boolean isLong, long longOpenInterestUsd, long shortOpenInterestUsd,
            long reservedUsd, long poolUsd) {
        GmxMath.requireNonNegative("longOpenInterestUsd", longOpenInterestUsd);
        GmxMath.requireNonNegative("shortOpenInterestUsd", shortOpenInterestUsd);
        if (skipBorrowingFeeForSmallerSide()) {
            boolean smaller = isLong ? longOpenInterestUsd < shortOpenInterestUsd
                    : shortOpenInterestUsd < longOpenInterestUsd;
            if (smaller) {
                return 0;
            }
        }
        return factorPerSecondWad(reservedUsd, poolUsd);
    }

    /**
     * The fee a position of {@code sizeUsd} owes for a cumulative factor of {@code factorWad} (the sum of
     * rate × seconds since it opened), rounded up.
     */
    static long feeUsd(long sizeUsd, long factorWad) {
        return GmxMath.chargeUsd(sizeUsd, factorWad);
    }

    /** The cumulative factor accrued at {@code factorPerSecondWad} over {@code seconds}. */
    static long accruedFactorWad(long factorPerSecondWad, long seconds) {
        return GmxMath.accrueWad(factorPerSecondWad, seconds);
    }

    /**
     * The curve model: {@code floor(factor × reservedUsd^exponent / poolUsd)}.
     *
     * @param borrowingFactorWad wad, 0 or more
     * @param exponent in [1, 4]
     * @param usdDecimals decimals of the settlement unit, in [0, 18]
     * @param skipBorrowingFeeForSmallerSide see {@link BorrowingFee#skipBorrowingFeeForSmallerSide()}
     */
    record Curve(long borrowingFactorWad, int exponent, int usdDecimals, boolean skipBorrowingFeeForSmallerSide)
            implements BorrowingFee {
        public Curve {
            GmxMath.requireNonNegative("borrowingFactorWad", borrowingFactorWad);
            GmxMath.requireExponent("exponent", exponent);
            GmxMath.requireUsdDecimals(usdDecimals);
        }

        @Override
        public long factorPerSecondWad(long reservedUsd, long poolUsd) {
            if (requireReserve(reservedUsd, poolUsd) == 0) {
                return 0;
            }
            BigInteger numerator = BigInteger.valueOf(borrowingFactorWad).multiply(GmxMath.power(reservedUsd, exponent));
            BigInteger denominator = BigInteger.valueOf(poolUsd).multiply(GmxMath.usdPowerScale(usdDecimals, exponent));
            return GmxMath.floorDiv(numerator, denominator);
        }
    }

    /**
     * The kink model (GMX's {@code optimalUsageFactor ≠ 0}).
     *
     * <p>Example (GMX ETH config): optimal 85 %, base 45 %, above-optimal 90 % (per year here; the formula is
     * linear in the rates, so per-year rates in give per-year rates out): usage 95 % gives 0.45 × 0.95 +
     * 0.45 × 0.10 / 0.15 = 72.75 %.
     *
     * @param optimalUsagePpm the kink, ppm in [0, 1,000,000)
     * @param baseFactorPerSecondWad rate at 100 % usage along the base line, wad per second, 0 or more
     * @param aboveOptimalFactorPerSecondWad rate at 100 % usage, wad per second, at least the base
     * @param openInterestReserveFactorPpm the share of the pool that may be reserved, ppm, positive (may exceed 100 %)
     * @param skipBorrowingFeeForSmallerSide see {@link BorrowingFee#skipBorrowingFeeForSmallerSide()}
     */
    record Kink(long optimalUsagePpm, long baseFactorPerSecondWad, long aboveOptimalFactorPerSecondWad,
            long openInterestReserveFactorPpm, boolean skipBorrowingFeeForSmallerSide) implements BorrowingFee {
        private static final BigInteger PPM = BigInteger.valueOf(1_000_000L);

        public Kink {
            if (optimalUsagePpm < 0 || optimalUsagePpm >= 1_000_000L) {
                throw new IllegalArgumentException("optimalUsagePpm must be in [0, 1,000,000): " + optimalUsagePpm);
            }
            GmxMath.requireNonNegative("baseFactorPerSecondWad", baseFactorPerSecondWad);
            if (aboveOptimalFactorPerSecondWad < baseFactorPerSecondWad) {
                throw new IllegalArgumentException("aboveOptimalFactorPerSecondWad " + aboveOptimalFactorPerSecondWad
                        + " must be at least baseFactorPerSecondWad " + baseFactorPerSecondWad);
            }
            if (openInterestReserveFactorPpm <= 0) {
                throw new IllegalArgumentException("openInterestReserveFactorPpm must be positive: "
                        + openInterestReserveFactorPpm);
            }
        }

        /** {@code floor(reservedUsd / (poolUsd × openInterestReserveFactor))} in wad (100 % is 1e18). */
        public long usageWad(long reservedUsd, long poolUsd) {
            if (requireReserve(reservedUsd, poolUsd) == 0) {
                return 0;
            }
            return GmxMath.floorDiv(BigInteger.valueOf(reservedUsd).multiply(GmxMath.WAD_BIG).multiply(PPM),
                    BigInteger.valueOf(poolUsd).multiply(BigInteger.valueOf(openInterestReserveFactorPpm)));
        }

        @Override
        public long factorPerSecondWad(long reservedUsd, long poolUsd) {
            return factorPerSecondWadAtUsage(usageWad(reservedUsd, poolUsd));
        }

        /** The rate at a given usage (wad, 0 or more), rounded down once. */
        public long factorPerSecondWadAtUsage(long usageWad) {
            GmxMath.requireNonNegative("usageWad", usageWad);
            // base × usage / 1e18 + (above − base) × (usage − optimal) / (1e18 − optimal), over the common
            // denominator 1e18 × (1e6 − optimalPpm) × 1e12 = 1e18 × (1e18 − optimal).
            BigInteger usage = BigInteger.valueOf(usageWad);
            BigInteger optimalWad = BigInteger.valueOf(optimalUsagePpm).multiply(BigInteger.valueOf(1_000_000_000_000L));
            BigInteger belowKink = GmxMath.WAD_BIG.subtract(optimalWad);
            BigInteger numerator = BigInteger.valueOf(baseFactorPerSecondWad).multiply(usage).multiply(belowKink);
            BigInteger excess = usage.subtract(optimalWad);
            if (excess.signum() > 0) {
                BigInteger slope = BigInteger.valueOf(aboveOptimalFactorPerSecondWad - baseFactorPerSecondWad);
                numerator = numerator.add(slope.multiply(excess).multiply(GmxMath.WAD_BIG));
            }
            return GmxMath.floorDiv(numerator, GmxMath.WAD_BIG.multiply(belowKink));
        }
    }

    /** Validates the inputs shared by both models; returns {@code reservedUsd}. */
    private static long requireReserve(long reservedUsd, long poolUsd) {
        GmxMath.requireNonNegative("reservedUsd", reservedUsd);
        GmxMath.requireNonNegative("poolUsd", poolUsd);
        if (reservedUsd > 0 && poolUsd == 0) {
            throw new IllegalArgumentException("poolUsd must be positive when reservedUsd is " + reservedUsd);
        }
        return reservedUsd;
    }
}
