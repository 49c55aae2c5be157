package io.fulcrum.oracle;

/**
 * An exponential moving average over irregularly spaced samples in which each sample weighs
 * as much as the time elapsed before it, and old weight decays continuously with time
 * constant {@code tau}. This is the EMA of Hyperliquid's mark price (MECHANISMS.md §1.2): for a
 * sample observed {@code t} milliseconds after the previous update,
 * <pre>
 *   num ← num · exp(−t / tau) + sample · t
 *   den ← den · exp(−t / tau) + t
 *   ema = num / den
 * </pre>
 * so a value that has been sampled for a long time outweighs a spike seen for a moment.
 *
 * <p>Rules the formula leaves open, as this class settles them:
 * <ul>
 *   <li>The very first sample has no previous update: it sets the time and counts with a
 *       weight of 1 ms ({@code num = sample, den = 1}), so the EMA has a value at once and
 *       equals that sample.
 *   <li>A sample at the same millisecond as the previous update ({@code t = 0}) adds no weight
 *       and changes nothing: the formula weighs a sample by the time before it, and there is none.
 *   <li>A time before the previous update is an {@link IllegalArgumentException}; the state is
 *       left untouched.
 *   <li>{@code exp} is {@link StrictMath#exp}, so every platform computes the same bits.
 * </ul>
 *
 * <p>Memory lives in the caller's {@code long[]} (see {@link io.fulcrum.api.spi.MarkPriceRule}),
 * {@link #STATE_SLOTS} slots from {@code offset}, zeroed at start:
 * <pre>
 *   offset + 0   time of the previous update, epoch ms
 *   offset + 1   ema = num / den, as Double.doubleToRawLongBits
 *   offset + 2   den, as Double.doubleToRawLongBits (0.0, all bits zero, until the first sample)
 * </pre>
 * Keeping {@code ema} rather than {@code num} is the same rule rearranged:
 * {@code (num·d + s·t) / (den·d + t) = ema + (s − ema) · t / den'} with {@code d = exp(−t/tau)} and
 * {@code den'} the new denominator. It avoids dividing two large, nearly proportional sums, so a
 * constant input stays that constant to the last bit at any magnitude.
 *
 * <p>Example, {@code tau} = 150 s: 10 at t = 0 gives num = 10, den = 1, ema = 10; then 20 at
 * t = 150 s gives num = 10·e^−1 + 20·150,000, den = e^−1 + 150,000, ema ≈ 19.999975 — the 20
 * weighs the 150 s before it, the 10 its single millisecond, decayed by e^−1.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TimeDecayEma {
    /** The number of {@code long} slots one EMA keeps in the state array. */
    public static final int STATE_SLOTS = 3;

    private static final int TIME = 0;
    private static final int EMA = 1;
    private static final int DEN = 2;

    private final long timeConstantMs;

    private TimeDecayEma(long timeConstantMs) {
        if (timeConstantMs <= 0) {
            throw new IllegalArgumentException("the EMA time constant must be positive: " + timeConstantMs + " ms");
        }
        this.timeConstantMs = timeConstantMs;
    }

    /** An EMA whose old weight decays by a factor e every {@code ms} milliseconds; {@code ms > 0}. */
    public static TimeDecayEma withTimeConstant(long ms) {
        return new TimeDecayEma(ms);
    }

    /** The time constant {@code tau}, ms. */
    public long timeConstantMs() {
        return timeConstantMs;
    }

    /**
     * Adds {@code sample}, observed at {@code now}, to the EMA kept at {@code state[offset..offset+2]}.
     *
     * @throws IllegalArgumentException if {@code sample} is not finite, or {@code now} is before the
     *     previous update
     */
    public void sample(long[] state, int offset, long now, double sample) {
        if (!Double.isFinite(sample)) {
            throw new IllegalArgumentException("an EMA sample must be finite: " + sample);
        }
        if (!hasValue(state, offset)) {
            state[offset + TIME] = now;
            state[offset + EMA] = Double.doubleToRawLongBits(sample);
            state[offset + DEN] = Double.doubleToRawLongBits(1.0);
            return;
        }
        long previous = state[offset + TIME];
        if (now < previous) {
            throw new IllegalArgumentException("an EMA sample at " + now + " ms is before the previous update at "
                    + previous + " ms");
        }
        long elapsed = now - previous;
        if (elapsed < 0) {
            // The difference exceeds Long.MAX_VALUE: every old weight has decayed to nothing.
            elapsed = Long.MAX_VALUE;
        }
        double t = elapsed;
        double decay = StrictMath.exp(-t / timeConstantMs);
        double ema = Double.longBitsToDouble(state[offset + EMA]);
        double den = Double.longBitsToDouble(state[offset + DEN]) * decay + t;
        // den ≥ t and den > 0: a previous den decays but never to a negative value.
        ema += (sample - ema) * (t / den);
        state[offset + TIME] = now;
        state[offset + EMA] = Double.doubleToRawLongBits(ema);
        state[offset + DEN] = Double.doubleToRawLongBits(den);
    }

    /** True once the EMA has had a sample. */
    public boolean hasValue(long[] state, int offset) {
        return Double.longBitsToDouble(state[offset + DEN]) > 0;
    }

    /**
     * The current EMA, {@code num / den}.
     *
     * @throws IllegalStateException if there has been no sample yet
     */
    public double value(long[] state, int offset) {
        if (!hasValue(state, offset)) {
            throw new IllegalStateException("the EMA has no sample yet");
        }
        return Double.longBitsToDouble(state[offset + EMA]);
    }

    /**
     * The current EMA rounded half-even to a {@code long} (a price or a price difference).
     *
     * @throws IllegalStateException if there has been no sample yet
     */
    public long roundedValue(long[] state, int offset) {
        return Math.round(Math.rint(value(state, offset)));
    }

    @Override
    public String toString() {
        return "TimeDecayEma[tau " + timeConstantMs + " ms]";
    }
}
