package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.BTC_SPEC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.btc;
import static io.fulcrum.venue.TestVenue.price;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AdlPrice;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.LossAbsorber;
import io.fulcrum.api.PositionReport;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.InsuranceFund;
import io.fulcrum.margin.AdlRankings;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.FlatFeeSchedule;
import io.fulcrum.margin.FullCloseLiquidation;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.oracle.PushedPriceSource;
import io.fulcrum.orderbook.OrderBook;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Binance's insurance fund takes over what the book cannot (MECHANISMS.md §5.3, §9): Alice is long
 * 1 BTC from 50,000 on 8,000, bought from the maker; the index gaps to 41,000 with no bid, so her
 * liquidation does not fill and her equity is −1,000: her bankruptcy price is 42,000. The
 * waterfall is Binance's: takeover, then ADL, then the fund. No fees.
 */
class InsuranceTakeoverTest {
    private static Venue.Builder builder() {
        return Venue.builder()
                .settlementAsset(USDC)
                .market(BTC_SPEC, OrderBook::new, PushedPriceSource.of(TestVenue.FEED, 60_000))
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .feeSchedule(FlatFeeSchedule.of(0, 0))
                .liquidationPolicy(FullCloseLiquidation.withBand(100_000))
                .insuranceFund(InsuranceFund.shared("main"))
                .deleveraging(AdlRankings.binance(6), AdlPrice.BANKRUPTCY)
                .lossWaterfall(LossAbsorber.INSURANCE_TAKEOVER, LossAbsorber.AUTO_DELEVERAGING,
                        LossAbsorber.INSURANCE_FUND)
                .insuranceTakeover(1_000_000, 10_000);
    }

    /** The venue with {@code fund} in the insurance fund, before the gap. */
    private static TestVenue venue(Venue.Builder builder, String fund) {
        TestVenue t = new TestVenue(builder.build());
        t.openWith(MAKER, "1000000");
        t.openWith(ALICE, "8000");
        t.publish("50000");
        t.accept(new Command.DepositInsurance(t.nextId(), t.now(), "main", usdc(fund)));
        t.place(MAKER, Side.SELL, "50000", "1", TimeInForce.GTC);
        t.accept(t.order(ALICE, Side.BUY, "50000", "1", TimeInForce.IOC));
        return t;
    }

    private static CommandResult moveTo(TestVenue t, String index) {
        return t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED, price(index), 0));
    }

    private static AccountId desk(TestVenue t) {
        return t.venue().insuranceFundAccount("main").orElseThrow();
    }

    private static long size(TestVenue t, AccountId account) {
        return t.venue().account(account).orElseThrow().position(BTC).map(PositionReport::size).orElse(0L);
    }

    @Test
    void theFundTakesTheBankruptPositionAtItsBankruptcyPrice() {
        TestVenue t = venue(builder(), "100000");
        CommandResult gap = moveTo(t, "41000");

        assertEquals(List.of(new Event.TakenOverByInsurance(ALICE, BTC, "main", desk(t), Side.BUY, btc("1"),
                price("42000"))), gap.eventsOf(Event.TakenOverByInsurance.class));
        assertEquals(0, t.venue().account(ALICE).orElseThrow().balance(USDC_ID), "she ends at exactly zero");
        assertEquals(btc("1"), size(t, desk(t)));
        assertEquals(List.of(), gap.eventsOf(Event.Deleveraged.class));
        assertEquals(List.of(), gap.eventsOf(Event.ShortfallCovered.class));
        assertEquals(usdc("100000"), t.venue().insuranceFund("main"), "nothing realised yet: the fund holds its risk");
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void theFundUnwindsIntoTheBookAndKeepsWhatItLoses() {
        // Bids return at 41,500; at the next move (41,600) the desk sells there, no worse than 1 % under the mark
        // (41,184): 500 lost against its 42,000 entry, swept from its account into the fund.
        TestVenue t = venue(builder(), "100000");
        moveTo(t, "41000");
        t.place(MAKER, Side.BUY, "41500", "1", TimeInForce.GTC);
        CommandResult unwind = moveTo(t, "41600");

        assertEquals(List.of(new Event.InsuranceFundChanged("main", usdc("-500"), usdc("99500"), desk(t))),
                unwind.eventsOf(Event.InsuranceFundChanged.class));
        assertEquals(0, size(t, desk(t)));
        assertEquals(0, t.venue().account(desk(t)).orElseThrow().balance(USDC_ID), "the desk keeps no cash");
        assertEquals(usdc("99500"), t.venue().insuranceFund("main"));
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void whatTheFundCannotHoldGoesToAutoDeleveraging() {
        // A fund of 30,000 may hold 30,000 of notional: at 41,000 that is 0.731 BTC (731 lots of 41). The other
        // 0.269 closes against the maker's profitable short at the same bankruptcy price, 42,000.
        TestVenue t = venue(builder(), "30000");
        CommandResult gap = moveTo(t, "41000");

        assertEquals(List.of(new Event.TakenOverByInsurance(ALICE, BTC, "main", desk(t), Side.BUY, btc("0.731"),
                price("42000"))), gap.eventsOf(Event.TakenOverByInsurance.class));
        assertEquals(List.of(new Event.Deleveraged(MAKER, BTC, Side.BUY, btc("0.269"), price("42000"), ALICE)),
                gap.eventsOf(Event.Deleveraged.class));
        assertEquals(0, t.venue().account(ALICE).orElseThrow().balance(USDC_ID));
        assertEquals(btc("-0.731"), size(t, MAKER));
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void anEmptyFundTakesNothing() {
        // No fund, no room: ADL closes all of it.
        TestVenue t = venue(builder(), "0.000001");
        CommandResult gap = moveTo(t, "41000");

        assertEquals(List.of(), gap.eventsOf(Event.TakenOverByInsurance.class));
        assertEquals(List.of(new Event.Deleveraged(MAKER, BTC, Side.BUY, btc("1"), price("42000"), ALICE)),
                gap.eventsOf(Event.Deleveraged.class));
    }

    @Test
    void theDeskIsTheVenuesOwnAccount() {
        TestVenue t = venue(builder(), "100000");
        assertEquals(AccountId.of(0, 2), desk(t), "owner 0, after the one market's sub-account");
        t.rejects(io.fulcrum.api.RejectReason.RESERVED_ACCOUNT, new Command.PlaceOrder(t.nextId(), t.now(), desk(t), BTC,
                Side.BUY, price("50000"), btc("0.1"), TimeInForce.GTC));
        assertEquals(java.util.Optional.empty(), t.venue().insuranceFundAccount("other"));
    }

    @Test
    void aDepositIntoTheDeskGoesToTheFund() {
        // 100 deposited into the desk is swept into the fund by the end of the command: 100,000 → 100,100.
        TestVenue t = venue(builder(), "100000");
        CommandResult deposit = t.accept(new Command.Deposit(t.nextId(), t.now(), desk(t), USDC_ID, usdc("100")));

        assertEquals(List.of(new Event.InsuranceFundChanged("main", usdc("100"), usdc("100100"), desk(t))),
                deposit.eventsOf(Event.InsuranceFundChanged.class));
        assertEquals(0, t.venue().account(desk(t)).orElseThrow().balance(USDC_ID));
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void aReplayedVenueHoldsAndUnwindsTheSame() {
        TestVenue t = venue(builder(), "100000");
        moveTo(t, "41000");
        Venue restored = Venue.replay(builder(), t.venue().snapshot(), List.of());
        assertEquals(t.venue().stateHash(), restored.stateHash());
        TestVenue next = t.continuedBy(restored);
        next.place(MAKER, Side.BUY, "41500", "1", TimeInForce.GTC);
        moveTo(next, "41600");
        assertEquals(usdc("99500"), restored.insuranceFund("main"));
    }

    @Test
    void aTakeoverNeedsItsSettingsAndItsFund() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> Venue.builder()
                .settlementAsset(USDC)
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .insuranceFund(InsuranceFund.shared("main"))
                .lossWaterfall(LossAbsorber.INSURANCE_TAKEOVER)
                .build());
        assertEquals("lossWaterfall lists INSURANCE_TAKEOVER: set insuranceTakeover too", missing.getMessage());
        IllegalStateException unused = assertThrows(IllegalStateException.class, () -> Venue.builder()
                .settlementAsset(USDC)
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .insuranceTakeover(1_000_000, 10_000)
                .build());
        assertEquals("insuranceTakeover is set but lossWaterfall does not list INSURANCE_TAKEOVER", unused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Venue.builder().insuranceTakeover(1_000_000, 1_000_000));
    }
}
