package io.fulcrum.venue.internal;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.spi.PositionView;
import java.math.RoundingMode;

/**
 * One account's position and resting-order exposure in one market. Mutable, owned by the
 * ledger, never handed out.
 */
final class PositionState {
    final MarketSpec market;
    long size;
    long costBasis;
    long realizedPnl;
    long fees;
    long openBuySize;
    long openBuyNotional;
    long openSellSize;
    long openSellNotional;
    int openOrders;
    /** What a pool market's fee rule keeps on the position for its life (PoolFeeRule.memoOnOpen); 0 when flat. */
    long poolMemo;
    /** The market's cumulative funding index when this position last settled its funding. */
    long fundingIndex;
    /** The market's cumulative loss index when this position last settled. */
    long lossIndex;
    /** The market's long (0) and short (1) borrowing indexes when this position last settled. */
    final long[] borrowIndex = new long[2];

    PositionState(MarketSpec market) {
        this.market = market;
    }

    boolean isEmpty() {
        return size == 0 && openBuySize == 0 && openSellSize == 0 && realizedPnl == 0 && fees == 0 && poolMemo == 0;
    }

    boolean hasRisk() {
        return size != 0 || openBuySize != 0 || openSellSize != 0;
    }

    PositionView view() {
        return new PositionView(market, size, costBasis, openBuySize, openBuyNotional, openSellSize, openSellNotional);
    }

    /**
     * Applies a fill of {@code quantity} on {@code sideSign} (+1 buy, -1 sell) that exchanged
     * {@code notional} settlement units, and returns the PnL it realised.
     *
     * <p>The closing part removes cost basis pro rata (rounded half-even) and realises
     * {@code cash - removed}; the opening part adds its share of the notional to the cost basis.
     * Either way {@code balance - costBasis} moves by exactly the fill's cash, which is what keeps
     * money conserved to the unit.
     */
    long applyFill(int sideSign, long quantity, long notional, long price) {
        long signedQuantity = sideSign * quantity;
        long realized = 0;
        long closing = 0;
        if (size != 0 && Long.signum(size) != sideSign) {
            closing = Math.min(quantity, Math.abs(size));
        }
        long closingNotional = 0;
        if (closing > 0) {
            closingNotional = closing == quantity ? notional : market.notional(closing, price, RoundingMode.HALF_EVEN);
            long removed = closing == Math.abs(size)
                    ? costBasis
                    : Fixed.mulDiv(costBasis, closing, Math.abs(size), RoundingMode.HALF_EVEN);
            long cash = -sideSign * closingNotional;
            realized = cash - removed;
            costBasis -= removed;
        }
        long openingNotional = notional - closingNotional;
        costBasis += sideSign * openingNotional;
        size = Fixed.add(size, signedQuantity);
        realizedPnl += realized;
        return realized;
    }
}
