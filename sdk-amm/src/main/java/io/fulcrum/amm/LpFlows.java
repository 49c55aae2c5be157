package io.fulcrum.amm;

/**
 * Cumulative token flows of one asset into and out of a {@link LiquidityPool}, by cause. They make the pool's
 * conservation law checkable: {@code tokens held = deposited − withdrawn + feesKept + traderLosses − traderProfits
 * + fundingIn − fundingOut + impactIn − impactOut}, exactly ({@link #expectedBalance()}).
 *
 * <p>Example: deposit 1,000, fee 10 of which 6 kept (Avantis 60 %), trader loss 50, trader profit 30 → the pool
 * holds 1,000 + 6 + 50 − 30 = 1,026; {@code feesToTreasury} (4) is recorded for the venue's audit but was never held.
 *
 * @param deposited units deposited by LPs
 * @param withdrawn units paid to LPs on withdrawal
 * @param feesKept the LPs' part of fees, kept by the pool
 * @param feesToTreasury the treasury's part of the same fees, not held by the pool
 * @param traderLosses units received from traders' realised losses
 * @param traderProfits units paid for traders' realised profits
 * @param fundingIn funding received by the pool
 * @param fundingOut funding paid by the pool
 * @param impactIn units added to the price-impact pool (negative impact paid by traders)
 * @param impactOut units paid out of the price-impact pool (positive impact paid to traders)
 */
public record LpFlows(long deposited, long withdrawn, long feesKept, long feesToTreasury, long traderLosses,
        long traderProfits, long fundingIn, long fundingOut, long impactIn, long impactOut) {
    /** No flows. */
    public static final LpFlows NONE = new LpFlows(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public LpFlows {
        long[] all = {deposited, withdrawn, feesKept, feesToTreasury, traderLosses, traderProfits, fundingIn,
                fundingOut, impactIn, impactOut};
        for (long v : all) {
            if (v < 0) {
                throw new IllegalArgumentException("cumulative flows are non-negative: " + v);
            }
        }
    }

    /** The tokens the pool must hold if every unit is accounted for. */
    public long expectedBalance() {
        long in = Math.addExact(Math.addExact(Math.addExact(deposited, feesKept), Math.addExact(traderLosses, fundingIn)),
                impactIn);
        long out = Math.addExact(Math.addExact(withdrawn, traderProfits), Math.addExact(fundingOut, impactOut));
        return Math.subtractExact(in, out);
    }
}
