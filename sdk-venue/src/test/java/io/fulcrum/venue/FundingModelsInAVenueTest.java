package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fulcrum.amm.OraclePool;
import io.fulcrum.amm.PoolImpact;
import io.fulcrum.api.AccountId;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.FundingModel;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.margin.DydxFunding;
import io.fulcrum.margin.FundingModels;
import io.fulcrum.margin.VelocityFunding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real venues' funding models running in a venue, against MECHANISMS.md's worked numbers:
 * the book's impact prices sampled on {@code AdvanceTime}, a rate paid into the index each
 * interval, and a position settling it.
 */
class FundingModelsInAVenueTest {
    private static final long HOUR = 3_600_000;

    /** Ticks every {@code stepMillis} for an hour, returning every rate the venue paid meanwhile. */
    private static List<Event.FundingRateApplied> tickAnHour(TestVenue t, long stepMillis) {
        t.accept(new Command.AdvanceTime(t.nextId(), t.now())); // starts the clock
        List<Event.FundingRateApplied> paid = new ArrayList<>();
        for (long elapsed = stepMillis; elapsed <= HOUR; elapsed += stepMillis) {
            t.advance(stepMillis);
            paid.addAll(t.accept(new Command.AdvanceTime(t.nextId(), t.now())).eventsOf(Event.FundingRateApplied.class));
        }
        return paid;
    }

    private static long settle(TestVenue t, AccountId account) {
        CommandResult r = t.accept(new Command.SettleFunding(t.nextId(), t.now(), account));
        return r.eventsOf(Event.FundingSettled.class).get(0).amount();
    }

    /** Alice long 1 BTC from the maker, who keeps quoting {@code bid} / {@code ask} 5 BTC deep, index {@code index}. */
    private static TestVenue bookWithQuotes(FundingModel model, String index, String bid, String ask) {
        TestVenue t = TestVenue.withTraders(TestVenue.builder(LiquidationPolicy.NONE).funding(BTC, model).build());
        t.publish(index);
        t.place(MAKER, Side.BUY, bid, "5", TimeInForce.GTC);
        t.place(MAKER, Side.SELL, ask, "6", TimeInForce.GTC);
        t.accept(t.order(ALICE, Side.BUY, ask, "1", TimeInForce.IOC));
        return t;
    }

    @Test
    void hyperliquidPaysAnEighthOfTheClampedRateEachHour() {
        // §1.1 example 1: impact bid 10,010 and ask 10,020 (20,000 USDC deep) over an oracle of 10,000 all hour:
        // P = 0.1 %, F_8h = 0.1 % − 0.05 % = 0.05 %, F_1h = 62,500 ppb. Alice's 1 BTC pays 10,000 × 0.0000625 = 0.625.
        TestVenue t = bookWithQuotes(FundingModels.hyperliquid(usdc("20000")), "10000", "10010", "10020");

        List<Event.FundingRateApplied> paid = tickAnHour(t, 5_000);

        assertEquals(List.of(62_500L), paid.stream().map(Event.FundingRateApplied::ratePpb).toList());
        assertEquals(usdc("0.625"), settle(t, ALICE));
        assertEquals(usdc("-0.625"), settle(t, MAKER));
    }

    @Test
    void dydxPadsAnHourOfMissingSamplesWithZeros() {
        // §2.5: 30 samples of 1,000 ppm (bid 50,050 over an index of 50,000, a tick every 2 minutes) padded to 60 give
        // P_avg = 500 ppm; R_8h = 0.05 % (within Large-Cap's 12 %), paid hourly as 62,500 ppb: 50,000 × 0.0000625 =
        // 3.125 on Alice's 1 BTC.
        TestVenue t = bookWithQuotes(FundingModels.dydx(usdc("10000"), DydxFunding.mainnet(50_000, 30_000)),
                "50000", "50050", "50100");

        List<Event.FundingRateApplied> paid = tickAnHour(t, 120_000);

        assertEquals(List.of(62_500L), paid.stream().map(Event.FundingRateApplied::ratePpb).toList());
        assertEquals(usdc("3.125"), settle(t, ALICE));
    }

    @Test
    void synthetixsRateDriftsWithTheSkewAndPaysItsAverage() {
        // §7 (SIP-279's numbers, in this market's size units): skew 0.01 BTC (100 units) on a scale of 100 BTC with a
        // 300 %/day maximum velocity drifts the rate by 0.03 %/day per day. Over a day a constant skew pays
        // ½ × 0.03 % of the notional: 0.075 on Alice's 500. Paid hourly, each hour's rate is the average of its two
        // ends, 12,500 × (2k − 1) / 48 ppb, truncated: 149,988 ppb in all, so 500,000 × 149,988 / 100 / 10^6 per unit
        // × 100 units = 0.074994 (the truncation keeps 0.000006 from the payer).
        FundingModel model = FundingModels.velocity(new VelocityFunding(1_000_000, 3_000_000_000L));
        TestVenue t = TestVenue.withTraders(TestVenue.builder(LiquidationPolicy.NONE,
                OraclePool.factory(PoolImpact.NONE, 0)).funding(BTC, model).build());
        t.accept(new Command.AddLiquidity(t.nextId(), t.now(), MAKER, BTC, USDC_ID, usdc("100000")));
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.01", TimeInForce.IOC));
        t.accept(new Command.AdvanceTime(t.nextId(), t.now()));
        for (int hour = 1; hour <= 24; hour++) {
            t.advance(HOUR);
            t.accept(new Command.AdvanceTime(t.nextId(), t.now()));
        }

        assertEquals(74_994, settle(t, ALICE));
    }
}
