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
 *
 * <p>An iceberg costs its ordinary record plus an entry of 20 bytes (an int key, two longs) in
 * the iceberg table, which grows at half full: at a million icebergs its 2^21 entries add 41.9
 * bytes, 96.6 in all. Ordinary orders pay nothing for icebergs, so a book where one order in 20
 * is an iceberg stays under 64 bytes an order (about 57).
 */
class FootprintTest {
    private static final int ORDERS = 1_000_000;
    private static final int LEVELS_A_SIDE = 1_000;
    private static final long MID = 100_000;

    @Test
    void aMillionRestingOrdersCostAtMost64BytesEach() {
        Book book = new Book();
        for (int k = 0; k < ORDERS; k++) {
            restOrdinary(book, k);
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
    void aMillionIcebergsCostTheirRecordPlusTheirShareOfTheIcebergTable() {
        Book book = new Book();
        for (int k = 0; k < ORDERS; k++) {
            restIceberg(book, k);
        }

        assertEquals(1 << 21, book.icebergs.capacity(), "iceberg table entries");
        long icebergBytes = book.icebergs.retainedBytes();
        assertEquals((1L << 21) * IcebergReserve.BYTES_PER_ENTRY + 2 * 16, icebergBytes);
        double perOrder = (double) book.retainedBytes() / ORDERS;
        String breakdown = String.format("%.1f bytes an iceberg, %.1f of them in the iceberg table", perOrder,
                (double) icebergBytes / ORDERS);
        assertTrue(perOrder < 97, breakdown);
    }

    @Test
    void aBookWithOneIcebergInTwentyStillCostsAtMost64BytesAnOrder() {
        Book book = new Book();
        for (int k = 0; k < ORDERS; k++) {
            if (k % 20 == 0) {
                restIceberg(book, k);
            } else {
                restOrdinary(book, k);
            }
        }

        double perOrder = (double) book.retainedBytes() / ORDERS;
        assertEquals(ORDERS / 20, book.icebergs.size());
        assertTrue(perOrder <= 64, String.format("%.1f bytes an order", perOrder));
    }

    @Test
    void anEmptyBookIsSmall() {
        // Many markets each hold a book; an empty one should cost kilobytes, not megabytes.
        long bytes = new Book().retainedBytes();
        assertTrue(bytes < 32 * 1024, bytes + " bytes");
    }

    /** Order {@code k + 1}: bids and asks alternate over 1,000 prices a side. */
    private static void restOrdinary(Book book, int k) {
        book.rest(k + 1, k % 1_000, side(k), price(k), 1 + k % 10);
    }

    /** Like {@link #restOrdinary}, as an iceberg showing 1 to 10 of 50 lots. */
    private static void restIceberg(Book book, int k) {
        long visible = 1 + k % 10;
        book.restIceberg(k + 1, k % 1_000, side(k), price(k), visible, 50 - visible, 10);
    }

    private static Side side(int k) {
        return k % 2 == 0 ? Side.BUY : Side.SELL;
    }

    private static long price(int k) {
        long offset = 1 + (k / 2) % LEVELS_A_SIDE;
        return k % 2 == 0 ? MID - offset : MID + offset;
    }
}
