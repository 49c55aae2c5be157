package io.fulcrum.orderbook;

/**
 * What an {@link OrderBook} does when an incoming order (the taker) would trade with a resting
 * order (the maker) of the same owner: a self-trade, which moves nothing but volume and which
 * many venues forbid. One mode per book, set with {@link OrderBook.Builder#selfTradePrevention};
 * the default is {@link #NONE}. Owners are the {@code owner} keys given when orders are placed.
 * Every size it takes away is reported with {@link io.fulcrum.api.spi.MatchSink#onReduced} and
 * {@link io.fulcrum.api.CancelReason#SELF_TRADE_PREVENTION}, the maker's before the taker's.
 *
 * <p>The worked examples below share one book, price-time priority, sizes in lots: asks of
 * order 1 (owner 7) for 4 at 100 and then order 2 (owner 9) for 5 at 100; order 3 of owner 7
 * buys 6 at 100, good till cancelled. It meets its own order 1 first.
 *
 * <p>Under pro-rata matching a taker meets every maker of a level at once, so the mode is applied
 * to its own makers of a level, in time order, before the level's shares are worked out.
 */
public enum SelfTradePrevention {
    /**
     * Self-trades happen like any other trade; the venue settles them. Example: order 3 fills 4
     * from order 1 and 2 from order 2, and order 2 keeps 3.
     */
    NONE,
    /**
     * The taker's remaining size is cancelled and matching stops; nothing of it rests, and the
     * maker stays. Example: {@code onReduced(3, 6, 0)}; nothing trades, orders 1 and 2 keep their
     * 4 and 5, and {@code place} returns 0 (the 6 were reported, not returned).
     */
    CANCEL_TAKER,
    /**
     * The maker is cancelled whole (hidden reserve included) and matching goes on. Example:
     * {@code onReduced(1, 4, 0)}, then order 3 fills 5 from order 2 and rests 1 at 100.
     */
    CANCEL_MAKER,
    /**
     * Both the maker and the taker's remaining size are cancelled and matching stops. Example:
     * {@code onReduced(1, 4, 0)}, then {@code onReduced(3, 6, 0)}; order 2 keeps its 5.
     */
    CANCEL_BOTH,
    /**
     * Decrement and cancel: both lose {@code q = min(taker's remaining, maker's visible size)}
     * without a trade; the one left with nothing is gone (an iceberg maker refills from its
     * reserve), and the taker goes on matching with what it has left. Example: q = min(6, 4) = 4,
     * {@code onReduced(1, 4, 0)} and {@code onReduced(3, 4, 2)}; order 3 then fills 2 from order
     * 2, which keeps 3. Both owners' positions end as if the 4 had traded with each other.
     */
    DECREMENT_AND_CANCEL
}
