package io.fulcrum.margin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.FixedPointOverflowException;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScenarioArithmeticTest {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private static BigInteger value(long hi, long lo) {
        return BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
    }

    @Test
    void ceilDivRoundsPositiveQuotientsUpAndNegativeQuotientsTowardsZero() {
        assertEquals(4, ScenarioArithmetic.ceilDiv(0, 7, 2));
        assertEquals(-3, ScenarioArithmetic.ceilDiv(-1, -7, 2));
        assertEquals(-4, ScenarioArithmetic.ceilDiv(-1, -8, 2));
    }

    @Test
    void sumsOfProductsAndTheirQuotientsMatchBigIntegerArithmetic() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            long[] hi = new long[1];
            long[] lo = new long[1];
            BigInteger exact = BigInteger.ZERO;
            for (int i = 0; i < 50; i++) {
                long a = random.nextLong() >> random.nextInt(40);
                long b = random.nextLong() >> (20 + random.nextInt(40));
                ScenarioArithmetic.addProduct(hi, lo, 0, a, b);
                exact = exact.add(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)));
                assertEquals(exact, value(hi[0], lo[0]), "seed " + seed + " step " + i);
            }
            long divisor = 1 + (random.nextLong() >>> 1) % (1L << 62);
            BigInteger[] qr = exact.divideAndRemainder(BigInteger.valueOf(divisor));
            BigInteger ceil = qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
            if (ceil.bitLength() < 64) {
                assertEquals(ceil.longValueExact(), ScenarioArithmetic.ceilDiv(hi[0], lo[0], divisor), "seed " + seed);
            } else {
                long h = hi[0];
                long l = lo[0];
                assertThrows(FixedPointOverflowException.class, () -> ScenarioArithmetic.ceilDiv(h, l, divisor),
                        "seed " + seed);
            }
        }
    }

    @Test
    void aQuotientThatDoesNotFitThrows() {
        // 2^64 / 1 needs 65 bits.
        assertThrows(FixedPointOverflowException.class, () -> ScenarioArithmetic.ceilDiv(1, 0, 1));
        assertEquals(TWO_64.shiftRight(2).longValueExact(), ScenarioArithmetic.ceilDiv(1, 0, 4));
    }

    @Test
    void greaterComparesSignedHighWordsAndUnsignedLowWords() {
        assertEquals(true, ScenarioArithmetic.greater(0, -1L, 0, 1));   // 2^64 − 1 > 1
        assertEquals(false, ScenarioArithmetic.greater(-1, -1L, 0, 0)); // −1 < 0
    }
}
