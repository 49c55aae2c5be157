package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BOB;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.BTC_SPEC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.LossAbsorber;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.InsuranceFund;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.FlatFeeSchedule;
import io.fulcrum.margin.FullCloseLiquidation;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.oracle.PushedPriceSource;
import io.fulcrum.orderbook.OrderBook;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A gap leaves a liquidated account bankrupt, and the loss waterfall decides who pays
 * (MECHANISMS.md §9). Alice is long 1.2 BTC and Bob 0.4 from 50,000 against the maker, with a
 * 1 bp taker fee; the index gaps to 41,000, where the maker bids for 1.2. Alice's liquidation
 * sells there: she loses 10,800 on 10,000 and has paid 6 + 4.92 of fees, a shortfall of 810.92.
 */
class LossWaterfallTest {
    private static final AccountId CAROL = AccountId.main(4);

    private static Venue.Builder builder(LossAbsorber... waterfall) {
        Venue.Builder b = Venue.builder()
                .settlementAsset(USDC)
                .market(BTC_SPEC, OrderBook::new, PushedPriceSource.of(TestVenue.FEED, 60_000))
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .feeSchedule(FlatFeeSchedule.of(0, 100))
                .liquidationPolicy(FullCloseLiquidation.withBand(100_000))
                .insuranceFund(InsuranceFund.shared("main"));
        return waterfall.length == 0 ? b : b.lossWaterfall(waterfall);
    }

    /** The positions, a 500 fund, Carol holding cash only, and the maker's bid at 41,000; returns the gap's result. */
    private static CommandResult gap(TestVenue t) {
        t.openWith(CAROL, "5000");
        t.accept(new Command.DepositInsurance(t.nextId(), t.now(), "main", usdc("500")));
        t.place(MAKER, Side.SELL, "50000", "1.6", TimeInForce.GTC);
        t.accept(t.order(ALICE, Side.BUY, "50000", "1.2", TimeInForce.IOC));
        t.accept(t.order(BOB, Side.BUY, "50000", "0.4", TimeInForce.IOC));
        t.place(MAKER, Side.BUY, "41000", "1.2", TimeInForce.GTC);
        return t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED, TestVenue.price("41000"), 0));
    }

    private static long balance(TestVenue t, AccountId account) {
        return t.venue().account(account).orElseThrow().balance(USDC_ID);
    }

    @Test
    void theFundThenTheFeePoolThenEveryOpenPositionPays() {
        // The fund pays its 500, the fee pool its 12.92 (6 + 2 + 4.92), and the last 298 is spread over the 0.8 BTC
        // of open positions left (Bob's 0.4 long, the maker's 0.4 short): 298 / 8,000 units = 0.03725 each, 149 each.
        TestVenue t = TestVenue.withTraders(builder(LossAbsorber.INSURANCE_FUND, LossAbsorber.FEE_POOL,
                LossAbsorber.SOCIALISED_LOSS).build());
        CommandResult gap = gap(t);
        long carol = balance(t, CAROL);

        assertEquals(List.of(
                new Event.ShortfallCovered(ALICE, BTC, LossAbsorber.INSURANCE_FUND, usdc("500"), usdc("-310.92")),
                new Event.ShortfallCovered(ALICE, BTC, LossAbsorber.FEE_POOL, usdc("12.92"), usdc("-298")),
                new Event.ShortfallCovered(ALICE, BTC, LossAbsorber.SOCIALISED_LOSS, usdc("298"), 0)),
                gap.eventsOf(Event.ShortfallCovered.class));
        assertEquals(List.of(new Event.LossSocialised(BTC, ALICE, usdc("298"), 37_250_000_000L, 37_250_000_000L)),
                gap.eventsOf(Event.LossSocialised.class));
        assertEquals(List.of(new Event.InsuranceFundChanged("main", usdc("-500"), 0, ALICE)),
                gap.eventsOf(Event.InsuranceFundChanged.class));
        assertTrue(t.venue().audit().isConserved());

        long bob = t.accept(new Command.SettleFunding(t.nextId(), t.now(), BOB)).eventsOf(Event.FundingSettled.class)
                .get(0).amount();
        long maker = t.accept(new Command.SettleFunding(t.nextId(), t.now(), MAKER))
                .eventsOf(Event.FundingSettled.class).get(0).amount();
        assertEquals(List.of(usdc("149"), usdc("149")), List.of(bob, maker));
        assertEquals(0, t.venue().audit().lines().get(0).fundingPool());
        assertEquals(carol, balance(t, CAROL), "an account with no position never pays for another's loss");
        assertEquals(0, balance(t, ALICE));
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void whatTheWaterfallCannotPayStaysTheAccountsDebt() {
        // With the fund alone: it pays 500, and 310.92 stays Alice's debt.
        TestVenue t = TestVenue.withTraders(builder(LossAbsorber.INSURANCE_FUND).build());

        CommandResult gap = gap(t);

        assertEquals(List.of(new Event.ShortfallUncovered(ALICE, BTC, usdc("310.92"))),
                gap.eventsOf(Event.ShortfallUncovered.class));
        assertEquals(usdc("-310.92"), balance(t, ALICE));
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void theBackstopVaultPaysFromItsCashAfterTheFund() {
        // The fund pays 500, the vault its 200, and 110.92 stays Alice's debt.
        TestVenue t = TestVenue.withTraders(builder(LossAbsorber.INSURANCE_FUND, LossAbsorber.BACKSTOP_VAULT)
                .backstopVault().build());
        t.accept(new Command.Deposit(t.nextId(), t.now(), Venue.BACKSTOP_VAULT, USDC_ID, usdc("200")));

        CommandResult gap = gap(t);

        assertEquals(List.of(
                new Event.ShortfallCovered(ALICE, BTC, LossAbsorber.INSURANCE_FUND, usdc("500"), usdc("-310.92")),
                new Event.ShortfallCovered(ALICE, BTC, LossAbsorber.BACKSTOP_VAULT, usdc("200"), usdc("-110.92"))),
                gap.eventsOf(Event.ShortfallCovered.class));
        assertEquals(List.of(new Event.ShortfallUncovered(ALICE, BTC, usdc("110.92"))),
                gap.eventsOf(Event.ShortfallUncovered.class));
        assertEquals(0, balance(t, Venue.BACKSTOP_VAULT));
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void aWaterfallDrawingOnTheVaultNeedsOne() {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> builder(LossAbsorber.BACKSTOP_VAULT).build());
        assertTrue(e.getMessage().contains("set backstopVault too"), e.getMessage());
    }

    @Test
    void withoutAWaterfallNobodyPays() {
        TestVenue t = TestVenue.withTraders(builder().build());

        CommandResult gap = gap(t);

        assertEquals(List.of(), gap.eventsOf(Event.ShortfallCovered.class));
        assertEquals(usdc("-810.92"), balance(t, ALICE));
    }

    @Test
    void theFundEarnsItsShareOfFees() {
        // A fund taking 40 % of fees: Alice's 6.00 taker fee puts 2.40 in it, 3.60 in the fee pool.
        InsuranceFund fortyPercent = new InsuranceFund() {
            @Override
            public String fundFor(io.fulcrum.api.MarketId market) {
                return "main";
            }

            @Override
            public long drawFor(io.fulcrum.api.spi.InsuranceClaim claim) {
                return claim.payable();
            }

            @Override
            public long feeSharePpm(io.fulcrum.api.MarketId market) {
                return 400_000;
            }
        };
        TestVenue t = TestVenue.withTraders(Venue.builder()
                .settlementAsset(USDC)
                .market(BTC_SPEC, OrderBook::new, PushedPriceSource.of(TestVenue.FEED, 60_000))
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .feeSchedule(FlatFeeSchedule.of(0, 100))
                .insuranceFund(fortyPercent)
                .build());
        t.place(MAKER, Side.SELL, "50000", "1.2", TimeInForce.GTC);
        long feePool = t.venue().feePool();

        CommandResult bought = t.accept(t.order(ALICE, Side.BUY, "50000", "1.2", TimeInForce.IOC));

        assertEquals(List.of(new Event.InsuranceFundChanged("main", usdc("2.4"), usdc("2.4"), null)),
                bought.eventsOf(Event.InsuranceFundChanged.class));
        assertEquals(usdc("3.6"), t.venue().feePool() - feePool);
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void anInsuranceDepositNeedsAFundNameAndAPositiveAmount() {
        TestVenue t = TestVenue.withTraders(builder(LossAbsorber.INSURANCE_FUND).build());
        t.rejects(RejectReason.NO_INSURANCE_FUND, new Command.DepositInsurance(t.nextId(), t.now(), " ", usdc("1")));
        t.rejects(RejectReason.NON_POSITIVE_AMOUNT, new Command.DepositInsurance(t.nextId(), t.now(), "main", 0));
    }

    @Test
    void thePenaltyIsSplitBetweenTheLiquidatorTheVaultAndTheFund() {
        // The same 522 penalty split 30 % to the maker whose bid took the liquidation (156.60), 20 % to the backstop
        // vault (104.40) and the rest to the fund (261).
        TestVenue t = TestVenue.withTraders(builder(LossAbsorber.INSURANCE_FUND).liquidationPenalty(10_000)
                .liquidationPenaltySplit(300_000, 200_000).backstopVault().build());
        t.place(MAKER, Side.SELL, "50000", "1.2", TimeInForce.GTC);
        t.accept(t.order(ALICE, Side.BUY, "50000", "1.2", TimeInForce.IOC));
        t.place(MAKER, Side.BUY, "43500", "1.2", TimeInForce.GTC);

        CommandResult fall = t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED,
                TestVenue.price("43500"), 0));

        assertEquals(List.of(usdc("156.6"), usdc("104.4")), fall.eventsOf(Event.LiquidatorRewarded.class).stream()
                .map(Event.LiquidatorRewarded::amount).toList());
        assertEquals(List.of(MAKER, Venue.BACKSTOP_VAULT), fall.eventsOf(Event.LiquidatorRewarded.class).stream()
                .map(Event.LiquidatorRewarded::liquidator).toList());
        assertEquals(List.of(new Event.InsuranceFundChanged("main", usdc("261"), usdc("261"), ALICE)),
                fall.eventsOf(Event.InsuranceFundChanged.class));
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void aVenueWithoutAFundPolicyRefusesInsuranceDeposits() {
        TestVenue t = TestVenue.withTraders();
        t.rejects(RejectReason.NO_INSURANCE_FUND, new Command.DepositInsurance(t.nextId(), t.now(), "main", usdc("1")));
    }

    @Test
    void aLiquidationPenaltyGoesToTheFundAndNeverBeyondTheSurplus() {
        // At 43,500 Alice (long 1.2 from 50,000) is down 7,800: equity 2,194 under maintenance 2,610. Her liquidation
        // sells 1.2 at the maker's 43,500 (52,200, a 5.22 fee) and leaves 2,188.78; a 1 % penalty is 522, to the fund.
        // A second account bankrupt by a gap pays none: it has no surplus.
        TestVenue t = TestVenue.withTraders(builder(LossAbsorber.INSURANCE_FUND).liquidationPenalty(10_000).build());
        t.place(MAKER, Side.SELL, "50000", "1.2", TimeInForce.GTC);
        t.accept(t.order(ALICE, Side.BUY, "50000", "1.2", TimeInForce.IOC));
        t.place(MAKER, Side.BUY, "43500", "1.2", TimeInForce.GTC);

        CommandResult fall = t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED,
                TestVenue.price("43500"), 0));

        assertEquals(List.of(new Event.LiquidationPenaltyCharged(ALICE, BTC, usdc("52200"), usdc("522"), "main",
                usdc("1666.78"))), fall.eventsOf(Event.LiquidationPenaltyCharged.class));
        assertEquals(List.of(new Event.InsuranceFundChanged("main", usdc("522"), usdc("522"), ALICE)),
                fall.eventsOf(Event.InsuranceFundChanged.class));
        assertTrue(t.venue().audit().isConserved());

        TestVenue gapped = TestVenue.withTraders(builder(LossAbsorber.INSURANCE_FUND).liquidationPenalty(10_000).build());
        assertEquals(List.of(), gap(gapped).eventsOf(Event.LiquidationPenaltyCharged.class));
    }
}
