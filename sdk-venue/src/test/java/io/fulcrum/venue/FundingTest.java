package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.btc;
import static io.fulcrum.venue.TestVenue.price;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.PositionSide;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.FundingInputs;
import io.fulcrum.api.spi.FundingModel;
import io.fulcrum.api.spi.LiquidationPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Funding through a cumulative index per market: a payment moves the index and touches no
 * account; positions settle against it when they trade or on demand, margin counts what is
 * pending, longs pay what shorts receive and the rounding stays with the venue.
 */
class FundingTest {
    private static final long HOUR = 3_600_000;

    /** dYdX's §2.5 example: R_8h = 0.1 %, paid hourly as 0.0125 % (125,000 ppb). */
    private static final FundingModel FLAT_RATE = new FundingModel() {
        @Override
        public long intervalMillis() {
            return HOUR;
        }

        @Override
        public long ratePpb(FundingInputs inputs, long[] state) {
            return 125_000;
        }
    };

    /** Pays the mean of its premium samples (taken every minute at a 1,000 USDC impact notional). */
    private static final FundingModel MEAN_PREMIUM = new FundingModel() {
        @Override
        public long intervalMillis() {
            return HOUR;
        }

        @Override
        public long sampleIntervalMillis() {
            return 60_000;
        }

        @Override
        public long impactNotional(io.fulcrum.api.MarketSpec market) {
            return usdc("1000");
        }

        @Override
        public int stateSize() {
            return 2;
        }

        @Override
        public void onPremiumSample(long time, long premiumPpb, long[] state) {
            state[0] += premiumPpb;
            state[1]++;
        }

        @Override
        public long ratePpb(FundingInputs inputs, long[] state) {
            long rate = state[1] == 0 ? 0 : state[0] / state[1];
            state[0] = 0;
            state[1] = 0;
            return rate;
        }
    };

    private static Venue.Builder builder(FundingModel model) {
        return TestVenue.builder(LiquidationPolicy.NONE).funding(BTC, model);
    }

    /** Alice long 1 BTC from the maker at 50,000, the funding clock started at the trade. */
    private static TestVenue longOneBtc(FundingModel model) {
        TestVenue t = TestVenue.withTraders(builder(model).build());
        t.place(MAKER, Side.SELL, "50000", "1", TimeInForce.GTC);
        t.accept(t.order(ALICE, Side.BUY, "50000", "1", TimeInForce.IOC));
        t.accept(new Command.AdvanceTime(t.nextId(), t.now()));
        return t;
    }

    private static long balance(TestVenue t, AccountId account) {
        return t.venue().account(account).orElseThrow().balance(USDC_ID);
    }

    @Test
    void aPaymentMovesTheIndexAndTouchesNoAccount() {
        // 0.0125 % of 50,000 per BTC: the index moves by 500,000 × 125,000 × 10 / 1,000 = 625,000,000 millionths of a
        // USDC per 0.0001 BTC, i.e. 6.25 USDC per BTC. Balances stay; Alice's equity is 6.25 lower at once.
        TestVenue t = longOneBtc(FLAT_RATE);
        long aliceBalance = balance(t, ALICE);
        long aliceEquity = t.venue().margin(ALICE).orElseThrow().equity();
        t.advance(HOUR);

        CommandResult paid = t.accept(new Command.AdvanceTime(t.nextId(), t.now()));

        assertEquals(List.of(new Event.FundingRateApplied(BTC, 125_000, price("50000"), 625_000_000)),
                paid.eventsOf(Event.FundingRateApplied.class));
        assertEquals(List.of(), paid.eventsOf(Event.FundingSettled.class));
        assertEquals(aliceBalance, balance(t, ALICE));
        assertEquals(aliceEquity - usdc("6.25"), t.venue().margin(ALICE).orElseThrow().equity());
    }

    @Test
    void positionsSettleOnDemandAndLongsPayWhatShortsReceive() {
        TestVenue t = longOneBtc(FLAT_RATE);
        long aliceBefore = balance(t, ALICE);
        long makerBefore = balance(t, MAKER);
        t.advance(HOUR);
        t.accept(new Command.AdvanceTime(t.nextId(), t.now()));

        CommandResult alice = t.accept(new Command.SettleFunding(t.nextId(), t.now(), ALICE));
        CommandResult maker = t.accept(new Command.SettleFunding(t.nextId(), t.now(), MAKER));

        assertEquals(List.of(new Event.FundingSettled(ALICE, BTC, usdc("6.25"), aliceBefore - usdc("6.25"),
                PositionSide.BOTH)), alice.events());
        assertEquals(List.of(new Event.FundingSettled(MAKER, BTC, usdc("-6.25"), makerBefore + usdc("6.25"),
                PositionSide.BOTH)), maker.events());
        assertEquals(0, t.venue().audit().lines().get(0).fundingPool());
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void aTradeSettlesThePositionsFundingFirst() {
        // Alice sells half back an hour later: her 6.25 settles at the size she held, before the fill.
        TestVenue t = longOneBtc(FLAT_RATE);
        t.advance(HOUR);
        t.accept(new Command.AdvanceTime(t.nextId(), t.now()));
        t.publish("50000");
        t.place(MAKER, Side.BUY, "50000", "0.5", TimeInForce.GTC);

        CommandResult sold = t.accept(t.order(ALICE, Side.SELL, "50000", "0.5", TimeInForce.IOC));

        assertEquals(usdc("6.25"), sold.eventsOf(Event.FundingSettled.class).stream()
                .filter(e -> e.account().equals(ALICE)).findFirst().orElseThrow().amount());
    }

    @Test
    void roundingGoesToTheVenue() {
        // A 3 ppb rate moves the index by 500,000 × 3 / 100 = 15,000 millionths per 0.0001 BTC. On 0.001 BTC that
        // is 0.15 of a unit: the long pays 1 unit (rounded up), the short receives 0; the venue keeps 1.
        FundingModel tiny = new FundingModel() {
            @Override
            public long intervalMillis() {
                return HOUR;
            }

            @Override
            public long ratePpb(FundingInputs inputs, long[] state) {
                return 3;
            }
        };
        TestVenue t = TestVenue.withTraders(builder(tiny).build());
        t.place(MAKER, Side.SELL, "50000", "0.001", TimeInForce.GTC);
        t.accept(t.order(ALICE, Side.BUY, "50000", "0.001", TimeInForce.IOC));
        t.accept(new Command.AdvanceTime(t.nextId(), t.now()));
        t.advance(HOUR);
        t.accept(new Command.AdvanceTime(t.nextId(), t.now()));

        t.accept(new Command.SettleFunding(t.nextId(), t.now(), ALICE));
        t.accept(new Command.SettleFunding(t.nextId(), t.now(), MAKER));

        assertEquals(1, t.venue().audit().lines().get(0).fundingPool());
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void premiumSamplesOfTheBookSetTheRate() {
        // The book bids 50,100 and asks 50,200 above a 50,000 index: for 1,000 USDC the impact bid is 50,100, the
        // impact ask 50,200, so each sample is (50,100 − 50,000) / 50,000 = 0.2 % = 2,000,000 ppb.
        TestVenue t = TestVenue.withTraders(builder(MEAN_PREMIUM).build());
        t.place(MAKER, Side.BUY, "50100", "1", TimeInForce.GTC);
        t.place(MAKER, Side.SELL, "50200", "1", TimeInForce.GTC);

        assertEquals(2_000_000, anHourOfMinuteTicks(t).ratePpb());
    }

    @Test
    void aBookTooThinForTheImpactNotionalGivesNoPremium() {
        // 0.01 BTC a side (500 USDC) cannot fill 1,000 USDC: the samples are 0.
        TestVenue t = TestVenue.withTraders(builder(MEAN_PREMIUM).build());
        t.place(MAKER, Side.BUY, "50100", "0.01", TimeInForce.GTC);
        t.place(MAKER, Side.SELL, "50200", "0.01", TimeInForce.GTC);

        assertEquals(0, anHourOfMinuteTicks(t).ratePpb());
    }

    @Test
    void pendingFundingSurvivesASnapshot() {
        TestVenue t = longOneBtc(FLAT_RATE);
        t.advance(HOUR);
        t.accept(new Command.AdvanceTime(t.nextId(), t.now()));

        Venue restored = Venue.replay(builder(FLAT_RATE), t.venue().snapshot(), List.of());
        assertEquals(t.venue().stateHash(), restored.stateHash());
        TestVenue r = t.continuedBy(restored);
        assertEquals(usdc("6.25"), r.accept(new Command.SettleFunding(r.nextId(), r.now(), ALICE))
                .eventsOf(Event.FundingSettled.class).get(0).amount());
    }

    @Test
    void settlingAnUnknownOrPoolAccountIsRefused() {
        TestVenue t = longOneBtc(FLAT_RATE);
        t.rejects(io.fulcrum.api.RejectReason.UNKNOWN_ACCOUNT,
                new Command.SettleFunding(t.nextId(), t.now(), AccountId.main(99)));
        t.rejects(io.fulcrum.api.RejectReason.UNKNOWN_ACCOUNT,
                new Command.SettleFunding(t.nextId(), t.now(), AccountId.of(0, 1)));
    }

    /** Starts the funding clock, ticks every minute for an hour and returns the payment the last tick made. */
    private static Event.FundingRateApplied anHourOfMinuteTicks(TestVenue t) {
        t.accept(new Command.AdvanceTime(t.nextId(), t.now()));
        List<Event.FundingRateApplied> paid = List.of();
        for (int minute = 1; minute <= 60; minute++) {
            t.advance(60_000);
            paid = t.accept(new Command.AdvanceTime(t.nextId(), t.now())).eventsOf(Event.FundingRateApplied.class);
        }
        assertEquals(1, paid.size(), "the hour's last tick pays");
        return paid.get(0);
    }
}
