/**
 * A central limit order book: {@link io.fulcrum.orderbook.OrderBook}, configured with a
 * {@link io.fulcrum.orderbook.MatchingPolicy} (price-time by default, pro-rata, or a periodic batch auction) and a
 * {@link io.fulcrum.orderbook.SelfTradePrevention} mode.
 *
 * <p>Price-time priority means an incoming order trades first against the best opposite price
 * (the lowest ask for a buy, the highest bid for a sell) and, at one price, against the order
 * that has waited longest. Example: asks of 2 lots at 100.0 (order 1), 3 lots at 100.0
 * (order 2) and 5 lots at 99.0 (order 3); a buy of 6 lots limited at 100.0 fills 5 from order 3
 * at 99.0, then 1 from order 1 at 100.0, and order 2 keeps waiting behind what is left of
 * order 1.
 */
package io.fulcrum.orderbook;
