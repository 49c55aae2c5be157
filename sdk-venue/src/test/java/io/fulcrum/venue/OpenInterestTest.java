package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.btc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fulcrum.api.Command;
import io.fulcrum.api.OrderOptions;
import io.fulcrum.api.PositionMode;
import io.fulcrum.api.PositionSide;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.LiquidationPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Open interest: the sum of every long position, which dYdX-style margin scales initial margin with. */
class OpenInterestTest {

    @Test
    void aTradeOpensInterestAndItsReverseClosesIt() {
        TestVenue t = TestVenue.withTraders();
        t.place(MAKER, Side.SELL, "50000", "0.1", TimeInForce.GTC);
        t.place(ALICE, Side.BUY, "50000", "0.1", TimeInForce.IOC);
        assertEquals(btc("0.1"), t.venue().openInterest(BTC));

        t.place(MAKER, Side.BUY, "50000", "0.1", TimeInForce.GTC);
        t.place(ALICE, Side.SELL, "50000", "0.1", TimeInForce.IOC);
        assertEquals(0, t.venue().openInterest(BTC));
    }

    @Test
    void hedgeLegsCountOnTheirOwnAndSurviveASnapshot() {
        // Alice goes long 0.1 on her LONG leg against the maker (short 0.1), then short 0.05 on her SHORT leg
        // against the maker's bid, which shrinks the maker's one-way short to 0.05. Longs: Alice 0.1;
        // shorts: maker 0.05 + Alice 0.05 = 0.1. In one-way mode her two trades would have netted to 0.05.
        TestVenue t = TestVenue.withTraders();
        t.accept(new Command.SetPositionMode(t.nextId(), t.now(), ALICE, PositionMode.HEDGE));
        t.place(MAKER, Side.SELL, "50000", "0.1", TimeInForce.GTC);
        t.accept(new Command.PlaceOrder(t.nextId(), t.now(), ALICE, BTC, Side.BUY, TestVenue.price("50000"), btc("0.1"),
                TimeInForce.IOC, OrderOptions.NONE.onLeg(PositionSide.LONG)));
        t.place(MAKER, Side.BUY, "50000", "0.05", TimeInForce.GTC);
        t.accept(new Command.PlaceOrder(t.nextId(), t.now(), ALICE, BTC, Side.SELL, TestVenue.price("50000"), btc("0.05"),
                TimeInForce.IOC, OrderOptions.NONE.onLeg(PositionSide.SHORT)));

        Venue restored = Venue.replay(TestVenue.builder(LiquidationPolicy.NONE),
                VenueSnapshot.fromJson(t.venue().snapshot().toJson()), List.of());

        assertEquals(btc("0.1"), t.venue().openInterest(BTC));
        assertEquals(btc("0.1"), restored.openInterest(BTC));
    }
}
