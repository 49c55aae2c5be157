package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.price;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.MarketStatus;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.GuardVerdict;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.api.spi.OracleGuard;
import org.junit.jupiter.api.Test;

/**
 * How the venue applies an {@link OracleGuard}'s verdict: status changes with events, orders
 * checked against the status and band at their own time, the held price, widened margin, and
 * the guard's memory carried through snapshots. The guards here are scripted; the oracle
 * module's breakers and calendars are tested against the venue in {@code OracleScenarioTest}.
 */
class OracleGuardWiringTest {

    /**
     * Trips when the index passes {@code ceiling}: from then on it holds the index at the
     * ceiling with the given status, band and margin scale. Slot 0: 1 once tripped.
     */
    record CeilingGuard(long ceiling, MarketStatus status, long bandPpm, long marginScalePpm) implements OracleGuard {
        @Override
        public int stateSize() {
            return 1;
        }

        @Override
        public GuardVerdict onIndex(long now, long index, long[] state) {
            if (index > ceiling) {
                state[0] = 1;
            }
            return at(now, state);
        }

        @Override
        public GuardVerdict at(long now, long[] state) {
            return state[0] == 1 ? new GuardVerdict(status, ceiling, bandPpm, marginScalePpm, "above " + ceiling)
                    : GuardVerdict.CONTENT;
        }
    }

    /** Reduce-only from {@code closesAt} on, by the clock alone, with no memory. */
    record ClosesAt(long closesAt) implements OracleGuard {
        @Override
        public GuardVerdict onIndex(long now, long index, long[] state) {
            return at(now, state);
        }

        @Override
        public GuardVerdict at(long now, long[] state) {
            return now >= closesAt ? GuardVerdict.status(MarketStatus.REDUCE_ONLY, "closed at " + closesAt)
                    : GuardVerdict.CONTENT;
        }
    }

    private static TestVenue guarded(OracleGuard guard) {
        return TestVenue.withTraders(TestVenue.builder(LiquidationPolicy.NONE).guard(BTC, guard).build());
    }

    @Test
    void aTrippedGuardHaltsTheMarketAndSaysSo() {
        TestVenue t = guarded(new CeilingGuard(price("60000"), MarketStatus.HALTED, 0, GuardVerdict.UNSCALED));

        CommandResult r = t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED, price("61000"), 0));

        assertEquals(new Event.MarketStatusChanged(BTC, MarketStatus.HALTED, 0, GuardVerdict.UNSCALED, "above 600000"),
                r.eventsOf(Event.MarketStatusChanged.class).get(0));
        assertEquals(MarketStatus.HALTED, t.venue().marketStatus(BTC));
    }

    @Test
    void aHeldPriceReplacesTheReading() {
        TestVenue t = guarded(new CeilingGuard(price("60000"), MarketStatus.HALTED, 0, GuardVerdict.UNSCALED));

        t.publish("61000");

        assertEquals(price("60000"), t.venue().indexPrice(BTC));
        assertEquals(price("60000"), t.venue().markPrice(BTC));
    }

    @Test
    void aHaltedMarketRejectsOrdersAndChangesNothing() {
        TestVenue t = guarded(new CeilingGuard(price("60000"), MarketStatus.HALTED, 0, GuardVerdict.UNSCALED));
        t.publish("61000");

        t.rejects(RejectReason.MARKET_HALTED, t.order(ALICE, Side.BUY, "59000", "0.01", TimeInForce.GTC));
    }

    @Test
    void aHaltedMarketStillCancels() {
        TestVenue t = guarded(new CeilingGuard(price("60000"), MarketStatus.HALTED, 0, GuardVerdict.UNSCALED));
        var order = t.place(ALICE, Side.BUY, "49000", "0.01", TimeInForce.GTC);
        t.publish("61000");

        CommandResult r = t.accept(new Command.CancelOrder(t.nextId(), t.now(), ALICE, BTC, order));

        assertEquals(1, r.eventsOf(Event.OrderCancelled.class).size());
    }

    @Test
    void aReduceOnlyMarketTakesOnlyOrdersThatShrinkAPosition() {
        TestVenue t = guarded(new ClosesAt(100_000));
        t.place(MAKER, Side.SELL, "50000", "0.1", TimeInForce.GTC);
        t.place(ALICE, Side.BUY, "50000", "0.1", TimeInForce.IOC);
        t.place(MAKER, Side.BUY, "49990", "1", TimeInForce.GTC);
        t.advance(100_000);
        t.accept(new Command.AdvanceTime(t.nextId(), t.now()));
        t.publish("50000");

        t.rejects(RejectReason.MARKET_REDUCE_ONLY, t.order(ALICE, Side.BUY, "49990", "0.01", TimeInForce.GTC));
        t.rejects(RejectReason.MARKET_REDUCE_ONLY, t.order(ALICE, Side.SELL, "49990", "0.2", TimeInForce.IOC));
        CommandResult sale = t.accept(t.order(ALICE, Side.SELL, "49990", "0.1", TimeInForce.IOC));
        assertEquals(1, sale.eventsOf(Event.Trade.class).size());
    }

    @Test
    void theStatusAtAnOrdersTimeCountsEvenBeforeAnyTick() {
        TestVenue t = guarded(new ClosesAt(100_000));
        t.advance(50_000);
        t.publish("50000");
        t.advance(50_000);

        // No AdvanceTime yet: the venue still reports OPEN, but the order is checked at its time.
        assertEquals(MarketStatus.OPEN, t.venue().marketStatus(BTC));
        t.rejects(RejectReason.MARKET_REDUCE_ONLY, t.order(ALICE, Side.BUY, "49000", "0.01", TimeInForce.GTC));
    }

    @Test
    void aTimeTickReportsAStatusThatTheClockChanged() {
        TestVenue t = guarded(new ClosesAt(100_000));
        t.advance(100_000);

        CommandResult r = t.accept(new Command.AdvanceTime(t.nextId(), t.now()));

        assertEquals(new Event.MarketStatusChanged(BTC, MarketStatus.REDUCE_ONLY, 0, GuardVerdict.UNSCALED, "closed at 100000"),
                r.eventsOf(Event.MarketStatusChanged.class).get(0));
    }

    @Test
    void limitPricesOutsideTheBandAreRejected() {
        // Held at 60,000 with a 1 % band: 59,400 .. 60,600 pass (|p − 60,000| · 10^6 ≤ 10,000 · 60,000).
        TestVenue t = guarded(new CeilingGuard(price("60000"), MarketStatus.OPEN, 10_000, GuardVerdict.UNSCALED));
        t.publish("61000");

        t.rejects(RejectReason.PRICE_OUTSIDE_BAND, t.order(ALICE, Side.BUY, "59395", "0.01", TimeInForce.GTC));
        t.rejects(RejectReason.PRICE_OUTSIDE_BAND, t.order(ALICE, Side.SELL, "60605", "0.01", TimeInForce.GTC));
        t.accept(t.order(ALICE, Side.BUY, "59400", "0.01", TimeInForce.GTC));
        t.accept(t.order(ALICE, Side.SELL, "60600", "0.01", TimeInForce.GTC));
    }

    @Test
    void aMarginScaleWidensBothRequirements() {
        // 0.1 BTC long at 50,000: notional 5,000 USDC; maintenance 5 % = 250, initial 10 % = 500 (TestVenue's tier).
        // Held at 60,000 with scale 1.5: notional 6,000 → maintenance 300 × 1.5 = 450, initial 600 × 1.5 = 900.
        TestVenue t = guarded(new CeilingGuard(price("60000"), MarketStatus.OPEN, 0, 1_500_000));
        t.place(MAKER, Side.SELL, "50000", "0.1", TimeInForce.GTC);
        t.place(ALICE, Side.BUY, "50000", "0.1", TimeInForce.IOC);

        t.publish("61000");

        var margin = t.venue().margin(ALICE).orElseThrow();
        assertEquals(TestVenue.usdc("450"), margin.maintenanceRequirement());
        assertEquals(TestVenue.usdc("900"), margin.initialRequirement());
    }

    @Test
    void theGuardsMemorySurvivesASnapshot() {
        InMemoryCheck check = new InMemoryCheck();
        TestVenue t = TestVenue.withTraders(check.builder().build());
        t.publish("61000");
        VenueSnapshot snapshot = t.venue().snapshot();

        Venue restored = Venue.replay(check.builder(), VenueSnapshot.fromJson(snapshot.toJson()), java.util.List.of());

        assertEquals(t.venue().stateHash(), restored.stateHash());
        assertEquals(MarketStatus.HALTED, restored.marketStatus(BTC));
        CommandResult r = restored.apply(new Command.PlaceOrder(io.fulcrum.api.CommandId.of(1_000), t.now(), ALICE, BTC,
                Side.BUY, price("49000"), TestVenue.btc("0.01"), TimeInForce.GTC));
        assertEquals(RejectReason.MARKET_HALTED, r.reason());
    }

    @Test
    void journalReplayRebuildsTheGuardsMemory() {
        Journal journal = Journals.inMemory();
        InMemoryCheck check = new InMemoryCheck();
        TestVenue t = TestVenue.withTraders(check.builder().journal(journal).build());
        t.publish("61000");
        t.publish("55000");

        Venue replayed = Venue.replay(check.builder(), null, journal.entries());

        assertEquals(t.venue().stateHash(), replayed.stateHash());
        assertEquals(price("60000"), replayed.indexPrice(BTC));
    }

    @Test
    void aHaltedMarketReportsABreachButSendsNoLiquidation() {
        // Alice is short 0.1 at 50,000 on 10,000 USDC. The index jumps to 150,000 but the guard holds it at
        // 145,000 and halts: loss 9,500 and the 2.5 taker fee (0.05 % of 5,000) leave equity 497.5, below
        // maintenance 5 % of 14,500 = 725. Breached, yet a
        // halted market takes no orders, a liquidation's neither.
        TestVenue t = TestVenue.withTraders(TestVenue.builder(io.fulcrum.margin.FullCloseLiquidation.withBand(50_000))
                .guard(BTC, new CeilingGuard(price("145000"), MarketStatus.HALTED, 0, GuardVerdict.UNSCALED))
                .build());
        t.place(MAKER, Side.BUY, "50000", "0.1", TimeInForce.GTC);
        t.place(ALICE, Side.SELL, "50000", "0.1", TimeInForce.IOC);
        t.place(MAKER, Side.SELL, "150000", "1", TimeInForce.GTC);

        CommandResult r = t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED, price("150000"), 0));

        assertEquals(TestVenue.usdc("497.5"), r.eventsOf(Event.MaintenanceBreached.class).get(0).equity());
        assertTrue(r.eventsOf(Event.OrderAccepted.class).isEmpty(), () -> r.events().toString());
        assertEquals(-TestVenue.btc("0.1"), t.venue().account(ALICE).orElseThrow().positions().get(0).size());
    }

    /** A builder with a halting ceiling guard, built the same way twice. */
    private static final class InMemoryCheck {
        Venue.Builder builder() {
            return TestVenue.builder(LiquidationPolicy.NONE)
                    .guard(BTC, new CeilingGuard(price("60000"), MarketStatus.HALTED, 0, GuardVerdict.UNSCALED));
        }
    }
}
