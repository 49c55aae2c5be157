package io.fulcrum.orderbook;

import static io.fulcrum.api.Side.BUY;
import static io.fulcrum.api.Side.SELL;
import static io.fulcrum.api.TimeInForce.GTC;
import static io.fulcrum.api.TimeInForce.IOC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fulcrum.api.spi.RestingOrder;
import io.fulcrum.orderbook.RecordingSink.Rested;
import io.fulcrum.orderbook.RecordingSink.Replenished;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pro-rata matching with a FIFO remainder: at each price the taker's quantity (at most what the
 * level shows) is shared in proportion to what each maker shows, each share rounded down to
 * whole lots; the rounding remainder goes to the makers in time order. Fills are reported in the
 * makers' time order.
 */
abstract class ProRataContract extends ContractSupport {
    @BeforeEach
    void proRataBook() {
        useBook(TestMarkets.BTC_PERP, SelfTradePrevention.NONE, MatchingPolicy.proRata());
    }

    @Test
    void sharesRoundDownAndTheRemainderGoesFirstComeFirstServed() {
        gtc(1, SELL, 1_000, 6);
        gtc(2, SELL, 1_000, 3);
        gtc(3, SELL, 1_000, 1);
        RecordingSink sink = new RecordingSink();

        // Shares of 5 over 6, 3, 1: 3, 1.5 → 1, 0.5 → 0; the 1 left goes to order 1: 4, 1, 0.
        assertEquals(0, place(4, BUY, 1_000, 5, GTC, sink));

        assertEquals(List.of(fill(1, 4, 1_000, 4), fill(2, 4, 1_000, 1)), sink.events());
        assertEquals(List.of(resting(1, SELL, 1_000, 2), resting(2, SELL, 1_000, 2), resting(3, SELL, 1_000, 1)),
                restingOrders());
    }

    @Test
    void theRemainderCanReachAMakerWhoseShareRoundedToNothing() {
        gtc(1, SELL, 1_000, 1);
        gtc(2, SELL, 1_000, 8);
        gtc(3, SELL, 1_000, 1);
        RecordingSink sink = new RecordingSink();

        // Shares of 3 over 1, 8, 1: 0.3 → 0, 2.4 → 2, 0.3 → 0; the 1 left goes to order 1, first in time.
        place(4, BUY, 1_000, 3, IOC, sink);

        assertEquals(List.of(fill(1, 4, 1_000, 1), fill(2, 4, 1_000, 2)), sink.events());
    }

    @Test
    void sharesAreWholeLots() {
        useBook(TestMarkets.ETH_PERP, SelfTradePrevention.NONE, MatchingPolicy.proRata());
        gtc(1, SELL, 1_000, 60);
        gtc(2, SELL, 1_000, 30);
        gtc(3, SELL, 1_000, 10);
        RecordingSink sink = new RecordingSink();

        // Lots of 10. Shares of 50 over 60, 30, 10: 30, 15 → 10, 5 → 0; the 10 left go to order 1.
        place(4, BUY, 1_000, 50, IOC, sink);

        assertEquals(List.of(fill(1, 4, 1_000, 40), fill(2, 4, 1_000, 10)), sink.events());
    }

    @Test
    void aTakerLargerThanALevelTakesItAllAndSharesTheNext() {
        gtc(1, SELL, 1_000, 2);
        gtc(2, SELL, 1_000, 3);
        gtc(3, SELL, 1_010, 4);
        gtc(4, SELL, 1_010, 4);
        RecordingSink sink = new RecordingSink();

        // 100.0 gives its 5; 2 left shared over 4 and 4 at 101.0: 1 and 1.
        place(5, BUY, 1_010, 7, IOC, sink);

        assertEquals(List.of(fill(1, 5, 1_000, 2), fill(2, 5, 1_000, 3), fill(3, 5, 1_010, 1), fill(4, 5, 1_010, 1)),
                sink.events());
    }

    @Test
    void icebergsShareWithTheirSliceAndAreSharedAgainAfterARefill() {
        iceberg(1, SELL, 1_000, 20, 2);
        gtc(2, SELL, 1_000, 6);
        RecordingSink sink = new RecordingSink();

        // Round 1: the level shows 8, all taken (2 and 6). Rounds 2 and 3: the refilled slice of 2.
        place(3, BUY, 1_000, 12, IOC, sink);

        assertEquals(List.of(
                fill(1, 3, 1_000, 2), new Replenished(1, 1_000, 2), fill(2, 3, 1_000, 6),
                fill(1, 3, 1_000, 2), new Replenished(1, 1_000, 2),
                fill(1, 3, 1_000, 2), new Replenished(1, 1_000, 2)), sink.events());
        assertEquals(List.of(new RestingOrder(1, owner(1), SELL, 1_000, 14, 2, 2)), restingOrders());
    }

    @Test
    void aRefusedShareIsSharedAgainAmongTheOthers() {
        gtc(1, SELL, 1_000, 6);
        gtc(2, SELL, 1_000, 3);
        gtc(3, SELL, 1_000, 1);
        RecordingSink sink = RecordingSink.vetoing(1);

        // Round 1: order 1's 4 is refused (order 1 leaves), order 2 fills 1. Round 2: 4 left, the
        // level shows 2 + 1, all taken. The last 1 rests.
        place(4, BUY, 1_000, 5, GTC, sink);

        assertEquals(List.of(fill(1, 4, 1_000, 4), fill(2, 4, 1_000, 1), fill(2, 4, 1_000, 2), fill(3, 4, 1_000, 1),
                new Rested(4, BUY, 1_000, 1)), sink.events());
    }
}
