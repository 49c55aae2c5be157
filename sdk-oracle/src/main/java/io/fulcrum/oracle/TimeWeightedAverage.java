package io.fulcrum.oracle;

import java.math.BigInteger;

/**
 * The exact time-weighted average (TWAP) of a piecewise-constant price over fixed periods, such
 * as the funding hour over which Hyperliquid averages its premium samples (MECHANISMS.md §1.1).
 * Each sampled price holds from its time until the next sample; the average of a period is
 * {@code Σ price · duration / Σ duration} over the part of the period that has been observed,
 * in exact integers (128-bit sums), rounded half-even once at the end.
 *
 * <p>Periods are aligned to epoch multiples of {@code periodMs} and include their end instant:
 * period k covers {@code (k·periodMs, (k+1)·periodMs]}. So {@code average} at the top of the hour
 * still reports the hour that just ended, which is when a funding payment reads it; a sample at
 * exactly the boundary holds from there on but weighs nothing in the ending period. When a later
 * time crosses a boundary, the average restarts from the boundary with the price held there.
 * Before the first sample ever, the observed part starts at that sample, not at the period start.
 *
 * <p>Example, periods of 60 s: 100 sampled at t = 0 and 110 at t = 20 s; at t = 60 s the
 * average is (100·20 + 110·40) / 60 = 106.67, rounded to 107. At t = 61 s a new period has begun
 * with 110 held since 60 s, so the average is 110.
 *
 * <p>Memory lives in the caller's {@code long[]} (see {@link io.fulcrum.api.spi.MarkPriceRule}),
 * {@link #STATE_SLOTS} slots from {@code offset}, zeroed at start:
 * <pre>
 *   offset + 0   the price held since the last update, positive (0 = no sample yet)
 *   offset + 1   time of the last update, epoch ms
 *   offset + 2   where the observed part of the current period starts, epoch ms
 *   offset + 3   Σ price · ms over the observed part, high 64 bits
 *   offset + 4   Σ price · ms over the observed part, low 64 bits (unsigned)
 * </pre>
 * A 128-bit sum cannot overflow: it is at most {@code Long.MAX_VALUE · periodMs < 2^126}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TimeWeightedAverage {
    /** The number of {@code long} slots one average keeps in the state array. */
    public static final int STATE_SLOTS = 5;

    private static final int PRICE = 0;
    private static final int TIME = 1;
    private static final int START = 2;
    private static final int SUM_HIGH = 3;
    private static final int SUM_LOW = 4;

    private final long periodMs;

    private TimeWeightedAverage(long periodMs) {
        if (periodMs <= 0) {
            throw new IllegalArgumentException("the averaging period must be positive: " + periodMs + " ms");
        }
        this.periodMs = periodMs;
    }

    /** Averages over periods of {@code periodMs} aligned to epoch multiples of it; {@code periodMs > 0}. */
    public static TimeWeightedAverage perPeriod(long periodMs) {
        return new TimeWeightedAverage(periodMs);
    }

    /** The period length, ms. */
    public long periodMs() {
        return periodMs;
    }

    /**
     * Records that {@code price} holds from {@code now} on.
     *
     * @throws IllegalArgumentException if {@code price} is not positive, or {@code now} is before
     *     the last update (the state is then left untouched)
     */
    public void sample(long[] state, int offset, long now, long price) {
        if (price <= 0) {
            throw new IllegalArgumentException("a TWAP sample must be a positive price: " + price);
        }
        if (!hasValue(state, offset)) {
            state[offset + PRICE] = price;
            state[offset + TIME] = now;
            state[offset + START] = now;
            state[offset + SUM_HIGH] = 0;
            state[offset + SUM_LOW] = 0;
            return;
        }
        requireNotBefore(state[offset + TIME], now);
        long start = state[offset + START];
        long high = state[offset + SUM_HIGH];
        long low = state[offset + SUM_LOW];
        long time = state[offset + TIME];
        if (now > periodEnd(time)) {
            start = periodEnd(now) - periodMs;
            time = start;
            high = 0;
            low = 0;
        }
        long held = state[offset + PRICE];
        long duration = now - time;
        long addLow = held * duration;
        long addHigh = Math.multiplyHigh(held, duration);
        long newLow = low + addLow;
        long carry = Long.compareUnsigned(newLow, low) < 0 ? 1 : 0;
        state[offset + PRICE] = price;
        state[offset + TIME] = now;
        state[offset + START] = start;
        state[offset + SUM_HIGH] = high + addHigh + carry;
        state[offset + SUM_LOW] = newLow;
    }

    /** True once a price has been sampled. */
    public boolean hasValue(long[] state, int offset) {
        return state[offset + PRICE] > 0;
    }

    /**
     * The TWAP of the current period (the one containing {@code now}) up to {@code now}, rounded
     * half-even; the state is not changed. If nothing of the period has been observed for any
     * length of time yet, this is the price held now.
     *
     * @throws IllegalStateException if no price has been sampled
     * @throws IllegalArgumentException if {@code now} is before the last update
     */
    public long average(long[] state, int offset, long now) {
        if (!hasValue(state, offset)) {
            throw new IllegalStateException("the time-weighted average has no sample yet");
        }
        long time = state[offset + TIME];
        requireNotBefore(time, now);
        long held = state[offset + PRICE];
        long start = state[offset + START];
        BigInteger sum = unsigned128(state[offset + SUM_HIGH], state[offset + SUM_LOW]);
        if (now > periodEnd(time)) {
            start = periodEnd(now) - periodMs;
            time = start;
            sum = BigInteger.ZERO;
        }
        long observed = now - start;
        if (observed == 0) {
            return held;
        }
        sum = sum.add(BigInteger.valueOf(held).multiply(BigInteger.valueOf(now - time)));
        return divideHalfEven(sum, BigInteger.valueOf(observed));
    }

    /** The end of the period containing {@code time}: the smallest multiple of the period that is at least {@code time}. */
    private long periodEnd(long time) {
        return Math.multiplyExact(-Math.floorDiv(-time, periodMs), periodMs);
    }

    private static void requireNotBefore(long last, long now) {
        if (now < last) {
            throw new IllegalArgumentException("a TWAP time of " + now + " ms is before the last update at " + last + " ms");
        }
    }

    private static BigInteger unsigned128(long high, long low) {
        BigInteger lowPart = BigInteger.valueOf(low >>> 1).shiftLeft(1).add(BigInteger.valueOf(low & 1));
        return BigInteger.valueOf(high).shiftLeft(64).add(lowPart);
    }

    private static long divideHalfEven(BigInteger dividend, BigInteger divisor) {
        BigInteger[] qr = dividend.divideAndRemainder(divisor);
        BigInteger quotient = qr[0];
        int versusHalf = qr[1].shiftLeft(1).compareTo(divisor);
        if (versusHalf > 0 || (versusHalf == 0 && quotient.testBit(0))) {
            quotient = quotient.add(BigInteger.ONE);
        }
        return quotient.longValueExact();
    }

    @Override
    public String toString() {
        return "TimeWeightedAverage[period " + periodMs + " ms]";
    }
}
