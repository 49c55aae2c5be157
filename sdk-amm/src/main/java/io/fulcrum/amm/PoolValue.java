package io.fulcrum.amm;

import io.fulcrum.amm.internal.GmxMath;
import io.fulcrum.api.Fixed;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A GMX v2 pool's value to its liquidity providers, and the pool-level risk limits that follow from it
 * (MECHANISMS.md §3.4, {@code MarketUtils.getPoolValueInfo}, {@code AdlUtils.sol}, {@code PositionUtils.sol}).
 *
 * <pre>
 * poolValue = longTokenUsd + shortTokenUsd + pendingBorrowingFees × (1 − receiverFactor)
 *           − (cappedLongPnl + cappedShortPnl) − impactPoolUsd
 * cappedPnl = pnl if pnl &lt; 0, else min(pnl, poolUsd_side × maxPnlFactor[type])
 * GM price  = poolValue / supply (1 USD when supply is 0)
 * </pre>
 * Traders' profit is owed by the pool, so it lowers the LPs' value; it is capped per side so that a
 * runaway profit cannot drain the pool through share pricing, with a tighter cap for withdrawals (70 %) than
 * for deposits (90 %): while PnL is capped, deposits are priced below withdrawals.
 *
 * <p>Example: long tokens 200,000, short tokens 300,000, long PnL +150,000, short PnL −20,000, supply
 * 400,000 GM. Withdrawals cap long PnL at 70 % × 200,000 = 140,000: 500,000 − (140,000 − 20,000) = 380,000,
 * 0.95 USD per GM. Deposits (cap 180,000, not binding): 370,000, 0.925 USD per GM.
 *
 * <p>Also here: the reserve limits ({@code reservedUsd ≤ poolUsd × reserveFactor}, and
 * {@code ≤ poolUsd × openInterestReserveFactor} on an increase), auto-deleveraging (on while a side's
 * PnL / pool exceeds {@code maxPnlFactorForAdl}, reducing until it is at most {@code minPnlFactorAfterAdl}),
 * and {@link LiquidationRule}. Amounts are USD units; factors are ppm. Caps and limits round down (the pool
 * counts less owed profit, allows less reserve); requirements round up.
 *
 * @param maxPnlFactorForTradersPpm cap used for traders' realised profit, ppm in [0, 1,000,000] (GMX 90 %)
 * @param maxPnlFactorForDepositsPpm cap used to price deposits, ppm in [0, 1,000,000] (GMX 90 %)
 * @param maxPnlFactorForWithdrawalsPpm cap used to price withdrawals, ppm in [0, 1,000,000] (GMX 70 %)
 * @param maxPnlFactorForAdlPpm PnL / pool above which ADL is on, ppm in [0, 1,000,000] (GMX 85 %)
 * @param minPnlFactorAfterAdlPpm PnL / pool that ADL reduces to, ppm in [0, maxPnlFactorForAdl] (GMX 77 %)
 * @param reserveFactorPpm share of a side's pool that may be reserved, ppm, positive (GMX 95 %; ETH 275 %)
 * @param openInterestReserveFactorPpm the same limit checked on increases, ppm, positive (GMX 90 %; ETH 270 %)
 * @param borrowingFeeReceiverFactorPpm share of borrowing fees that goes to the fee receiver rather than
 *     the pool, ppm in [0, 1,000,000]
 */
public record PoolValue(long maxPnlFactorForTradersPpm, long maxPnlFactorForDepositsPpm,
        long maxPnlFactorForWithdrawalsPpm, long maxPnlFactorForAdlPpm, long minPnlFactorAfterAdlPpm,
        long reserveFactorPpm, long openInterestReserveFactorPpm, long borrowingFeeReceiverFactorPpm) {
    public PoolValue {
        GmxMath.requireFractionPpm("maxPnlFactorForTradersPpm", maxPnlFactorForTradersPpm);
        GmxMath.requireFractionPpm("maxPnlFactorForDepositsPpm", maxPnlFactorForDepositsPpm);
        GmxMath.requireFractionPpm("maxPnlFactorForWithdrawalsPpm", maxPnlFactorForWithdrawalsPpm);
        GmxMath.requireFractionPpm("maxPnlFactorForAdlPpm", maxPnlFactorForAdlPpm);
        GmxMath.requireFractionPpm("minPnlFactorAfterAdlPpm", minPnlFactorAfterAdlPpm);
        if (minPnlFactorAfterAdlPpm > maxPnlFactorForAdlPpm) {
            throw new IllegalArgumentException("minPnlFactorAfterAdlPpm " + minPnlFactorAfterAdlPpm
                    + " must not exceed maxPnlFactorForAdlPpm " + maxPnlFactorForAdlPpm);
        }
        if (reserveFactorPpm <= 0) {
            throw new IllegalArgumentException("reserveFactorPpm must be positive: " + reserveFactorPpm);
        }
        if (openInterestReserveFactorPpm <= 0) {
            throw new IllegalArgumentException("openInterestReserveFactorPpm must be positive: "
                    + openInterestReserveFactorPpm);
        }
        GmxMath.requireFractionPpm("borrowingFeeReceiverFactorPpm", borrowingFeeReceiverFactorPpm);
    }

    /** Which PnL cap applies: GMX's {@code MAX_PNL_FACTOR_FOR_TRADERS / _DEPOSITS / _WITHDRAWALS}. */
    public enum PnlFactorType {
        /** Realised profit of positions. */
        TRADERS,
        /** Pricing GM tokens minted by a deposit. */
        DEPOSITS,
        /** Pricing GM tokens burnt by a withdrawal. */
        WITHDRAWALS
    }

    /**
     * The pool's state at one set of prices.
     *
     * @param longTokenUsd value of the long-side backing tokens, without PnL, 0 or more
     * @param shortTokenUsd value of the short-side backing tokens, without PnL, 0 or more
     * @param longPnlUsd net PnL of all long positions (positive: traders win)
     * @param shortPnlUsd net PnL of all short positions
     * @param pendingBorrowingFeesUsd borrowing fees accrued but not yet collected, 0 or more
     * @param impactPoolUsd value of the position impact pool net of what is lent out (GMX's
     *     {@code positionImpactPoolAmount × price − lentImpactPoolAmount × price}); it belongs to traders
     */
    public record Snapshot(long longTokenUsd, long shortTokenUsd, long longPnlUsd, long shortPnlUsd,
            long pendingBorrowingFeesUsd, long impactPoolUsd) {
        public Snapshot {
            GmxMath.requireNonNegative("longTokenUsd", longTokenUsd);
            GmxMath.requireNonNegative("shortTokenUsd", shortTokenUsd);
            GmxMath.requireNonNegative("pendingBorrowingFeesUsd", pendingBorrowingFeesUsd);
        }
    }

    /** The cap of {@code type}, ppm. */
    public long maxPnlFactorPpm(PnlFactorType type) {
        switch (Objects.requireNonNull(type, "type")) {
            case TRADERS:
                return maxPnlFactorForTradersPpm;
            case DEPOSITS:
                return maxPnlFactorForDepositsPpm;
            case WITHDRAWALS:
                return maxPnlFactorForWithdrawalsPpm;
            default:
                throw new IllegalStateException("unknown PnL factor type " + type);
        }
    }

    /**
     * A side's PnL as the pool counts it: a loss in full, a profit at most
     * {@code floor(sidePoolUsd × maxPnlFactor[type])}.
     */
    public long cappedPnlUsd(long pnlUsd, long sidePoolUsd, PnlFactorType type) {
        GmxMath.requireNonNegative("sidePoolUsd", sidePoolUsd);
        if (pnlUsd < 0) {
            return pnlUsd;
        }
        return Math.min(pnlUsd, Fixed.ppm(sidePoolUsd, maxPnlFactorPpm(type), RoundingMode.FLOOR));
    }

    /** The pool's value to LPs with the PnL cap of {@code type}; may be negative. */
    public long valueUsd(Snapshot pool, PnlFactorType type) {
        Objects.requireNonNull(pool, "pool");
        long feesToPool = Fixed.ppm(pool.pendingBorrowingFeesUsd(), Fixed.PPM - borrowingFeeReceiverFactorPpm,
                RoundingMode.FLOOR);
        long cappedPnl = Fixed.add(cappedPnlUsd(pool.longPnlUsd(), pool.longTokenUsd(), type),
                cappedPnlUsd(pool.shortPnlUsd(), pool.shortTokenUsd(), type));
        long tokens = Fixed.add(pool.longTokenUsd(), pool.shortTokenUsd());
        return Fixed.subtract(Fixed.subtract(Fixed.add(tokens, feesToPool), cappedPnl), pool.impactPoolUsd());
    }

    /**
     * A trader's realised profit once the side's profit is capped (GMX's {@code getCappedPositionPnlUsd}):
     * when the side's total PnL exceeds {@code sidePoolUsd × maxPnlFactorForTraders}, a profitable position is
     * paid {@code floor(positionPnl × cap / sidePnl)}; losses and uncapped profits pass through.
     */
    public long traderPnlUsd(long positionPnlUsd, long sidePnlUsd, long sidePoolUsd) {
        long capped = cappedPnlUsd(sidePnlUsd, sidePoolUsd, PnlFactorType.TRADERS);
        if (positionPnlUsd <= 0 || capped == sidePnlUsd) {
            return positionPnlUsd;
        }
        return Fixed.mulDiv(positionPnlUsd, capped, sidePnlUsd, RoundingMode.FLOOR);
    }

    /**
     * The price of one whole GM token, in USD units: {@code poolValueUsd × oneMarketToken / supply}, or one
     * USD ({@code oneUsd}) while the supply is 0. Price deposits rounding up and withdrawals rounding down, so
     * neither takes value from the remaining LPs. Example: 380,000 USD over 400,000 GM is 0.95 USD.
     *
     * @param supply GM tokens outstanding, smallest units, 0 or more
     * @param oneMarketToken smallest units in one GM token (10^decimals), positive
     * @param oneUsd smallest units in one USD (10^usdDecimals), positive
     */
    public static long marketTokenPrice(long poolValueUsd, long supply, long oneMarketToken, long oneUsd,
            RoundingMode rounding) {
        GmxMath.requireNonNegative("supply", supply);
        requirePositive("oneMarketToken", oneMarketToken);
        requirePositive("oneUsd", oneUsd);
        if (supply == 0) {
            return oneUsd;
        }
        return Fixed.mulDiv(poolValueUsd, oneMarketToken, supply, rounding);
    }

    /** The most a side may reserve: {@code floor(sidePoolUsd × reserveFactor)}. */
    public long maxReservedUsd(long sidePoolUsd) {
        GmxMath.requireNonNegative("sidePoolUsd", sidePoolUsd);
        return Fixed.ppm(sidePoolUsd, reserveFactorPpm, RoundingMode.FLOOR);
    }

    /** The most a side may reserve after an increase: {@code floor(sidePoolUsd × openInterestReserveFactor)}. */
    public long maxOpenInterestReservedUsd(long sidePoolUsd) {
        GmxMath.requireNonNegative("sidePoolUsd", sidePoolUsd);
        return Fixed.ppm(sidePoolUsd, openInterestReserveFactorPpm, RoundingMode.FLOOR);
    }

    /** Whether {@code reservedUsd ≤ sidePoolUsd × reserveFactor}. */
    public boolean isWithinReserve(long reservedUsd, long sidePoolUsd) {
        return reservedUsd <= maxReservedUsd(sidePoolUsd);
    }

    /** Whether {@code reservedUsd ≤ sidePoolUsd × openInterestReserveFactor}: the check on an increase. */
    public boolean isWithinOpenInterestReserve(long reservedUsd, long sidePoolUsd) {
        return reservedUsd <= maxOpenInterestReservedUsd(sidePoolUsd);
    }

    /**
     * Whether ADL is on for a side: {@code sidePnlUsd / sidePoolUsd > maxPnlFactorForAdl}. Exact: for an integer
     * PnL, {@code pnl > x} is {@code pnl > floor(x)}. Example: 180,000 / 200,000 = 90 % &gt; 85 %: on.
     */
    public boolean isAdlEnabled(long sidePnlUsd, long sidePoolUsd) {
        GmxMath.requireNonNegative("sidePoolUsd", sidePoolUsd);
        return sidePnlUsd > Fixed.ppm(sidePoolUsd, maxPnlFactorForAdlPpm, RoundingMode.FLOOR);
    }

    /**
     * The side PnL that ADL reduces to: {@code floor(sidePoolUsd × minPnlFactorAfterAdl)}; ADL is done once the
     * PnL is at most this. Example: 77 % × 200,000 = 154,000.
     */
    public long adlTargetPnlUsd(long sidePoolUsd) {
        GmxMath.requireNonNegative("sidePoolUsd", sidePoolUsd);
        return Fixed.ppm(sidePoolUsd, minPnlFactorAfterAdlPpm, RoundingMode.FLOOR);
    }

    /**
     * Whether an ADL step went too far: the PnL after it is below {@code sidePoolUsd × minPnlFactorAfterAdl}
     * (GMX rejects such a step as "PnL overcorrected").
     */
    public boolean isAdlOvercorrected(long nextSidePnlUsd, long sidePoolUsd) {
        GmxMath.requireNonNegative("sidePoolUsd", sidePoolUsd);
        return nextSidePnlUsd < Fixed.ppm(sidePoolUsd, minPnlFactorAfterAdlPpm, RoundingMode.CEILING);
    }

    /**
     * GMX's liquidation test for one position (MECHANISMS.md §3.4, {@code PositionUtils.isPositionLiquidatable}):
     * liquidatable when {@code collateral + pnl + min(impact, 0) − fees < max(minCollateralUsd, size ×
     * minCollateralFactor)}, where a negative impact is capped at {@code size × maxPositionImpactFactorForLiquidations}
     * and a positive one is ignored.
     *
     * <p>Example: size 100,000, collateral 1,500, PnL −900, fees 60, impact ignored (factor 0): remaining 540 is
     * below 1 % × 100,000 = 1,000: liquidatable.
     *
     * @param minCollateralUsd absolute floor of the remaining collateral, USD units, 0 or more (GMX $1)
     * @param minCollateralFactorPpm floor as a fraction of the size, ppm in [0, 1,000,000] (GMX 1 %; ETH 0.5 %)
     * @param maxPositionImpactFactorForLiquidationsPpm cap of the negative impact counted, ppm in [0, 1,000,000]
     *     (GMX 0: impact is not counted)
     */
    public record LiquidationRule(long minCollateralUsd, long minCollateralFactorPpm,
            long maxPositionImpactFactorForLiquidationsPpm) {
        public LiquidationRule {
            GmxMath.requireNonNegative("minCollateralUsd", minCollateralUsd);
            GmxMath.requireFractionPpm("minCollateralFactorPpm", minCollateralFactorPpm);
            GmxMath.requireFractionPpm("maxPositionImpactFactorForLiquidationsPpm",
                    maxPositionImpactFactorForLiquidationsPpm);
        }

        /** {@code max(minCollateralUsd, ceil(sizeUsd × minCollateralFactor))}. */
        public long minCollateralRequiredUsd(long sizeUsd) {
            GmxMath.requireNonNegative("sizeUsd", sizeUsd);
            return Math.max(minCollateralUsd, Fixed.ppm(sizeUsd, minCollateralFactorPpm, RoundingMode.CEILING));
        }

        /**
         * {@code collateral + pnl + countedImpact − fees}, where the counted impact is {@code min(impact, 0)}
         * floored at {@code −floor(size × maxPositionImpactFactorForLiquidations)}.
         *
         * @param priceImpactUsd the impact of closing the whole position now
         * @param feesUsd every fee due on closing (position, borrowing, funding, liquidation), 0 or more
         */
        public long remainingCollateralUsd(long sizeUsd, long collateralUsd, long pnlUsd, long priceImpactUsd,
                long feesUsd) {
            GmxMath.requireNonNegative("sizeUsd", sizeUsd);
            GmxMath.requireNonNegative("collateralUsd", collateralUsd);
            GmxMath.requireNonNegative("feesUsd", feesUsd);
            long maxImpactLoss = Fixed.ppm(sizeUsd, maxPositionImpactFactorForLiquidationsPpm, RoundingMode.FLOOR);
            long countedImpact = Math.max(Math.min(priceImpactUsd, 0), -maxImpactLoss);
            return Fixed.subtract(Fixed.add(Fixed.add(collateralUsd, pnlUsd), countedImpact), feesUsd);
        }

        /** Whether the remaining collateral is below {@link #minCollateralRequiredUsd}. */
        public boolean isLiquidatable(long sizeUsd, long collateralUsd, long pnlUsd, long priceImpactUsd,
                long feesUsd) {
            return remainingCollateralUsd(sizeUsd, collateralUsd, pnlUsd, priceImpactUsd, feesUsd)
                    < minCollateralRequiredUsd(sizeUsd);
        }
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
