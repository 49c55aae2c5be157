package io.fulcrum.orderbook;

import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.MatchSink;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.api.spi.RestingOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The reference book the real one is compared with: one plain list of orders, and priority
 * computed from its definition by sorting that list for every decision. Slow and obviously
 * correct; it shares no code with {@link OrderBook}.
 */
final class NaiveOrderBook implements MatchingEngine {
    /** A resting order; {@code arrival} counts up, so a smaller one arrived earlier. */
    private static final class Order {
        final long id;
        final long owner;
        final Side side;
        final long price;
        final long arrival;
        long open;

        Order(long id, long owner, Side side, long price, long open, long arrival) {
            this.id = id;
            this.owner = owner;
            this.side = side;
            this.price = price;
            this.open = open;
            this.arrival = arrival;
        }
    }

    /** Price-time priority, literally: bids before asks, better price first, then earlier arrival. */
    private static final Comparator<Order> PRIORITY = Comparator.comparing((Order o) -> o.side)
            .thenComparingLong(o -> o.side == Side.BUY ? -o.price : o.price)
            .thenComparingLong(o -> o.arrival);

    private final MarketSpec spec;
    private final List<Order> orders = new ArrayList<>();
    private long arrivals;

    NaiveOrderBook(MarketSpec spec) {
        this.spec = spec;
    }

    @Override
    public MarketSpec spec() {
        return spec;
    }

    @Override
    public long place(long orderId, long owner, Side side, long price, long size, TimeInForce timeInForce,
            MatchSink sink) {
        requirePositive(price);
        requirePositive(size);
        if (find(orderId) != null) {
            throw new IllegalArgumentException("order " + orderId + " already rests");
        }
        long remaining = match(orderId, side, price, size, sink);
        if (remaining > 0 && timeInForce == TimeInForce.GTC) {
            add(orderId, owner, side, price, remaining);
            sink.onRested(orderId, side, price, remaining);
            return 0;
        }
        return remaining;
    }

    @Override
    public long cancel(long orderId) {
        Order order = find(orderId);
        if (order == null) {
            return -1;
        }
        orders.remove(order);
        return order.open;
    }

    @Override
    public boolean amend(long orderId, long newPrice, long newOpenSize, MatchSink sink) {
        Order order = find(orderId);
        if (order == null) {
            throw new IllegalArgumentException("order " + orderId + " does not rest");
        }
        requirePositive(newPrice);
        requirePositive(newOpenSize);
        if (newPrice == order.price && newOpenSize <= order.open) {
            order.open = newOpenSize;
            return true;
        }
        orders.remove(order);
        long remaining = match(orderId, order.side, newPrice, newOpenSize, sink);
        if (remaining > 0) {
            add(orderId, order.owner, order.side, newPrice, remaining);
            sink.onRested(orderId, order.side, newPrice, remaining);
        }
        return false;
    }

    @Override
    public long openSize(long orderId) {
        Order order = find(orderId);
        return order == null ? -1 : order.open;
    }

    @Override
    public long bestBid() {
        Order best = best(Side.BUY);
        return best == null ? NO_PRICE : best.price;
    }

    @Override
    public long bestAsk() {
        Order best = best(Side.SELL);
        return best == null ? NO_PRICE : best.price;
    }

    @Override
    public int depth(Side side, long[] prices, long[] sizes) {
        Map<Long, Long> levels = new LinkedHashMap<>();
        for (Order order : inPriority()) {
            if (order.side == side) {
                levels.merge(order.price, order.open, Long::sum);
            }
        }
        int count = 0;
        for (Map.Entry<Long, Long> level : levels.entrySet()) {
            if (count == prices.length || count == sizes.length) {
                break;
            }
            prices[count] = level.getKey();
            sizes[count] = level.getValue();
            count++;
        }
        return count;
    }

    @Override
    public int restingOrderCount() {
        return orders.size();
    }

    @Override
    public void forEachRestingOrder(Consumer<RestingOrder> consumer) {
        for (Order order : inPriority()) {
            consumer.accept(new RestingOrder(order.id, order.owner, order.side, order.price, order.open));
        }
    }

    @Override
    public void restore(RestingOrder order) {
        requirePositive(order.price());
        requirePositive(order.openSize());
        if (find(order.orderId()) != null) {
            throw new IllegalArgumentException("order " + order.orderId() + " already rests");
        }
        Order best = best(order.side().opposite());
        if (best != null && (order.side() == Side.BUY ? best.price <= order.price() : best.price >= order.price())) {
            throw new IllegalArgumentException("restoring " + order + " would cross the book");
        }
        add(order.orderId(), order.owner(), order.side(), order.price(), order.openSize());
    }

    /** Not crossed, every order open, ids unique. */
    void checkInvariants() {
        if (bestBid() != NO_PRICE && bestAsk() != NO_PRICE && bestBid() >= bestAsk()) {
            throw new IllegalStateException("crossed: " + bestBid() + " >= " + bestAsk());
        }
        Set<Long> ids = new HashSet<>();
        for (Order order : orders) {
            if (order.open <= 0) {
                throw new IllegalStateException("order " + order.id + " rests with " + order.open);
            }
            if (!ids.add(order.id)) {
                throw new IllegalStateException("order " + order.id + " rests twice");
            }
        }
    }

    private long match(long takerId, Side takerSide, long limit, long size, MatchSink sink) {
        long remaining = size;
        while (remaining > 0) {
            Order maker = best(takerSide.opposite());
            if (maker == null || (takerSide == Side.BUY ? maker.price > limit : maker.price < limit)) {
                break;
            }
            long quantity = Math.min(remaining, maker.open);
            if (!sink.onMatch(maker.id, maker.owner, takerId, maker.price, quantity)) {
                orders.remove(maker);
                continue;
            }
            remaining -= quantity;
            maker.open -= quantity;
            if (maker.open == 0) {
                orders.remove(maker);
            }
        }
        return remaining;
    }

    private void add(long id, long owner, Side side, long price, long open) {
        orders.add(new Order(id, owner, side, price, open, arrivals++));
    }

    private Order best(Side side) {
        // The first of the side in priority order, found without sorting everything each time.
        return orders.stream().filter(o -> o.side == side).min(PRIORITY).orElse(null);
    }

    private List<Order> inPriority() {
        List<Order> sorted = new ArrayList<>(orders);
        sorted.sort(PRIORITY);
        return sorted;
    }

    private Order find(long id) {
        return orders.stream().filter(o -> o.id == id).findFirst().orElse(null);
    }

    private static void requirePositive(long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("must be positive: " + value);
        }
    }
}
