/**
 * The order book's data structures, all primitive arrays reused through free lists so the book
 * allocates nothing once grown: orders as fixed-size records in an {@link
 * io.fulcrum.orderbook.internal.OrderPool}, found by id through an {@link
 * io.fulcrum.orderbook.internal.OrderIdIndex}; price levels as FIFO queues with running totals
 * in a {@link io.fulcrum.orderbook.internal.LevelPool}; each side's levels kept sorted best last
 * in a {@link io.fulcrum.orderbook.internal.BookSide}; {@link io.fulcrum.orderbook.internal.Book}
 * ties them together, with icebergs' hidden reserves in an {@link
 * io.fulcrum.orderbook.internal.IcebergReserve}; the {@link io.fulcrum.orderbook.internal.Matcher}s
 * (price-time, pro-rata) match incoming orders over it.
 * Not exported from the module; {@link io.fulcrum.orderbook.OrderBook} is the only way in.
 */
package io.fulcrum.orderbook.internal;
