package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BOB;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.Command;
import io.fulcrum.api.CommandId;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.LiquidationPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journal and snapshots rebuild a venue exactly: replaying gives the same state hash, and the
 * rebuilt venue answers future commands as the original would.
 */
class RecoveryTest {

    /** Trades, a price move, a resting order, a rejection and a duplicate: a little of everything. */
    private static void trade(TestVenue t) {
        t.place(MAKER, Side.SELL, "50000", "1", TimeInForce.GTC);
        t.place(MAKER, Side.BUY, "49000", "1", TimeInForce.GTC);
        t.place(ALICE, Side.BUY, "50000", "0.3", TimeInForce.IOC);
        t.advance(500);
        t.publish("50500");
        t.place(BOB, Side.SELL, "49000", "0.2", TimeInForce.GTC);
        t.apply(t.order(ALICE, Side.BUY, "50000", "9", TimeInForce.GTC)); // rejected: margin
        t.place(ALICE, Side.BUY, "49500", "0.1", TimeInForce.GTC);
    }

    @Test
    void replayingTheJournalFromTheStartReproducesTheStateHash() {
        Journal journal = Journals.inMemory();
        Venue.Builder builder = TestVenue.builder(LiquidationPolicy.NONE).journal(journal);
        TestVenue t = TestVenue.withTraders(builder.build());
        trade(t);

        Venue replayed = Venue.replay(TestVenue.builder(LiquidationPolicy.NONE), null, journal.entries());

        assertEquals(t.venue().stateHash(), replayed.stateHash());
        assertEquals(t.venue().account(ALICE), replayed.account(ALICE));
    }

    @Test
    void aSnapshotPlusTheJournalTailReproducesTheStateHash() {
        Journal journal = Journals.inMemory();
        TestVenue t = TestVenue.withTraders(TestVenue.builder(LiquidationPolicy.NONE).journal(journal).build());
        t.place(MAKER, Side.SELL, "50000", "1", TimeInForce.GTC);
        VenueSnapshot snapshot = t.venue().snapshot();
        trade(t);

        Venue replayed = Venue.replay(TestVenue.builder(LiquidationPolicy.NONE), snapshot, journal.entries());

        assertEquals(t.venue().stateHash(), replayed.stateHash());
    }

    @Test
    void aSnapshotSurvivesJson() {
        TestVenue t = TestVenue.withTraders();
        trade(t);

        VenueSnapshot parsed = VenueSnapshot.fromJson(t.venue().snapshot().toJson());
        Venue restored = Venue.replay(TestVenue.builder(LiquidationPolicy.NONE), parsed, java.util.List.of());

        assertEquals(t.venue().stateHash(), restored.stateHash());
        assertEquals(t.venue().depth(TestVenue.BTC, Side.BUY, 10), restored.depth(TestVenue.BTC, Side.BUY, 10));
    }

    @Test
    void aRestoredVenueKeepsQueuePriority() {
        TestVenue t = TestVenue.withTraders();
        t.place(MAKER, Side.SELL, "50000", "0.1", TimeInForce.GTC);
        t.place(BOB, Side.SELL, "50000", "0.1", TimeInForce.GTC);
        Venue restored = Venue.replay(TestVenue.builder(LiquidationPolicy.NONE), t.venue().snapshot(), java.util.List.of());
        TestVenue r = new TestVenue(restored);
        r.advance(1);

        CommandResult fill = r.accept(new Command.PlaceOrder(CommandId.of(9_000), r.now(), ALICE, TestVenue.BTC,
                Side.BUY, TestVenue.price("50000"), TestVenue.btc("0.1"), TimeInForce.IOC));

        assertEquals(MAKER, fill.eventsOf(io.fulcrum.api.Event.Trade.class).get(0).maker());
    }

    @Test
    void aReplayedVenueStillAnswersDuplicates() {
        Journal journal = Journals.inMemory();
        TestVenue t = TestVenue.withTraders(TestVenue.builder(LiquidationPolicy.NONE).journal(journal).build());
        Command.Deposit deposit = new Command.Deposit(CommandId.of(777), t.now(), ALICE, USDC_ID, usdc("1"));
        t.accept(deposit);

        Venue replayed = Venue.replay(TestVenue.builder(LiquidationPolicy.NONE), null, journal.entries());

        assertEquals(CommandResult.Status.DUPLICATE, replayed.apply(deposit).status());
    }

    @Test
    void aFileJournalRebuildsTheVenueAfterTheProcessIsGone(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("venue.journal");
        Journal journal = Journals.file(file);
        TestVenue t = TestVenue.withTraders(TestVenue.builder(LiquidationPolicy.NONE).journal(journal).build());
        trade(t);
        journal.close();
        // A crash in the middle of the next append leaves a torn line; it was never applied.
        Files.writeString(file, "{\"sequence\":99,\"comm", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Venue replayed = Venue.replay(TestVenue.builder(LiquidationPolicy.NONE), null, Journals.read(file));

        assertEquals(t.venue().stateHash(), replayed.stateHash());
        assertTrue(replayed.audit().isConserved());
    }

    @Test
    void aSnapshotFromADifferentlyConfiguredVenueIsRefused() {
        TestVenue t = TestVenue.withTraders();
        trade(t);
        VenueSnapshot snapshot = t.venue().snapshot();
        Venue.Builder other = Venue.builder().settlementAsset(TestVenue.USDC)
                .marginModel(io.fulcrum.margin.CrossMargin.with(io.fulcrum.margin.HaircutCollateral.settlementOnly(TestVenue.USDC)));

        assertThrows(IllegalArgumentException.class, () -> Venue.replay(other, snapshot, java.util.List.of()));
    }

    @Test
    void aJournalWithAGapIsRefused() {
        Journal journal = Journals.inMemory();
        TestVenue t = TestVenue.withTraders(TestVenue.builder(LiquidationPolicy.NONE).journal(journal).build());
        trade(t);
        java.util.List<JournalEntry> entries = new java.util.ArrayList<>(journal.entries());
        entries.remove(3);

        assertThrows(IllegalArgumentException.class,
                () -> Venue.replay(TestVenue.builder(LiquidationPolicy.NONE), null, entries));
    }
}
