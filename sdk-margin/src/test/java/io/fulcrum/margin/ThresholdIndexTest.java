package io.fulcrum.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Worked examples of {@link ThresholdIndex}: which moves reach which thresholds, and what replaces what. */
class ThresholdIndexTest {
    private static final int BTC = 0;
    private static final int ETH = 1;

    private final ThresholdIndex index = ThresholdIndex.create();

    private void trackOne(long account, int instrument, long threshold, boolean triggersOnFall) {
        index.track(account, 1, new int[] {instrument}, new long[] {threshold}, new boolean[] {triggersOnFall});
    }

    private List<Long> reached(int instrument, long from, long to) {
        List<Long> accounts = new ArrayList<>();
        index.reached(instrument, from, to, accounts::add);
        return accounts;
    }

    private Set<Long> reachedSet(int instrument, long from, long to) {
        return new TreeSet<>(reached(instrument, from, to));
    }

    @Test
    void theSpiExampleReportsTheAccountOnlyOnceTheFallPassesItsThreshold() {
        // Buffer 1,000, long 1 BTC at 50,000: threshold 50,000 - 1,000 / 1 = 49,000, on a fall.
        trackOne(7, BTC, 49_000, true);

        assertEquals(List.of(), reached(BTC, 50_000, 49_500), "49,500 is still above 49,000");
        assertEquals(List.of(7L), reached(BTC, 50_000, 48_900), "48,900 is below 49,000");
    }

    @Test
    void aFallToExactlyTheThresholdReachesIt() {
        trackOne(7, BTC, 49_000, true);

        assertEquals(List.of(7L), reached(BTC, 50_000, 49_000));
        assertEquals(List.of(), reached(BTC, 50_000, 49_001), "one unit above is not reached");
    }

    @Test
    void aRiseToExactlyTheThresholdReachesIt() {
        // Short 1 BTC at 50,000 with the same buffer: 50,000 + 1,000 / (1 × 1.004) = 50,996.01…,
        // rounded toward the price: 50,996.
        trackOne(8, BTC, 50_996, false);

        assertEquals(List.of(8L), reached(BTC, 50_000, 50_996));
        assertEquals(List.of(), reached(BTC, 50_000, 50_995), "one unit below is not reached");
    }

    @Test
    void aFallReportsThresholdsAlreadyAboveTheStartingPrice() {
        // The account was left at risk by an earlier move: 51,000 is above both prices, still reached.
        trackOne(7, BTC, 51_000, true);

        assertEquals(List.of(7L), reached(BTC, 50_000, 49_900));
    }

    @Test
    void aRiseReportsThresholdsAlreadyBelowTheStartingPrice() {
        trackOne(8, BTC, 49_000, false);

        assertEquals(List.of(8L), reached(BTC, 50_000, 50_100));
    }

    @Test
    void aMoveReachesOnlyThresholdsTriggeredInItsDirection() {
        trackOne(7, BTC, 49_000, true);    // long: at risk on a fall
        trackOne(8, BTC, 51_000, false);   // short: at risk on a rise

        assertEquals(List.of(8L), reached(BTC, 48_000, 52_000), "a rise past both reaches only the short");
        assertEquals(List.of(7L), reached(BTC, 52_000, 48_000), "a fall past both reaches only the long");
    }

    @Test
    void noMoveReportsNothing() {
        trackOne(7, BTC, 51_000, true);
        trackOne(8, BTC, 49_000, false);

        assertEquals(List.of(), reached(BTC, 50_000, 50_000));
    }

    @Test
    void aMoveReachesOnlyThresholdsOnItsInstrument() {
        trackOne(7, ETH, 3_000, true);

        assertEquals(List.of(), reached(BTC, 50_000, 1), "BTC falling to 1 says nothing about ETH");
        assertEquals(List.of(), reached(5, 50_000, 1), "an instrument nobody tracks reports nothing");
        assertEquals(List.of(7L), reached(ETH, 3_100, 2_900));
    }

    @Test
    void trackingAgainReplacesEveryOldThreshold() {
        index.track(7, 2, new int[] {BTC, ETH}, new long[] {49_000, 3_000}, new boolean[] {true, true});

        trackOne(7, BTC, 45_000, true);   // ETH exposure closed, BTC buffer grew

        assertEquals(List.of(), reached(BTC, 50_000, 48_000), "the old 49,000 is gone");
        assertEquals(List.of(), reached(ETH, 3_100, 2_000), "the old ETH threshold is gone");
        assertEquals(List.of(7L), reached(BTC, 50_000, 45_000), "the new 45,000 is there");
        assertEquals(1, index.trackedAccounts());
    }

    @Test
    void untrackForgetsEveryThreshold() {
        index.track(7, 2, new int[] {BTC, ETH}, new long[] {49_000, 3_500}, new boolean[] {true, false});
        trackOne(8, BTC, 48_000, true);

        index.untrack(7);

        assertEquals(List.of(8L), reached(BTC, 50_000, 40_000));
        assertEquals(List.of(), reached(ETH, 3_000, 4_000));
        assertEquals(1, index.trackedAccounts());
    }

    @Test
    void untrackingAnUnknownAccountChangesNothing() {
        trackOne(7, BTC, 49_000, true);

        index.untrack(99);

        assertEquals(1, index.trackedAccounts());
        assertEquals(List.of(7L), reached(BTC, 50_000, 48_000));
    }

    @Test
    void trackingWithNoThresholdsUntracks() {
        trackOne(7, BTC, 49_000, true);

        index.track(7, 0, new int[0], new long[0], new boolean[0]);

        assertEquals(0, index.trackedAccounts());
        assertEquals(List.of(), reached(BTC, 50_000, 1));
    }

    @Test
    void twoThresholdsForOneInstrumentAndDirectionKeepTheOneReachedFirst() {
        // Fall-triggered 47,000 and 49,000: a fall reaches 49,000 first, so it is kept. Rise-triggered
        // 53,000 and 52,000: 52,000 is kept. Each move reports the account once.
        index.track(7, 4, new int[] {BTC, BTC, BTC, BTC}, new long[] {47_000, 49_000, 53_000, 52_000},
                new boolean[] {true, true, false, false});

        assertEquals(List.of(7L), reached(BTC, 50_000, 46_000), "reported once although both are reached");
        assertEquals(List.of(7L), reached(BTC, 50_000, 49_000));
        assertEquals(List.of(7L), reached(BTC, 50_000, 52_000));
        assertEquals(List.of(), reached(BTC, 50_000, 51_999));
    }

    @Test
    void onlyTheFirstCountEntriesAreTracked() {
        index.track(7, 1, new int[] {BTC, ETH}, new long[] {49_000, 3_000}, new boolean[] {true, true});

        assertEquals(List.of(), reached(ETH, 3_100, 1));
        assertEquals(List.of(7L), reached(BTC, 50_000, 1));
    }

    @Test
    void aFallReportsExactlyTheAccountsAtOrAboveTheNewPrice() {
        // 1,000 accounts, account a at threshold 100 a (100 … 100,000). A fall to 90,050 reaches
        // thresholds 90,100 … 100,000: accounts 901 … 1,000, that is 100 accounts. Enough to fill
        // several blocks, so the report crosses block boundaries.
        for (long a = 1; a <= 1_000; a++) {
            trackOne(a, BTC, 100 * a, true);
        }

        Set<Long> expected = new TreeSet<>();
        for (long a = 901; a <= 1_000; a++) {
            expected.add(a);
        }
        List<Long> reported = reached(BTC, 100_500, 90_050);
        assertEquals(100, reported.size());
        assertEquals(expected, new TreeSet<>(reported));
    }

    @Test
    void aRiseReportsExactlyTheAccountsAtOrBelowTheNewPrice() {
        // Accounts 1 … 1,000 at 100 a, rise-triggered. A rise to 20,000 reaches 100 … 20,000: 200 accounts.
        for (long a = 1; a <= 1_000; a++) {
            trackOne(a, BTC, 100 * a, false);
        }

        Set<Long> reported = reachedSet(BTC, 50, 20_000);
        assertEquals(200, reported.size());
        assertTrue(reported.contains(1L) && reported.contains(200L) && !reported.contains(201L), reported.toString());
    }

    @Test
    void accountsWithEqualThresholdsAreAllReported() {
        trackOne(3, BTC, 49_000, true);
        trackOne(1, BTC, 49_000, true);
        trackOne(2, BTC, 49_000, true);

        assertEquals(Set.of(1L, 2L, 3L), reachedSet(BTC, 50_000, 49_000));
    }

    @Test
    void trackedAccountsCountsAccountsNotThresholds() {
        index.track(7, 3, new int[] {BTC, ETH, 2}, new long[] {1, 2, 3}, new boolean[] {true, false, true});
        index.track(8, 1, new int[] {ETH}, new long[] {2}, new boolean[] {true});
        index.track(7, 1, new int[] {BTC}, new long[] {5}, new boolean[] {true});

        assertEquals(2, index.trackedAccounts());
    }

    @Test
    void aRejectedTrackChangesNothing() {
        trackOne(7, BTC, 49_000, true);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> index.track(7, 2,
                new int[] {BTC, ETH}, new long[] {45_000, 0}, new boolean[] {true, true}));

        assertEquals("thresholds[1] must be a positive price: 0", e.getMessage());
        assertEquals(List.of(7L), reached(BTC, 50_000, 49_000), "the old threshold is still there");
    }

    @Test
    void aNegativeInstrumentIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trackOne(7, -1, 49_000, true));
        assertEquals("instruments[0] must be in [0, 65535]: -1", e.getMessage());
    }

    @Test
    void anInstrumentAboveTheLimitIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trackOne(7, ThresholdIndex.MAX_INSTRUMENT + 1, 49_000, true));
        assertEquals("instruments[0] must be in [0, 65535]: 65536", e.getMessage());
    }

    @Test
    void aCountLongerThanTheArraysIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> index.track(7, 2, new int[] {BTC, ETH}, new long[] {1, 2}, new boolean[] {true}));
        assertEquals("count 2 exceeds an array's length: instruments 2, thresholds 2, triggersOnFall 1",
                e.getMessage());
    }

    @Test
    void aNegativeCountIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> index.track(7, -1, new int[0], new long[0], new boolean[0]));
        assertEquals("count must be non-negative: -1", e.getMessage());
    }

    @Test
    void reachedRejectsANegativeInstrument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> index.reached(-3, 2, 1, account -> { }));
        assertEquals("instrument must be in [0, 65535]: -3", e.getMessage());
    }

    @Test
    void anExpectedCapacityMustNotBeNegative() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ThresholdIndex.create(-1));
        assertEquals("expectedAccounts must be in [0, 536,870,912]: -1", e.getMessage());
    }

    @Test
    void theConsumerMayNotChangeTheIndexWhileItIsReported() {
        trackOne(7, BTC, 49_000, true);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> index.reached(BTC, 50_000, 48_000, account -> index.untrack(account)));

        assertTrue(e.getMessage().startsWith("cannot untrack while reached() is reporting"), e.getMessage());
        assertEquals(List.of(7L), reached(BTC, 50_000, 48_000), "the index is usable afterwards, unchanged");
    }

    @Test
    void anyLongIsAnAccount() {
        trackOne(0, BTC, 49_000, true);
        trackOne(-5, BTC, 49_000, true);
        trackOne(Long.MAX_VALUE, BTC, 49_000, true);

        assertEquals(Set.of(0L, -5L, Long.MAX_VALUE), reachedSet(BTC, 50_000, 49_000));
    }
}
