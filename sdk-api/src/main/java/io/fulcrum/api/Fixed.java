package io.fulcrum.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Exact arithmetic on scaled {@code long} integers, the only number type of Fulcrum's ledger.
 *
 * <p>A product of two 64-bit values is kept in 128 bits before it is divided, so
 * {@code mulDiv(a, b, c)} is exact whenever the final result fits in a {@code long}; every
 * division says how it rounds (a {@link RoundingMode}); a result that does not fit throws
 * {@link FixedPointOverflowException} rather than wrapping.
 *
 * <p>Example: a fee of 500 ppm (0.05 %) on 15 USDC (15,000,000 units at 6 decimals), rounded
 * up in the venue's favour, is {@code ppm(15_000_000, 500, CEILING) = 7_500} units; and
 * {@code mulDiv(Long.MAX_VALUE, 3, 4, FLOOR)} is exact although its product needs 65 bits.
 *
 * <p>{@link Long#MIN_VALUE} is never a valid operand: it has no positive counterpart.
 */
public final class Fixed {
    /** One million: the denominator of rates given in parts per million. */
    public static final long PPM = 1_000_000L;

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private Fixed() {}

    /** Returns 10^{@code exponent} for {@code exponent} in [0, 18]. */
    public static long pow10(int exponent) {
        if (exponent < 0 || exponent >= POWERS_OF_TEN.length) {
            throw new IllegalArgumentException("10^" + exponent + " is not a long power of ten");
        }
        return POWERS_OF_TEN[exponent];
    }

    /** Returns {@code a + b}, or throws {@link FixedPointOverflowException} if it does not fit. */
    public static long add(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            throw new FixedPointOverflowException(a + " + " + b + " overflows a long");
        }
        return r;
    }

    /** Returns {@code a - b}, or throws {@link FixedPointOverflowException} if it does not fit. */
    public static long subtract(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            throw new FixedPointOverflowException(a + " - " + b + " overflows a long");
        }
        return r;
    }

    /** Returns {@code a * b}, or throws {@link FixedPointOverflowException} if it does not fit. */
    public static long multiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi != 0 || lo < 0) && (hi != -1 || lo >= 0)) {
            throw new FixedPointOverflowException(a + " * " + b + " overflows a long");
        }
        return lo;
    }

    /** Returns {@code -a}, or throws {@link FixedPointOverflowException} for {@link Long#MIN_VALUE}. */
    public static long negate(long a) {
        if (a == Long.MIN_VALUE) {
            throw new FixedPointOverflowException("-(" + a + ") overflows a long");
        }
        return -a;
    }

    /**
     * Returns {@code a * b / c} rounded by {@code mode}, computed exactly through a 128-bit
     * product.
     *
     * @param c the divisor, positive
     * @throws FixedPointOverflowException if the result does not fit in a {@code long}
     * @throws ArithmeticException if {@code mode} is {@link RoundingMode#UNNECESSARY} and the
     *     division is inexact
     */
    public static long mulDiv(long a, long b, long c, RoundingMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (c <= 0) {
            throw new IllegalArgumentException("divisor must be positive: " + c);
        }
        if (a == Long.MIN_VALUE || b == Long.MIN_VALUE) {
            throw new FixedPointOverflowException("Long.MIN_VALUE is not a valid operand of mulDiv");
        }
        int sign = Long.signum(a) * Long.signum(b);
        if (sign == 0) {
            return 0;
        }
        long x = Math.abs(a);
        long y = Math.abs(b);
        long hi = Math.multiplyHigh(x, y);
        long lo = x * y;
        long quotient;
        long remainder;
        if (hi == 0 && lo >= 0) {
            quotient = lo / c;
            remainder = lo - quotient * c;
        } else {
            if (Long.compareUnsigned(hi, c) >= 0) {
                throw overflow(a, b, c);
            }
            // Restoring binary long division of the 128-bit (hi:lo) by c; hi < c keeps the
            // quotient below 2^64 and the running remainder below 2^64 (c < 2^63).
            long r = hi;
            long q = 0;
            for (int bit = 63; bit >= 0; bit--) {
                boolean carry = r < 0;
                r = (r << 1) | ((lo >>> bit) & 1L);
                q <<= 1;
                if (carry || Long.compareUnsigned(r, c) >= 0) {
                    r -= c;
                    q |= 1L;
                }
            }
            if (q < 0) {
                throw overflow(a, b, c);
            }
            quotient = q;
            remainder = r;
        }
        if (remainder != 0 && roundsAwayFromZero(mode, sign, quotient, remainder, c)) {
            if (quotient == Long.MAX_VALUE) {
                throw overflow(a, b, c);
            }
            quotient++;
        }
        return sign * quotient;
    }

    /** Returns {@code amount * rate / 1,000,000} rounded by {@code mode}: a rate in parts per million. */
    public static long ppm(long amount, long ratePpm, RoundingMode mode) {
        return mulDiv(amount, ratePpm, PPM, mode);
    }

    /** Returns {@code a / c} rounded by {@code mode}; {@code c} must be positive. */
    public static long divide(long a, long c, RoundingMode mode) {
        return mulDiv(a, 1, c, mode);
    }

    /**
     * Parses a decimal string such as {@code "-12.25"} into a {@code long} with {@code scale}
     * decimals ({@code 12.25} at scale 2 is 1225). More decimals than {@code scale}, or a value
     * that does not fit, is an {@link IllegalArgumentException}.
     */
    public static long parse(String decimal, int scale) {
        Objects.requireNonNull(decimal, "decimal");
        try {
            return new BigDecimal(decimal.replace("_", "")).setScale(scale, RoundingMode.UNNECESSARY)
                    .unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + decimal + "' is not a decimal with at most " + scale
                    + " places that fits in a long", e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + decimal + "' is not a decimal number", e);
        }
    }

    /** Formats {@code value} with {@code scale} decimals: {@code format(1225, 2)} is {@code "12.25"}. */
    public static String format(long value, int scale) {
        return BigDecimal.valueOf(value, scale).toPlainString();
    }

    private static boolean roundsAwayFromZero(RoundingMode mode, int sign, long quotient, long remainder, long c) {
        // remainder < c < 2^63, so c - remainder cannot overflow.
        int half = Long.compare(remainder, c - remainder);
        switch (mode) {
            case UP:
                return true;
            case DOWN:
                return false;
            case CEILING:
                return sign > 0;
            case FLOOR:
                return sign < 0;
            case HALF_UP:
                return half >= 0;
            case HALF_DOWN:
                return half > 0;
            case HALF_EVEN:
                return half > 0 || (half == 0 && (quotient & 1L) == 1L);
            case UNNECESSARY:
                throw new ArithmeticException("rounding necessary: the division is inexact");
            default:
                throw new IllegalStateException("unknown rounding mode " + mode);
        }
    }

    private static FixedPointOverflowException overflow(long a, long b, long c) {
        return new FixedPointOverflowException(a + " * " + b + " / " + c + " overflows a long");
    }
}
