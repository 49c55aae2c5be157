package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.amm.BorrowingFee;
import io.fulcrum.amm.GmxBorrowingRule;
import io.fulcrum.amm.OraclePool;
import io.fulcrum.amm.PoolImpact;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.PoolReport;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.LiquidationPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GMX's borrowing fee on a pool market (MECHANISMS.md §3.3, the default curve: 6.25e-9 per
 * second × reserved / pool): Alice's 0.16 BTC long at 50,000 reserves 8,000 of a 10,000 pool, so
 * longs pay 5e-9 per second, 18,000 ppb an hour (15.768 % a year). No trading fees.
 */
class PoolBorrowingTest {
    private static final long HOUR = 3_600_000;

    private static TestVenue venue() {
        TestVenue t = TestVenue.withTraders(TestVenue.builder(LiquidationPolicy.NONE, OraclePool.factory(PoolImpact.NONE, 0))
                .poolFees(BTC, fill -> 0)
                .poolBorrowing(BTC, GmxBorrowingRule.hourly(new BorrowingFee.Curve(6_250_000_000L, 1, 6, false)))
                .build());
        t.accept(new Command.AddLiquidity(t.nextId(), t.now(), MAKER, BTC, USDC_ID, usdc("10000")));
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.16", TimeInForce.IOC));
        t.accept(new Command.AdvanceTime(t.nextId(), t.now())); // starts the clock
        return t;
    }

    @Test
    void anHourCreditsThePoolWhatTheLongsOwe() {
        // 8,000 × 18,000 ppb = 0.144, credited to the pool at once; shorts reserve nothing and pay 0.
        TestVenue t = venue();
        PoolReport before = t.venue().pool(BTC).orElseThrow();
        t.advance(HOUR);

        CommandResult hour = t.accept(new Command.AdvanceTime(t.nextId(), t.now()));

        assertEquals(List.of(new Event.BorrowingApplied(BTC, 18_000, 0, usdc("0.144"))),
                hour.eventsOf(Event.BorrowingApplied.class));
        PoolReport after = t.venue().pool(BTC).orElseThrow();
        assertEquals(usdc("0.144"), after.periodSince(before).funding());
        assertEquals(0, after.revaluation());
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void theLongPaysItBackWhenItSettles() {
        TestVenue t = venue();
        t.advance(HOUR);
        t.accept(new Command.AdvanceTime(t.nextId(), t.now()));

        CommandResult settled = t.accept(new Command.SettleFunding(t.nextId(), t.now(), ALICE));

        assertEquals(usdc("0.144"), settled.eventsOf(Event.FundingSettled.class).get(0).amount());
        assertEquals(0, t.venue().audit().lines().get(0).fundingPool());
    }

    @Test
    void borrowingSurvivesASnapshot() {
        TestVenue t = venue();
        t.advance(HOUR);
        t.accept(new Command.AdvanceTime(t.nextId(), t.now()));

        Venue restored = Venue.replay(TestVenue.builder(LiquidationPolicy.NONE, OraclePool.factory(PoolImpact.NONE, 0))
                .poolFees(BTC, fill -> 0)
                .poolBorrowing(BTC, GmxBorrowingRule.hourly(new BorrowingFee.Curve(6_250_000_000L, 1, 6, false))),
                t.venue().snapshot(), List.of());
        assertEquals(t.venue().stateHash(), restored.stateHash());
    }
}
