package io.fulcrum.api.spi;

/**
 * How a pool market charges the traders who trade against it (GMX's position fees, Avantis'
 * skew-dependent fees, zero-fee perpetuals, loss rebates; MECHANISMS.md §3.4, §4). The venue
 * asks it once per pool fill instead of its {@link FeeSchedule}; the fee is the pool's income,
 * paid to the pool account, and a negative fee is a rebate the pool pays the trader.
 *
 * <p>Before accepting an order that adds risk, the venue also asks what a fill of the whole
 * order at its limit would cost now, to hold that fee back in the margin check; so a rule must
 * be a pure function of the {@link PoolFill} and keep no state of its own.
 *
 * <p>A rule that must remember something about a position for its life (Avantis fixes a loss
 * rebate's tier when the trade opens) returns it from {@link #memoOnOpen}: the venue keeps it on
 * the position, snapshots it, and hands it back in {@link PoolFill#positionMemo()} at every later
 * fill of that position, until the position closes.
 *
 * <p>Example: a flat 6 bps both ways is {@code fill -> Fixed.ppm(fill.notional(), 600, CEILING)};
 * on a 3,000 notional it charges 1.80.
 */
@FunctionalInterface
public interface PoolFeeRule {
    /** The fee on {@code fill} in settlement units: positive the trader pays, negative the pool pays. */
    long fee(PoolFill fill);

    /**
     * What to keep on the position after {@code fill} opens or adds to it; by default what was
     * kept already. Not called for a fill that only reduces.
     */
    default long memoOnOpen(PoolFill fill) {
        return fill.positionMemo();
    }
}
