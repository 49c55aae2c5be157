package io.fulcrum.amm;

/**
 * Where an LP's gain or loss per share came from between two {@link Checkpoint}s of a {@link LiquidityPool}: the
 * change of the reference share price split into fees, funding, traders' PnL, the price-impact pool, price moves
 * of the pool's tokens, and rounding. The parts add up to {@link #total()} exactly.
 *
 * <p>All amounts are in share-price units: settlement units per share unit × {@link LiquidityPool#SHARE_PRICE_SCALE}
 * (10^12), so 0.95 USD per share is 950,000,000,000. Example: a pool of 1,000,000 USDC units and as many shares
 * keeps a fee of 10,000 units: {@code fees} = 10,000 × 10^12 / 1,000,000 = 10^10 (one cent per dollar share), and
 * nothing else moved, so {@code total} = 10^10 and {@code rounding} = 0.
 *
 * <p>How each event is attributed (the pool does it as events happen, MECHANISMS.md §3.4 for the value): every
 * event changes the reference pool value {@code V} (priced with the larger PnL cap, rounded down) by {@code ΔV},
 * and its bucket grows by {@code floor(ΔV × 10^12 / supply)}. A new {@link LpMarks} is split in a fixed order:
 * new prices first (price moves), then new trader PnL (trader PnL), then new pending fees (fees). Realised flows go
 * to their cause: a kept fee to fees, funding to funding, a settled trader loss or profit to trader PnL (a
 * settlement moves value from "unrealised" to "tokens", so after the caller re-marks, the net is the PnL change),
 * a release of the impact pool to impact. {@code rounding} is the exact remainder: value left in the pool by
 * deposits and withdrawals rounded in its favour, plus the per-event floors; it is small and, for deposits and
 * withdrawals alone, never negative.
 *
 * @param fees change from fees kept (paid or pending)
 * @param funding change from funding received or paid
 * @param traderPnl change from traders' PnL (unrealised and settled)
 * @param impact change from releases of the price-impact pool to LPs
 * @param priceMoves change from the oracle prices of the pool's tokens
 * @param rounding the exact remainder (see above)
 * @param total change of the reference share price; the sum of the other six
 */
public record LpPnlReport(long fees, long funding, long traderPnl, long impact, long priceMoves, long rounding,
        long total) {
    public LpPnlReport {
        long sum = Math.addExact(Math.addExact(Math.addExact(fees, funding), Math.addExact(traderPnl, impact)),
                Math.addExact(priceMoves, rounding));
        if (sum != total) {
            throw new IllegalArgumentException("the parts " + sum + " do not add up to the total " + total);
        }
    }

    /** The attribution from {@code from} to {@code to} (two checkpoints of the same pool). */
    public static LpPnlReport between(Checkpoint from, Checkpoint to) {
        Accumulators a = from.accumulated();
        Accumulators b = to.accumulated();
        long fees = Math.subtractExact(b.fees(), a.fees());
        long funding = Math.subtractExact(b.funding(), a.funding());
        long traderPnl = Math.subtractExact(b.traderPnl(), a.traderPnl());
        long impact = Math.subtractExact(b.impact(), a.impact());
        long priceMoves = Math.subtractExact(b.priceMoves(), a.priceMoves());
        long total = Math.subtractExact(to.sharePrice(), from.sharePrice());
        long explained = Math.addExact(Math.addExact(fees, funding), Math.addExact(Math.addExact(traderPnl, impact),
                priceMoves));
        return new LpPnlReport(fees, funding, traderPnl, impact, priceMoves, Math.subtractExact(total, explained), total);
    }

    /**
     * Per-share attribution accumulated by a pool since it opened, in share-price units.
     *
     * @param fees from fees
     * @param funding from funding
     * @param traderPnl from traders' PnL
     * @param impact from impact-pool releases
     * @param priceMoves from token prices
     */
    public record Accumulators(long fees, long funding, long traderPnl, long impact, long priceMoves) {
        /** Nothing accumulated. */
        public static final Accumulators ZERO = new Accumulators(0, 0, 0, 0, 0);
    }

    /**
     * The reference share price and the accumulators at one moment ({@link LiquidityPool#checkpoint()}).
     *
     * @param sharePrice reference share price, share-price units
     * @param accumulated the accumulators at that moment
     */
    public record Checkpoint(long sharePrice, Accumulators accumulated) {
        public Checkpoint {
            java.util.Objects.requireNonNull(accumulated, "accumulated");
        }
    }
}
