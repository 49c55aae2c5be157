package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BOB;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.BTC_SPEC;
import static io.fulcrum.venue.TestVenue.USDC;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.btc;
import static io.fulcrum.venue.TestVenue.price;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AdlPrice;
import io.fulcrum.api.AdlTrigger;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.LossAbsorber;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
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
 * Auto-deleveraging when the book cannot take a bankrupt position (MECHANISMS.md §1.5, §2.4):
 * Alice is long 1 BTC from 50,000 on 7,000, bought from Bob (0.6) and Carol (0.4); the index
 * gaps to 40,000 with no bid in the book, so her liquidation does not fill and her equity is
 * −3,000. No fees.
 */
class AutoDeleveragingTest {
    private static final AccountId CAROL = AccountId.main(4);
    private static final AccountId DAN = AccountId.main(5);

    private static TestVenue venue(AdlPrice price, LossAbsorber... waterfall) {
        return venue(price, AdlTrigger.BANKRUPT, waterfall);
    }

    private static TestVenue venue(AdlPrice price, AdlTrigger trigger, LossAbsorber... waterfall) {
        TestVenue t = new TestVenue(Venue.builder()
                .settlementAsset(USDC)
                .market(BTC_SPEC, OrderBook::new, PushedPriceSource.of(TestVenue.FEED, 60_000))
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .feeSchedule(FlatFeeSchedule.of(0, 0))
                .liquidationPolicy(FullCloseLiquidation.withBand(100_000))
                .deleveraging(AdlRankings.hyperliquid(), price, trigger)
                .lossWaterfall(waterfall)
                .build());
        t.openWith(ALICE, "7000");
        t.openWith(BOB, "10000");
        t.openWith(CAROL, "10000");
        t.publish("50000");
        t.place(BOB, Side.SELL, "50000", "0.6", TimeInForce.GTC);
        t.place(CAROL, Side.SELL, "50000", "0.4", TimeInForce.GTC);
        t.accept(t.order(ALICE, Side.BUY, "50000", "1", TimeInForce.IOC));
        return t;
    }

    private static long balance(TestVenue t, AccountId account) {
        return t.venue().account(account).orElseThrow().balance(USDC_ID);
    }

    @Test
    void theBankruptPositionClosesAgainstTheRankedShortsAtItsBankruptcyPrice() {
        // Bankruptcy price 40,000 + 3,000 / 1 = 43,000. Hyperliquid's ranking (shorts scored entry/mark): Bob
        // 1.25 × 24,000 / 16,000 = 1.875 before Carol 1.25 × 16,000 / 14,000 = 1.43. Bob buys back 0.6 and Carol 0.4
        // at 43,000: they realise 4,200 and 2,800 instead of 6,000 and 4,000; Alice ends with exactly nothing.
        TestVenue t = venue(AdlPrice.BANKRUPTCY, LossAbsorber.AUTO_DELEVERAGING);

        CommandResult gap = t.accept(new io.fulcrum.api.Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED,
                price("40000"), 0));

        assertEquals(List.of(new Event.Deleveraged(BOB, BTC, Side.BUY, btc("0.6"), price("43000"), ALICE),
                new Event.Deleveraged(CAROL, BTC, Side.BUY, btc("0.4"), price("43000"), ALICE)),
                gap.eventsOf(Event.Deleveraged.class));
        assertEquals(List.of(0L, usdc("14200"), usdc("12800")),
                List.of(balance(t, ALICE), balance(t, BOB), balance(t, CAROL)));
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void atTheMarkTheDeficitGoesOnDownTheWaterfall() {
        // Closed at the 40,000 mark, Bob and Carol keep their full 6,000 and 4,000 and Alice's 3,000 deficit is left
        // to the rest of the waterfall: here nothing, so it stays her debt.
        TestVenue t = venue(AdlPrice.MARK, LossAbsorber.AUTO_DELEVERAGING);

        CommandResult gap = t.accept(new io.fulcrum.api.Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED,
                price("40000"), 0));

        assertEquals(2, gap.eventsOf(Event.Deleveraged.class).size());
        assertEquals(List.of(new Event.ShortfallUncovered(ALICE, BTC, usdc("3000"))),
                gap.eventsOf(Event.ShortfallUncovered.class));
        assertEquals(List.of(usdc("-3000"), usdc("16000"), usdc("14000")),
                List.of(balance(t, ALICE), balance(t, BOB), balance(t, CAROL)));
    }

    @Test
    void withoutDeleveragingTheUnfilledPositionStays() {
        TestVenue t = venue(AdlPrice.BANKRUPTCY, LossAbsorber.FEE_POOL);

        CommandResult gap = t.accept(new io.fulcrum.api.Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED,
                price("40000"), 0));

        assertEquals(List.of(), gap.eventsOf(Event.Deleveraged.class));
        assertEquals(btc("1"), t.venue().account(ALICE).orElseThrow().positions().get(0).size());
    }

    /** Dan, who holds only cash, bids 40,000 for 0.1 BTC before the gap: Alice's liquidation sells him that much. */
    private static TestVenue withATenthBid(AdlTrigger trigger) {
        TestVenue t = venue(AdlPrice.BANKRUPTCY, trigger, LossAbsorber.AUTO_DELEVERAGING);
        t.openWith(DAN, "10000");
        t.place(DAN, Side.BUY, "40000", "0.1", TimeInForce.GTC);
        return t;
    }

    @Test
    void whenBankruptTheRestIsDeleveragedRightAfterAPartialFill() {
        // 0.1 sells to Dan at the 40,000 mark, so her equity stays −3,000 over 0.9 BTC: bankruptcy price
        // 40,000 + 3,000 / 0.9 = 43,333.33, rounded up to the tick of 0.1: 43,333.4.
        TestVenue t = withATenthBid(AdlTrigger.BANKRUPT);

        CommandResult gap = t.accept(new io.fulcrum.api.Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED,
                price("40000"), 0));

        assertEquals(btc("0.9"), gap.eventsOf(Event.Deleveraged.class).stream().mapToLong(Event.Deleveraged::quantity).sum());
        assertTrue(gap.eventsOf(Event.Deleveraged.class).stream().allMatch(e -> e.price() == price("43333.4")));
    }

    @Test
    void whenUnfilledDeleveragingWaitsForAnAttemptTheBookTakesNothingOf() {
        // dYdX (§2.4): the partial fill to Dan means no ADL yet; Alice keeps 0.9 BTC at −3,000. At 39,990 her order
        // finds no bid: equity −3,009 over 0.9, bankruptcy 39,990 + 3,343.33 = 43,333.33 → 43,333.4; she keeps
        // 7,000 − 1,000 − 0.9 × 6,666.6 = 0.06.
        TestVenue t = withATenthBid(AdlTrigger.UNFILLED);

        CommandResult gap = t.accept(new io.fulcrum.api.Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED,
                price("40000"), 0));
        assertEquals(List.of(), gap.eventsOf(Event.Deleveraged.class));
        assertEquals(btc("0.9"), t.venue().account(ALICE).orElseThrow().positions().get(0).size());

        CommandResult next = t.accept(new io.fulcrum.api.Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED,
                price("39990"), 0));
        assertEquals(btc("0.9"), next.eventsOf(Event.Deleveraged.class).stream().mapToLong(Event.Deleveraged::quantity).sum());
        assertTrue(next.eventsOf(Event.Deleveraged.class).stream().allMatch(e -> e.price() == price("43333.4")));
        assertEquals(usdc("0.06"), balance(t, ALICE));
        assertTrue(t.venue().audit().isConserved());
    }
}
