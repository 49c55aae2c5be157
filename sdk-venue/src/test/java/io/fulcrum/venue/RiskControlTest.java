package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BOB;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.BTC_SPEC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.FundingInputs;
import io.fulcrum.api.spi.FundingModel;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.FlatFeeSchedule;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.margin.RiskControls;
import io.fulcrum.oracle.PushedPriceSource;
import io.fulcrum.orderbook.OrderBook;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A market that tightens while its open interest is above 50,000 USDC: new risk at most 2x,
 * open interest capped at 100,000, funding doubled; it relaxes when open interest comes back.
 * BTC at 50,000, 10 % initial margin (10x), no fees.
 */
class RiskControlTest {
    /** 125,000 ppb an hour, before the multiplier. */
    private static final FundingModel FLAT = new FundingModel() {
        @Override
        public long intervalMillis() {
            return 3_600_000;
        }

        @Override
        public long ratePpb(FundingInputs inputs, long[] state) {
            return 125_000;
        }
    };

    private static TestVenue venue() {
        TestVenue t = TestVenue.withTraders(Venue.builder()
                .settlementAsset(USDC)
                .market(BTC_SPEC, OrderBook::new, PushedPriceSource.of(TestVenue.FEED, 60_000))
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .feeSchedule(FlatFeeSchedule.of(0, 0))
                .funding(BTC, FLAT)
                .riskControl(BTC, RiskControls.concentration(usdc("50000"), 1_000_000, 2, usdc("100000"), 2_000_000))
                .build());
        t.place(MAKER, Side.SELL, "50000", "3", TimeInForce.GTC);
        t.accept(t.order(ALICE, Side.BUY, "50000", "1", TimeInForce.IOC)); // 50,000: on the line, not above
        return t;
    }

    @Test
    void passingTheLineTightensTheMarket() {
        TestVenue t = venue();

        CommandResult bought = t.accept(t.order(BOB, Side.BUY, "50000", "0.5", TimeInForce.IOC));

        assertEquals(List.of(new Event.RiskLimitsChanged(BTC, 2, usdc("100000"), 2_000_000,
                "open interest 75000000000 above 50000000000")), bought.eventsOf(Event.RiskLimitsChanged.class));
    }

    @Test
    void newRiskMayUseOnlyTheCappedLeverage() {
        // Bob holds 0.5 BTC on 10,000. Adding 0.3 (0.8 BTC, 40,000) needs 4,000 at 10x but 20,000 at 2x: refused.
        TestVenue t = venue();
        t.accept(t.order(BOB, Side.BUY, "50000", "0.5", TimeInForce.IOC));

        t.rejects(RejectReason.INSUFFICIENT_MARGIN, t.order(BOB, Side.BUY, "50000", "0.3", TimeInForce.IOC));
    }

    @Test
    void anOrderMayNotTakeOpenInterestPastTheCapButMayReduce() {
        // Open interest 1.5 BTC (75,000); the maker selling 0.6 more would make 2.1 BTC (105,000 > 100,000).
        // Bob selling his 0.5 back reduces it and, at 50,000, relaxes the market.
        TestVenue t = venue();
        t.accept(t.order(BOB, Side.BUY, "50000", "0.5", TimeInForce.IOC));

        t.rejects(RejectReason.OPEN_INTEREST_CAP_EXCEEDED, t.order(MAKER, Side.SELL, "50000", "0.6", TimeInForce.GTC));
        t.place(MAKER, Side.BUY, "49990", "0.5", TimeInForce.GTC);
        CommandResult sold = t.accept(t.order(BOB, Side.SELL, "49990", "0.5", TimeInForce.IOC));
        assertEquals(List.of(new Event.RiskLimitsChanged(BTC, 0, Long.MAX_VALUE, 1_000_000, "")),
                sold.eventsOf(Event.RiskLimitsChanged.class));
    }

    @Test
    void fundingIsMultipliedWhileTightened() {
        TestVenue t = venue();
        t.accept(t.order(BOB, Side.BUY, "50000", "0.5", TimeInForce.IOC));
        t.accept(new Command.AdvanceTime(t.nextId(), t.now()));
        t.advance(3_600_000);

        CommandResult paid = t.accept(new Command.AdvanceTime(t.nextId(), t.now()));

        assertEquals(250_000, paid.eventsOf(Event.FundingRateApplied.class).get(0).ratePpb());
    }
}
