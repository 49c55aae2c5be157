package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.BTC_SPEC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC;
import static io.fulcrum.venue.TestVenue.btc;
import static io.fulcrum.venue.TestVenue.price;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.LossAbsorber;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.AccountView;
import io.fulcrum.api.spi.InsuranceFund;
import io.fulcrum.api.spi.LiquidationContext;
import io.fulcrum.api.spi.LiquidationOrder;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PriceView;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.DydxLiquidation;
import io.fulcrum.margin.FlatFeeSchedule;
import io.fulcrum.margin.FullCloseLiquidation;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.margin.InsuranceDraw;
import io.fulcrum.margin.InsuranceFunds;
import io.fulcrum.oracle.PushedPriceSource;
import io.fulcrum.orderbook.OrderBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Per-block limits in a venue of one-second blocks (dYdX v4, MECHANISMS.md §2.3): a position is
 * liquidated at most once a block, the notional already liquidated in the block comes off the
 * account's budget, and insurance funds pay at most so much per account and per fund in a block;
 * Drift's per-market cap counts everything a market has drawn (§9).
 */
class BlockLimitsTest {
    private static final AccountId CAROL = AccountId.main(4);

    /** DydxLiquidation that remembers what the venue told it about the block. */
    private static final class RecordingDydx implements LiquidationPolicy {
        private final DydxLiquidation dydx = DydxLiquidation.mainnet(USDC);
        final List<LiquidationContext> seen = new ArrayList<>();

        @Override
        public List<LiquidationOrder> liquidationOrders(AccountView account, MarginState state, PriceView prices) {
            return dydx.liquidationOrders(account, state, prices);
        }

        @Override
        public List<LiquidationOrder> liquidationOrders(LiquidationContext context) {
            seen.add(context);
            return dydx.liquidationOrders(context);
        }
    }

    /**
     * Alice long 10 BTC from 50,000 on 60,000 (5 % maintenance, no fees), the maker bidding 46,000
     * for 10; the index falls to 46,000 at 1,000 ms: equity 20,000 under 23,000.
     */
    private static TestVenue dydxVenue(LiquidationPolicy policy) {
        TestVenue t = new TestVenue(dydxBuilder(policy).build());
        t.openWith(MAKER, "10000000");
        t.openWith(ALICE, "60000");
        t.publish("50000");
        t.place(MAKER, Side.SELL, "50000", "10", TimeInForce.GTC);
        t.accept(t.order(ALICE, Side.BUY, "50000", "10", TimeInForce.IOC));
        t.place(MAKER, Side.BUY, "46000", "10", TimeInForce.GTC);
        return t;
    }

    private static Venue.Builder dydxBuilder(LiquidationPolicy policy) {
        return Venue.builder()
                .settlementAsset(USDC)
                .market(BTC_SPEC, OrderBook::new, PushedPriceSource.of(TestVenue.FEED, 60_000))
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .feeSchedule(FlatFeeSchedule.of(0, 0))
                .liquidationPolicy(policy)
                .blockMillis(1_000);
    }

    private static CommandResult moveTo(TestVenue t, String index) {
        return t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED, price(index), 0));
    }

    private static long soldByLiquidation(CommandResult r) {
        return r.eventsOf(Event.Trade.class).stream().filter(e -> e.taker().equals(ALICE))
                .mapToLong(Event.Trade::quantity).sum();
    }

    @Test
    void aPositionIsLiquidatedOnceABlockAndAgainInTheNext() {
        // 46,000: a tenth of 460,000 is 46,000: 1 BTC, no worse than the fillable 45,550 (ABR 3/23 of the full
        // 1.5 × 23,000 spread: 4,500 over 10 BTC). Still under maintenance (20,000 < 20,700).
        TestVenue t = dydxVenue(DydxLiquidation.mainnet(USDC));
        CommandResult first = moveTo(t, "46000");
        assertEquals(btc("1"), soldByLiquidation(first));
        assertEquals(price("45550"), first.eventsOf(Event.OrderAccepted.class).get(0).price());

        // 500 ms later, the same block: 45,990 breaches again (19,910 < 20,695.5) but BTC waits.
        t.advance(500);
        CommandResult sameBlock = moveTo(t, "45990");
        assertEquals(1, sameBlock.eventsOf(Event.MaintenanceBreached.class).size());
        assertEquals(0, soldByLiquidation(sameBlock));

        // The next block: a tenth of 9 × 45,980 = 413,820 is 41,382: 0.9 BTC.
        t.advance(500);
        assertEquals(btc("0.9"), soldByLiquidation(moveTo(t, "45980")));
    }

    @Test
    void thePolicySeesWhatWasLiquidatedInTheBlock() {
        RecordingDydx policy = new RecordingDydx();
        TestVenue t = dydxVenue(policy);
        moveTo(t, "46000");
        t.advance(500);
        moveTo(t, "45990");
        t.advance(500);
        moveTo(t, "45980");

        assertEquals(List.of(0L, usdc("46000"), 0L),
                policy.seen.stream().map(LiquidationContext::liquidatedNotionalThisBlock).toList());
        assertEquals(List.of(Set.of(), Set.of(BTC), Set.of()),
                policy.seen.stream().map(LiquidationContext::liquidatedThisBlock).toList());
    }

    @Test
    void theBlockStateSurvivesASnapshot() {
        TestVenue t = dydxVenue(DydxLiquidation.mainnet(USDC));
        moveTo(t, "46000");
        Venue restored = Venue.replay(dydxBuilder(DydxLiquidation.mainnet(USDC)), t.venue().snapshot(), List.of());
        assertEquals(t.venue().stateHash(), restored.stateHash());
        TestVenue next = t.continuedBy(restored);
        next.advance(500);
        assertEquals(0, soldByLiquidation(moveTo(next, "45990")), "BTC was liquidated in this block before the snapshot");
        next.advance(500);
        assertEquals(btc("0.9"), soldByLiquidation(moveTo(next, "45980")));
    }

    @Test
    void blockMillisMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Venue.builder().blockMillis(0));
        assertEquals("blockMillis must be positive: 0", e.getMessage());
    }

    /**
     * Alice and Carol each long 1.2 BTC from 50,000 on 10,000 (1 bp taker fee); the index gaps to
     * 41,000, where the maker bids for 2.4: each is 810.92 short (10,800 lost, 6 + 4.92 of fees).
     */
    private static CommandResult twoBankrupt(InsuranceFund fund) {
        TestVenue t = TestVenue.withTraders(Venue.builder()
                .settlementAsset(USDC)
                .market(BTC_SPEC, OrderBook::new, PushedPriceSource.of(TestVenue.FEED, 60_000))
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .feeSchedule(FlatFeeSchedule.of(0, 100))
                .liquidationPolicy(FullCloseLiquidation.withBand(100_000))
                .insuranceFund(fund)
                .lossWaterfall(LossAbsorber.INSURANCE_FUND)
                .blockMillis(1_000)
                .build());
        t.openWith(CAROL, "10000");
        t.accept(new Command.DepositInsurance(t.nextId(), t.now(), "main", usdc("5000")));
        t.place(MAKER, Side.SELL, "50000", "2.4", TimeInForce.GTC);
        t.accept(t.order(ALICE, Side.BUY, "50000", "1.2", TimeInForce.IOC));
        t.accept(new Command.PlaceOrder(t.nextId(), t.now(), CAROL, BTC, Side.BUY, price("50000"), btc("1.2"),
                TimeInForce.IOC));
        t.place(MAKER, Side.BUY, "41000", "2.4", TimeInForce.GTC);
        CommandResult gap = moveTo(t, "41000");
        assertTrue(t.venue().audit().isConserved());
        return gap;
    }

    @Test
    void aFundPaysAtMostItsBlockCapAcrossAccounts() {
        // dYdX-style caps: 600 per account and 1,000 per fund in a block. Alice draws 600; Carol what is left
        // of the fund's 1,000: 400.
        CommandResult gap = twoBankrupt(InsuranceFunds.withBlockCaps(InsuranceFunds.shared("main", InsuranceDraw.NO_CAP,
                0), usdc("600"), usdc("1000")));

        assertEquals(List.of(
                new Event.ShortfallCovered(ALICE, BTC, LossAbsorber.INSURANCE_FUND, usdc("600"), usdc("-210.92")),
                new Event.ShortfallCovered(CAROL, BTC, LossAbsorber.INSURANCE_FUND, usdc("400"), usdc("-410.92"))),
                gap.eventsOf(Event.ShortfallCovered.class));
    }

    @Test
    void aMarketCapCountsWhatTheMarketDrewBefore() {
        // Drift: BTC-PERP may cost the fund 1,000 in all. Alice's 810.92 is paid; Carol gets the 189.08 left.
        CommandResult gap = twoBankrupt(InsuranceFunds.withMarketCaps(InsuranceFunds.shared("main", InsuranceDraw.NO_CAP,
                0), Map.of(BTC, usdc("1000"))));

        assertEquals(List.of(
                new Event.ShortfallCovered(ALICE, BTC, LossAbsorber.INSURANCE_FUND, usdc("810.92"), 0),
                new Event.ShortfallCovered(CAROL, BTC, LossAbsorber.INSURANCE_FUND, usdc("189.08"), usdc("-621.84"))),
                gap.eventsOf(Event.ShortfallCovered.class));
    }
}
