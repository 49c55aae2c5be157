package io.fulcrum.amm.internal;

/**
 * Exact unsigned 128-bit arithmetic on pairs of {@code long}s (a high and a low word), with no
 * allocation: the pool's trade path (the oracle pool's execution price and GMX price impact,
 * MECHANISMS.md §3.1) uses it instead of {@link java.math.BigInteger} for values whose products
 * fit in 128 bits, and falls back to {@code BigInteger} otherwise.
 *
 * <p>A 128-bit value is {@code hi × 2^64 + lo}, both words read as unsigned. Java returns one
 * value per call, so products are computed a word at a time: {@link #multiplyHigh} gives the
 * high word of {@code (hi, lo) × m}, and the low word is the wrapping product {@code lo * m}.
 *
 * <p>Example: {@code 2^64 × 3 + 5} divided by 7 is {@code divide(3, 5, 7)} = 7,905,747,460,161,236,407
 * (as an unsigned long), remainder {@code 5 - 7 × quotient} taken modulo 2^64 = 4.
 */
public final class PoolArithmetic {
    private static final long LOW_32 = 0xFFFF_FFFFL;

    /** What {@link #multiplyHigh} returns when the product reaches 2^127 (the sign bit of the high word). */
    public static final long OVERFLOW = -1L;

    private PoolArithmetic() {}

    /** The high word of the unsigned 128-bit product {@code a × b}. */
    public static long unsignedMultiplyHigh(long a, long b) {
        // Math.multiplyHigh is signed; an operand with its top bit set was read as x − 2^64,
        // which took 2^64 × (the other operand) off the high word: add it back.
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /**
     * The high word of {@code (hi × 2^64 + lo) × m}, for {@code hi} in [0, 2^63) and {@code m}
     * positive, or {@link #OVERFLOW} if the product is 2^127 or more. The low word is {@code lo * m}.
     */
    public static long multiplyHigh(long hi, long lo, long m) {
        if (hi != 0 && hi > Long.MAX_VALUE / m) {
            return OVERFLOW;
        }
        long high = unsignedMultiplyHigh(lo, m) + hi * m;
        // Both addends are below 2^63 when the product is below 2^127: a sign flip means it is not.
        return high < 0 ? OVERFLOW : high;
    }

    /**
     * {@code floor((hi × 2^64 + lo) / d)}, unsigned, for a divisor {@code d} in (0, 2^63) and
     * {@code hi < d} (so the quotient fits in 64 unsigned bits). The remainder is {@code lo - q * d}.
     *
     * <p>Schoolbook division in base 2^32 with a normalised divisor (Knuth, TAOCP vol. 2, §4.3.1,
     * algorithm D): each quotient digit is estimated from the top digits and corrected at most twice.
     */
    public static long divide(long hi, long lo, long d) {
        if (hi == 0 && lo >= 0) {
            return lo / d;
        }
        int shift = Long.numberOfLeadingZeros(d); // at least 1: d < 2^63
        long v = d << shift;
        long top = (hi << shift) | (lo >>> (64 - shift));
        long bottom = lo << shift;
        long v1 = v >>> 32;
        long v0 = v & LOW_32;
        long n1 = bottom >>> 32;
        long n0 = bottom & LOW_32;

        long q1 = divideByDigit(top, v1);
        long r = top - q1 * v1;
        while (q1 > LOW_32 || Long.compareUnsigned(q1 * v0, (r << 32) | n1) > 0) {
            q1--;
            r += v1;
            if (r > LOW_32) {
                break;
            }
        }
        // The partial remainder is below v < 2^64, so the wrapping arithmetic is exact.
        long middle = (top << 32) + n1 - q1 * v;
        long q0 = divideByDigit(middle, v1);
        r = middle - q0 * v1;
        while (q0 > LOW_32 || Long.compareUnsigned(q0 * v0, (r << 32) | n0) > 0) {
            q0--;
            r += v1;
            if (r > LOW_32) {
                break;
            }
        }
        return (q1 << 32) | q0;
    }

    /**
     * {@code (hi × 2^64 + lo) / d} rounded down, or up when {@code up}, as an unsigned 64-bit value,
     * for {@code d} in (0, 2^63) and {@code hi < d / 2} (so that rounding up cannot wrap).
     */
    public static long divideRounded(long hi, long lo, long d, boolean up) {
        long q = divide(hi, lo, d);
        return up && lo - q * d != 0 ? q + 1 : q;
    }

    /** {@code floor(n / d)} of an unsigned {@code n} by a divisor {@code d} in (0, 2^63), without BigInteger. */
    private static long divideByDigit(long n, long d) {
        if (n >= 0) {
            return n / d;
        }
        long q = ((n >>> 1) / d) << 1; // at most one short of the true quotient
        long r = n - q * d;
        return Long.compareUnsigned(r, d) >= 0 ? q + 1 : q;
    }
}
