package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.USDC;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.BorrowTerms;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.MoneyAudit;
import io.fulcrum.api.RejectReason;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.HaircutCollateral;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Borrowing the settlement asset against collateral (Hyperliquid portfolio margin, MECHANISMS.md
 * §1.6): HYPE at 40 USDC, 50 % loan-to-value, 10 % a year; HYPE counts as margin at a 20 %
 * haircut.
 */
class BorrowingTest {
    private static final AssetSpec HYPE = AssetSpec.of("HYPE", 8);
    private static final BorrowTerms TERMS = BorrowTerms.atYearlyRate(100_000).withLoanToValue(HYPE.id(), 500_000);

    private static Venue.Builder builder(BorrowTerms terms) {
        Venue.Builder b = Venue.builder().settlementAsset(USDC).collateralAsset(HYPE, "HYPE-USD")
                .market(TestVenue.BTC_SPEC, io.fulcrum.orderbook.OrderBook::new,
                        io.fulcrum.oracle.PushedPriceSource.of(TestVenue.FEED, 60_000))
                .marginModel(CrossMargin.with(HaircutCollateral.builder(USDC).haircut(HYPE.id(), 200_000).build()));
        return terms == null ? b : b.borrowing(terms);
    }

    /** Alice holds 10,000 HYPE at 40 USDC: she may borrow 10,000 × 40 × 0.5 = 200,000 USDC. */
    private static TestVenue withHype(BorrowTerms terms) {
        TestVenue t = new TestVenue(builder(terms).build());
        t.accept(new Command.PublishPrice(t.nextId(), t.now(), "HYPE-USD", usdc("40"), 0));
        t.accept(new Command.OpenAccount(t.nextId(), t.now(), ALICE));
        t.accept(new Command.Deposit(t.nextId(), t.now(), ALICE, HYPE.id(), HYPE.toUnits("10000")));
        return t;
    }

    private static Command.Borrow borrow(TestVenue t, String amount) {
        return new Command.Borrow(t.nextId(), t.now(), ALICE, usdc(amount));
    }

    @Test
    void theLimitIsTheCollateralsValueTimesItsLoanToValue() {
        // The FAQ's example: 10,000 HYPE × 40 × 0.5 = 200,000.
        TestVenue t = withHype(TERMS);

        t.rejects(RejectReason.ABOVE_BORROW_LIMIT, borrow(t, "200000.000001"));
        CommandResult r = t.accept(borrow(t, "200000"));

        assertEquals(List.of(new Event.Borrowed(ALICE, usdc("200000"), usdc("200000"), usdc("200000"))), r.events());
    }

    @Test
    void borrowingLeavesEquityWhereItWas() {
        // 10,000 HYPE × 40 × (1 − 20 %) = 320,000 of margin, before and after: cash and loan rise together.
        TestVenue t = withHype(TERMS);
        long before = t.venue().margin(ALICE).orElseThrow().equity();

        t.accept(borrow(t, "150000"));

        assertEquals(usdc("320000"), before);
        assertEquals(before, t.venue().margin(ALICE).orElseThrow().equity());
        assertEquals(usdc("150000"), t.venue().account(ALICE).orElseThrow().loan());
    }

    @Test
    void borrowedFundsCannotBeWithdrawn() {
        // 500 deposited + 1,000 borrowed: 500 may leave, a unit more may not.
        TestVenue t = withHype(TERMS);
        t.accept(borrow(t, "1000"));
        t.accept(new Command.Deposit(t.nextId(), t.now(), ALICE, USDC_ID, usdc("500")));

        t.rejects(RejectReason.BORROWED_FUNDS_NOT_WITHDRAWABLE,
                new Command.Withdraw(t.nextId(), t.now(), ALICE, USDC_ID, usdc("500.000001")));
        t.accept(new Command.Withdraw(t.nextId(), t.now(), ALICE, USDC_ID, usdc("500")));
    }

    @Test
    void interestAccruesWithTimeRoundedAgainstTheBorrower() {
        // 100,000 at 10 % a year for one day: 100,000 × 0.1 / 365 = 27.397260 27… → 27.397261.
        TestVenue t = withHype(TERMS);
        t.accept(borrow(t, "100000"));
        t.advance(86_400_000);

        CommandResult r = t.accept(new Command.AdvanceTime(t.nextId(), t.now()));

        assertEquals(List.of(new Event.InterestCharged(ALICE, usdc("27.397261"), usdc("100027.397261"))),
                r.eventsOf(Event.InterestCharged.class));
    }

    @Test
    void repayingMoreThanTheLoanIsRejected() {
        TestVenue t = withHype(TERMS);
        t.accept(borrow(t, "1000"));

        t.rejects(RejectReason.REPAY_ABOVE_LOAN, new Command.Repay(t.nextId(), t.now(), ALICE, usdc("1000.000001")));
    }

    @Test
    void repaymentWithInterestLeavesTheLendingPoolWithTheInterestAndMoneyConserved() {
        // Borrow 100,000, a day passes (27.397261 of interest), deposit 30 USDC, repay everything.
        TestVenue t = withHype(TERMS);
        t.accept(borrow(t, "100000"));
        t.advance(86_400_000);
        t.accept(new Command.AdvanceTime(t.nextId(), t.now()));
        t.accept(new Command.Deposit(t.nextId(), t.now(), ALICE, USDC_ID, usdc("30")));

        t.accept(new Command.Repay(t.nextId(), t.now(), ALICE, usdc("100027.397261")));

        MoneyAudit audit = t.venue().audit();
        MoneyAudit.Line usdcLine = audit.lines().stream().filter(l -> l.asset().equals(USDC_ID)).findFirst().orElseThrow();
        assertEquals(usdc("27.397261"), usdcLine.lendingPool());
        assertTrue(audit.isConserved(), audit::toString);
        assertEquals(0, t.venue().account(ALICE).orElseThrow().loan());
    }

    @Test
    void aVenueWithoutTermsDoesNotLend() {
        TestVenue t = withHype(null);

        t.rejects(RejectReason.BORROWING_NOT_OFFERED, borrow(t, "1"));
    }

    @Test
    void termsMustNameListedCollateral() {
        BorrowTerms onBtc = BorrowTerms.atYearlyRate(0).withLoanToValue(io.fulcrum.api.AssetId.of("BTC"), 500_000);

        assertThrows(IllegalStateException.class, () -> builder(onBtc).build());
    }

    @Test
    void aLoanSurvivesASnapshotAndKeepsAccruing() {
        TestVenue t = withHype(TERMS);
        t.accept(borrow(t, "100000"));
        t.advance(43_200_000);
        t.accept(new Command.AdvanceTime(t.nextId(), t.now()));

        Venue restored = Venue.replay(builder(TERMS), VenueSnapshot.fromJson(t.venue().snapshot().toJson()), List.of());

        assertEquals(t.venue().stateHash(), restored.stateHash());
        assertEquals(t.venue().account(ALICE), restored.account(ALICE));
    }
}
