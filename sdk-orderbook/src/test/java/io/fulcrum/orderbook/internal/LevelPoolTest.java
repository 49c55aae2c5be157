package io.fulcrum.orderbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fulcrum.api.Side;
import org.junit.jupiter.api.Test;

/** Levels are handed out empty, keep their fields, and are reused once freed. */
class LevelPoolTest {
    private final LevelPool pool = new LevelPool(1);

    @Test
    void aNewLevelIsAnEmptyQueueAtItsPrice() {
        int level = pool.allocate(1_000, Side.SELL);

        assertEquals(1_000, pool.price(level));
        assertEquals(Side.SELL, pool.side(level));
        assertEquals(0, pool.totalSize(level));
        assertEquals(0, pool.orderCount(level));
        assertEquals(OrderPool.NONE, pool.head(level));
        assertEquals(OrderPool.NONE, pool.tail(level));
    }

    @Test
    void fieldsAreKeptApart() {
        int level = pool.allocate(1_000, Side.BUY);
        pool.setEnds(level, 4, 9);
        pool.setTotalSize(level, Long.MAX_VALUE);
        pool.setOrderCount(level, 2);

        assertEquals(4, pool.head(level));
        assertEquals(9, pool.tail(level));
        assertEquals(Long.MAX_VALUE, pool.totalSize(level));
        assertEquals(2, pool.orderCount(level));

        pool.setEnds(level, OrderPool.NONE, 7);
        assertEquals(OrderPool.NONE, pool.head(level));
        assertEquals(7, pool.tail(level));
    }

    @Test
    void aFreedLevelIsReusedFirstAndComesBackEmpty() {
        int a = pool.allocate(1_000, Side.BUY);
        int b = pool.allocate(1_001, Side.BUY);
        pool.setEnds(a, 3, 3);
        pool.setTotalSize(a, 5);
        pool.setOrderCount(a, 1);

        pool.free(a);
        assertNull(pool.side(a));
        assertEquals(1, pool.live());

        int c = pool.allocate(990, Side.SELL);
        assertEquals(a, c);
        assertEquals(990, pool.price(c));
        assertEquals(Side.SELL, pool.side(c));
        assertEquals(0, pool.totalSize(c));
        assertEquals(0, pool.orderCount(c));
        assertEquals(OrderPool.NONE, pool.head(c));
        assertEquals(1_001, pool.price(b));
        assertEquals(2, pool.live());
    }

    @Test
    void growingKeepsEveryLevel() {
        for (int i = 0; i < 50; i++) {
            int level = pool.allocate(1_000 + i, i % 2 == 0 ? Side.BUY : Side.SELL);
            pool.setEnds(level, i, i + 1);
        }

        for (int level = 0; level < 50; level++) {
            assertEquals(1_000 + level, pool.price(level));
            assertEquals(level % 2 == 0 ? Side.BUY : Side.SELL, pool.side(level));
            assertEquals(level, pool.head(level));
            assertEquals(level + 1, pool.tail(level));
        }
    }
}
