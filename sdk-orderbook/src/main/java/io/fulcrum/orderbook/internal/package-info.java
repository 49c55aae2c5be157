/**
 * The order book's data structures: resting orders as intrusive queue nodes, price levels as
 * FIFO queues with running totals, and each side's levels kept sorted best last. Not exported
 * from the module; {@link io.fulcrum.orderbook.OrderBook} is the only way in.
 */
package io.fulcrum.orderbook.internal;
