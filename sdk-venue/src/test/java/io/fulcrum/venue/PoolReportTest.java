package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.amm.OraclePool;
import io.fulcrum.amm.PoolImpact;
import io.fulcrum.api.AccountId;
import io.fulcrum.api.Command;
import io.fulcrum.api.PoolReport;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.LiquidationPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pool's report attributes its liquidity providers' PnL over a period: fees, what traders
 * realised, the change of their open PnL, and flows (which are money, not PnL).
 */
class PoolReportTest {
    private static Venue.Builder builder() {
        return TestVenue.builder(LiquidationPolicy.NONE, OraclePool.factory(PoolImpact.NONE, 0));
    }

    private static TestVenue venue() {
        TestVenue t = TestVenue.withTraders(builder().build());
        t.accept(new Command.AddLiquidity(t.nextId(), t.now(), MAKER, BTC, USDC_ID, usdc("10000")));
        return t;
    }

    private static PoolReport report(TestVenue t) {
        return t.venue().pool(BTC).orElseThrow();
    }

    @Test
    void aPeriodsLpPnlIsFeesLessWhatTradersGained() {
        // Alice buys 0.1 BTC at 50,000 and sells at 51,000: two 5 bps taker fees, 2.50 and 2.55, go to the pool,
        // and she realises 100 against it. The LPs' period: 5.05 − 100 = −94.95, and the tokens say the same.
        TestVenue t = venue();
        PoolReport start = report(t);
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.1", TimeInForce.IOC));
        t.publish("51000");
        t.accept(t.order(ALICE, Side.SELL, "50900", "0.1", TimeInForce.IOC));

        PoolReport end = report(t);
        PoolReport.Period period = end.periodSince(start);
        assertEquals(new PoolReport.Period(usdc("5.05"), 0, usdc("100"), 0, 0, 0), period);
        assertEquals(usdc("-94.95"), period.lpPnl());
        assertEquals(end.tokenValue() - start.tokenValue(), period.lpPnl());
        assertEquals(0, end.revaluation());
    }

    @Test
    void openPnlCountsInThePeriodAndFlowsDoNot() {
        // Alice holds 0.1 BTC bought at 50,000 (fee 2.50); BTC at 50,500 puts her 50 up. Bob adds 1,000 meanwhile:
        // that is a flow. The LPs' period: 2.50 − 50 = −47.50.
        TestVenue t = venue();
        PoolReport start = report(t);
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.1", TimeInForce.IOC));
        t.publish("50500");
        t.accept(new Command.AddLiquidity(t.nextId(), t.now(), TestVenue.BOB, BTC, USDC_ID, usdc("1000")));

        PoolReport.Period period = report(t).periodSince(start);
        assertEquals(new PoolReport.Period(usdc("2.5"), 0, 0, usdc("50"), 0, usdc("1000")), period);
        assertEquals(usdc("-47.5"), period.lpPnl());
    }

    @Test
    void aGiftToThePoolAccountIsAFlow() {
        TestVenue t = venue();
        PoolReport start = report(t);
        t.accept(new Command.Deposit(t.nextId(), t.now(), AccountId.of(0, 1), USDC_ID, usdc("250")));

        PoolReport end = report(t);
        assertEquals(usdc("250"), end.donated());
        assertEquals(new PoolReport.Period(0, 0, 0, 0, 0, usdc("250")), end.periodSince(start));
    }

    @Test
    void theReportSurvivesASnapshot() {
        TestVenue t = venue();
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.1", TimeInForce.IOC));
        t.publish("50500");

        Venue restored = Venue.replay(builder(), t.venue().snapshot(), List.of());
        assertEquals(report(t), restored.pool(BTC).orElseThrow());
    }

    @Test
    void aBookMarketHasNoPool() {
        assertTrue(TestVenue.withTraders().venue().pool(BTC).isEmpty());
    }
}
