package io.fulcrum.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.spi.HealthIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ThresholdIndex} against {@link ListScanningIndex}, a deliberately simple index that keeps
 * every account's thresholds in a list and scans them all: seeded random streams of track,
 * untrack and reached, comparing the set of reported accounts (and that no account is reported
 * twice) after every reached, and the tracked count after every change.
 *
 * <p>Thresholds come from a narrow price range so moves often land exactly on them, accounts
 * often name an instrument twice in one call, and the population is large enough for the ladders
 * to split and merge blocks many times.
 */
class ThresholdIndexDifferentialTest {
    private static final int OPERATIONS = 30_000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 20261121})
    void reportsTheSameAccountsAsAListScan(long seed) {
        Random random = new Random(seed);
        ThresholdIndex fast = ThresholdIndex.create();
        ListScanningIndex naive = new ListScanningIndex();
        int accounts = 1 + random.nextInt(3_000);
        int instruments = 1 + random.nextInt(6);
        long lowest = 1 + random.nextInt(1_000);
        long span = 1 + random.nextInt(2_000);
        int[] instrumentsOf = new int[8];
        long[] thresholds = new long[8];
        boolean[] falls = new boolean[8];
        int reportsCompared = 0;
        int nonEmptyReports = 0;

        for (int op = 0; op < OPERATIONS; op++) {
            int roll = random.nextInt(100);
            long account = 1 + random.nextInt(accounts);
            String where = "seed " + seed + ", operation " + op;
            if (roll < 55) {
                int count = random.nextInt(6);   // 0 untracks
                for (int i = 0; i < count; i++) {
                    instrumentsOf[i] = random.nextInt(instruments);
                    thresholds[i] = lowest + random.nextInt((int) span);
                    falls[i] = random.nextBoolean();
                }
                fast.track(account, count, instrumentsOf, thresholds, falls);
                naive.track(account, count, instrumentsOf, thresholds, falls);
            } else if (roll < 65) {
                fast.untrack(account);
                naive.untrack(account);
            } else {
                int instrument = random.nextInt(instruments + 1);   // sometimes one nobody tracks
                long from = lowest - 5 + random.nextInt((int) span + 10);
                long to = random.nextInt(10) == 0 ? from : lowest - 5 + random.nextInt((int) span + 10);
                List<Long> fastReport = report(fast, instrument, from, to);
                List<Long> naiveReport = report(naive, instrument, from, to);
                Set<Long> fastSet = new TreeSet<>(fastReport);
                assertEquals(fastSet.size(), fastReport.size(), where + ": an account was reported twice");
                assertEquals(new TreeSet<>(naiveReport), fastSet,
                        where + ": instrument " + instrument + " from " + from + " to " + to);
                reportsCompared++;
                nonEmptyReports += fastSet.isEmpty() ? 0 : 1;
            }
            assertEquals(naive.trackedAccounts(), fast.trackedAccounts(), where + ": tracked accounts");
        }
        // The comparison means something only if reports were often non-empty.
        assertTrue(nonEmptyReports > reportsCompared / 3,
                "seed " + seed + ": " + nonEmptyReports + " of " + reportsCompared + " reports non-empty");
    }

    private static List<Long> report(HealthIndex index, int instrument, long from, long to) {
        List<Long> accounts = new ArrayList<>();
        index.reached(instrument, from, to, accounts::add);
        return accounts;
    }

    /** The SPI read literally: every account's thresholds in a list, every report a full scan. */
    static final class ListScanningIndex implements HealthIndex {
        private record Threshold(int instrument, long price, boolean triggersOnFall) {}

        private final Map<Long, List<Threshold>> thresholds = new HashMap<>();

        @Override
        public void track(long account, int count, int[] instruments, long[] prices, boolean[] triggersOnFall) {
            List<Threshold> list = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                list.add(new Threshold(instruments[i], prices[i], triggersOnFall[i]));
            }
            if (list.isEmpty()) {
                thresholds.remove(account);
            } else {
                thresholds.put(account, list);
            }
        }

        @Override
        public void untrack(long account) {
            thresholds.remove(account);
        }

        @Override
        public void reached(int instrument, long from, long to, LongConsumer accounts) {
            Objects.requireNonNull(accounts);
            for (Map.Entry<Long, List<Threshold>> entry : thresholds.entrySet()) {
                for (Threshold t : entry.getValue()) {
                    boolean hit = t.instrument() == instrument
                            && (to < from ? t.triggersOnFall() && t.price() >= to
                                    : to > from && !t.triggersOnFall() && t.price() <= to);
                    if (hit) {
                        accounts.accept(entry.getKey());
                        break;   // once per account
                    }
                }
            }
        }

        @Override
        public int trackedAccounts() {
            return thresholds.size();
        }
    }
}
