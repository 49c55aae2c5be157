package io.fulcrum.orderbook;

import io.fulcrum.api.CancelReason;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.MatchSink;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.api.spi.RestingOrder;
import java.math.RoundingMode;
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
 *
 * <p>Each rule is written the plainest way: an iceberg's refill gives it a new arrival number
 * (so it sorts behind its level); a budget's affordable size is counted up one lot at a time, and
 * once it takes less than it was offered it takes no more;
 * pro-rata shares are the formula over a list of the level's orders; and fill-or-kill is decided
 * by running the order as immediate-or-cancel on a copy of the book, with a sink that accepts
 * every fill, and seeing whether it filled whole.
 */
final class NaiveOrderBook implements MatchingEngine {
    /** A resting order; {@code arrival} counts up, so a smaller one arrived (or was refilled) earlier. */
    private static final class Order {
        final long id;
        final long owner;
        final Side side;
        final long price;
        /** An iceberg's slice size; 0 for an ordinary order. */
        final long display;
        long arrival;
        long visible;
        long hidden;
        /** Batch auction: placed immediate-or-cancel, so it leaves after the next auction. */
        boolean ioc;

        Order(long id, long owner, Side side, long price, long visible, long hidden, long display, long arrival) {
            this.id = id;
            this.owner = owner;
            this.side = side;
            this.price = price;
            this.visible = visible;
            this.hidden = hidden;
            this.display = display;
            this.arrival = arrival;
        }

        long open() {
            return visible + hidden;
        }
    }

    /** The incoming order: a size, or a quote budget. */
    private final class Taker {
        final long id;
        final long owner;
        final Side side;
        final long limit;
        final boolean byBudget;
        long size;
        long budget;
        boolean cancelled;
        /** A budget that could not pay for all it was offered takes no more after that. */
        boolean exhausted;

        Taker(long id, long owner, Side side, long limit, long size, boolean byBudget) {
            this.id = id;
            this.owner = owner;
            this.side = side;
            this.limit = limit;
            this.byBudget = byBudget;
            this.size = byBudget ? 0 : size;
            this.budget = byBudget ? size : 0;
        }

        boolean done() {
            return cancelled || exhausted || (!byBudget && size == 0);
        }

        boolean reaches(long makerPrice) {
            return side == Side.BUY ? makerPrice <= limit : makerPrice >= limit;
        }

        /** What it takes at {@code price} from makers showing {@code cap}. */
        long quantityAt(long price, long cap) {
            if (!byBudget) {
                return Math.min(cap, size);
            }
            return Math.min(cap, affordable(price));
        }

        /** Its size as self-trade prevention reports it: for a budget, what it buys at {@code price} if it goes on. */
        long openAt(long price) {
            if (!byBudget) {
                return size;
            }
            return done() ? 0 : affordable(price);
        }

        /** The largest multiple of the lot whose notional at {@code price} fits the budget. */
        long affordable(long price) {
            long lots = 0;
            while (spec.notional((lots + 1) * spec.lotSize(), price, RoundingMode.HALF_EVEN) <= budget) {
                lots++;
            }
            return lots * spec.lotSize();
        }

        /** Takes {@code quantity} of {@code offered}; a budget that takes less than offered takes no more. */
        void took(long quantity, long price, long offered) {
            if (byBudget) {
                budget -= spec.notional(quantity, price, RoundingMode.HALF_EVEN);
                exhausted |= quantity < offered;
            } else {
                size -= quantity;
            }
        }
    }

    /** Price-time priority, literally: bids before asks, better price first, then earlier arrival. */
    private static final Comparator<Order> PRIORITY = Comparator.comparing((Order o) -> o.side)
            .thenComparingLong(o -> o.side == Side.BUY ? -o.price : o.price)
            .thenComparingLong(o -> o.arrival);

    private final MarketSpec spec;
    private final SelfTradePrevention selfTrade;
    private final boolean proRata;
    /** The batch auction's interval, or 0 if orders match on arrival. */
    private final long batchInterval;
    /** The clock bucket of the last {@link #onTime}, or {@code null} before the first. */
    private Long lastBucket;
    private final List<Order> orders = new ArrayList<>();
    private long arrivals;

    NaiveOrderBook(MarketSpec spec) {
        this(spec, SelfTradePrevention.NONE, MatchingPolicy.priceTime());
    }

    NaiveOrderBook(MarketSpec spec, SelfTradePrevention selfTrade, MatchingPolicy policy) {
        this.spec = spec;
        this.selfTrade = selfTrade;
        this.proRata = policy.equals(MatchingPolicy.proRata());
        this.batchInterval = policy instanceof BatchAuctionPolicy batch ? batch.intervalMillis() : 0;
    }

    @Override
    public MarketSpec spec() {
        return spec;
    }

    @Override
    public long place(long orderId, long owner, Side side, long price, long size, TimeInForce timeInForce,
            MatchSink sink) {
        requireNew(orderId, price, size);
        if (batchInterval > 0) {
            if (timeInForce == TimeInForce.FOK) {
                return size;
            }
            rest(orderId, owner, side, price, size, 0, sink);
            find(orderId).ioc = timeInForce == TimeInForce.IOC;
            return 0;
        }
        if (timeInForce == TimeInForce.FOK && !wouldFillWhole(orderId, owner, side, price, size)) {
            return size;
        }
        Taker taker = new Taker(orderId, owner, side, price, size, false);
        match(taker, sink);
        if (taker.size > 0 && timeInForce == TimeInForce.GTC) {
            rest(orderId, owner, side, price, taker.size, 0, sink);
            return 0;
        }
        return taker.size;
    }

    @Override
    public long placeIceberg(long orderId, long owner, Side side, long price, long size, long displaySize,
            MatchSink sink) {
        requireNew(orderId, price, size);
        requirePositive(displaySize);
        if (batchInterval > 0) {
            rest(orderId, owner, side, price, size, displaySize, sink);
            return 0;
        }
        Taker taker = new Taker(orderId, owner, side, price, size, false);
        match(taker, sink);
        if (taker.size > 0) {
            rest(orderId, owner, side, price, taker.size, displaySize, sink);
        }
        return 0;
    }

    @Override
    public long placeWithBudget(long orderId, long owner, Side side, long protectionPrice, long quoteBudget,
            MatchSink sink) {
        requireNew(orderId, protectionPrice, quoteBudget);
        if (batchInterval > 0) {
            return quoteBudget;
        }
        Taker taker = new Taker(orderId, owner, side, protectionPrice, quoteBudget, true);
        match(taker, sink);
        return taker.budget;
    }

    @Override
    public long cancel(long orderId) {
        Order order = find(orderId);
        if (order == null) {
            return -1;
        }
        orders.remove(order);
        return order.open();
    }

    @Override
    public boolean amend(long orderId, long newPrice, long newOpenSize, MatchSink sink) {
        Order order = find(orderId);
        if (order == null) {
            throw new IllegalArgumentException("order " + orderId + " does not rest");
        }
        requirePositive(newPrice);
        requirePositive(newOpenSize);
        if (newPrice == order.price && newOpenSize <= order.open()) {
            // Hidden size goes first; the slice shrinks only once nothing is hidden.
            order.hidden = Math.max(0, newOpenSize - order.visible);
            order.visible = newOpenSize - order.hidden;
            return true;
        }
        orders.remove(order);
        if (batchInterval > 0) {
            rest(orderId, order.owner, order.side, newPrice, newOpenSize, order.display, sink);
            find(orderId).ioc = order.ioc;
            return false;
        }
        Taker taker = new Taker(orderId, order.owner, order.side, newPrice, newOpenSize, false);
        match(taker, sink);
        if (taker.size > 0) {
            rest(orderId, order.owner, order.side, newPrice, taker.size, order.display, sink);
        }
        return false;
    }

    @Override
    public long openSize(long orderId) {
        Order order = find(orderId);
        return order == null ? -1 : order.open();
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
                levels.merge(order.price, order.visible, Long::sum);
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
            consumer.accept(new RestingOrder(order.id, order.owner, order.side, order.price, order.open(), order.display,
                    order.visible, order.ioc ? TimeInForce.IOC : TimeInForce.GTC));
        }
    }

    @Override
    public void restore(RestingOrder order) {
        requirePositive(order.price());
        requirePositive(order.openSize());
        boolean consistent = order.displaySize() == 0
                ? order.visibleSize() == order.openSize()
                : order.displaySize() > 0 && order.visibleSize() > 0 && order.visibleSize() <= order.displaySize()
                        && order.visibleSize() <= order.openSize();
        if (!consistent) {
            throw new IllegalArgumentException("inconsistent sizes: " + order);
        }
        switch (order.timeInForce()) {
            case GTC -> { }
            case IOC -> {
                if (batchInterval == 0) {
                    throw new IllegalArgumentException("an IOC order rests only in a batch-auction book: " + order);
                }
                if (order.displaySize() != 0) {
                    throw new IllegalArgumentException("an iceberg is never IOC: " + order);
                }
            }
            case FOK -> throw new IllegalArgumentException("a FOK order never rests: " + order);
        }
        if (find(order.orderId()) != null) {
            throw new IllegalArgumentException("order " + order.orderId() + " already rests");
        }
        Order best = best(order.side().opposite());
        if (batchInterval == 0 && best != null && (order.side() == Side.BUY ? best.price <= order.price() : best.price >= order.price())) {
            throw new IllegalArgumentException("restoring " + order + " would cross the book");
        }
        Order restored = new Order(order.orderId(), order.owner(), order.side(), order.price(), order.visibleSize(),
                order.openSize() - order.visibleSize(), order.displaySize(), arrivals++);
        restored.ioc = order.timeInForce() == TimeInForce.IOC;
        orders.add(restored);
    }

    /** Not crossed, every order showing something and no more than its slice, ids unique. */
    void checkInvariants() {
        if (batchInterval == 0 && bestBid() != NO_PRICE && bestAsk() != NO_PRICE && bestBid() >= bestAsk()) {
            throw new IllegalStateException("crossed: " + bestBid() + " >= " + bestAsk());
        }
        Set<Long> ids = new HashSet<>();
        for (Order order : orders) {
            if (order.visible <= 0 || order.hidden < 0 || (order.display > 0 && order.visible > order.display)
                    || (order.display == 0 && order.hidden != 0)) {
                throw new IllegalStateException("order " + order.id + " rests showing " + order.visible + " with "
                        + order.hidden + " hidden, slices of " + order.display);
            }
            if (!ids.add(order.id)) {
                throw new IllegalStateException("order " + order.id + " rests twice");
            }
        }
    }

    /** Batch auction: clears when {@code now} is in a later bucket than the previous call's; the first call only notes it. */
    @Override
    public void onTime(long now, MatchSink sink) {
        if (batchInterval == 0) {
            return;
        }
        long bucket = Math.floorDiv(now, batchInterval);
        Long previous = lastBucket;
        if (previous != null && bucket <= previous) {
            return;
        }
        lastBucket = bucket;
        if (previous != null) {
            auction(sink);
        }
    }

    /** Tries every resting price; pairs in priority order skipping same-owner pairs; drops IOC orders. */
    private void auction(MatchSink sink) {
        long clearing = 0;
        long bestVolume = 0;
        long bestImbalance = 0;
        for (long price : orders.stream().mapToLong(o -> o.price).distinct().sorted().toArray()) {
            long buys = orders.stream().filter(o -> o.side == Side.BUY && o.price >= price).mapToLong(Order::open).sum();
            long sells = orders.stream().filter(o -> o.side == Side.SELL && o.price <= price).mapToLong(Order::open).sum();
            long volume = Math.min(buys, sells);
            long imbalance = Math.abs(buys - sells);
            if (volume > bestVolume || (volume > 0 && volume == bestVolume && imbalance < bestImbalance)) {
                clearing = price;
                bestVolume = volume;
                bestImbalance = imbalance;
            }
        }
        if (clearing > 0) {
            long p = clearing;
            List<Order> buys = inPriority().stream().filter(o -> o.side == Side.BUY && o.price >= p).toList();
            List<Order> sells = inPriority().stream().filter(o -> o.side == Side.SELL && o.price <= p).toList();
            for (Order buy : buys) {
                for (Order sell : sells) {
                    if (!orders.contains(buy)) {
                        break;
                    }
                    if (!orders.contains(sell) || sell.owner == buy.owner) {
                        continue;
                    }
                    long quantity = Math.min(buy.open(), sell.open());
                    int answer = sink.onCross(buy.id, sell.id, p, quantity);
                    if (answer == MatchSink.CROSS) {
                        takeFrom(buy, quantity);
                        takeFrom(sell, quantity);
                    }
                    if (answer == MatchSink.REMOVE_BUY || answer == MatchSink.REMOVE_BOTH) {
                        orders.remove(buy);
                    }
                    if (answer == MatchSink.REMOVE_SELL || answer == MatchSink.REMOVE_BOTH) {
                        orders.remove(sell);
                    }
                }
            }
        }
        for (Order order : inPriority()) {
            if (order.ioc) {
                orders.remove(order);
                sink.onReduced(order.id, order.open(), 0, CancelReason.UNFILLED_IOC);
            }
        }
    }

    /** An auction cross: hidden reserve first, the slice and its place kept; the order leaves when nothing is open. */
    private void takeFrom(Order order, long quantity) {
        long fromHidden = Math.min(quantity, order.hidden);
        order.hidden -= fromHidden;
        order.visible -= quantity - fromHidden;
        if (order.open() == 0) {
            orders.remove(order);
        }
    }

    private void match(Taker taker, MatchSink sink) {
        if (proRata) {
            matchProRata(taker, sink);
        } else {
            matchPriceTime(taker, sink);
        }
    }

    private void matchPriceTime(Taker taker, MatchSink sink) {
        while (!taker.done()) {
            Order maker = best(taker.side.opposite());
            if (maker == null || !taker.reaches(maker.price)) {
                return;
            }
            long quantity = taker.quantityAt(maker.price, maker.visible);
            if (quantity == 0) {
                return;
            }
            if (isOwn(maker, taker)) {
                preventSelfTrade(maker, quantity, taker, sink);
            } else {
                offer(maker, quantity, maker.visible, taker, sink);
            }
        }
    }

    private void matchProRata(Taker taker, MatchSink sink) {
        while (!taker.done()) {
            Order best = best(taker.side.opposite());
            if (best == null || !taker.reaches(best.price)) {
                return;
            }
            List<Order> level = levelOf(best);
            Order own = level.stream().filter(o -> isOwn(o, taker)).findFirst().orElse(null);
            if (own != null) {
                long quantity = taker.quantityAt(own.price, own.visible);
                if (quantity == 0) {
                    return;
                }
                preventSelfTrade(own, quantity, taker, sink);
                continue;
            }
            long shown = level.stream().mapToLong(o -> o.visible).sum();
            long quantity = taker.quantityAt(best.price, shown);
            if (quantity == 0) {
                return;
            }
            taker.exhausted |= taker.byBudget && quantity < shown;
            long[] allocations = proRataAllocations(level, quantity, shown);
            for (int i = 0; i < level.size(); i++) {
                if (allocations[i] == 0) {
                    continue;
                }
                long fill = taker.quantityAt(best.price, allocations[i]);
                if (fill == 0) {
                    break;
                }
                offer(level.get(i), fill, allocations[i], taker, sink);
            }
        }
    }

    /** Each maker's share {@code floor(quantity × visible / shown)} in whole lots, then the remainder first come, first served. */
    private long[] proRataAllocations(List<Order> level, long quantity, long shown) {
        long lot = spec.lotSize();
        long[] allocations = new long[level.size()];
        long remainder = quantity;
        for (int i = 0; i < level.size(); i++) {
            long exact = Math.multiplyExact(quantity, level.get(i).visible) / shown;
            allocations[i] = exact / lot * lot;
            remainder -= allocations[i];
        }
        for (int i = 0; i < level.size(); i++) {
            long extra = Math.min(remainder, level.get(i).visible - allocations[i]);
            allocations[i] += extra;
            remainder -= extra;
        }
        return allocations;
    }

    private void offer(Order maker, long quantity, long offered, Taker taker, MatchSink sink) {
        if (!sink.onMatch(maker.id, maker.owner, taker.id, maker.price, quantity)) {
            orders.remove(maker);
            return;
        }
        taker.took(quantity, maker.price, offered);
        maker.visible -= quantity;
        if (maker.visible == 0 && refill(maker)) {
            sink.onReplenished(maker.id, maker.price, maker.visible);
        }
    }

    /** A used-up slice: a new one from the hidden reserve at the back of the level, or the order leaves; true if refilled. */
    private boolean refill(Order maker) {
        if (maker.hidden == 0) {
            orders.remove(maker);
            return false;
        }
        maker.visible = Math.min(maker.display, maker.hidden);
        maker.hidden -= maker.visible;
        maker.arrival = arrivals++;
        return true;
    }

    private boolean isOwn(Order maker, Taker taker) {
        return selfTrade != SelfTradePrevention.NONE && maker.owner == taker.owner;
    }

    private void preventSelfTrade(Order maker, long quantity, Taker taker, MatchSink sink) {
        CancelReason stp = CancelReason.SELF_TRADE_PREVENTION;
        switch (selfTrade) {
            case DECREMENT_AND_CANCEL -> {
                long shown = maker.visible;
                maker.visible -= quantity;
                boolean refilled = maker.visible == 0 && refill(maker);
                sink.onReduced(maker.id, quantity, maker.open(), stp);
                if (refilled) {
                    sink.onReplenished(maker.id, maker.price, maker.visible);
                }
                taker.took(quantity, maker.price, shown);
                sink.onReduced(taker.id, quantity, taker.openAt(maker.price), stp);
            }
            case CANCEL_MAKER -> cancelMaker(maker, sink);
            case CANCEL_TAKER -> cancelTaker(taker, maker.price, sink);
            case CANCEL_BOTH -> {
                cancelMaker(maker, sink);
                cancelTaker(taker, maker.price, sink);
            }
            case NONE -> throw new IllegalStateException("no self-trade prevention");
        }
    }

    private void cancelMaker(Order maker, MatchSink sink) {
        orders.remove(maker);
        sink.onReduced(maker.id, maker.open(), 0, CancelReason.SELF_TRADE_PREVENTION);
    }

    private void cancelTaker(Taker taker, long price, MatchSink sink) {
        long open = taker.openAt(price);
        taker.cancelled = true;
        taker.size = 0;
        sink.onReduced(taker.id, open, 0, CancelReason.SELF_TRADE_PREVENTION);
    }

    /** Runs the order as IOC on a copy of this book, every fill accepted, and says whether it filled whole. */
    private boolean wouldFillWhole(long orderId, long owner, Side side, long price, long size) {
        NaiveOrderBook copy = new NaiveOrderBook(spec, selfTrade, proRata ? MatchingPolicy.proRata() : MatchingPolicy.priceTime());
        for (Order o : orders) {
            copy.orders.add(new Order(o.id, o.owner, o.side, o.price, o.visible, o.hidden, o.display, o.arrival));
        }
        copy.arrivals = arrivals;
        long[] filled = {0};
        MatchSink acceptAll = new MatchSink() {
            @Override
            public boolean onMatch(long maker, long makerOwner, long taker, long fillPrice, long quantity) {
                filled[0] += quantity;
                return true;
            }

            @Override
            public void onRested(long id, Side restSide, long restPrice, long openSize) {}
        };
        copy.match(copy.new Taker(orderId, owner, side, price, size, false), acceptAll);
        return filled[0] == size;
    }

    private void rest(long id, long owner, Side side, long price, long open, long display, MatchSink sink) {
        long visible = display == 0 ? open : Math.min(display, open);
        orders.add(new Order(id, owner, side, price, visible, open - visible, display, arrivals++));
        sink.onRested(id, side, price, open);
        if (display > 0) {
            sink.onReplenished(id, price, visible);
        }
    }

    private Order best(Side side) {
        // The first of the side in priority order, found without sorting everything each time.
        return orders.stream().filter(o -> o.side == side).min(PRIORITY).orElse(null);
    }

    /** The orders at {@code order}'s price on its side, in arrival order. */
    private List<Order> levelOf(Order order) {
        return orders.stream().filter(o -> o.side == order.side && o.price == order.price).sorted(PRIORITY).toList();
    }

    private List<Order> inPriority() {
        List<Order> sorted = new ArrayList<>(orders);
        sorted.sort(PRIORITY);
        return sorted;
    }

    private Order find(long id) {
        return orders.stream().filter(o -> o.id == id).findFirst().orElse(null);
    }

    private void requireNew(long orderId, long price, long amount) {
        requirePositive(price);
        requirePositive(amount);
        if (find(orderId) != null) {
            throw new IllegalArgumentException("order " + orderId + " already rests");
        }
    }

    private static void requirePositive(long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("must be positive: " + value);
        }
    }
}
