package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BOB;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.btc;
import static io.fulcrum.venue.TestVenue.price;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.OrderId;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The L2 output: a book snapshot plus the level changes of later commands rebuild the book. */
class MarketDataTest {
    private final TestVenue t = TestVenue.withTraders();

    @Test
    void aSnapshotListsEveryLevelBestFirst() {
        t.place(MAKER, Side.BUY, "49990", "1", TimeInForce.GTC);
        t.place(BOB, Side.BUY, "49990", "0.5", TimeInForce.GTC);
        t.place(MAKER, Side.BUY, "50000", "0.2", TimeInForce.GTC);
        t.place(MAKER, Side.SELL, "50010", "0.3", TimeInForce.GTC);

        BookSnapshot snapshot = t.venue().bookSnapshot(BTC);

        assertEquals(List.of(new Venue.DepthLevel(price("50000"), btc("0.2")),
                new Venue.DepthLevel(price("49990"), btc("1.5"))), snapshot.bids());
        assertEquals(List.of(new Venue.DepthLevel(price("50010"), btc("0.3"))), snapshot.asks());
    }

    @Test
    void aCommandEmitsOneLevelChangePerLevelWithItsFinalSize() {
        t.place(MAKER, Side.SELL, "50010", "0.3", TimeInForce.GTC);
        t.place(MAKER, Side.SELL, "50010", "0.2", TimeInForce.GTC);
        t.place(MAKER, Side.SELL, "50020", "1", TimeInForce.GTC);

        // Takes the whole 50,010 level (two orders) and 0.1 of 50,020.
        CommandResult r = t.accept(t.order(ALICE, Side.BUY, "50020", "0.6", TimeInForce.IOC));

        assertEquals(List.of(new Event.BookLevelChanged(BTC, Side.SELL, price("50010"), 0),
                new Event.BookLevelChanged(BTC, Side.SELL, price("50020"), btc("0.9"))),
                r.eventsOf(Event.BookLevelChanged.class));
    }

    @Test
    void aReplicaFromASnapshotFollowsTheBook() {
        t.place(MAKER, Side.SELL, "50010", "1", TimeInForce.GTC);
        OrderId bid = t.place(MAKER, Side.BUY, "49990", "1", TimeInForce.GTC);
        BookReplica replica = BookReplica.from(t.venue().bookSnapshot(BTC));

        replica.apply(t.accept(t.order(ALICE, Side.BUY, "50010", "0.4", TimeInForce.IOC)));
        replica.apply(t.accept(t.order(BOB, Side.BUY, "49995", "0.3", TimeInForce.GTC)));
        replica.apply(t.accept(new Command.AmendOrder(t.nextId(), t.now(), MAKER, BTC, bid, price("49990"), btc("0.5"))));
        replica.apply(t.accept(new Command.CancelAll(t.nextId(), t.now(), BOB, null)));

        assertEquals(t.venue().depth(BTC, Side.BUY, 50), replica.bids());
        assertEquals(t.venue().depth(BTC, Side.SELL, 50), replica.asks());
        assertEquals(List.of(new Venue.DepthLevel(price("49990"), btc("0.5"))), replica.bids());
    }
}
