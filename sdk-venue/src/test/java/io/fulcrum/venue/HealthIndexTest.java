package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.LiquidationPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A venue with a {@link io.fulcrum.api.spi.HealthIndex} re-examines after a price move only
 * the accounts the move can have pushed below maintenance, and reaches the same outcome as a
 * venue that examines everyone.
 *
 * <p>Nineteen traders each hold 10,000 USDC and go long {@code 0.1 × (i + 1)} BTC at 50,000 (10 %
 * initial, 5 % maintenance, 0.05 % taker fee). Trader 18 holds 1.9 BTC: equity 10,000 − 47.5 =
 * 9,952.5, breached when {@code 9,952.5 − 1.9 (50,000 − p) < 0.05 · 1.9 p}, i.e. below 47,118.
 * Trader 17 (1.8 BTC, equity 9,955) only below 46,810.
 *
 * <p>Thresholds: buffer at 50,000 over {@code |q| · (1 + 5 %)} (the maintenance rate bounds how
 * fast the requirement can move): trader 18, (9,952.5 − 4,750) / (1.9 · 1.05) = 2,607.8 below,
 * at 47,392.2; trader 17, (9,955 − 4,500) / 1.89 = 2,886.2 below, at 47,113.8; trader 16,
 * (9,957.5 − 4,250) / 1.785 = 3,197.5 below, at 46,802.5.
 */
class HealthIndexTest {
    private static final int TRADERS = 19;

    private static AccountId trader(int i) {
        return AccountId.main(100 + i);
    }

    private static TestVenue venue(ListHealthIndex index) {
        Venue.Builder b = TestVenue.builder(LiquidationPolicy.NONE);
        if (index != null) {
            b.healthIndex(() -> index);
        }
        TestVenue t = TestVenue.withTraders(b.build());
        for (int i = 0; i < TRADERS; i++) {
            t.openWith(trader(i), "10000");
            t.place(MAKER, Side.SELL, "50000", btcSize(i), TimeInForce.GTC);
            t.place(trader(i), Side.BUY, "50000", btcSize(i), TimeInForce.IOC);
        }
        return t;
    }

    private static String btcSize(int i) {
        return (i + 1) / 10 + "." + (i + 1) % 10;
    }

    @Test
    void aSmallMoveReachesNobodysThreshold() {
        ListHealthIndex index = new ListHealthIndex();
        TestVenue t = venue(index);
        int before = index.reported;

        t.publish("49950");

        assertEquals(before, index.reported, "a 0.1 % fall is within every trader's buffer");
        assertEquals(TRADERS + 1, index.trackedAccounts(), "the traders and the maker, who is short");
    }

    @Test
    void aLargeFallReportsTheAccountsItEndangersAndBreachesTheSameAsAFullScan() {
        ListHealthIndex index = new ListHealthIndex();
        TestVenue indexed = venue(index);
        TestVenue scanned = venue(null);
        int before = index.reported;

        CommandResult fromIndex = indexed.accept(new Command.PublishPrice(indexed.nextId(), indexed.now(),
                TestVenue.FEED, TestVenue.price("47000"), 0));
        CommandResult fromScan = scanned.accept(new Command.PublishPrice(scanned.nextId(), scanned.now(),
                TestVenue.FEED, TestVenue.price("47000"), 0));

        assertEquals(fromScan, fromIndex);
        List<Event.MaintenanceBreached> breaches = fromIndex.eventsOf(Event.MaintenanceBreached.class);
        // At 47,000 only trader 18 is breached; the fall reaches the thresholds of traders 18 and 17.
        assertEquals(List.of(trader(18)), breaches.stream().map(Event.MaintenanceBreached::account).toList());
        assertEquals(2, index.reported - before, "traders 17 and 18 are examined, not all nineteen");
        assertEquals(scanned.venue().stateHash(), indexed.venue().stateHash());
    }
}
