package io.fulcrum.margin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.FixedPointOverflowException;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/** Rounding and overflow of the funding formulas' exact division. */
class FundingArithmeticTest {
    private static long divide(long a, long b, RoundingMode mode) {
        return FundingArithmetic.divide(BigInteger.valueOf(a), BigInteger.valueOf(b), mode);
    }

    @Test
    void divisionRoundsAsAsked() {
        // 7 / 2 = 3.5 and -7 / 2 = -3.5.
        assertEquals(3, divide(7, 2, RoundingMode.DOWN));
        assertEquals(-3, divide(-7, 2, RoundingMode.DOWN));
        assertEquals(4, divide(7, 2, RoundingMode.UP));
        assertEquals(-4, divide(-7, 2, RoundingMode.UP));
        assertEquals(3, divide(7, 2, RoundingMode.FLOOR));
        assertEquals(-4, divide(-7, 2, RoundingMode.FLOOR));
        assertEquals(4, divide(7, 2, RoundingMode.CEILING));
        assertEquals(-3, divide(-7, 2, RoundingMode.CEILING));
        assertEquals(-3, divide(-6, 2, RoundingMode.FLOOR));
    }

    @Test
    void aQuotientBeyondALongThrows() {
        BigInteger big = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);
        assertThrows(FixedPointOverflowException.class,
                () -> FundingArithmetic.divide(big, BigInteger.ONE, RoundingMode.DOWN));
        // -2^63 fits in a long but has no positive counterpart, so it is refused as Fixed refuses it.
        assertThrows(FixedPointOverflowException.class,
                () -> FundingArithmetic.divide(big.negate(), BigInteger.ONE, RoundingMode.DOWN));
        assertEquals(-Long.MAX_VALUE, FundingArithmetic.divide(big.negate().add(BigInteger.ONE), BigInteger.ONE,
                RoundingMode.DOWN));
        assertThrows(IllegalArgumentException.class,
                () -> FundingArithmetic.divide(BigInteger.ONE, BigInteger.ZERO, RoundingMode.DOWN));
        assertThrows(IllegalArgumentException.class, () -> divide(7, 2, RoundingMode.HALF_UP));
    }
}
