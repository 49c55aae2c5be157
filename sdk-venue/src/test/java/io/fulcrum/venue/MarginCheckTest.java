package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BOB;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.btc;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountReport;
import io.fulcrum.api.CancelReason;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import org.junit.jupiter.api.Test;

/**
 * Pre-trade and post-trade margin checks. Alice opens long 1.9 BTC at 50,000 (initial 9,500 +
 * fee 47.5 fits in her 10,000; her balance becomes 9,952.5).
 */
class MarginCheckTest {
    private final TestVenue t = TestVenue.withTraders();

    private void aliceLong19() {
        t.place(MAKER, Side.SELL, "50000", "1.9", TimeInForce.GTC);
        t.place(ALICE, Side.BUY, "50000", "1.9", TimeInForce.IOC);
    }

    @Test
    void restingOrdersCountAgainstInitialMargin() {
        // A bid for 1.5 BTC at 50,000 reserves 7,500; a second bid for 0.5 needs 2,500 + fee 12.5 more.
        t.place(ALICE, Side.BUY, "50000", "1.5", TimeInForce.GTC);
        t.rejects(RejectReason.INSUFFICIENT_MARGIN, t.order(ALICE, Side.BUY, "50000", "0.5", TimeInForce.GTC));
        t.accept(t.order(ALICE, Side.BUY, "50000", "0.4", TimeInForce.GTC));
    }

    @Test
    void anAccountBelowInitialMarginCannotAddRisk() {
        aliceLong19();
        t.publish("48000"); // equity 9,952.5 − 3,800 = 6,152.5 < initial 9,120; > maintenance 4,560
        AccountReport alice = t.venue().account(ALICE).orElseThrow();
        assertEquals(usdc("6152.5"), alice.equity());
        assertEquals(usdc("9120"), alice.initialRequirement());

        t.rejects(RejectReason.INSUFFICIENT_MARGIN, t.order(ALICE, Side.BUY, "48000", "0.1", TimeInForce.GTC));
    }

    @Test
    void anAccountBelowInitialMarginCanStillReduceItsPosition() {
        aliceLong19();
        t.publish("48000");

        t.accept(t.order(ALICE, Side.SELL, "48500", "1", TimeInForce.GTC));

        assertEquals(btc("1"), t.venue().account(ALICE).orElseThrow().position(BTC).orElseThrow().openSellSize());
    }

    @Test
    void reducingOrdersMayNotTogetherExceedThePosition() {
        aliceLong19();
        t.publish("48000");
        t.place(ALICE, Side.SELL, "48500", "1.5", TimeInForce.GTC);

        // 1.5 + 0.5 = 2.0 > 1.9 would flip the position: that adds risk, and the account is below initial.
        t.rejects(RejectReason.INSUFFICIENT_MARGIN, t.order(ALICE, Side.SELL, "48500", "0.5", TimeInForce.GTC));
    }

    @Test
    void aMakerWhoNoLongerMeetsInitialMarginIsRemovedInsteadOfFilled() {
        // Bob bids 1.9 BTC at 49,000: initial 9,310 + fee reserve 46.55 fit in 10,000.
        t.place(BOB, Side.BUY, "49000", "1.9", TimeInForce.GTC);
        // The index falls to 45,000: filling that bid would cost Bob 7,600 at once plus 8,550 initial.
        t.publish("45000");
        assertFalse(t.venue().margin(BOB).orElseThrow().meetsInitial());

        CommandResult r = t.accept(t.order(ALICE, Side.SELL, "45000", "1.9", TimeInForce.IOC));

        assertTrue(r.eventsOf(Event.Trade.class).isEmpty());
        Event.OrderCancelled removed = r.eventsOf(Event.OrderCancelled.class).get(0);
        assertEquals(BOB, removed.account());
        assertEquals(CancelReason.INSUFFICIENT_MARGIN_AT_FILL, removed.reason());
        Event.OrderCancelled unfilled = r.eventsOf(Event.OrderCancelled.class).get(1);
        assertEquals(ALICE, unfilled.account());
        assertEquals(CancelReason.UNFILLED_IOC, unfilled.reason());
        assertEquals(0, t.venue().bestBid(BTC));
    }
}
