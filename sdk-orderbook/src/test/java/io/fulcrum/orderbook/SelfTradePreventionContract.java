package io.fulcrum.orderbook;

import static io.fulcrum.api.CancelReason.SELF_TRADE_PREVENTION;
import static io.fulcrum.api.Side.BUY;
import static io.fulcrum.api.Side.SELL;
import static io.fulcrum.api.TimeInForce.GTC;
import static io.fulcrum.api.TimeInForce.IOC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fulcrum.api.Side;
import io.fulcrum.api.spi.RestingOrder;
import io.fulcrum.orderbook.RecordingSink.Match;
import io.fulcrum.orderbook.RecordingSink.Reduced;
import io.fulcrum.orderbook.RecordingSink.Replenished;
import io.fulcrum.orderbook.RecordingSink.Rested;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Self-trade prevention, one mode per book. Most tests use the book of
 * {@link SelfTradePrevention}'s examples: asks of order 1 (owner 7) for 4 at 100.0 and then
 * order 2 (owner 9) for 5 at 100.0; order 3 of owner 7 buys 6 at 100.0.
 */
abstract class SelfTradePreventionContract extends ContractSupport {
    private static final long OWN = 7;
    private static final long OTHER = 9;

    @Test
    void noneLetsTheSelfTradeHappen() {
        RecordingSink sink = example(SelfTradePrevention.NONE);

        assertEquals(List.of(new Match(1, OWN, 3, 1_000, 4), new Match(2, OTHER, 3, 1_000, 2)), sink.events());
        assertEquals(List.of(ask(2, OTHER, 3)), restingOrders());
    }

    @Test
    void cancelTakerCancelsWhatIsLeftOfTheTakerAndStops() {
        RecordingSink sink = example(SelfTradePrevention.CANCEL_TAKER);

        assertEquals(List.of(new Reduced(3, 6, 0, SELF_TRADE_PREVENTION)), sink.events());
        assertEquals(List.of(ask(1, OWN, 4), ask(2, OTHER, 5)), restingOrders());
    }

    @Test
    void cancelMakerCancelsTheMakerAndMatchingGoesOn() {
        RecordingSink sink = example(SelfTradePrevention.CANCEL_MAKER);

        assertEquals(List.of(new Reduced(1, 4, 0, SELF_TRADE_PREVENTION), new Match(2, OTHER, 3, 1_000, 5),
                new Rested(3, BUY, 1_000, 1)), sink.events());
        assertEquals(List.of(new RestingOrder(3, OWN, BUY, 1_000, 1)), restingOrders());
    }

    @Test
    void cancelBothCancelsTheMakerThenTheTaker() {
        RecordingSink sink = example(SelfTradePrevention.CANCEL_BOTH);

        assertEquals(List.of(new Reduced(1, 4, 0, SELF_TRADE_PREVENTION), new Reduced(3, 6, 0, SELF_TRADE_PREVENTION)),
                sink.events());
        assertEquals(List.of(ask(2, OTHER, 5)), restingOrders());
    }

    @Test
    void decrementAndCancelTakesTheSmallerSizeOffBothAndGoesOn() {
        RecordingSink sink = example(SelfTradePrevention.DECREMENT_AND_CANCEL);

        // q = min(6, 4) = 4: order 1 is gone, order 3 has 2 left and buys them from order 2.
        assertEquals(List.of(new Reduced(1, 4, 0, SELF_TRADE_PREVENTION), new Reduced(3, 4, 2, SELF_TRADE_PREVENTION),
                new Match(2, OTHER, 3, 1_000, 2)), sink.events());
        assertEquals(List.of(ask(2, OTHER, 3)), restingOrders());
    }

    @Test
    void decrementAndCancelEndsASmallerTakerAndLeavesTheMakerInPlace() {
        useBook(TestMarkets.BTC_PERP, SelfTradePrevention.DECREMENT_AND_CANCEL, MatchingPolicy.priceTime());
        gtc(1, OWN, SELL, 1_000, 5);
        gtc(2, OTHER, SELL, 1_000, 5);
        RecordingSink sink = new RecordingSink();

        assertEquals(0, place(3, OWN, BUY, 1_000, 3, GTC, sink));

        assertEquals(List.of(new Reduced(1, 3, 2, SELF_TRADE_PREVENTION), new Reduced(3, 3, 0, SELF_TRADE_PREVENTION)),
                sink.events());
        assertEquals(List.of(ask(1, OWN, 2), ask(2, OTHER, 5)), restingOrders());
    }

    @Test
    void decrementingAnIcebergsSliceRefillsIt() {
        useBook(TestMarkets.BTC_PERP, SelfTradePrevention.DECREMENT_AND_CANCEL, MatchingPolicy.priceTime());
        assertEquals(0, book.placeIceberg(1, OWN, SELL, 1_000, 10, 4, setupSink));
        RecordingSink sink = new RecordingSink();

        // The slice of 4 goes (6 open, a new slice of 4), the taker keeps 2, meets the new slice
        // and loses those 2 too; the iceberg ends with 2 showing and 2 hidden.
        assertEquals(0, place(2, OWN, BUY, 1_000, 6, GTC, sink));

        assertEquals(List.of(
                new Reduced(1, 4, 6, SELF_TRADE_PREVENTION), new Replenished(1, 1_000, 4),
                new Reduced(2, 4, 2, SELF_TRADE_PREVENTION),
                new Reduced(1, 2, 4, SELF_TRADE_PREVENTION), new Reduced(2, 2, 0, SELF_TRADE_PREVENTION)), sink.events());
        assertEquals(List.of(new RestingOrder(1, OWN, SELL, 1_000, 4, 4, 2)), restingOrders());
    }

    @Test
    void cancelMakerRemovesAnIcebergWithItsHiddenReserve() {
        useBook(TestMarkets.BTC_PERP, SelfTradePrevention.CANCEL_MAKER, MatchingPolicy.priceTime());
        assertEquals(0, book.placeIceberg(1, OWN, SELL, 1_000, 10, 4, setupSink));
        RecordingSink sink = new RecordingSink();

        assertEquals(0, place(2, OWN, BUY, 1_000, 3, GTC, sink));

        assertEquals(List.of(new Reduced(1, 10, 0, SELF_TRADE_PREVENTION), new Rested(2, BUY, 1_000, 3)), sink.events());
    }

    @Test
    void underPriceTimeOthersQueuedAheadTradeBeforeTheTakerMeetsItsOwnOrder() {
        useBook(TestMarkets.BTC_PERP, SelfTradePrevention.CANCEL_TAKER, MatchingPolicy.priceTime());
        gtc(1, OTHER, SELL, 1_000, 2);
        gtc(2, OWN, SELL, 1_000, 3);
        RecordingSink sink = new RecordingSink();

        // An IOC cancelled by self-trade prevention returns 0: its 2 were reported, not dropped.
        assertEquals(0, place(3, OWN, BUY, 1_000, 4, IOC, sink));

        assertEquals(List.of(new Match(1, OTHER, 3, 1_000, 2), new Reduced(3, 2, 0, SELF_TRADE_PREVENTION)), sink.events());
        assertEquals(List.of(ask(2, OWN, 3)), restingOrders());
    }

    @Test
    void underProRataTheTakerMeetsItsOwnOrdersBeforeTheLevelIsShared() {
        useBook(TestMarkets.BTC_PERP, SelfTradePrevention.CANCEL_TAKER, MatchingPolicy.proRata());
        gtc(1, OTHER, SELL, 1_000, 2);
        gtc(2, OWN, SELL, 1_000, 3);
        RecordingSink sink = new RecordingSink();

        // The same book as under price-time, but the taker meets the whole level at once: no fill.
        assertEquals(0, place(3, OWN, BUY, 1_000, 4, IOC, sink));

        assertEquals(List.of(new Reduced(3, 4, 0, SELF_TRADE_PREVENTION)), sink.events());
        assertEquals(List.of(ask(1, OTHER, 2), ask(2, OWN, 3)), restingOrders());
    }

    @Test
    void underProRataCancelMakerTakesOwnOrdersOutOfTheShare() {
        useBook(TestMarkets.BTC_PERP, SelfTradePrevention.CANCEL_MAKER, MatchingPolicy.proRata());
        gtc(1, OTHER, SELL, 1_000, 6);
        gtc(2, OWN, SELL, 1_000, 3);
        gtc(3, 8, SELL, 1_000, 2);
        RecordingSink sink = new RecordingSink();

        // Order 2 goes; 4 shared over 6 and 2: 3 and 1.
        assertEquals(0, place(4, OWN, BUY, 1_000, 4, IOC, sink));

        assertEquals(List.of(new Reduced(2, 3, 0, SELF_TRADE_PREVENTION), new Match(1, OTHER, 4, 1_000, 3),
                new Match(3, 8, 4, 1_000, 1)), sink.events());
    }

    @Test
    void aBudgetTakerCancelledReportsTheLotsItsBudgetBuysThereAndKeepsItsBudget() {
        useBook(TestMarkets.BTC_PERP, SelfTradePrevention.CANCEL_TAKER, MatchingPolicy.priceTime());
        gtc(1, OWN, SELL, 1_000, 5);
        RecordingSink sink = new RecordingSink();

        // 30,000 buys 3 lots at 100.0 (10,000 each).
        assertEquals(30_000, book.placeWithBudget(2, OWN, BUY, 1_000, 30_000, sink));

        assertEquals(List.of(new Reduced(2, 3, 0, SELF_TRADE_PREVENTION)), sink.events());
        assertEquals(List.of(ask(1, OWN, 5)), restingOrders());
    }

    @Test
    void aBudgetTakerGoesOnPastItsOwnCancelledMaker() {
        useBook(TestMarkets.BTC_PERP, SelfTradePrevention.CANCEL_MAKER, MatchingPolicy.priceTime());
        gtc(1, OWN, SELL, 1_000, 5);
        gtc(2, OTHER, SELL, 1_000, 5);
        RecordingSink sink = new RecordingSink();

        // Order 1 is more than 30,000 buys, but it is cancelled, not traded: 3 lots come from order 2.
        assertEquals(0, book.placeWithBudget(3, OWN, BUY, 1_000, 30_000, sink));

        assertEquals(List.of(new Reduced(1, 5, 0, SELF_TRADE_PREVENTION), new Match(2, OTHER, 3, 1_000, 3)), sink.events());
    }

    @Test
    void aBudgetTakerDecrementedSpendsTheNotionalOfWhatItLost() {
        useBook(TestMarkets.BTC_PERP, SelfTradePrevention.DECREMENT_AND_CANCEL, MatchingPolicy.priceTime());
        gtc(1, OWN, SELL, 1_000, 2);
        gtc(2, OTHER, SELL, 1_000, 5);
        RecordingSink sink = new RecordingSink();

        // 50,000 buys 5 lots: 2 are decremented against order 1 (20,000), 3 bought from order 2.
        assertEquals(0, book.placeWithBudget(3, OWN, BUY, 1_000, 50_000, sink));

        assertEquals(List.of(new Reduced(1, 2, 0, SELF_TRADE_PREVENTION), new Reduced(3, 2, 3, SELF_TRADE_PREVENTION),
                new Match(2, OTHER, 3, 1_000, 3)), sink.events());
    }

    @Test
    void anAmendThatMeetsItsOwnOrderIsTreatedAsATaker() {
        useBook(TestMarkets.BTC_PERP, SelfTradePrevention.CANCEL_TAKER, MatchingPolicy.priceTime());
        gtc(1, OWN, SELL, 1_010, 3);
        gtc(2, OWN, BUY, 990, 5);
        RecordingSink sink = new RecordingSink();

        assertFalse(amend(2, 1_010, 5, sink));

        assertEquals(List.of(new Reduced(2, 5, 0, SELF_TRADE_PREVENTION)), sink.events());
        assertEquals(List.of(new RestingOrder(1, OWN, SELL, 1_010, 3)), restingOrders());
    }

    /** The shared example under {@code mode}: returns what order 3 reported. */
    private RecordingSink example(SelfTradePrevention mode) {
        useBook(TestMarkets.BTC_PERP, mode, MatchingPolicy.priceTime());
        gtc(1, OWN, SELL, 1_000, 4);
        gtc(2, OTHER, SELL, 1_000, 5);
        RecordingSink sink = new RecordingSink();
        assertEquals(0, place(3, OWN, BUY, 1_000, 6, GTC, sink));
        return sink;
    }

    private static RestingOrder ask(long id, long owner, long size) {
        return new RestingOrder(id, owner, Side.SELL, 1_000, size);
    }
}
