package io.fulcrum.orderbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Slots are handed out, linked, freed and reused without losing a field, across growth too. */
class OrderPoolTest {
    private final OrderPool pool = new OrderPool(2);

    @Test
    void aNewSlotHoldsItsOrderAndNoNeighbours() {
        int slot = pool.allocate(7, 3, 5, 2);

        assertEquals(7, pool.id(slot));
        assertEquals(3, pool.owner(slot));
        assertEquals(5, pool.openSize(slot));
        assertEquals(2, pool.level(slot));
        assertEquals(OrderPool.NONE, pool.prev(slot));
        assertEquals(OrderPool.NONE, pool.next(slot));
        assertEquals(1, pool.live());
    }

    @Test
    void theMostRecentlyFreedSlotIsReusedFirst() {
        int a = pool.allocate(1, 1, 1, 0);
        int b = pool.allocate(2, 1, 1, 0);
        int c = pool.allocate(3, 1, 1, 0);

        pool.free(a);
        pool.free(c);

        assertEquals(c, pool.allocate(4, 1, 1, 0), "last freed, first reused: it is likeliest to be in cache");
        assertEquals(a, pool.allocate(5, 1, 1, 0));
        assertEquals(3, pool.allocate(6, 1, 1, 0), "the free list is empty: a never used slot");
        assertEquals(4, pool.live());
        assertEquals(2, pool.id(b));
    }

    @Test
    void aFreedSlotBelongsToNoLevel() {
        int slot = pool.allocate(1, 1, 1, 9);
        pool.free(slot);

        assertEquals(OrderPool.NONE, pool.level(slot));
        assertEquals(0, pool.live());
    }

    @Test
    void linksKeepBothHalvesIncludingNone() {
        int slot = pool.allocate(1, 1, 1, 0);

        pool.setLinks(slot, 123_456_789, OrderPool.NONE);
        assertEquals(123_456_789, pool.prev(slot));
        assertEquals(OrderPool.NONE, pool.next(slot));

        pool.setNext(slot, 42);
        assertEquals(123_456_789, pool.prev(slot));
        assertEquals(42, pool.next(slot));

        pool.setPrev(slot, OrderPool.NONE);
        assertEquals(OrderPool.NONE, pool.prev(slot));
        assertEquals(42, pool.next(slot));

        pool.setPrev(slot, OrderPool.MAX_CAPACITY - 1);
        assertEquals(OrderPool.MAX_CAPACITY - 1, pool.prev(slot));
        assertEquals(42, pool.next(slot));
    }

    @Test
    void fieldsHoldTheWholeLongRange() {
        int slot = pool.allocate(Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE - 1, 0);
        pool.setLinks(slot, OrderPool.NONE, OrderPool.NONE);

        assertEquals(Long.MIN_VALUE, pool.id(slot));
        assertEquals(Long.MAX_VALUE, pool.owner(slot));
        assertEquals(Long.MAX_VALUE - 1, pool.openSize(slot));
    }

    @Test
    void growingKeepsEveryOrder() {
        for (int i = 0; i < 100; i++) {
            int slot = pool.allocate(1_000 + i, i, i + 1, i % 7);
            pool.setLinks(slot, i - 1, i + 1);
        }

        assertEquals(124, pool.capacity(), "4, 12, 28, 60, 124: each 4 short of a power of two");
        for (int slot = 0; slot < 100; slot++) {
            assertEquals(1_000 + slot, pool.id(slot));
            assertEquals(slot, pool.owner(slot));
            assertEquals(slot + 1, pool.openSize(slot));
            assertEquals(slot % 7, pool.level(slot));
            assertEquals(slot - 1, pool.prev(slot));
            assertEquals(slot + 1, pool.next(slot));
        }
    }

    @Test
    void retainedBytesFollowTheCapacity() {
        // 4 slots: a long[16] (16 + 128 bytes) and an int[4] (16 + 16 bytes), 176 in all.
        assertEquals(144 + 32, pool.retainedBytes());
        // At a million orders each array with its header is a power of two of bytes, no more.
        int capacity = 4;
        while (capacity < 1_000_000) {
            capacity = OrderPool.grownCapacity(capacity);
        }
        assertEquals((1 << 20) - 4, capacity);
        assertTrue(Footprint.ofArray(capacity * 4, Long.BYTES) <= 1L << 25);
        assertEquals(1L << 22, Footprint.ofArray(capacity, Integer.BYTES));
        assertEquals(36, OrderPool.BYTES_PER_SLOT);
    }
}
