package io.fulcrum.oracle.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Converts a recorded decimal price to integer price units at a fixed number of decimals, exactly:
 * "101516.5" at 2 decimals is 10,151,650. A value with more decimals than the scale holds is
 * refused unless the caller chose a rounding mode, so no price is ever rounded silently.
 */
public final class RecordedDecimal {
    /** 10^18 is the largest power of ten a long holds. */
    public static final int MAX_DECIMALS = 18;

    private RecordedDecimal() {
    }

    /** Checks a number of price decimals: 0 to {@value #MAX_DECIMALS}. */
    public static int checkDecimals(String what, int decimals) {
        if (decimals < 0 || decimals > MAX_DECIMALS) {
            throw new IllegalArgumentException(
                    what + " must be between 0 and " + MAX_DECIMALS + ": " + decimals);
        }
        return decimals;
    }

    /** {@code text} parsed as a decimal number, then converted as {@link #toUnits(BigDecimal, int, RoundingMode)}. */
    public static long toUnits(String text, int decimals, RoundingMode rounding) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal number: \"" + text + "\"", e);
        }
        return toUnits(value, decimals, rounding);
    }

    /**
     * {@code value * 10^decimals} as a long. With {@link RoundingMode#UNNECESSARY} a value with more
     * than {@code decimals} decimals (other than trailing zeros) is an error; any other mode rounds
     * as it says.
     *
     * @throws IllegalArgumentException if the value needs rounding that was not allowed, or does not
     *                                  fit a long
     */
    public static long toUnits(BigDecimal value, int decimals, RoundingMode rounding) {
        BigDecimal scaled = value.movePointRight(decimals);
        BigDecimal whole;
        try {
            whole = scaled.setScale(0, rounding);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(value.toPlainString() + " has more than " + decimals
                    + " decimals; choose more price decimals (or an explicit rounding mode)", e);
        }
        try {
            return whole.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    value.toPlainString() + " at " + decimals + " decimals does not fit a long", e);
        }
    }
}
