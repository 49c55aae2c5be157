package io.fulcrum.orderbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The id index finds every indexed order, forgets removed ones, survives collisions, wrap-around
 * and growth, and closes the gap a removal leaves (backward-shift deletion), so no probe run ever
 * holds a dead entry.
 */
class OrderIdIndexTest {
    /** A table of 64 entries: it grows beyond {@code 64 × 25 % = 16} ids, so tests below stay under that. */
    private static final int CAPACITY = 64;

    private final OrderPool pool = new OrderPool(4);
    private final OrderIdIndex index = new OrderIdIndex(pool, 16);

    @Test
    void startsAtTheCapacityAskedFor() {
        assertEquals(CAPACITY, index.capacity());
        assertEquals(16, OrderIdIndex.growThreshold(CAPACITY));
    }

    @Test
    void findsWhatWasPutAndForgetsWhatWasRemoved() {
        int seven = add(7);
        int nine = add(9);

        assertEquals(seven, index.get(7));
        assertEquals(nine, index.get(9));
        assertEquals(OrderPool.NONE, index.get(8));
        assertEquals(2, index.size());

        assertEquals(seven, index.remove(7));
        assertEquals(OrderPool.NONE, index.get(7));
        assertEquals(OrderPool.NONE, index.remove(7), "removing twice finds nothing the second time");
        assertEquals(nine, index.get(9));
        assertEquals(1, index.size());
        index.verify();
    }

    @Test
    void idsWithTheSameHomeQueueUpBehindEachOther() {
        long[] ids = idsWithHome(5, 3);
        for (long id : ids) {
            add(id);
        }

        assertEquals(5, index.positionOf(ids[0]));
        assertEquals(6, index.positionOf(ids[1]));
        assertEquals(7, index.positionOf(ids[2]));
        for (long id : ids) {
            assertEquals(id, pool.id(index.get(id)));
        }
        index.verify();
    }

    @Test
    void removingTheHeadOfARunShiftsTheRestBackHome() {
        long[] atFive = idsWithHome(5, 3);
        long[] atSix = idsWithHome(6, 1);
        add(atFive[0]);   // 5
        add(atFive[1]);   // 6
        add(atSix[0]);    // home 6 taken: 7
        add(atFive[2]);   // 8

        index.remove(atFive[0]);

        // The hole at 5 is filled by the next id homed at 5; the id homed at 6 moves into 6;
        // the last one homed at 5 moves up behind it, and the run ends one entry earlier.
        assertEquals(5, index.positionOf(atFive[1]));
        assertEquals(6, index.positionOf(atSix[0]));
        assertEquals(7, index.positionOf(atFive[2]));
        assertEquals(OrderPool.NONE, index.get(atFive[0]));
        index.verify();
    }

    @Test
    void anEntryAlreadyAtItsHomeIsNotShiftedBackwards() {
        long[] atFive = idsWithHome(5, 2);
        long[] atSeven = idsWithHome(7, 1);
        add(atFive[0]);   // 5
        add(atFive[1]);   // 6
        add(atSeven[0]);  // 7, its home

        index.remove(atFive[0]);

        assertEquals(5, index.positionOf(atFive[1]));
        assertEquals(7, index.positionOf(atSeven[0]), "moving it to 6 would put it before its home");
        index.verify();
    }

    @Test
    void runsWrapAroundTheEndOfTheTable() {
        long[] atLast = idsWithHome(CAPACITY - 1, 3);
        long[] atZero = idsWithHome(0, 1);
        for (long id : atLast) {
            add(id);
        }
        add(atZero[0]);

        assertEquals(CAPACITY - 1, index.positionOf(atLast[0]));
        assertEquals(0, index.positionOf(atLast[1]));
        assertEquals(1, index.positionOf(atLast[2]));
        assertEquals(2, index.positionOf(atZero[0]));

        index.remove(atLast[0]);

        assertEquals(CAPACITY - 1, index.positionOf(atLast[1]));
        assertEquals(0, index.positionOf(atLast[2]));
        assertEquals(1, index.positionOf(atZero[0]), "moved back one entry, still after its home 0");
        index.verify();
    }

    @Test
    void growsWhenAQuarterFullAndKeepsEveryId() {
        List<Long> ids = new ArrayList<>();
        for (long id = 1_000; id < 1_000 + 17; id++) {
            add(id);
            ids.add(id);
        }

        assertEquals(2 * CAPACITY, index.capacity(), "the 17th id doubled the table");
        for (long id : ids) {
            assertEquals(id, pool.id(index.get(id)));
        }
        index.verify();
    }

    @Test
    void largeTablesGrowAtHalfFull() {
        int large = 2 * OrderIdIndex.DENSE_ABOVE;
        assertEquals(large / 2, OrderIdIndex.growThreshold(large));
        assertEquals(OrderIdIndex.DENSE_ABOVE / 4, OrderIdIndex.growThreshold(OrderIdIndex.DENSE_ABOVE));
        // So a million ids fit in 2^21 entries, 8 bytes each: 16.8 bytes an id.
        assertTrue(OrderIdIndex.growThreshold(1 << 21) >= 1_000_000);
        assertEquals(1 << 21, new OrderIdIndex(new OrderPool(1), 1_000_000).capacity());
    }

    @Test
    void agreesWithAHashMapOnARandomStream() {
        Random random = new Random(11);
        OrderPool orders = new OrderPool(1);
        OrderIdIndex big = new OrderIdIndex(orders, 1);
        Map<Long, Integer> reference = new HashMap<>();
        List<Long> live = new ArrayList<>();
        for (int step = 0; step < 200_000; step++) {
            int roll = random.nextInt(10);
            if (roll < 5 || live.isEmpty()) {
                // Clustered ids (a few hundred apart at most) and some far-flung ones.
                long id = random.nextInt(4) == 0 ? random.nextLong() : 1_000_000 + random.nextInt(50_000);
                if (reference.containsKey(id)) {
                    continue;
                }
                int slot = orders.allocate(id, 0, 1, 0);
                big.put(id, slot);
                reference.put(id, slot);
                live.add(id);
            } else if (roll < 8) {
                long id = live.remove(random.nextInt(live.size()));
                int slot = big.remove(id);
                assertEquals((int) reference.remove(id), slot, "removing " + id);
                orders.free(slot);
            } else {
                long id = random.nextBoolean() && !live.isEmpty() ? live.get(random.nextInt(live.size())) : random.nextLong();
                assertEquals((int) reference.getOrDefault(id, OrderPool.NONE), big.get(id), "looking up " + id);
            }
            if (step % 20_000 == 0) {
                big.verify();
            }
        }
        assertEquals(reference.size(), big.size());
        big.verify();
    }

    @Test
    void verifyCatchesAnEntryWhoseSlotHoldsAnotherOrder() {
        long[] atFive = idsWithHome(5, 2);
        add(atFive[0]);
        add(atFive[1]);
        // Freeing the slot and reusing it for another id leaves a stale hash in the table.
        int slot = index.get(atFive[0]);
        pool.free(slot);
        pool.allocate(atFive[0] + 1, 0, 1, 0);

        IllegalStateException failure = assertThrows(IllegalStateException.class, index::verify);
        assertTrue(failure.getMessage().contains("not its order's"), failure.getMessage());
    }

    private int add(long id) {
        int slot = pool.allocate(id, 100 + id, 1, 0);
        index.put(id, slot);
        return slot;
    }

    /** The first {@code count} positive ids whose home in a table of {@link #CAPACITY} is {@code home}. */
    private static long[] idsWithHome(int home, int count) {
        long[] ids = new long[count];
        int found = 0;
        for (long id = 1; found < count; id++) {
            if (OrderIdIndex.home(OrderIdIndex.hash(id), CAPACITY) == home) {
                ids[found++] = id;
            }
        }
        return ids;
    }
}
