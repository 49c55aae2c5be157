/**
 * Fulcrum's central limit order book: {@link io.fulcrum.orderbook.OrderBook}, a
 * {@link io.fulcrum.api.spi.MatchingEngine} with price-time, pro-rata or periodic batch-auction matching and
 * self-trade prevention. Only its package is exported; its data structures stay in
 * {@code io.fulcrum.orderbook.internal} so they can change (pooling, primitive arrays) without
 * breaking anyone.
 */
module io.fulcrum.orderbook {
    requires io.fulcrum.api;

    exports io.fulcrum.orderbook;
}
