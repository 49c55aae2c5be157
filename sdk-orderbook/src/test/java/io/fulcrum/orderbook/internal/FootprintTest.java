package io.fulcrum.orderbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.Side;
import org.junit.jupiter.api.Test;

/**
 * A resting order costs at most 64 bytes of heap with 1,000,000 of them resting: its 36-byte
 * record in the order pool (4 longs and an int; 2^20 slots hold a million orders), its share of
 * the id index (8-byte entries; 2^21 of them at most half full), and its share of the levels.
 * (The pool holds 2^20 - 4 slots, so its arrays fill whole powers of two of bytes: see
 * {@link OrderPool}.)
 *
 * <p>The arithmetic: (2^20 - 4) × 36 / 10^6 = 37.7 bytes; 2^21 × 8 / 10^6 = 16.8 bytes; the 2,000
 * levels of this book (1,000 prices a side, as sdk-bench's footprint run) add under 0.1 byte.
 * About 54.6 bytes an order in all.
 *
 * <p>The figure comes from the arrays' lengths ({@link Book#retainedBytes()}), which is the whole
 * of what a book retains: it holds nothing per order but array elements. Validated against the
 * JVM: the used heap after full collections grows by the same 54.6 bytes an order when a
 * million orders are rested through {@code OrderBook.place} (Parallel GC; G1 adds up to a region
 * of slack per large array, measured 56.9), as sdk-bench's {@code RestingOrderFootprint}
 * measures it.
 */
class FootprintTest {
    private static final int ORDERS = 1_000_000;
    private static final int LEVELS_A_SIDE = 1_000;
    private static final long MID = 100_000;

    @Test
    void aMillionRestingOrdersCostAtMost64BytesEach() {
        Book book = new Book();
        for (int k = 0; k < ORDERS; k++) {
            boolean buy = k % 2 == 0;
            long offset = 1 + (k / 2) % LEVELS_A_SIDE;
            book.rest(k + 1, k % 1_000, buy ? Side.BUY : Side.SELL, buy ? MID - offset : MID + offset, 1 + k % 10);
        }
        assertEquals(ORDERS, book.orderCount());

        assertEquals((1 << 20) - 4, book.orders.capacity(), "order slots");
        assertEquals(1 << 21, book.index.capacity(), "id index entries");
        long orderBytes = book.orders.retainedBytes();
        long indexBytes = book.index.retainedBytes();
        long levelBytes = book.retainedBytes() - orderBytes - indexBytes;
        assertEquals(((1L << 20) - 4) * OrderPool.BYTES_PER_SLOT + 2 * 16, orderBytes);
        assertEquals((1L << 21) * OrderIdIndex.BYTES_PER_ENTRY + 16, indexBytes);

        double perOrder = (double) book.retainedBytes() / ORDERS;
        String breakdown = String.format("%.1f bytes an order: records %.1f, id index %.1f, levels %.2f", perOrder,
                (double) orderBytes / ORDERS, (double) indexBytes / ORDERS, (double) levelBytes / ORDERS);
        assertTrue(perOrder <= 64, breakdown);
        assertTrue(perOrder < 55, "no slack crept in: " + breakdown);
    }

    @Test
    void anEmptyBookIsSmall() {
        // Many markets each hold a book; an empty one should cost kilobytes, not megabytes.
        long bytes = new Book().retainedBytes();
        assertTrue(bytes < 32 * 1024, bytes + " bytes");
    }
}
