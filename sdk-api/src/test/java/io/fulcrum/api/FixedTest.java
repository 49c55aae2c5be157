package io.fulcrum.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FixedTest {
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger MIN_VALID = MAX.negate();

    // The rounding table of java.math.RoundingMode's Javadoc, as tenths: mulDiv(x, 1, 10, mode).
    @ParameterizedTest(name = "{0}/10 rounds to UP {1}, DOWN {2}, CEILING {3}, FLOOR {4}, HALF_UP {5}, HALF_DOWN {6}, HALF_EVEN {7}")
    @CsvSource({
        "55,   6,  5,  6,  5,  6,  5,  6",
        "25,   3,  2,  3,  2,  3,  2,  2",
        "16,   2,  1,  2,  1,  2,  2,  2",
        "11,   2,  1,  2,  1,  1,  1,  1",
        "10,   1,  1,  1,  1,  1,  1,  1",
        "-10, -1, -1, -1, -1, -1, -1, -1",
        "-11, -2, -1, -1, -2, -1, -1, -1",
        "-16, -2, -1, -1, -2, -2, -2, -2",
        "-25, -3, -2, -2, -3, -3, -2, -2",
        "-55, -6, -5, -5, -6, -6, -5, -6",
    })
    void mulDivRoundsTenthsLikeTheRoundingModeTable(long tenths, long up, long down, long ceiling, long floor,
            long halfUp, long halfDown, long halfEven) {
        assertEquals(up, Fixed.mulDiv(tenths, 1, 10, RoundingMode.UP));
        assertEquals(down, Fixed.mulDiv(tenths, 1, 10, RoundingMode.DOWN));
        assertEquals(ceiling, Fixed.mulDiv(tenths, 1, 10, RoundingMode.CEILING));
        assertEquals(floor, Fixed.mulDiv(tenths, 1, 10, RoundingMode.FLOOR));
        assertEquals(halfUp, Fixed.mulDiv(tenths, 1, 10, RoundingMode.HALF_UP));
        assertEquals(halfDown, Fixed.mulDiv(tenths, 1, 10, RoundingMode.HALF_DOWN));
        assertEquals(halfEven, Fixed.mulDiv(tenths, 1, 10, RoundingMode.HALF_EVEN));
    }

    @Test
    void mulDivRoundsHalvesOfA128BitProduct() {
        // MAX * 2 / 4 = (2^63 - 1) / 2 = 4,611,686,018,427,387,903.5; the product needs 64 bits.
        assertEquals(4_611_686_018_427_387_904L, Fixed.mulDiv(Long.MAX_VALUE, 2, 4, RoundingMode.HALF_UP));
        assertEquals(4_611_686_018_427_387_903L, Fixed.mulDiv(Long.MAX_VALUE, 2, 4, RoundingMode.HALF_DOWN));
        assertEquals(4_611_686_018_427_387_904L, Fixed.mulDiv(Long.MAX_VALUE, 2, 4, RoundingMode.HALF_EVEN));
        assertEquals(-4_611_686_018_427_387_904L, Fixed.mulDiv(-Long.MAX_VALUE, 2, 4, RoundingMode.HALF_UP));
        assertEquals(-4_611_686_018_427_387_903L, Fixed.mulDiv(-Long.MAX_VALUE, 2, 4, RoundingMode.HALF_DOWN));
        assertEquals(-4_611_686_018_427_387_904L, Fixed.mulDiv(Long.MAX_VALUE, -2, 4, RoundingMode.FLOOR));
        assertEquals(-4_611_686_018_427_387_903L, Fixed.mulDiv(Long.MAX_VALUE, -2, 4, RoundingMode.CEILING));
    }

    @Test
    void mulDivIsExactWhenTheProductNeedsMoreThan64Bits() {
        // The class Javadoc's example: (2^63 - 1) * 3 / 4 = 6,917,529,027,641,081,855.25.
        assertEquals(6_917_529_027_641_081_855L, Fixed.mulDiv(Long.MAX_VALUE, 3, 4, RoundingMode.FLOOR));
        assertEquals(6_917_529_027_641_081_856L, Fixed.mulDiv(Long.MAX_VALUE, 3, 4, RoundingMode.CEILING));
        assertEquals(Long.MAX_VALUE, Fixed.mulDiv(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, RoundingMode.UNNECESSARY));
    }

    @Test
    void mulDivOfAZeroOperandIsZero() {
        assertEquals(0, Fixed.mulDiv(0, Long.MAX_VALUE, 7, RoundingMode.UP));
        assertEquals(0, Fixed.mulDiv(-5, 0, 7, RoundingMode.UNNECESSARY));
    }

    @Test
    void mulDivThrowsWhenTheQuotientDoesNotFit() {
        FixedPointOverflowException e = assertThrows(FixedPointOverflowException.class,
                () -> Fixed.mulDiv(Long.MAX_VALUE, 2, 1, RoundingMode.FLOOR));
        assertEquals(Long.MAX_VALUE + " * 2 / 1 overflows a long", e.getMessage());
        assertThrows(FixedPointOverflowException.class,
                () -> Fixed.mulDiv(Long.MAX_VALUE, Long.MAX_VALUE, 2, RoundingMode.FLOOR));
        assertThrows(FixedPointOverflowException.class,
                () -> Fixed.mulDiv(-Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE - 1, RoundingMode.DOWN));
    }

    @Test
    void mulDivThrowsWhenRoundingAwayFromZeroPassesLongMax() {
        // (2^32 + 1)(2^32 - 1) / 2 = (2^64 - 1) / 2 = Long.MAX_VALUE + 0.5
        long a = 4_294_967_297L;
        long b = 4_294_967_295L;
        assertEquals(Long.MAX_VALUE, Fixed.mulDiv(a, b, 2, RoundingMode.FLOOR));
        assertThrows(FixedPointOverflowException.class, () -> Fixed.mulDiv(a, b, 2, RoundingMode.CEILING));
        assertEquals(-Long.MAX_VALUE, Fixed.mulDiv(-a, b, 2, RoundingMode.CEILING));
    }

    @Test
    void mulDivNeverReturnsLongMinValue() {
        // -(2^64 - 1) / 2 rounded down is -2^63 = Long.MIN_VALUE, which Fixed never produces.
        assertThrows(FixedPointOverflowException.class,
                () -> Fixed.mulDiv(-4_294_967_297L, 4_294_967_295L, 2, RoundingMode.FLOOR));
    }

    @Test
    void mulDivRejectsLongMinValueOperands() {
        FixedPointOverflowException e = assertThrows(FixedPointOverflowException.class,
                () -> Fixed.mulDiv(Long.MIN_VALUE, 1, 1, RoundingMode.DOWN));
        assertEquals("Long.MIN_VALUE is not a valid operand of mulDiv", e.getMessage());
        assertThrows(FixedPointOverflowException.class, () -> Fixed.mulDiv(1, Long.MIN_VALUE, 1, RoundingMode.DOWN));
        assertThrows(FixedPointOverflowException.class, () -> Fixed.divide(Long.MIN_VALUE, 2, RoundingMode.DOWN));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void mulDivRejectsANonPositiveDivisor(long divisor) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fixed.mulDiv(1, 1, divisor, RoundingMode.DOWN));
        assertEquals("divisor must be positive: " + divisor, e.getMessage());
    }

    @Test
    void mulDivUnnecessaryThrowsOnlyWhenTheDivisionIsInexact() {
        assertEquals(-25, Fixed.mulDiv(-50, 5, 10, RoundingMode.UNNECESSARY));
        assertThrows(ArithmeticException.class, () -> Fixed.mulDiv(1, 1, 3, RoundingMode.UNNECESSARY));
    }

    @Test
    void mulDivRequiresARoundingMode() {
        assertThrows(NullPointerException.class, () -> Fixed.mulDiv(1, 1, 1, null));
    }

    @Test
    void ppmOfTheClassExampleRoundsAFeeUp() {
        // 500 ppm of 15 USDC (15,000,000 units) is exactly 7,500 units; of 15 units it is 0.0075, rounded up to 1.
        assertEquals(7_500, Fixed.ppm(15_000_000, 500, RoundingMode.CEILING));
        assertEquals(1, Fixed.ppm(15, 500, RoundingMode.CEILING));
        assertEquals(0, Fixed.ppm(15, 500, RoundingMode.FLOOR));
    }

    @Test
    void divideRoundsByItsMode() {
        assertEquals(-4, Fixed.divide(-7, 2, RoundingMode.FLOOR));
        assertEquals(-3, Fixed.divide(-7, 2, RoundingMode.DOWN));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 42L, 20_260_101L, -7L, 0x5EED_F00DL})
    void mulDivAgreesWithBigDecimalForRandomOperands(long seed) {
        Random random = new Random(seed);
        RoundingMode[] modes = RoundingMode.values();
        for (int i = 0; i < 20_000; i++) {
            long a = randomOperand(random);
            long b = randomOperand(random);
            long c = randomDivisor(random);
            RoundingMode mode = modes[random.nextInt(modes.length)];
            String what = "seed " + seed + ", case " + i + ": mulDiv(" + a + ", " + b + ", " + c + ", " + mode + ")";
            BigDecimal exact = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)))
                    .divide(BigDecimal.valueOf(c), 40, RoundingMode.DOWN);
            BigInteger expected;
            try {
                expected = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)))
                        .divide(BigDecimal.valueOf(c), 0, mode).toBigIntegerExact();
            } catch (ArithmeticException inexact) {
                assertThrows(ArithmeticException.class, () -> Fixed.mulDiv(a, b, c, mode), what + " (exact " + exact + ")");
                continue;
            }
            if (expected.compareTo(MAX) > 0 || expected.compareTo(MIN_VALID) < 0) {
                assertThrows(FixedPointOverflowException.class, () -> Fixed.mulDiv(a, b, c, mode),
                        what + " should overflow: " + expected);
            } else {
                long actual;
                try {
                    actual = Fixed.mulDiv(a, b, c, mode);
                } catch (ArithmeticException e) {
                    fail(what + " threw " + e + " but should be " + expected, e);
                    return;
                }
                assertEquals(expected.longValueExact(), actual, what);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3L, 99L, 123_456_789L})
    void checkedAddSubtractMultiplyAgreeWithMathExact(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            long a = randomOperand(random);
            long b = randomOperand(random);
            String what = "seed " + seed + ", case " + i + ", a = " + a + ", b = " + b;
            assertSameOutcome(() -> Math.addExact(a, b), () -> Fixed.add(a, b), what + ", add");
            assertSameOutcome(() -> Math.subtractExact(a, b), () -> Fixed.subtract(a, b), what + ", subtract");
            assertSameOutcome(() -> Math.multiplyExact(a, b), () -> Fixed.multiply(a, b), what + ", multiply");
        }
    }

    @Test
    void addThrowsOnOverflowInsteadOfWrapping() {
        FixedPointOverflowException e = assertThrows(FixedPointOverflowException.class, () -> Fixed.add(Long.MAX_VALUE, 1));
        assertEquals(Long.MAX_VALUE + " + 1 overflows a long", e.getMessage());
        assertThrows(FixedPointOverflowException.class, () -> Fixed.add(Long.MIN_VALUE, -1));
        assertEquals(-1, Fixed.add(Long.MAX_VALUE, Long.MIN_VALUE));
    }

    @Test
    void subtractThrowsOnOverflowInsteadOfWrapping() {
        assertThrows(FixedPointOverflowException.class, () -> Fixed.subtract(Long.MIN_VALUE, 1));
        assertThrows(FixedPointOverflowException.class, () -> Fixed.subtract(0, Long.MIN_VALUE));
        assertEquals(Long.MIN_VALUE, Fixed.subtract(-1, Long.MAX_VALUE));
    }

    @Test
    void multiplyThrowsOnOverflowInsteadOfWrapping() {
        assertThrows(FixedPointOverflowException.class, () -> Fixed.multiply(Long.MAX_VALUE, 2));
        assertThrows(FixedPointOverflowException.class, () -> Fixed.multiply(Long.MIN_VALUE, -1));
        assertThrows(FixedPointOverflowException.class, () -> Fixed.multiply(1L << 32, 1L << 31));
        assertEquals(Long.MIN_VALUE, Fixed.multiply(-(1L << 32), 1L << 31));
        assertEquals(-6, Fixed.multiply(-2, 3));
    }

    @Test
    void negateRejectsLongMinValue() {
        assertThrows(FixedPointOverflowException.class, () -> Fixed.negate(Long.MIN_VALUE));
        assertEquals(-Long.MAX_VALUE, Fixed.negate(Long.MAX_VALUE));
    }

    @Test
    void pow10CoversExactlyTheLongPowersOfTen() {
        assertEquals(1, Fixed.pow10(0));
        assertEquals(1_000_000_000_000_000_000L, Fixed.pow10(18));
        assertThrows(IllegalArgumentException.class, () -> Fixed.pow10(19));
        assertThrows(IllegalArgumentException.class, () -> Fixed.pow10(-1));
    }

    @Test
    void parseReadsDecimalsAtAScale() {
        assertEquals(-1_225, Fixed.parse("-12.25", 2));
        assertEquals(10_005, Fixed.parse("1_000.5", 1));
        assertEquals(12_500_000, Fixed.parse("12.5", 6));
        assertEquals(Long.MAX_VALUE, Fixed.parse("9223372036854775807", 0));
    }

    @Test
    void parseRejectsMoreDecimalsThanTheScale() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fixed.parse("0.125", 2));
        assertEquals("'0.125' is not a decimal with at most 2 places that fits in a long", e.getMessage());
    }

    @Test
    void parseRejectsAValueBeyondALong() {
        assertThrows(IllegalArgumentException.class, () -> Fixed.parse("9223372036854775808", 0));
        assertThrows(IllegalArgumentException.class, () -> Fixed.parse("92233720368547758.08", 3));
    }

    @Test
    void parseRejectsText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fixed.parse("twelve", 2));
        assertEquals("'twelve' is not a decimal number", e.getMessage());
    }

    @Test
    void formatWritesPlainDecimals() {
        assertEquals("12.25", Fixed.format(1_225, 2));
        assertEquals("-0.005", Fixed.format(-5, 3));
        assertEquals("7", Fixed.format(7, 0));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5L, 2_026L})
    void parseOfFormatIsTheIdentity(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 5_000; i++) {
            long value = random.nextLong();
            int scale = random.nextInt(19);
            String text = Fixed.format(value, scale);
            assertEquals(value, Fixed.parse(text, scale), "seed " + seed + ", case " + i + ": " + text + " at scale " + scale);
        }
    }

    /** A 64-bit value of random magnitude (1 to 63 bits) and sign, with the extremes mixed in. */
    private static long randomOperand(Random random) {
        switch (random.nextInt(16)) {
            case 0:
                return Long.MAX_VALUE;
            case 1:
                return -Long.MAX_VALUE;
            case 2:
                return 0;
            default:
                long magnitude = random.nextLong() >>> (1 + random.nextInt(63));
                return random.nextBoolean() ? magnitude : -magnitude;
        }
    }

    /** A positive divisor of random magnitude, with 1, powers of ten and Long.MAX_VALUE mixed in. */
    private static long randomDivisor(Random random) {
        switch (random.nextInt(8)) {
            case 0:
                return 1;
            case 1:
                return Long.MAX_VALUE;
            case 2:
                return Fixed.pow10(random.nextInt(19));
            default:
                long c = random.nextLong() >>> (1 + random.nextInt(63));
                return c == 0 ? 3 : c;
        }
    }

    private static void assertSameOutcome(java.util.function.LongSupplier reference, java.util.function.LongSupplier actual,
            String what) {
        long expected;
        try {
            expected = reference.getAsLong();
        } catch (ArithmeticException overflow) {
            assertThrows(FixedPointOverflowException.class, actual::getAsLong, what + " should overflow");
            return;
        }
        assertEquals(expected, actual.getAsLong(), what);
    }

    @ParameterizedTest
    @EnumSource(RoundingMode.class)
    void everyModeIsExactOnAnExactDivision(RoundingMode mode) {
        assertEquals(Long.MAX_VALUE, Fixed.mulDiv(Long.MAX_VALUE, 4, 4, mode));
        assertEquals(-30, Fixed.mulDiv(-21, 10, 7, mode));
    }
}
