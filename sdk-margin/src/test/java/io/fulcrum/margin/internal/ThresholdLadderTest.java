package io.fulcrum.margin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ThresholdLadder}: ordering, block splits and merges, and reports, with tiny blocks to exercise them. */
class ThresholdLadderTest {
    private record Pair(long threshold, long account) {}

    private static final Comparator<Pair> ORDER =
            Comparator.comparingLong(Pair::threshold).thenComparingLong(Pair::account);

    private static List<Long> above(ThresholdLadder ladder, long threshold) {
        List<Long> accounts = new ArrayList<>();
        ladder.reportAtOrAbove(threshold, accounts::add);
        return accounts;
    }

    private static List<Long> below(ThresholdLadder ladder, long threshold) {
        List<Long> accounts = new ArrayList<>();
        ladder.reportAtOrBelow(threshold, accounts::add);
        return accounts;
    }

    @Test
    void reportsAboveComeHighestFirstAndStopAtTheBound() {
        ThresholdLadder ladder = new ThresholdLadder(4);
        ladder.add(30, 3);
        ladder.add(10, 1);
        ladder.add(20, 2);
        ladder.add(20, 9);

        // At or above 20: (30, 3), (20, 9), (20, 2), highest key first.
        assertEquals(List.of(3L, 9L, 2L), above(ladder, 20));
        assertEquals(List.of(1L, 2L, 9L), below(ladder, 20));
    }

    @Test
    void aFullBlockSplitsInTwo() {
        ThresholdLadder ladder = new ThresholdLadder(4);
        for (long a = 1; a <= 4; a++) {
            ladder.add(10 * a, a);
        }
        assertEquals(1, ladder.blocks(), "four pairs fill one block of four");

        ladder.add(25, 5);   // into the full block: halves of 2 and 2, then 25 joins the upper half

        assertEquals(2, ladder.blocks());
        assertEquals(List.of(1L, 2L, 5L, 3L, 4L), below(ladder, 100));
        ladder.checkInvariants();
    }

    @Test
    void blocksThatFitInHalfABlockMerge() {
        ThresholdLadder ladder = new ThresholdLadder(4);
        for (long a = 1; a <= 5; a++) {
            ladder.add(10 * a, a);   // blocks [10, 20] [30, 40, 50] after the split
        }
        assertEquals(2, ladder.blocks());

        assertTrue(ladder.remove(50, 5));   // 2 + 2 = 4 > half of 4: no merge
        assertEquals(2, ladder.blocks());
        assertTrue(ladder.remove(40, 4));   // 2 + 1 = 3 > 2: no merge
        assertEquals(2, ladder.blocks());
        assertTrue(ladder.remove(10, 1));   // 1 + 1 = 2 <= 2: merged into one block

        assertEquals(1, ladder.blocks());
        assertEquals(List.of(2L, 3L), below(ladder, 100));
        ladder.checkInvariants();
    }

    @Test
    void removingAnAbsentPairReturnsFalse() {
        ThresholdLadder ladder = new ThresholdLadder(4);
        assertFalse(ladder.remove(10, 1), "empty ladder");
        ladder.add(10, 1);

        assertFalse(ladder.remove(10, 2), "same threshold, other account");
        assertFalse(ladder.remove(11, 1), "same account, other threshold");
        assertEquals(1, ladder.size());
    }

    @Test
    void addingAPresentPairIsABug() {
        ThresholdLadder ladder = new ThresholdLadder(4);
        ladder.add(10, 1);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ladder.add(10, 1));
        assertEquals("pair already present: threshold 10, account 1", e.getMessage());
    }

    @Test
    void theBlockCapacityMustBeEvenAndAtLeastFour() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ThresholdLadder(5));
        assertEquals("blockCapacity must be an even number of at least 4: 5", e.getMessage());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 11, 2026})
    void matchesASortedSetUnderRandomAddsAndRemoves(long seed) {
        Random random = new Random(seed);
        ThresholdLadder ladder = new ThresholdLadder(4 + 2 * random.nextInt(4));
        TreeSet<Pair> expected = new TreeSet<>(ORDER);
        List<Pair> present = new ArrayList<>();
        for (int op = 0; op < 20_000; op++) {
            String where = "seed " + seed + ", operation " + op;
            // Grow for the first half, then shrink, so blocks both split and merge.
            boolean add = present.isEmpty() || random.nextInt(100) < (op < 10_000 ? 65 : 35);
            if (add) {
                Pair pair = new Pair(random.nextInt(500), random.nextInt(50));
                if (expected.add(pair)) {
                    ladder.add(pair.threshold(), pair.account());
                    present.add(pair);
                }
            } else {
                Pair pair = present.remove(random.nextInt(present.size()));
                expected.remove(pair);
                assertTrue(ladder.remove(pair.threshold(), pair.account()), where);
            }
            ladder.checkInvariants();
            assertEquals(expected.size(), ladder.size(), where);
            long bound = random.nextInt(520) - 10;
            List<Long> wantAbove = new ArrayList<>();
            expected.descendingSet().stream().filter(p -> p.threshold() >= bound).forEach(p -> wantAbove.add(p.account()));
            List<Long> wantBelow = new ArrayList<>();
            expected.stream().filter(p -> p.threshold() <= bound).forEach(p -> wantBelow.add(p.account()));
            assertEquals(wantAbove, above(ladder, bound), where + ": at or above " + bound);
            assertEquals(wantBelow, below(ladder, bound), where + ": at or below " + bound);
        }
    }
}
