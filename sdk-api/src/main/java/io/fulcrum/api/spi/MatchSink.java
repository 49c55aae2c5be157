package io.fulcrum.api.spi;

import io.fulcrum.api.Side;

/**
 * Receives what a {@link MatchingEngine} does while it handles one call, in order. The venue
 * kernel implements it to settle fills and emit events; a test can implement it to record.
 *
 * <p>Example: a buy IOC for 5 lots at 101 against asks of 2 at 100 and 10 at 101 reports
 * {@code onMatch(ask1, ..., 100, 2)}, then {@code onMatch(ask2, ..., 101, 3)}.
 */
public interface MatchSink {
    /**
     * A taker order met resting maker order {@code makerOrderId}. Return {@code true} to execute
     * the fill of {@code quantity} at {@code price} (the maker's price); return {@code false} to
     * have the engine remove the maker order unfilled instead (it failed the venue's post-trade
     * check) and continue matching against the next order.
     */
    boolean onMatch(long makerOrderId, long makerOwner, long takerOrderId, long price, long quantity);

    /** Order {@code orderId} now rests in the book with {@code openSize} open at {@code price}. */
    void onRested(long orderId, Side side, long price, long openSize);
}
