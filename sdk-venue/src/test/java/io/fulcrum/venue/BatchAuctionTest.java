package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BOB;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.btc;
import static io.fulcrum.venue.TestVenue.price;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.orderbook.MatchingPolicy;
import io.fulcrum.orderbook.OrderBook;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A market cleared by a periodic batch auction (one second): orders wait, then cross at one
 * price that maximises the matched volume. Bids 0.1 at 50,100 (Alice), 0.1 at 50,000 (Bob), 0.1
 * at 49,900 (Alice); asks 0.1 at 49,800, 0.1 at 50,000 and 0.2 at 50,200 (the maker). Matched
 * volume: 49,800 and 49,900 → 0.1; 50,000 → 0.2; 50,100 → 0.1; 50,200 → 0. It clears at 50,000.
 */
class BatchAuctionTest {
    private final TestVenue t = TestVenue.withTraders(TestVenue.builder(LiquidationPolicy.NONE,
            spec -> OrderBook.builder(spec).matchingPolicy(MatchingPolicy.batchAuction(1_000)).build()).build());

    private void orders() {
        t.place(ALICE, Side.BUY, "50100", "0.1", TimeInForce.GTC);
        t.place(BOB, Side.BUY, "50000", "0.1", TimeInForce.GTC);
        t.place(ALICE, Side.BUY, "49900", "0.1", TimeInForce.GTC);
        t.place(MAKER, Side.SELL, "49800", "0.1", TimeInForce.GTC);
        t.place(MAKER, Side.SELL, "50000", "0.1", TimeInForce.GTC);
        t.place(MAKER, Side.SELL, "50200", "0.2", TimeInForce.GTC);
    }

    @Test
    void ordersWaitForTheAuctionEvenWhenTheyCross() {
        orders();
        assertEquals(price("50100"), t.venue().bestBid(BTC));
        assertEquals(price("49800"), t.venue().bestAsk(BTC));
        assertEquals(0, t.venue().lastTradePrice(BTC));
    }

    @Test
    void theAuctionClearsAtThePriceThatMaximisesVolume() {
        orders();
        t.accept(new Command.AdvanceTime(t.nextId(), 1_500)); // first call: remembers the bucket
        CommandResult r = t.accept(new Command.AdvanceTime(t.nextId(), 2_000));

        List<Event.Trade> trades = r.eventsOf(Event.Trade.class);
        assertEquals(2, trades.size());
        assertTrue(trades.stream().allMatch(tr -> tr.price() == price("50000")));
        assertEquals(List.of(ALICE, BOB), trades.stream().map(tr -> tr.taker() == MAKER ? tr.maker() : tr.taker()).toList());
        // No taker in an auction: both sides pay the 2 bps maker fee on 5,000 USDC.
        assertTrue(trades.stream().allMatch(tr -> tr.makerFee() == usdc("1") && tr.takerFee() == usdc("1")));
        assertEquals(btc("0.1"), t.venue().account(BOB).orElseThrow().position(BTC).orElseThrow().size());
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void aRestoredVenueHoldsTheSameAuction() {
        orders();
        t.place(BOB, Side.BUY, "49000", "0.1", TimeInForce.IOC); // waits for the auction, then leaves
        t.accept(new Command.AdvanceTime(t.nextId(), 1_500));
        Venue restored = Venue.replay(TestVenue.builder(LiquidationPolicy.NONE,
                        spec -> OrderBook.builder(spec).matchingPolicy(MatchingPolicy.batchAuction(1_000)).build()),
                VenueSnapshot.fromJson(t.venue().snapshot().toJson()), List.of());
        assertEquals(t.venue().stateHash(), restored.stateHash());

        Command.AdvanceTime auction = new Command.AdvanceTime(t.nextId(), 2_000);
        CommandResult original = t.accept(auction);
        CommandResult replayed = restored.apply(auction);

        assertEquals(original.events(), replayed.events());
        assertEquals(t.venue().stateHash(), restored.stateHash());
        assertTrue(original.eventsOf(Event.OrderCancelled.class).stream()
                .anyMatch(c -> c.reason() == io.fulcrum.api.CancelReason.UNFILLED_IOC));
    }

    @Test
    void aReplicaFollowsTheAuction() {
        orders();
        BookReplica replica = BookReplica.from(t.venue().bookSnapshot(BTC));
        replica.apply(t.accept(new Command.AdvanceTime(t.nextId(), 1_500)));
        replica.apply(t.accept(new Command.AdvanceTime(t.nextId(), 2_000)));

        assertEquals(t.venue().depth(BTC, Side.BUY, 10), replica.bids());
        assertEquals(t.venue().depth(BTC, Side.SELL, 10), replica.asks());
    }
}
