package io.fulcrum.venue.internal;

import io.fulcrum.api.Command;
import io.fulcrum.api.Event;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.Side;
import java.util.List;

/**
 * Re-tunes a curve pool (a virtual AMM): its engine computes the new curve into a copy of the
 * memory the venue keeps for it, which replaces the old only if the engine accepts the change.
 * Positions are marked at the venue's mark price, not on the curve, so no money moves.
 */
final class PoolCurveHandler {
    private final Ledger ledger;

    PoolCurveHandler(Ledger ledger) {
        this.ledger = ledger;
    }

    void retune(Command.RetunePool c, List<Event> events) {
        MarketRuntime market = ledger.market(c.market());
        if (market.vault == null) {
            throw Rejection.of(RejectReason.NOT_A_POOL_MARKET, c.market().toString());
        }
        if (c.pegPpm() < 0 || c.depthPpm() <= 0) {
            throw Rejection.of(RejectReason.NON_POSITIVE_AMOUNT, "peg must be >= 0 (0 keeps it) and depth > 0 ppm: "
                    + c.pegPpm() + ", " + c.depthPpm());
        }
        long[] curve = market.poolState.clone();
        long cost;
        try {
            cost = market.engine.retune(curve, ledger.tradersOpenInterest(market, Side.BUY),
                    ledger.tradersOpenInterest(market, Side.SELL), c.pegPpm(), c.depthPpm());
        } catch (UnsupportedOperationException | IllegalArgumentException | ArithmeticException e) {
            throw Rejection.of(RejectReason.POOL_CURVE_NOT_ADJUSTABLE, c.market() + ": " + e.getMessage());
        }
        System.arraycopy(curve, 0, market.poolState, 0, curve.length);
        events.add(new Event.PoolRetuned(c.market(), c.pegPpm(), c.depthPpm(), cost));
    }
}
