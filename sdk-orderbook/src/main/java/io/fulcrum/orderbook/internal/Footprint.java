package io.fulcrum.orderbook.internal;

/**
 * The heap an array of primitives occupies on a 64-bit HotSpot JVM with compressed class
 * pointers (the default below 32 GB of heap): a 16-byte header, then the elements, rounded up to
 * 8 bytes. Used to report the book's footprint from its array lengths, without an agent.
 *
 * <p>Example: a {@code long[1_024]} occupies 16 + 8,192 = 8,208 bytes.
 */
final class Footprint {
    private static final int ARRAY_HEADER = 16;

    private Footprint() {}

    static long ofArray(int length, int elementBytes) {
        long bytes = ARRAY_HEADER + (long) length * elementBytes;
        return (bytes + 7) & ~7L;
    }
}
