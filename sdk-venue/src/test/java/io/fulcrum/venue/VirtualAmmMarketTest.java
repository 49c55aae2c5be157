package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.price;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.amm.OraclePool;
import io.fulcrum.amm.PoolImpact;
import io.fulcrum.amm.VirtualAmmPool;
import io.fulcrum.api.AccountId;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.api.spi.MatchingEngine;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A virtual AMM beside an oracle pool, the same trades in each: the vAMM prices on its curve and
 * ignores the index, so after the index jumps a trader buys far below it and the protocol pays.
 * Curve: 1,000 BTC against 50,000,000 USDC, peg 1 (price 50,000).
 */
class VirtualAmmMarketTest {
    private static final AccountId POOL = AccountId.of(0, 1);

    private static TestVenue venue(Function<MarketSpec, MatchingEngine> engine) {
        TestVenue t = TestVenue.withTraders(TestVenue.builder(LiquidationPolicy.NONE, engine).build());
        t.accept(new Command.Deposit(t.nextId(), t.now(), POOL, USDC_ID, usdc("1000000")));
        return t;
    }

    /** Alice buys 1 BTC with a limit a little above the price she expects (so her margin check counts no loss). */
    private static long buyOne(TestVenue t, String limit) {
        CommandResult r = t.accept(t.order(ALICE, Side.BUY, limit, "1", TimeInForce.IOC));
        return r.eventsOf(Event.Trade.class).get(0).price();
    }

    @Test
    void theCurveNotTheIndexSetsTheVammsPrice() {
        // First buy: 50,000,000 × 1,000 / 999 − 50,000,000 = 50,050.050050… quote (rounded up to the micro-USDC),
        // an average of 50,050.05…, on the 0.5 tick against the buyer: 50,050.5. The index then jumps to 60,000;
        // the second buy pays 50,000,000 × 1,000 / 998 − 50,050,050.050051 = 50,150.35… → 50,150.5. The oracle
        // pool charges the index both times.
        TestVenue vamm = venue(VirtualAmmPool.factory(10_000_000, 50_000_000_000_000L, 1_000_000));
        TestVenue oracle = venue(OraclePool.factory(PoolImpact.NONE, 0));

        assertEquals(price("50050.5"), buyOne(vamm, "50100"));
        assertEquals(price("50000"), buyOne(oracle, "50100"));
        vamm.publish("60000");
        oracle.publish("60000");
        assertEquals(price("50150.5"), buyOne(vamm, "50200"));
        assertEquals(price("60000"), buyOne(oracle, "60100"));
    }

    @Test
    void inATrendTheVammsCounterpartyLosesWhatTheOraclePoolDoesNot() {
        // After both buys, marked at the 60,000 index: the vAMM's pool account is short 2 BTC sold for 100,201
        // and marked at 120,000: −19,799, less the 0.05 % taker fees it earned (25.02525 + 25.07525 = 50.1005);
        // the oracle pool's is −10,000 plus 25 + 30 of fees.
        TestVenue vamm = venue(VirtualAmmPool.factory(10_000_000, 50_000_000_000_000L, 1_000_000));
        TestVenue oracle = venue(OraclePool.factory(PoolImpact.NONE, 0));
        buyOne(vamm, "50100");
        buyOne(oracle, "50100");
        vamm.publish("60000");
        oracle.publish("60000");
        buyOne(vamm, "50200");
        buyOne(oracle, "60100");

        long vammEquity = vamm.venue().margin(POOL).orElseThrow().equity();
        long oracleEquity = oracle.venue().margin(POOL).orElseThrow().equity();

        assertEquals(usdc("1000000") - usdc("19799") + usdc("50.1005"), vammEquity);
        assertEquals(usdc("1000000") - usdc("10000") + usdc("55"), oracleEquity);
        assertTrue(vamm.venue().audit().isConserved());
    }

    private static final Function<MarketSpec, MatchingEngine> CURVE =
            VirtualAmmPool.factory(10_000_000, 50_000_000_000_000L, 1_000_000);

    /** The curve venue, with Alice holding 40,000 so that she can buy a second BTC above the index. */
    private static TestVenue curveVenue() {
        TestVenue t = venue(CURVE);
        t.accept(new Command.Deposit(t.nextId(), t.now(), ALICE, USDC_ID, usdc("30000")));
        return t;
    }

    private static Command.RetunePool retune(TestVenue t, long pegPpm, long depthPpm) {
        return new Command.RetunePool(t.nextId(), t.now(), TestVenue.BTC, pegPpm, depthPpm);
    }

    @Test
    void aRepegMovesTheCurveToTheIndexAndReportsWhatItWouldCost() {
        // After Alice's first buy the curve holds 999 BTC against 50,050,050.050051 USDC. Repegged to 1.2, her 1 BTC
        // long would exit for 1.2 × 50,050.050050… instead of 50,050.050050…: 10,010.010011 more (rounded up),
        // what Perpetual Protocol v1 paid; here no money moves. The next 1 BTC costs 1.2 × 50,150.350751 =
        // 60,180.420903, on the tick 60,180.5 (without the repeg, 50,150.5).
        TestVenue t = curveVenue();
        buyOne(t, "50100");
        t.publish("60000");
        long poolEquity = t.venue().margin(POOL).orElseThrow().equity();

        CommandResult retuned = t.accept(retune(t, 1_200_000, 1_000_000));

        assertEquals(java.util.List.of(new Event.PoolRetuned(TestVenue.BTC, 1_200_000, 1_000_000, usdc("10010.010011"))),
                retuned.events());
        assertEquals(poolEquity, t.venue().margin(POOL).orElseThrow().equity());
        assertEquals(price("60180.5"), buyOne(t, "60200"));
    }

    @Test
    void deepeningTheCurveMakesTheNextTradeMoveThePriceLess() {
        // Reserves doubled where the curve stands (1,998 BTC against 100,100,100.100102): the long's exit improves
        // by 25.037544, and the next 1 BTC costs 50,125.237907, on the tick 50,125.5 (undoubled, 50,150.5).
        TestVenue t = curveVenue();
        buyOne(t, "50100");

        CommandResult retuned = t.accept(retune(t, 0, 2_000_000));

        assertEquals(usdc("25.037544"), retuned.eventsOf(Event.PoolRetuned.class).get(0).cost());
        assertEquals(price("50125.5"), buyOne(t, "50200"));
    }

    @Test
    void aRetunedCurveSurvivesASnapshot() {
        TestVenue t = curveVenue();
        buyOne(t, "50100");
        t.accept(retune(t, 1_200_000, 1_000_000));

        Venue restored = Venue.replay(TestVenue.builder(LiquidationPolicy.NONE, CURVE), t.venue().snapshot(),
                java.util.List.of());
        assertEquals(t.venue().stateHash(), restored.stateHash());
        assertEquals(price("60180.5"), buyOne(t.continuedBy(restored), "60200"));
    }

    @Test
    void onlyACurvePoolCanBeRetuned() {
        TestVenue oracle = venue(OraclePool.factory(PoolImpact.NONE, 0));
        oracle.rejects(io.fulcrum.api.RejectReason.POOL_CURVE_NOT_ADJUSTABLE, retune(oracle, 1_200_000, 1_000_000));
        TestVenue book = TestVenue.withTraders();
        book.rejects(io.fulcrum.api.RejectReason.NOT_A_POOL_MARKET, retune(book, 1_200_000, 1_000_000));
        TestVenue vamm = venue(CURVE);
        vamm.rejects(io.fulcrum.api.RejectReason.NON_POSITIVE_AMOUNT, retune(vamm, 1_200_000, 0));
    }
}
