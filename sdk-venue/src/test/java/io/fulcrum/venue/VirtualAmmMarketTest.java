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
}
