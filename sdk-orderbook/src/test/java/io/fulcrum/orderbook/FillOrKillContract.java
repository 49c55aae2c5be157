package io.fulcrum.orderbook;

import static io.fulcrum.api.Side.BUY;
import static io.fulcrum.api.Side.SELL;
import static io.fulcrum.api.TimeInForce.FOK;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fulcrum.api.CancelReason;
import io.fulcrum.api.spi.RestingOrder;
import io.fulcrum.orderbook.RecordingSink.Match;
import io.fulcrum.orderbook.RecordingSink.Reduced;
import io.fulcrum.orderbook.RecordingSink.Replenished;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fill or kill: the whole order fills at once within its limit, or nothing happens and its whole
 * size comes back. Liquidity is counted as matching would meet it: hidden iceberg reserves
 * count, self-trade prevention's effects count, a sink's refusal cannot be foreseen.
 */
abstract class FillOrKillContract extends ContractSupport {
    @Test
    void aFokTheBookCoversFillsWhole() {
        gtc(1, SELL, 1_000, 3);
        gtc(2, SELL, 1_010, 2);
        RecordingSink sink = new RecordingSink();

        // 3 at 100.0 and 2 at 101.0 cover 4: it fills 3 + 1.
        assertEquals(0, place(3, BUY, 1_010, 4, FOK, sink));

        assertEquals(List.of(fill(1, 3, 1_000, 3), fill(2, 3, 1_010, 1)), sink.events());
        assertEquals(List.of(resting(2, SELL, 1_010, 1)), restingOrders());
    }

    @Test
    void aFokTheBookCannotCoverKillsWholeAndReportsNothing() {
        gtc(1, SELL, 1_000, 3);
        gtc(2, SELL, 1_010, 2);
        List<RestingOrder> before = restingOrders();
        RecordingSink sink = new RecordingSink();

        // 5 within the limit, 6 wanted: nothing at all happens.
        assertEquals(6, place(3, BUY, 1_010, 6, FOK, sink));

        assertEquals(List.of(), sink.events());
        assertEquals(before, restingOrders());
    }

    @Test
    void aFokCountsOnlyLiquidityWithinItsLimit() {
        gtc(1, SELL, 1_000, 3);
        gtc(2, SELL, 1_020, 5);
        RecordingSink sink = new RecordingSink();

        // 8 rest, but only 3 at or below 101.0.
        assertEquals(4, place(3, BUY, 1_010, 4, FOK, sink));

        assertEquals(List.of(), sink.events());
        assertEquals(2, book.restingOrderCount());
    }

    @Test
    void aFokCountsAnIcebergsHiddenReserve() {
        iceberg(1, SELL, 1_000, 10, 2);
        RecordingSink sink = new RecordingSink();

        // Only 2 show, but the slices refill: 2 + 2 + 2 + 1 fill the 7.
        assertEquals(0, place(2, BUY, 1_000, 7, FOK, sink));

        assertEquals(List.of(
                fill(1, 2, 1_000, 2), new Replenished(1, 1_000, 2),
                fill(1, 2, 1_000, 2), new Replenished(1, 1_000, 2),
                fill(1, 2, 1_000, 2), new Replenished(1, 1_000, 2),
                fill(1, 2, 1_000, 1)), sink.events());
        assertEquals(List.of(new RestingOrder(1, owner(1), SELL, 1_000, 3, 2, 1)), restingOrders());
    }

    @Test
    void aRefusedFillDuringAFokLeavesItPartlyFilledAndReturnsTheRest() {
        gtc(1, SELL, 1_000, 3);
        gtc(2, SELL, 1_000, 2);
        RecordingSink sink = RecordingSink.vetoing(1);

        // 5 cover 4, so it matches; the sink then refuses order 1 and only order 2's 2 fill.
        assertEquals(2, place(3, BUY, 1_000, 4, FOK, sink));

        assertEquals(List.of(fill(1, 3, 1_000, 3), fill(2, 3, 1_000, 2)), sink.events());
        assertEquals(0, book.restingOrderCount());
    }

    @Test
    void underCancelTakerAFokCountsOnlyWhatLiesAheadOfItsOwnOrder() {
        useBook(TestMarkets.BTC_PERP, SelfTradePrevention.CANCEL_TAKER, MatchingPolicy.priceTime());
        gtc(1, 9, SELL, 1_000, 2);
        gtc(2, 7, SELL, 1_000, 3);
        gtc(3, 9, SELL, 1_000, 4);
        RecordingSink sink = new RecordingSink();

        // 9 rest, but owner 7 would meet its own order 2 after 2 lots and be cancelled there.
        assertEquals(3, place(4, 7, BUY, 1_000, 3, FOK, sink));
        assertEquals(List.of(), sink.events());

        assertEquals(0, place(5, 7, BUY, 1_000, 2, FOK, sink));
        assertEquals(List.of(new Match(1, 9, 5, 1_000, 2)), sink.events());
    }

    @Test
    void underCancelMakerAFokCountsEverythingButItsOwnOrders() {
        useBook(TestMarkets.BTC_PERP, SelfTradePrevention.CANCEL_MAKER, MatchingPolicy.priceTime());
        gtc(1, 9, SELL, 1_000, 2);
        gtc(2, 7, SELL, 1_000, 3);
        gtc(3, 9, SELL, 1_000, 4);
        RecordingSink sink = new RecordingSink();

        // Orders 1 and 3 hold 6: too few for 7, enough for 6, and order 2 is cancelled on the way.
        assertEquals(7, place(4, 7, BUY, 1_000, 7, FOK, sink));
        assertEquals(List.of(), sink.events());

        assertEquals(0, place(5, 7, BUY, 1_000, 6, FOK, sink));
        assertEquals(List.of(new Match(1, 9, 5, 1_000, 2), new Reduced(2, 3, 0, CancelReason.SELF_TRADE_PREVENTION),
                new Match(3, 9, 5, 1_000, 4)), sink.events());
        assertEquals(0, book.restingOrderCount());
    }

    @Test
    void underProRataAFokFillsWholeFromSharedLevels() {
        useBook(TestMarkets.BTC_PERP, SelfTradePrevention.NONE, MatchingPolicy.proRata());
        gtc(1, SELL, 1_000, 6);
        gtc(2, SELL, 1_000, 3);
        gtc(3, SELL, 1_010, 1);
        RecordingSink sink = new RecordingSink();

        assertEquals(11, place(4, BUY, 1_010, 11, FOK, sink));
        assertEquals(List.of(), sink.events());

        // 100.0 gives all 9 (both whole), 101.0 the last 1.
        assertEquals(0, place(5, BUY, 1_010, 10, FOK, sink));
        assertEquals(List.of(fill(1, 5, 1_000, 6), fill(2, 5, 1_000, 3), fill(3, 5, 1_010, 1)), sink.events());
    }
}
