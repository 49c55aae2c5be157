package io.fulcrum.orderbook;

import static io.fulcrum.api.Side.BUY;
import static io.fulcrum.api.Side.SELL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.Side;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Market orders sized by a quote budget: from each maker, no worse than the protection price,
 * they take the largest whole number of lots whose notional (as {@code spec.notional} rounds it
 * half-even) the budget left still covers, up to what the maker shows; they stop at the first
 * maker where that is no lot, rest nothing, and return what they did not spend.
 */
abstract class BudgetOrderContract extends ContractSupport {
    @Test
    void aBudgetBuysWholeLotsUntilItRunsOut() {
        gtc(1, SELL, 1_000, 10);
        gtc(2, SELL, 1_010, 10);
        RecordingSink sink = new RecordingSink();

        // 10 at 100.0 cost 100,000 micro-USDC; the 50,000 left buy 4 at 101.0 (40,400; 5 would cost 50,500).
        assertEquals(100_000, TestMarkets.BTC_PERP.notional(10, 1_000, RoundingMode.HALF_EVEN));
        assertEquals(40_400, TestMarkets.BTC_PERP.notional(4, 1_010, RoundingMode.HALF_EVEN));
        assertEquals(9_600, budget(3, BUY, 1_010, 150_000, sink));

        assertEquals(List.of(fill(1, 3, 1_000, 10), fill(2, 3, 1_010, 4)), sink.events());
        assertEquals(List.of(resting(2, SELL, 1_010, 6)), restingOrders());
    }

    @Test
    void aBudgetStopsAtItsProtectionPriceAndRestsNothing() {
        gtc(1, SELL, 1_000, 10);
        gtc(2, SELL, 1_020, 10);
        RecordingSink sink = new RecordingSink();

        // 100,000 buys order 1; order 2 asks 102.0, worse than the protection at 101.0.
        assertEquals(400_000, budget(3, BUY, 1_010, 500_000, sink));

        assertEquals(List.of(fill(1, 3, 1_000, 10)), sink.events());
        assertEquals(List.of(resting(2, SELL, 1_020, 10)), restingOrders());
    }

    @Test
    void aSellBudgetSellsWholeLotsForAtMostItsBudget() {
        gtc(1, BUY, 1_000, 10);
        gtc(2, BUY, 990, 10);
        RecordingSink sink = new RecordingSink();

        // 10 at 100.0 bring 100,000; of the 50,000 left, 5 at 99.0 bring 49,500 (6 would be 59,400).
        assertEquals(500, budget(3, SELL, 990, 150_000, sink));

        assertEquals(List.of(fill(1, 3, 1_000, 10), fill(2, 3, 990, 5)), sink.events());
    }

    @Test
    void aBudgetTooSmallForOneLotTradesNothing() {
        gtc(1, SELL, 1_000, 10);
        RecordingSink sink = new RecordingSink();

        // One lot costs 10,000.
        assertEquals(9_999, budget(2, BUY, 1_000, 9_999, sink));

        assertEquals(List.of(), sink.events());
        assertEquals(List.of(resting(1, SELL, 1_000, 10)), restingOrders());
    }

    @Test
    void wholeLotsAndHalfEvenRoundingOfEachFill() {
        // ETH-PERP: lots of 10, notional = size × price / 100 rounded half-even.
        useBook(TestMarkets.ETH_PERP, SelfTradePrevention.NONE, MatchingPolicy.priceTime());
        gtc(1, SELL, 1_005, 40);
        RecordingSink sink = new RecordingSink();

        // 1 lot: 100.5 → 100; 2 lots: 201; 3 lots: 301.5 → 302. A budget of 301 buys 2 lots, not 3
        // (nor 29 units, which would cost 291.45: only whole lots trade).
        assertEquals(100, TestMarkets.ETH_PERP.notional(10, 1_005, RoundingMode.HALF_EVEN));
        assertEquals(302, TestMarkets.ETH_PERP.notional(30, 1_005, RoundingMode.HALF_EVEN));
        assertEquals(100, budget(2, BUY, 1_005, 301, sink));

        assertEquals(List.of(fill(1, 2, 1_005, 20)), sink.events());
        assertEquals(20, book.openSize(1));
    }

    @Test
    void eachFillIsRoundedOnItsOwn() {
        useBook(TestMarkets.ETH_PERP, SelfTradePrevention.NONE, MatchingPolicy.priceTime());
        gtc(1, SELL, 1_005, 10);
        gtc(2, SELL, 1_005, 30);
        RecordingSink sink = new RecordingSink();

        // Order 1's lot costs 100 (100.5 rounded half-even); of the 202 left, 2 lots of order 2
        // cost 201 and a third would cost 302; 1 is left, which buys nothing.
        assertEquals(1, budget(3, BUY, 1_005, 302, sink));

        assertEquals(List.of(fill(1, 3, 1_005, 10), fill(2, 3, 1_005, 20)), sink.events());
    }

    @Test
    void underProRataABudgetShortOfTheLevelSharesWhatItBuys() {
        useBook(TestMarkets.BTC_PERP, SelfTradePrevention.NONE, MatchingPolicy.proRata());
        gtc(1, SELL, 1_000, 6);
        gtc(2, SELL, 1_000, 3);
        gtc(3, SELL, 1_000, 1);
        RecordingSink sink = new RecordingSink();

        // 55,000 buys 5 of the 10 shown (10,000 a lot), shared 4, 1, 0; the 5,000 left buys nothing.
        assertEquals(5_000, budget(4, BUY, 1_000, 55_000, sink));

        assertEquals(List.of(fill(1, 4, 1_000, 4), fill(2, 4, 1_000, 1)), sink.events());
    }

    @Test
    void aNonPositiveBudgetThrowsAndChangesNothing() {
        gtc(1, SELL, 1_000, 10);

        assertThrows(IllegalArgumentException.class, () -> book.placeWithBudget(2, 102, BUY, 1_000, 0, new RecordingSink()));

        checkInvariants(book);
        assertEquals(List.of(resting(1, SELL, 1_000, 10)), restingOrders());
    }

    private long budget(long id, Side side, long protectionPrice, long quoteBudget, RecordingSink sink) {
        long left = book.placeWithBudget(id, owner(id), side, protectionPrice, quoteBudget, sink);
        checkInvariants(book);
        assertEquals(-1, book.openSize(id), "a budget order never rests");
        return left;
    }
}
