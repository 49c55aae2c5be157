package io.fulcrum.api.spi;

import io.fulcrum.api.CancelReason;
import io.fulcrum.api.Side;

/**
 * Receives what a {@link MatchingEngine} does while it handles one call, in order. The venue
 * kernel implements it to settle fills and emit events; a test can implement it to record.
 *
 * <p>Example: a buy IOC for 5 lots at 101 against asks of 2 at 100 and 10 at 101 reports
 * {@code onMatch(ask1, ..., 100, 2)}, then {@code onMatch(ask2, ..., 101, 3)}.
 */
public interface MatchSink {
    /** {@link #onCross}: execute the cross. */
    int CROSS = 0;
    /** {@link #onCross}: remove the buy order unfilled and go on. */
    int REMOVE_BUY = 1;
    /** {@link #onCross}: remove the sell order unfilled and go on. */
    int REMOVE_SELL = 2;
    /** {@link #onCross}: remove both unfilled and go on. */
    int REMOVE_BOTH = 3;

    /**
     * A taker order met resting maker order {@code makerOrderId}. Return {@code true} to execute
     * the fill of {@code quantity} at {@code price} (the maker's price); return {@code false} to
     * have the engine remove the maker order unfilled instead (it failed the venue's post-trade
     * check) and continue matching against the next order.
     */
    boolean onMatch(long makerOrderId, long makerOwner, long takerOrderId, long price, long quantity);

    /**
     * A pool engine filled {@code quantity} of the taker order {@code takerOrderId} at
     * {@code price} against the market's pool ({@link MatchingEngine#isPool}). Sinks that serve
     * only books may leave this unsupported.
     */
    default void onPoolFill(long takerOrderId, long price, long quantity) {
        throw new UnsupportedOperationException("this sink settles book fills only");
    }

    /**
     * Order {@code orderId} now rests in the book with {@code openSize} open at {@code price}.
     * For an iceberg order {@code openSize} counts the hidden reserve too; its visible slice
     * follows in {@link #onReplenished}.
     */
    void onRested(long orderId, Side side, long price, long openSize);

    /**
     * The engine took {@code reducedBy} off order {@code orderId} without a trade, leaving
     * {@code openSize} (0: the order is gone), for {@code reason}: self-trade prevention
     * ({@link CancelReason#SELF_TRADE_PREVENTION}), applied to a resting order or to the
     * incoming one. A remainder that an IOC, FOK or budget order leaves is not reported here but
     * returned by the placing call.
     */
    default void onReduced(long orderId, long reducedBy, long openSize, CancelReason reason) {}

    /**
     * In an auction ({@link MatchingEngine#onTime}) a resting buy and a resting sell cross for
     * {@code quantity} at the uniform clearing {@code price}; neither is a taker. Return
     * {@link #CROSS} to execute it, or say which order fails the venue's post-trade check and
     * must be removed unfilled instead ({@link #REMOVE_BUY}, {@link #REMOVE_SELL},
     * {@link #REMOVE_BOTH}); the engine then pairs the next orders.
     */
    default int onCross(long buyOrderId, long sellOrderId, long price, long quantity) {
        return CROSS;
    }

    /**
     * An iceberg order's visible slice is now {@code visibleSize}: when it rests, and each time a
     * filled slice is refilled from the hidden reserve (which puts it at the back of its level).
     */
    default void onReplenished(long orderId, long price, long visibleSize) {}
}
