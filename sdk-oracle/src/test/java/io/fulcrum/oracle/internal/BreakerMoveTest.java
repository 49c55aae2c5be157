package io.fulcrum.oracle.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BreakerMoveTest {
    @Test
    void elevenPercentExceedsTenAndTenDoesNot() {
        // |890 - 1,000| × 10^6 = 110,000,000 > 100,000 × 1,000; |900 - 1,000| × 10^6 = 100,000,000 is not.
        assertTrue(BreakerMove.exceeds(890, 1_000, 100_000));
        assertFalse(BreakerMove.exceeds(900, 1_000, 100_000));
    }

    @Test
    void theMoveInPpmIsRoundedDown() {
        // 45 × 10^6 / 905 = 49,723.7 -> 49,723.
        assertEquals(49_723, BreakerMove.movePpm(860, 905));
        assertEquals(110_000, BreakerMove.movePpm(890, 1_000));
    }

    @Test
    void aMoveTooLargeForALongSaturates() {
        // (2^63 - 2) × 10^6 / 1 does not fit in a long.
        assertEquals(Long.MAX_VALUE, BreakerMove.movePpm(Long.MAX_VALUE - 1, 1));
    }

    @Test
    void productsCompareLikeExactIntegers() {
        long seed = 8_900L;
        Random random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            long a = nonNegative(random);
            long b = nonNegative(random);
            long c = nonNegative(random);
            long d = nonNegative(random);
            int expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                    .compareTo(BigInteger.valueOf(c).multiply(BigInteger.valueOf(d)));
            assertEquals(expected, Integer.signum(BreakerMove.compareProducts(a, b, c, d)),
                    "seed " + seed + ": " + a + " × " + b + " vs " + c + " × " + d);
        }
    }

    /** Values of every magnitude, from 0 to Long.MAX_VALUE. */
    private static long nonNegative(Random random) {
        return (random.nextLong() >>> 1) >>> random.nextInt(63);
    }
}
