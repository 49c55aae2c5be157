package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.margin.internal.ExactQuotient;
import io.fulcrum.margin.internal.LiquidationScale;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The arithmetic of dYdX v4's liquidations (MECHANISMS.md §2.3), exact, for a liquidation policy
 * and loss waterfall (§9) to call: the bankruptcy quote of a close, the fillable (worst) price of
 * the liquidation order, the insurance fund's delta on a fill and the size one block may close.
 *
 * <p>Money is in settlement units, signed as dYdX signs it: a quote is what the liquidated account
 * <i>receives</i> (positive when it sells to close a long, negative when it buys to close a short);
 * a net notional is {@code size × oracle} (negative for a short). Rates are ppm.
 *
 * <p>Worked example (§2.3, mainnet configuration): 1 BTC long, oracle 50,000, maintenance (PMMR =
 * TMMR) 1,500, net collateral 1,000. Closing it all: bankruptcy quote 50,000 − 1,000 × 1,500 / 1,500
 * = <b>49,000</b>; fillable price: ABR = 1 − 1,000 / 1,500 = 1/3, spread 150 % × 1,500 = 2,250,
 * 50,000 − 750 = <b>49,250</b>. A fill at 49,250 leaves a surplus over bankruptcy of 250, all of
 * it the fund's fee (min(1.5 % × 49,250, 250) = 250). With net collateral −500 instead the
 * bankruptcy quote is 50,500 and the fillable price 47,750: a fill at 48,000 leaves the fund to
 * pay 2,500.
 *
 * <p>Rounding: the bankruptcy quote rounds toward +∞ as dYdX's does (§2.3), so that the rest of the
 * account keeps at least its proportional share of collateral: the fund, not the remaining
 * positions, absorbs the fraction of a unit. The fee rounds up (against the account, still capped
 * by the surplus). The fillable price rounds toward the oracle, so the order never trades beyond
 * the rule's maximum spread (as dYdX's conversion to subticks does): a price worse than the exact
 * fillable one would only deepen a shortfall the fund pays. The per-block notional rounds up.
 */
public final class DydxLiquidationMath {
    /** Mainnet genesis {@code max_liquidation_fee_ppm}: 1.5 % (a snapshot; load live values from configuration). */
    public static final long MAINNET_MAX_LIQUIDATION_FEE_PPM = 15_000;
    /** Mainnet genesis {@code bankruptcy_adjustment_ppm} (BA): 100 %. */
    public static final long MAINNET_BANKRUPTCY_ADJUSTMENT_PPM = 1_000_000;
    /** Mainnet genesis {@code spread_to_maintenance_margin_ratio_ppm} (SMMR): 150 %. */
    public static final long MAINNET_SPREAD_TO_MAINTENANCE_PPM = 1_500_000;
    /** Mainnet genesis position block limit: at most 10 % of a position's notional per block. */
    public static final long MAINNET_MAX_POSITION_PORTION_PPM = 100_000;

    private static final BigInteger PPM = BigInteger.valueOf(Fixed.PPM);

    private DydxLiquidationMath() {}

    /**
     * The bankruptcy quote of closing part of a position: the quote the account must receive for the
     * close to use up exactly its share of the net collateral, {@code B = −DNNV − TNC × |DMMR| / TMMR},
     * rounded toward +∞ (§2.3).
     *
     * <p>Example (§2.3, USDC): closing 1 BTC of a 1 BTC long at 50,000, DNNV = −50,000, DMMR = −1,500,
     * TNC 1,000, TMMR 1,500: B = 50,000 − 1,000 = 49,000. Closing 0.1 BTC of it (DNNV −5,000, DMMR
     * −150): 5,000 − 100 = 4,900. Closing a 1 BTC short (DNNV +50,000): −51,000, the most it may pay.
     *
     * @param deltaNetNotional DNNV: the net notional after the close minus before
     * @param deltaMaintenance DMMR: the position's maintenance after the close minus before, {@code <= 0}
     * @param totalNetCollateral TNC: the whole account's net collateral, any sign
     * @param totalMaintenance TMMR: the whole account's maintenance requirement, positive
     * @throws IllegalArgumentException if {@code totalMaintenance <= 0}, {@code deltaMaintenance > 0}
     *     or {@code |deltaMaintenance| > totalMaintenance}
     * @throws io.fulcrum.api.FixedPointOverflowException if the quote does not fit in a {@code long}
     */
    public static long bankruptcyQuote(long deltaNetNotional, long deltaMaintenance, long totalNetCollateral,
            long totalMaintenance) {
        requireTotalMaintenance(totalMaintenance);
        if (deltaMaintenance > 0) {
            throw new IllegalArgumentException("a close cannot raise the maintenance requirement: deltaMaintenance "
                    + deltaMaintenance + " > 0");
        }
        if (-deltaMaintenance > totalMaintenance) {
            throw new IllegalArgumentException("the position's maintenance change " + deltaMaintenance
                    + " exceeds the account's total maintenance " + totalMaintenance);
        }
        // TNC × |DMMR| / TMMR rounded toward −∞, subtracted: the quote rounds toward +∞.
        long collateralShare = Fixed.mulDiv(totalNetCollateral, -deltaMaintenance, totalMaintenance,
                RoundingMode.FLOOR);
        return Fixed.subtract(Fixed.negate(deltaNetNotional), collateralShare);
    }

    /**
     * The fillable price: the worst price, in {@code market}'s price units, at which the liquidation
     * order for this position may trade (§2.3): {@code ABR = clamp(BA × (1 − TNC/TMMR), 0, 1)},
     * {@code fill = (PNNV − ABR × SMMR × PMMR) / PS}. A healthy account (TNC ≥ TMMR) gets the oracle,
     * one with TNC ≤ 0 (and BA = 100 %) the whole spread {@code SMMR × PMMR}. The price rounds toward
     * the oracle (up for a long, down for a short) and is at least 1.
     *
     * <p>Example (§2.3): 1 BTC long at oracle 50,000, PMMR = TMMR = 1,500, TNC 1,000, BA 100 %, SMMR
     * 150 %: 49,250; the same short: 50,750; with TNC −500: 47,750.
     *
     * @param market the position's market (its scales convert notional per size into price units)
     * @param positionSize PS: the signed position, size units, not 0
     * @param positionNetNotional PNNV: the position's signed value at the oracle, same sign as PS
     * @param positionMaintenance PMMR: the position's maintenance requirement, {@code 0 <= PMMR <= TMMR}
     * @param totalNetCollateral TNC: the whole account's net collateral
     * @param totalMaintenance TMMR: the whole account's maintenance requirement, positive
     * @param bankruptcyAdjustmentPpm BA, ppm, non-negative (mainnet 1,000,000)
     * @param spreadToMaintenancePpm SMMR, ppm, non-negative (mainnet 1,500,000)
     * @throws IllegalArgumentException on an input outside the ranges above
     */
    public static long fillablePrice(MarketSpec market, long positionSize, long positionNetNotional,
            long positionMaintenance, long totalNetCollateral, long totalMaintenance, long bankruptcyAdjustmentPpm,
            long spreadToMaintenancePpm) {
        Objects.requireNonNull(market, "market");
        if (positionSize == 0) {
            throw new IllegalArgumentException(market.id() + ": a fillable price needs a position, size is 0");
        }
        if (Long.signum(positionNetNotional) != Long.signum(positionSize)) {
            throw new IllegalArgumentException(market.id() + ": the net notional " + positionNetNotional
                    + " must have the sign of the position " + positionSize);
        }
        requireTotalMaintenance(totalMaintenance);
        if (positionMaintenance < 0 || positionMaintenance > totalMaintenance) {
            throw new IllegalArgumentException(market.id() + ": the position's maintenance " + positionMaintenance
                    + " must be in [0, total maintenance " + totalMaintenance + "]");
        }
        requireNonNegative(bankruptcyAdjustmentPpm, "bankruptcyAdjustmentPpm");
        requireNonNegative(spreadToMaintenancePpm, "spreadToMaintenancePpm");

        // ABR = abrNum / abrDen = BA × (TMMR − TNC) / (1e6 × TMMR), clamped to [0, 1].
        BigInteger tmmr = BigInteger.valueOf(totalMaintenance);
        BigInteger abrDen = PPM.multiply(tmmr);
        BigInteger abrNum = BigInteger.valueOf(bankruptcyAdjustmentPpm)
                .multiply(tmmr.subtract(BigInteger.valueOf(totalNetCollateral)));
        abrNum = abrNum.max(BigInteger.ZERO).min(abrDen);

        // fill quote = PNNV − abrNum × SMMR × PMMR / (abrDen × 1e6), over one denominator D.
        BigInteger d = abrDen.multiply(PPM);
        BigInteger spread = abrNum.multiply(BigInteger.valueOf(spreadToMaintenancePpm))
                .multiply(BigInteger.valueOf(positionMaintenance));
        BigInteger quote = BigInteger.valueOf(positionNetNotional).multiply(d).subtract(spread);

        // notional = size × price × num / den, so price = quote × den / (PS × num × D).
        LiquidationScale scale = LiquidationScale.of(market);
        BigInteger numerator = quote.multiply(scale.denominator());
        BigInteger denominator = BigInteger.valueOf(positionSize).multiply(scale.numerator()).multiply(d);
        BigInteger price = positionSize > 0
                ? ExactQuotient.ceilDiv(numerator, denominator)
                : ExactQuotient.floorDiv(numerator, denominator);
        return ExactQuotient.clamp(price, 1, Long.MAX_VALUE);
    }

    /**
     * The insurance fund's delta for one liquidation fill, positive when paid into the fund (§2.3,
     * §2.4): {@code d = quoteReceived − bankruptcyQuote}; if {@code d <= 0} the fund pays {@code −d}
     * (the result is {@code d}); otherwise the fund takes the fee
     * {@code min(ceil(|quoteReceived| × maxFeePpm / 1e6), d)}: never more than the surplus, so the fee
     * cannot create bad debt.
     *
     * <p>Example (§2.3): received 5,610 against a bankruptcy quote of 5,100 at 1.5 %: surplus 510, fee
     * min(84.15, 510) = <b>84.15</b>. Received 4,800 against 4,900: −100, the fund pays 100.
     *
     * @param maxFeePpm the maximum liquidation fee, ppm of the quote, in [0, 1,000,000]
     * @throws io.fulcrum.api.FixedPointOverflowException if the difference does not fit in a {@code long}
     */
    public static long insuranceFundDelta(long quoteReceived, long bankruptcyQuote, long maxFeePpm) {
        if (maxFeePpm < 0 || maxFeePpm > Fixed.PPM) {
            throw new IllegalArgumentException("maxFeePpm must be in [0, 1,000,000]: " + maxFeePpm);
        }
        long delta = Fixed.subtract(quoteReceived, bankruptcyQuote);
        if (delta <= 0) {
            return delta;
        }
        long fee = Fixed.ppm(magnitude(quoteReceived), maxFeePpm, RoundingMode.CEILING);
        return Math.min(fee, delta);
    }

    /**
     * The notional one block may liquidate of a position (§2.3 block limits):
     * {@code min(max(ceil(maxPortion × |N|), min(minNotional, |N|)), remainingBudget)}: a tenth of the
     * position on mainnet, but at least 1,000 USDC (or the whole position if smaller), and never more
     * than what is left of the account's budget for this block (mainnet 100,000 USDC).
     *
     * <p>Example (USDC, mainnet limits, full budget 100,000): |N| 50,000 → 5,000; 6,000 → 1,000;
     * 400 → 400 (whole); 2,000,000 → 100,000; with only 30,000 of budget left → 30,000.
     *
     * @param positionNotional the position's notional, signed or not (its magnitude is used)
     * @param minNotional the minimum notional liquidated, non-negative
     * @param maxPortionPpm the maximum portion of the position per block, in [0, 1,000,000]
     * @param remainingBudget the account's notional budget left this block, non-negative
     */
    public static long sizePerBlock(long positionNotional, long minNotional, long maxPortionPpm,
            long remainingBudget) {
        requireNonNegative(minNotional, "minNotional");
        requireNonNegative(remainingBudget, "remainingBudget");
        if (maxPortionPpm < 0 || maxPortionPpm > Fixed.PPM) {
            throw new IllegalArgumentException("maxPortionPpm must be in [0, 1,000,000]: " + maxPortionPpm);
        }
        long notional = magnitude(positionNotional);
        long portion = Fixed.ppm(notional, maxPortionPpm, RoundingMode.CEILING);
        return Math.min(Math.max(portion, Math.min(minNotional, notional)), remainingBudget);
    }

    /**
     * The size, in size units, that closes at most {@code notionalLimit} of a position (as from
     * {@link #sizePerBlock}): the whole position if its notional is within the limit or it is one lot
     * or less; otherwise {@code |size| × limit / |N|} rounded <i>down</i> to the lot, so the block limit
     * is never exceeded, but at least one lot. A limit of 0 closes nothing (dYdX would still send one
     * lot; here an exhausted budget is respected).
     *
     * <p>Example: 5 BTC (50,000 size units of 0.0001 BTC) worth 250,000, limit 25,000: 5,000 (0.5 BTC);
     * with lots of 100 and limit 24,990: 4,998 → 4,900.
     *
     * @param positionSize the signed position, size units
     * @param positionNotional its notional, signed or not (its magnitude is used), positive
     * @param notionalLimit the most notional to close, non-negative
     * @param lotSize the market's lot, positive
     * @return the unsigned size to close
     */
    public static long blockSize(long positionSize, long positionNotional, long notionalLimit, long lotSize) {
        if (lotSize <= 0) {
            throw new IllegalArgumentException("lotSize must be positive: " + lotSize);
        }
        requireNonNegative(notionalLimit, "notionalLimit");
        long size = magnitude(positionSize);
        long notional = magnitude(positionNotional);
        if (size == 0 || notionalLimit == 0) {
            return 0;
        }
        if (notional == 0) {
            throw new IllegalArgumentException("a position of size " + positionSize + " must have a notional");
        }
        if (notional <= notionalLimit || size <= lotSize) {
            return size;
        }
        // limit < notional here, so the exact share of the size is below the size and fits.
        long share = Fixed.mulDiv(size, notionalLimit, notional, RoundingMode.FLOOR);
        long onLot = share / lotSize * lotSize;
        return Math.min(Math.max(onLot, lotSize), size);
    }

    /** |value|; {@link Long#MIN_VALUE} has none and is an overflow. */
    private static long magnitude(long value) {
        return value < 0 ? Fixed.negate(value) : value;
    }

    private static void requireTotalMaintenance(long totalMaintenance) {
        if (totalMaintenance <= 0) {
            throw new IllegalArgumentException("the account's total maintenance requirement must be positive: "
                    + totalMaintenance);
        }
    }

    private static void requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
