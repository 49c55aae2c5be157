package io.fulcrum.amm;

import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.MatchSink;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.api.spi.RestingOrder;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What every pool engine shares: it has no book (nothing rests, nothing to cancel, no depth),
 * and it fills an order whole at {@link #executionPrice} or not at all. A subclass prices a
 * trade and, if it keeps a curve, moves it in {@link #filled}.
 */
abstract class PoolEngine implements MatchingEngine {
    private final MarketSpec spec;

    PoolEngine(MarketSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** The price a trade of {@code size} on {@code side} executes at now, on the tick; 0 if none. */
    public abstract long executionPrice(Side side, long size);

    /** Called after a fill of {@code size} on {@code side}; a curve moves here. */
    void filled(Side side, long size) {}

    @Override
    public final MarketSpec spec() {
        return spec;
    }

    @Override
    public final boolean isPool() {
        return true;
    }

    /** Fills {@code size} whole at the pool's price if the limit allows, else nothing; nothing rests. */
    @Override
    public final long place(long orderId, long owner, Side side, long price, long size, TimeInForce timeInForce,
            MatchSink sink) {
        long execution = executionPrice(side, size);
        if (execution <= 0 || (side == Side.BUY ? execution > price : execution < price)) {
            return size;
        }
        sink.onPoolFill(orderId, execution, size);
        filled(side, size);
        return 0;
    }

    /** A pool shows nothing, so an iceberg is an ordinary order to it. */
    @Override
    public final long placeIceberg(long orderId, long owner, Side side, long price, long size, long displaySize,
            MatchSink sink) {
        return place(orderId, owner, side, price, size, TimeInForce.IOC, sink);
    }

    /**
     * Spends the budget on the most whole lots whose notional at their execution price fits it
     * and whose price stays within the protection price (a binary search: notional grows with
     * size); {@code upperLots} bounds the search.
     */
    final long placeWithBudget(long orderId, Side side, long protectionPrice, long quoteBudget, long upperLots,
            MatchSink sink) {
        long lot = spec.lotSize();
        long low = 0;
        long high = Math.max(1, upperLots);
        while (low < high) {
            long mid = low + (high - low + 1) / 2;
            long execution = executionPrice(side, mid * lot);
            boolean fits = execution > 0 && spec.notional(mid * lot, execution, RoundingMode.HALF_EVEN) <= quoteBudget
                    && (side == Side.BUY ? execution <= protectionPrice : execution >= protectionPrice);
            if (fits) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        if (low == 0) {
            return quoteBudget;
        }
        long execution = executionPrice(side, low * lot);
        sink.onPoolFill(orderId, execution, low * lot);
        filled(side, low * lot);
        return quoteBudget - spec.notional(low * lot, execution, RoundingMode.HALF_EVEN);
    }

    @Override
    public final long cancel(long orderId) {
        return 0;
    }

    @Override
    public final boolean amend(long orderId, long newPrice, long newOpenSize, MatchSink sink) {
        throw new IllegalArgumentException("a pool rests no orders: " + orderId);
    }

    @Override
    public final long openSize(long orderId) {
        return 0;
    }

    @Override
    public final long bestBid() {
        return NO_PRICE;
    }

    @Override
    public final long bestAsk() {
        return NO_PRICE;
    }

    @Override
    public final int depth(Side side, long[] prices, long[] sizes) {
        return 0;
    }

    @Override
    public final int restingOrderCount() {
        return 0;
    }

    @Override
    public final void forEachRestingOrder(Consumer<RestingOrder> consumer) {}

    @Override
    public final void restore(RestingOrder order) {
        throw new IllegalArgumentException("a pool rests no orders: " + order);
    }
}
