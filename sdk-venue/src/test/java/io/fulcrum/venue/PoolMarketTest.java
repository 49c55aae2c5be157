package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.btc;
import static io.fulcrum.venue.TestVenue.price;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.amm.OraclePool;
import io.fulcrum.amm.PoolImpact;
import io.fulcrum.api.AccountId;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.margin.FullCloseLiquidation;
import io.fulcrum.orderbook.OrderBook;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The same venue with its BTC-PERP matched by an order book or by an oracle pool: nothing else
 * changes. The pool's account (owner 0, sub-account 1) holds the liquidity providers' capital and
 * takes the other side of every fill.
 */
class PoolMarketTest {
    private static final AccountId POOL = AccountId.of(0, 1);

    private static TestVenue venue(Function<MarketSpec, MatchingEngine> engine, LiquidationPolicy liquidation) {
        TestVenue t = TestVenue.withTraders(TestVenue.builder(liquidation, engine).build());
        if (t.venue().account(POOL).isPresent()) {
            t.accept(new Command.Deposit(t.nextId(), t.now(), POOL, USDC_ID, usdc("1000000")));
        }
        return t;
    }

    /**
     * Alice buys 1.5 and, after the index moves to 51,000, sells 0.5. On a book the maker quotes
     * each time (50,000, then 51,000); a pool quotes the index itself, so the maker stays out.
     */
    private static void sameTrades(TestVenue t) {
        boolean book = t.venue().account(POOL).isEmpty();
        if (book) {
            t.place(MAKER, Side.SELL, "50000", "1.5", TimeInForce.GTC);
        }
        t.accept(t.order(ALICE, Side.BUY, "50100", "1.5", TimeInForce.IOC));
        t.publish("51000");
        if (book) {
            t.place(MAKER, Side.BUY, "51000", "0.5", TimeInForce.GTC);
        }
        t.accept(t.order(ALICE, Side.SELL, "50900", "0.5", TimeInForce.IOC));
    }

    @Test
    void swappingTheBookForAPoolChangesNothingForTheTrader() {
        TestVenue book = venue(OrderBook::new, LiquidationPolicy.NONE);
        TestVenue pool = venue(OraclePool.factory(PoolImpact.NONE, 0), LiquidationPolicy.NONE);

        sameTrades(book);
        sameTrades(pool);

        assertEquals(book.venue().account(ALICE), pool.venue().account(ALICE));
        assertEquals(btc("1"), pool.venue().account(ALICE).orElseThrow().positions().get(0).size());
        assertEquals(-btc("1"), pool.venue().account(POOL).orElseThrow().positions().get(0).size());
        assertTrue(pool.venue().audit().isConserved(), () -> pool.venue().audit().toString());
    }

    @Test
    void aPoolFillNamesThePoolAsMakerWithoutAnOrder() {
        TestVenue t = venue(OraclePool.factory(PoolImpact.NONE, 0), LiquidationPolicy.NONE);

        CommandResult r = t.accept(t.order(ALICE, Side.BUY, "50100", "0.1", TimeInForce.IOC));

        Event.Trade trade = r.eventsOf(Event.Trade.class).get(0);
        assertEquals(POOL, trade.maker());
        assertNull(trade.makerOrder());
        assertEquals(price("50000"), trade.price());
        assertEquals(0, trade.makerFee());
        assertEquals(usdc("2.5"), trade.takerFee());
    }

    @Test
    void impactAndSpreadMoveTheExecutionPriceAgainstTheTrader() {
        // A flat 1 % impact cost: 50,000 × N / (N − 1 % N) = 50,505.05…, then a 0.1 % spread: 50,555.56…,
        // rounded up to the 0.5 tick: 50,556.0. A limit of 50,555.5 does not fill; 50,556 does.
        PoolImpact onePercent = (longUsd, shortUsd, sizeUsd, isLong) -> -sizeUsd / 100;
        TestVenue t = venue(OraclePool.factory(onePercent, 1_000), LiquidationPolicy.NONE);

        CommandResult refused = t.accept(t.order(ALICE, Side.BUY, "50555.5", "0.1", TimeInForce.IOC));
        CommandResult filled = t.accept(t.order(ALICE, Side.BUY, "50556", "0.1", TimeInForce.IOC));

        assertTrue(refused.eventsOf(Event.Trade.class).isEmpty());
        assertEquals(price("50556"), filled.eventsOf(Event.Trade.class).get(0).price());
    }

    @Test
    void liquidationsCloseAgainstThePool() {
        // Alice long 1.5 at 50,000 on 10,000 USDC (taker fee 37.5); at 45,000 she is breached and sold to the pool.
        TestVenue t = venue(OraclePool.factory(PoolImpact.NONE, 0), FullCloseLiquidation.withBand(100_000));
        t.accept(t.order(ALICE, Side.BUY, "50100", "1.5", TimeInForce.IOC));

        CommandResult r = t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED, price("45000"), 0));

        assertEquals(1, r.eventsOf(Event.MaintenanceBreached.class).size());
        assertEquals(POOL, r.eventsOf(Event.Trade.class).get(0).maker());
        assertTrue(t.venue().account(ALICE).orElseThrow().positions().stream().allMatch(p -> p.size() == 0));
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void thePoolsOwnerIsReserved() {
        TestVenue t = venue(OraclePool.factory(PoolImpact.NONE, 0), LiquidationPolicy.NONE);

        t.rejects(RejectReason.RESERVED_ACCOUNT, new Command.OpenAccount(t.nextId(), t.now(), AccountId.main(0)));
    }

    @Test
    void thePoolAccountsMoneyLeavesOnlyThroughItsLiquidityProviders() {
        TestVenue t = venue(OraclePool.factory(PoolImpact.NONE, 0), LiquidationPolicy.NONE);

        t.rejects(RejectReason.RESERVED_ACCOUNT, new Command.Withdraw(t.nextId(), t.now(), POOL, USDC_ID, usdc("1")));
        t.rejects(RejectReason.RESERVED_ACCOUNT, new Command.PlaceOrder(t.nextId(), t.now(), POOL, BTC, Side.BUY,
                price("50000"), btc("0.1"), TimeInForce.IOC));
        t.rejects(RejectReason.RESERVED_ACCOUNT, new Command.Borrow(t.nextId(), t.now(), POOL, usdc("1")));
    }

    @Test
    void aPoolVenueReplaysAndRestoresExactly() {
        Journal journal = Journals.inMemory();
        TestVenue t = TestVenue.withTraders(TestVenue.builder(LiquidationPolicy.NONE, OraclePool.factory(PoolImpact.NONE, 500))
                .journal(journal).build());
        t.accept(new Command.Deposit(t.nextId(), t.now(), POOL, USDC_ID, usdc("1000000")));
        sameTrades(t);
        VenueSnapshot snapshot = VenueSnapshot.fromJson(t.venue().snapshot().toJson());

        Venue replayed = Venue.replay(TestVenue.builder(LiquidationPolicy.NONE, OraclePool.factory(PoolImpact.NONE, 500)),
                null, journal.entries());
        Venue restored = Venue.replay(TestVenue.builder(LiquidationPolicy.NONE, OraclePool.factory(PoolImpact.NONE, 500)),
                snapshot, List.of());

        assertEquals(t.venue().stateHash(), replayed.stateHash());
        assertEquals(t.venue().stateHash(), restored.stateHash());
    }

    @Test
    void aGmxPoolPricesFromTheOraclesConfidenceInterval() {
        // BTC published at 50,000.0 ± 10.0: a GMX-style pool sells Alice 0.1 BTC at the top of the interval.
        TestVenue t = venue(OraclePool.factory(PoolImpact.NONE, 0, io.fulcrum.amm.OracleConfidence.GMX),
                LiquidationPolicy.NONE);
        t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED, price("50000"), price("10")));

        CommandResult r = t.accept(t.order(ALICE, Side.BUY, "50100", "0.1", TimeInForce.IOC));

        assertEquals(price("50010"), r.eventsOf(Event.Trade.class).get(0).price());
    }
}
