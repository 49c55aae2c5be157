package io.fulcrum.orderbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The price index of a side finds each listed level by its price, across removals and growth. */
class LevelIndexTest {
    private final LevelPool pool = new LevelPool(1);
    private final LevelIndex index = new LevelIndex(pool, 1);

    @Test
    void findsALevelByItsPrice() {
        int level = add(1_000);

        assertEquals(level, index.find(1_000));
        assertEquals(OrderPool.NONE, index.find(1_001));
        assertEquals(1, index.size());
    }

    @Test
    void removedPricesAreForgotten() {
        add(1_000);
        int kept = add(1_001);

        index.remove(1_000);

        assertEquals(OrderPool.NONE, index.find(1_000));
        assertEquals(kept, index.find(1_001));
        assertThrows(IllegalStateException.class, () -> index.remove(1_000));
    }

    @Test
    void aLadderOfNeighbouringPricesGrowsTheTableAndStaysFindable() {
        List<Integer> levels = new ArrayList<>();
        for (int tick = 0; tick < 1_000; tick++) {
            levels.add(add(100_000 + tick));
        }
        for (int tick = 0; tick < 1_000; tick++) {
            assertEquals((int) levels.get(tick), index.find(100_000 + tick));
        }
        // Every other price goes: the runs that remain must still be reachable.
        for (int tick = 0; tick < 1_000; tick += 2) {
            index.remove(100_000 + tick);
        }
        for (int tick = 0; tick < 1_000; tick++) {
            assertEquals(tick % 2 == 0 ? OrderPool.NONE : (int) levels.get(tick), index.find(100_000 + tick));
        }
        assertEquals(500, index.size());
    }

    @Test
    void agreesWithAHashMapOnARandomStream() {
        Random random = new Random(5);
        Map<Long, Integer> reference = new HashMap<>();
        for (int step = 0; step < 100_000; step++) {
            long price = 1 + random.nextInt(3_000);
            Integer expected = reference.get(price);
            assertEquals(expected == null ? OrderPool.NONE : expected, index.find(price), "price " + price);
            if (expected == null) {
                reference.put(price, add(price));
            } else if (random.nextBoolean()) {
                index.remove(price);
                pool.free(expected);
                reference.remove(price);
            }
        }
        assertEquals(reference.size(), index.size());
    }

    private int add(long price) {
        int level = pool.allocate(price, Side.BUY);
        index.add(level);
        return level;
    }
}
