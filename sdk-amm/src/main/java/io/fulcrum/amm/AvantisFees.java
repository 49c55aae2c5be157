package io.fulcrum.amm;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.spi.PoolFeeRule;
import io.fulcrum.api.spi.PoolFill;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Avantis' trading fees as a {@link PoolFeeRule} (MECHANISMS.md §4): fixed-fee perpetuals priced
 * by a {@link SkewFeeTable}, or zero-fee perpetuals priced by a {@link ZeroFeePerp}, either with an
 * optional {@link LossRebate}.
 *
 * <p>Each fill is cut into the part that reduces the trader's position and the part that opens or
 * adds (a flip is a close of the whole old position, then an open of the rest, which sees the open
 * interest the close left). Open interest is converted to settlement units at the fill's price.
 * For the closing part, with {@code s} the position's direction and {@code q} the closing quantity:
 * <pre>
 * entry      = |positionCost| × q / |positionSize|          (pro-rata entry notional)
 * gross      = s × (q × price − entry)                       (rounded down, a loss never understated)
 * collateral = floor(positionCollateral × q / |positionSize|)
 * </pre>
 *
 * <ul>
 *   <li><b>{@link #fixed}</b>: the opening part pays {@link SkewFeeTable#openFee} at the skew after
 *       it (no trader discount); the closing part pays {@link SkewFeeTable#closeFee} on the adjusted
 *       size {@code entry + gross}. The accumulated margin (borrowing, rollover) fee is taken as 0:
 *       it accrues over time and is not charged by this rule.
 *   <li><b>{@link #zeroFee}</b>: nothing on the opening part; the closing part pays
 *       {@link ZeroFeePerp#fee}{@code (gross, collateral)} when in profit (collateral at least one
 *       unit, so a dust close still has a finite ROI), nothing otherwise.
 *   <li><b>{@link #withLossRebate}</b>: {@link #memoOnOpen} locks {@link LossRebate#lockedRebatePpm}
 *       into the position; a closing part at a loss has its fee reduced by
 *       {@link LossRebate#rebate}{@code (gross, collateral, locked)}, so the fee may be negative (the
 *       pool pays).
 * </ul>
 *
 * <p>Example (crypto, 6 bps both ways): $100 at 30x opens $3,000 for <b>$1.80</b>; closing it with
 * +$150 pays (3,000 + 150) × 6 bps = <b>$1.89</b>.
 *
 * <p>Fees round up and rebates down, in the pool's favour. Immutable and thread-safe.
 */
public final class AvantisFees implements PoolFeeRule {
    private final SkewFeeTable table;
    private final ZeroFeePerp zeroFee;
    private final LossRebate lossRebate;

    private AvantisFees(SkewFeeTable table, ZeroFeePerp zeroFee, LossRebate lossRebate) {
        this.table = table;
        this.zeroFee = zeroFee;
        this.lossRebate = lossRebate;
    }

    /**
     * Fixed-fee perpetuals: opening and closing fees from {@code table}, no loss rebate. Example:
     * {@code fixed(SkewFeeTable.forexExample())} charges a $3,000 long that leaves the book 80 %
     * long 4 bps = $1.20.
     */
    public static AvantisFees fixed(SkewFeeTable table) {
        return new AvantisFees(Objects.requireNonNull(table, "table"), null, null);
    }

    /**
     * Zero-fee perpetuals: no opening or closing fee, a share of the profit on close, no loss rebate.
     * Example: with {@link ZeroFeePerp#exampleTiers()}, closing a $100, 100x long from 2,000 at 2,020
     * (gross $100, ROI 100 %) pays 10 % = $10.
     */
    public static AvantisFees zeroFee(ZeroFeePerp zfp) {
        return new AvantisFees(null, Objects.requireNonNull(zfp, "zfp"), null);
    }

    /**
     * The same fees with {@code rebate} paid back on losses of positions opened on the less crowded
     * side; this instance is unchanged. Example: at 10 %, a $100, 50x long closed from 2,000 at 1,990
     * (gross −$25) gets $2.50 back.
     */
    public AvantisFees withLossRebate(LossRebate rebate) {
        return new AvantisFees(table, zeroFee, Objects.requireNonNull(rebate, "rebate"));
    }

    /**
     * The fee on {@code fill}: the opening part's fee plus the closing part's fee, less the closing
     * part's loss rebate. Example (forex table, 3 bps close): a trader long 1 ETH (cost 2,000) alone
     * in the book sells 2.5 ETH at 2,000: the close pays 3 bps of 2,000 = 0.60, the 1.5 ETH short
     * opens into an empty book (opposite share 0 %) at 5 bps of 3,000 = 1.50; 2.10 in all.
     *
     * @throws IllegalArgumentException if the fill is inconsistent (a negative amount or collateral,
     *     a close larger than its side's open interest) or its memo is not a rebate rate
     */
    @Override
    public long fee(PoolFill fill) {
        PoolFillSplit split = PoolFillSplit.of(fill);
        long fee = 0;
        if (split.openingQuantity() > 0 && table != null) {
            fee = table.openFee(fill.side(), split.longAfterClose(), split.shortAfterClose(), split.openingNotional(), 0);
        }
        if (split.closingQuantity() > 0) {
            fee = Fixed.add(fee, closingFee(fill, split));
        }
        return fee;
    }

    /**
     * The rebate rate to keep on the position: 0 without a loss rebate; for a new position (or the
     * new side of a flip) {@link LossRebate#lockedRebatePpm} of the opening part, judged on the open
     * interest before it in settlement units; for an addition, the average of the kept rate and the
     * addition's rate weighted by size, rounded down (Avantis locks a rate per trade; a position that
     * merges trades keeps their size-weighted rate). Example: rate 10 %, a $5,000 long into long
     * 400,000 / short 600,000 locks 100,000 ppm; adding as much on the crowded side leaves 50,000.
     */
    @Override
    public long memoOnOpen(PoolFill fill) {
        if (lossRebate == null) {
            return 0;
        }
        PoolFillSplit split = PoolFillSplit.of(fill);
        if (split.openingQuantity() == 0) {
            return fill.positionMemo(); // only reduces: the position keeps what it had
        }
        long locked = lossRebate.lockedRebatePpm(fill.side(), split.longAfterClose(), split.shortAfterClose(),
                split.openingNotional());
        if (fill.positionSize() == 0 || split.closingQuantity() > 0) {
            return locked; // a new position, or the new side of a flip
        }
        long held = magnitude(fill.positionSize());
        long kept = fill.positionMemo();
        return Fixed.add(kept, Fixed.mulDiv(locked - kept, split.openingQuantity(),
                Fixed.add(held, split.openingQuantity()), RoundingMode.FLOOR));
    }

    @Override
    public String toString() {
        return "AvantisFees[" + (table != null ? table : zeroFee) + (lossRebate != null ? ", " + lossRebate : "") + "]";
    }

    private long closingFee(PoolFill fill, PoolFillSplit split) {
        if (fill.positionCollateral() < 0) {
            throw new IllegalArgumentException("positionCollateral must not be negative: " + fill.positionCollateral());
        }
        long closing = split.closingQuantity();
        long size = magnitude(fill.positionSize()); // positive: a close implies a position
        long cost = magnitude(fill.positionCost());
        boolean isLong = split.closesLong();
        // Rounding the entry up for a long and down for a short floors the gross PnL.
        long entry = Fixed.mulDiv(cost, closing, size, isLong ? RoundingMode.CEILING : RoundingMode.FLOOR);
        long exit = split.closingNotional();
        long gross = isLong ? Fixed.subtract(exit, entry) : Fixed.subtract(entry, exit);
        long collateral = Fixed.mulDiv(fill.positionCollateral(), closing, size, RoundingMode.FLOOR);
        long fee;
        if (table != null) {
            fee = table.closeFee(entry, gross, 0); // margin fee 0: borrowing and rollover are not charged here
        } else {
            // At least one unit of collateral: a dust close whose share rounds to 0 still has a finite ROI.
            fee = zeroFee.fee(gross, Math.max(1, collateral));
        }
        if (lossRebate != null && gross < 0 && collateral > 0) {
            fee = Fixed.subtract(fee, LossRebate.rebate(gross, collateral, fill.positionMemo()));
        }
        return fee;
    }

    private static long magnitude(long value) {
        return value < 0 ? Fixed.negate(value) : value;
    }
}
