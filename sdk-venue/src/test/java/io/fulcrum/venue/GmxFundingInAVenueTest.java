package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BOB;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fulcrum.amm.GmxFunding;
import io.fulcrum.amm.GmxFundingModel;
import io.fulcrum.amm.OraclePool;
import io.fulcrum.amm.PoolImpact;
import io.fulcrum.api.AccountId;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.LiquidationPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GMX v2's static funding (MECHANISMS.md §3.2) paid by a pool venue through its funding index: the README example,
 * traders long 150,000 and short 50,000 at an oracle of 50,000, for one hour.
 */
class GmxFundingInAVenueTest {
    private static final long HOUR = 3_600_000;

    /** README static: factor 1/50,000 = 2e13 wad, exponent 1, max 1 per second (no effective cap), USDC's 6 decimals. */
    private static final GmxFunding README_STATIC = GmxFunding.staticFunding(20_000_000_000_000L, 1,
            1_000_000_000_000_000_000L, 6);

    /**
     * An oracle pool (no impact, no spread) with 500,000 USDC from the maker; Alice (20,000 USDC) buys 3 BTC and Bob
     * sells 1 BTC from it at 50,000, so the pool is short 2 BTC; then one hour passes.
     */
    private static TestVenue anHourOfSkew(List<Event.FundingRateApplied> paid) {
        TestVenue t = TestVenue.withTraders(TestVenue.builder(LiquidationPolicy.NONE,
                OraclePool.factory(PoolImpact.NONE, 0)).funding(BTC, GmxFundingModel.of(README_STATIC)).build());
        t.accept(new Command.Deposit(t.nextId(), t.now(), ALICE, USDC_ID, usdc("10000")));
        t.accept(new Command.AddLiquidity(t.nextId(), t.now(), MAKER, BTC, USDC_ID, usdc("500000")));
        t.accept(t.order(ALICE, Side.BUY, "50100", "3", TimeInForce.IOC));
        t.accept(t.order(BOB, Side.SELL, "49900", "1", TimeInForce.IOC));
        t.accept(new Command.AdvanceTime(t.nextId(), t.now())); // starts the funding clock
        t.advance(HOUR);
        paid.addAll(t.accept(new Command.AdvanceTime(t.nextId(), t.now())).eventsOf(Event.FundingRateApplied.class));
        return t;
    }

    private static long settle(TestVenue t, AccountId account) {
        CommandResult r = t.accept(new Command.SettleFunding(t.nextId(), t.now(), account));
        return r.eventsOf(Event.FundingSettled.class).get(0).amount();
    }

    @Test
    void anHourAtTheReadmeSkewChargesLongsThreePointSixPercent() {
        // Long 3 BTC = 150,000, short 1 BTC = 50,000 at 50,000: (1/50,000) × 100,000 / 200,000 = 0.00001 /s = 1e13 wad;
        // × 3,600 s / 1e9 = 36,000,000 ppb. The index moves by 500,000 × 36,000,000 / 100 = 180,000,000,000 millionths
        // per size unit (0.18 USDC per 0.0001 BTC).
        List<Event.FundingRateApplied> paid = new ArrayList<>();
        anHourOfSkew(paid);

        assertEquals(List.of(new Event.FundingRateApplied(BTC, 36_000_000, 500_000, 180_000_000_000L)), paid);
    }

    @Test
    void theLongPaysWhatGmxChargesItForTheHour() {
        // 150,000 × 0.00001 × 3,600 = 5,400 USDC (30,000 units × 0.18).
        TestVenue t = anHourOfSkew(new ArrayList<>());

        assertEquals(usdc("5400"), settle(t, ALICE));
    }

    @Test
    void theShortReceivesThePayingRateNotGmxsThreefoldRate() {
        // The single index pays shorts the longs' rate: 50,000 × 0.036 = 1,800 USDC, a third of the 5,400 GMX would
        // hand them (0.00003 /s).
        TestVenue t = anHourOfSkew(new ArrayList<>());

        assertEquals(usdc("-1800"), settle(t, BOB));
    }

    @Test
    void thePoolsShortTheSkewCollectsTheRest() {
        // The pool is short 2 BTC = 100,000: it receives 100,000 × 0.036 = 3,600 USDC (20,000 units × 0.18), so the
        // longs' 5,400 is split 1,800 to Bob and 3,600 to the LPs. The pool account settles when its position changes:
        // here when Alice sells it 0.1 BTC (at a fresh oracle).
        TestVenue t = anHourOfSkew(new ArrayList<>());
        AccountId pool = t.venue().pool(BTC).orElseThrow().poolAccount();

        t.publish("50000"); // a fresh oracle to trade on
        CommandResult trade = t.accept(t.order(ALICE, Side.SELL, "49900", "0.1", TimeInForce.IOC));

        assertEquals(List.of(usdc("-3600")), trade.eventsOf(Event.FundingSettled.class).stream()
                .filter(e -> e.account().equals(pool)).map(Event.FundingSettled::amount).toList());
    }
}
