package io.fulcrum.bench;

import io.fulcrum.amm.OraclePool;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.MatchSink;

/**
 * One pool trade per {@link #trade()}, as a venue makes it: tell the pool the index and the
 * traders' open interest ({@code onPoolState}), then place a taker order that the pool fills whole
 * ({@code MatchingEngine.place}). A trader opens 1 ETH long, then closes it, in turn, against
 * traders long 500 ETH and short 300 ETH, so the open interest returns after every pair and the
 * imbalance stays between 200 and 201 ETH; the index steps through 2,000.00 … 2,000.15 so the
 * pool prices a fresh state each time.
 *
 * <p>Example, no impact and a 5 ppm spread: the first buy fills at ceil(2,000.00 × 1.000005) =
 * 2,000.01; the sale after it, at index 2,000.01, at floor(2,000.01 × 0.999995) = floor(1,999.99999995) = 1,999.99.
 */
final class PoolTradeLoop implements MatchSink {
    private final OraclePool pool;
    private long tradersLong = 500_000;
    private final long tradersShort = 300_000;
    private long orders;
    private long lastPrice;

    /** A pool on {@link PoolTradeMarket#ETH} with pricing {@code impact} ("none" or "gmx"). */
    PoolTradeLoop(String impact) {
        pool = OraclePool.of(PoolTradeMarket.ETH, PoolTradeMarket.impact(impact), PoolTradeMarket.spreadPpm(impact));
    }

    /** Makes the next trade and returns its price. */
    long trade() {
        boolean buy = (orders & 1) == 0;
        pool.onPoolState(PoolTradeMarket.INDEX + (orders & 15), tradersLong, tradersShort);
        orders++;
        // Limits far from the index: the benchmark measures fills, not rejections.
        long left = pool.place(orders, 1, buy ? Side.BUY : Side.SELL, buy ? 2 * PoolTradeMarket.INDEX : 1,
                PoolTradeMarket.SIZE, TimeInForce.IOC, this);
        if (left != 0) {
            throw new IllegalStateException("the pool did not fill order " + orders);
        }
        tradersLong += buy ? PoolTradeMarket.SIZE : -PoolTradeMarket.SIZE;
        return lastPrice;
    }

    /** The traders' long open interest now, size units. */
    long tradersLong() {
        return tradersLong;
    }

    @Override
    public void onPoolFill(long takerOrderId, long price, long quantity) {
        lastPrice = price;
    }

    @Override
    public boolean onMatch(long makerOrderId, long makerOwner, long takerOrderId, long price, long quantity) {
        throw new IllegalStateException("a pool has no makers");
    }

    @Override
    public void onRested(long orderId, Side side, long price, long openSize) {
        throw new IllegalStateException("a pool rests nothing");
    }
}
