package io.fulcrum.oracle.internal;

import java.math.BigInteger;

/**
 * The size of a price move relative to a reference, exactly, for positive prices of any size:
 * products of two longs are compared in 128 bits, so no price makes the test wrap.
 */
public final class BreakerMove {
    private static final long PPM = 1_000_000L;

    private BreakerMove() {
    }

    /** {@code |price − reference| × 10^6 > maxMovePpm × reference}, for positive prices and a non-negative limit. */
    public static boolean exceeds(long price, long reference, long maxMovePpm) {
        long move = Math.abs(price - reference);   // both positive: the difference cannot overflow
        return compareProducts(move, PPM, maxMovePpm, reference) > 0;
    }

    /** {@code floor(|price − reference| × 10^6 / reference)}, at most {@link Long#MAX_VALUE}; for reasons. */
    public static long movePpm(long price, long reference) {
        BigInteger move = BigInteger.valueOf(Math.abs(price - reference)).multiply(BigInteger.valueOf(PPM))
                .divide(BigInteger.valueOf(reference));
        return move.bitLength() < Long.SIZE ? move.longValue() : Long.MAX_VALUE;
    }

    /** Compares {@code a × b} with {@code c × d} for non-negative longs, in 128 bits. */
    static int compareProducts(long a, long b, long c, long d) {
        long high1 = Math.multiplyHigh(a, b);
        long high2 = Math.multiplyHigh(c, d);
        if (high1 != high2) {
            return Long.compare(high1, high2);   // non-negative products: the high words are signed-comparable
        }
        return Long.compareUnsigned(a * b, c * d);
    }
}
