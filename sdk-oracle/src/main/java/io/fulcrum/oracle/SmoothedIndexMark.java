package io.fulcrum.oracle;

import io.fulcrum.api.spi.MarkInputs;
import io.fulcrum.api.spi.MarkPriceRule;

/**
 * A mark that follows the index through a {@link TimeDecayEma}, so a brief spike of the oracle
 * moves the mark only in proportion to how long it lasts; the book is ignored. The EMA is the
 * time-weighted one of Hyperliquid's mark (MECHANISMS.md §1.2), applied here to the index itself;
 * this combination is the SDK's, not a specific venue's.
 *
 * <p>Each call samples the index at the command time, then returns the EMA rounded half-even.
 * The first call returns the index itself (the EMA's first sample weighs 1 ms).
 *
 * <p>Example, time constant 60 s: index 100 at t = 0 gives 100; index 200 at t = 60 s gives
 * (100·e^−1 + 200·60,000) / (e^−1 + 60,000) ≈ 199.9994 → mark 200. With the index sampled
 * every second at 100 for ten minutes, den approaches 1,000 / (1 − e^−1/60) ≈ 60,500, so a spike
 * to 1,000 one millisecond later moves the EMA by about 900 · 1 / 60,500 ≈ 0.015: the mark
 * stays 100.
 *
 * <p>State ({@link #stateSize()} = 3 slots): the {@link TimeDecayEma} layout. Immutable and
 * thread-safe.
 */
public final class SmoothedIndexMark implements MarkPriceRule {
    private final TimeDecayEma ema;

    private SmoothedIndexMark(TimeDecayEma ema) {
        this.ema = ema;
    }

    /** Marks at the EMA of the index with time constant {@code ms}; {@code ms > 0}. */
    public static SmoothedIndexMark withTimeConstant(long ms) {
        return new SmoothedIndexMark(TimeDecayEma.withTimeConstant(ms));
    }

    @Override
    public int stateSize() {
        return TimeDecayEma.STATE_SLOTS;
    }

    @Override
    public long markPrice(MarkInputs inputs, long[] state) {
        long index = inputs.indexPrice();
        if (index <= 0) {
            throw new IllegalArgumentException(inputs.market().id() + ": the index price must be positive: " + index);
        }
        ema.sample(state, 0, inputs.time(), index);
        // An average of positive prices is positive, but rounding may not reach 1 for a tiny index.
        return Math.max(1, ema.roundedValue(state, 0));
    }

    @Override
    public String toString() {
        return "SmoothedIndexMark[" + ema + "]";
    }
}
