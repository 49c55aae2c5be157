package io.fulcrum.orderbook;

import static io.fulcrum.api.TimeInForce.GTC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.MatchSink;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.api.spi.RestingOrder;
import io.fulcrum.orderbook.RecordingSink.Match;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the order-book contracts share: the book under test, made by {@link #engines()} (the real
 * book or the naive reference), and helpers that run a command and then check the book's
 * internal consistency. Each contract subclass states one feature's behaviour with worked
 * numbers; {@link OrderBookTest} and {@link NaiveOrderBookTest} run every contract against
 * their book.
 *
 * <p>Numbers: BTC-PERP, prices count 0.1 USDC, so 1_000 is 100.0; sizes count 0.0001 BTC lots;
 * a notional is size × price × 10 micro-USDC. Order {@code n} belongs to owner {@code 100 + n}
 * unless a test gives an owner.
 */
abstract class ContractSupport {
    /** How a contract makes the book under test and checks its internals. */
    interface Engines {
        MatchingEngine create(MarketSpec spec, SelfTradePrevention selfTrade, MatchingPolicy policy);

        /** Throws if the book's internal state is inconsistent (crossed, totals off, lookup stale). */
        void checkInvariants(MatchingEngine book);
    }

    MatchingEngine book;
    /** Collects what setting up the book reports, so the sinks under test see only the command under test. */
    final RecordingSink setupSink = new RecordingSink();

    protected abstract Engines engines();

    @BeforeEach
    void newEmptyBook() {
        book = newBook(TestMarkets.BTC_PERP);
    }

    /** An empty book for {@code spec}: price-time, self-trades allowed. */
    MatchingEngine newBook(MarketSpec spec) {
        return engines().create(spec, SelfTradePrevention.NONE, MatchingPolicy.priceTime());
    }

    /** Replaces the book under test with an empty one configured so. */
    void useBook(MarketSpec spec, SelfTradePrevention selfTrade, MatchingPolicy policy) {
        book = engines().create(spec, selfTrade, policy);
    }

    void checkInvariants(MatchingEngine engine) {
        engines().checkInvariants(engine);
    }

    void gtc(long id, Side side, long price, long size) {
        gtc(id, owner(id), side, price, size);
    }

    void gtc(long id, long owner, Side side, long price, long size) {
        assertEquals(0, book.place(id, owner, side, price, size, GTC, setupSink));
        checkInvariants(book);
    }

    void iceberg(long id, Side side, long price, long size, long displaySize) {
        assertEquals(0, book.placeIceberg(id, owner(id), side, price, size, displaySize, setupSink));
        checkInvariants(book);
    }

    long place(long id, Side side, long price, long size, TimeInForce timeInForce, MatchSink sink) {
        return place(id, owner(id), side, price, size, timeInForce, sink);
    }

    long place(long id, long owner, Side side, long price, long size, TimeInForce timeInForce, MatchSink sink) {
        long dropped = book.place(id, owner, side, price, size, timeInForce, sink);
        checkInvariants(book);
        return dropped;
    }

    long cancel(long id) {
        long open = book.cancel(id);
        checkInvariants(book);
        return open;
    }

    boolean amend(long id, long price, long size, MatchSink sink) {
        boolean keptPriority = book.amend(id, price, size, sink);
        checkInvariants(book);
        return keptPriority;
    }

    void assertDepth(Side side, long[] expectedPrices, long[] expectedSizes) {
        assertDepth(side, new long[5], expectedPrices, expectedSizes);
    }

    void assertDepth(Side side, long[] prices, long[] expectedPrices, long[] expectedSizes) {
        long[] sizes = new long[prices.length];
        int levels = book.depth(side, prices, sizes);
        assertEquals(expectedPrices.length, levels, "levels");
        assertArrayEquals(expectedPrices, Arrays.copyOf(prices, levels), "prices");
        assertArrayEquals(expectedSizes, Arrays.copyOf(sizes, levels), "sizes");
    }

    List<RestingOrder> restingOrders() {
        return restingOrders(book);
    }

    static List<RestingOrder> restingOrders(MatchingEngine engine) {
        List<RestingOrder> orders = new ArrayList<>();
        engine.forEachRestingOrder(orders::add);
        return orders;
    }

    static long owner(long orderId) {
        return 100 + orderId;
    }

    /** A fill of maker {@code maker} (owned by default) for taker {@code taker}. */
    static Match fill(long maker, long taker, long price, long quantity) {
        return new Match(maker, owner(maker), taker, price, quantity);
    }

    static RestingOrder resting(long id, Side side, long price, long openSize) {
        return new RestingOrder(id, owner(id), side, price, openSize);
    }
}
