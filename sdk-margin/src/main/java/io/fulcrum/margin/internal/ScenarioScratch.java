package io.fulcrum.margin.internal;

import io.fulcrum.api.Fixed;
import java.util.Arrays;

/**
 * The working arrays of one evaluation by a {@link ScenarioEngine}: what the account holds per
 * underlying and the 128-bit loss sums per group and scenario. Reused across evaluations (one per
 * thread), so that an evaluation allocates nothing. Not thread-safe.
 */
public final class ScenarioScratch {
    /** Net signed value at the current price per underlying, settlement units. */
    final long[] value;
    /** Value at the current price of every resting buy per underlying, settlement units. */
    final long[] buyValue;
    /** Value at the current price of every resting sell per underlying, settlement units. */
    final long[] sellValue;
    /** Widest margin scale (ppm) among each group's markets. */
    final long[] groupScalePpm;
    /**
     * Each group's loss numerator, index {@code group × scenarios + scenario}: the low words, and
     * the high words when the evaluation is wide (in a narrow one every sum fits in the low word).
     */
    final long[] lossHi;
    final long[] lossLo;
    /** True while every sum of this evaluation provably fits in 64 bits ({@link ScenarioEngine#prepare}). */
    boolean narrow;
    /** Per group: the worst scenario, its loss (scaled, 0 or more) and what is left of it for credits. */
    final int[] worstScenario;
    final long[] worstLoss;
    final long[] remaining;
    /** Three longs an evaluation may write its result into. */
    public final long[] out = new long[3];

    ScenarioScratch(int underlyings, int groups, int scenarios) {
        value = new long[underlyings];
        buyValue = new long[underlyings];
        sellValue = new long[underlyings];
        groupScalePpm = new long[groups];
        lossHi = new long[groups * scenarios];
        lossLo = new long[groups * scenarios];
        worstScenario = new int[groups];
        worstLoss = new long[groups];
        remaining = new long[groups];
        reset();
    }

    /** Forgets the previous evaluation. */
    public void reset() {
        Arrays.fill(value, 0);
        Arrays.fill(buyValue, 0);
        Arrays.fill(sellValue, 0);
        Arrays.fill(groupScalePpm, 1_000_000L);
        Arrays.fill(lossLo, 0);
        // The high words are cleared by ScenarioEngine.prepare, only when an evaluation needs them.
        narrow = false;
    }

    /** Adds {@code v} to the net value of {@code underlying}. */
    public void addValue(int underlying, long v) {
        value[underlying] = Fixed.add(value[underlying], v);
    }

    /** Adds resting orders' values at the current price to {@code underlying}: both non-negative. */
    public void addOrders(int underlying, long buy, long sell) {
        buyValue[underlying] = Fixed.add(buyValue[underlying], buy);
        sellValue[underlying] = Fixed.add(sellValue[underlying], sell);
    }

    /** Widens {@code group}'s losses by {@code scalePpm} if it is wider than what its other markets asked. */
    public void widen(int group, long scalePpm) {
        if (scalePpm > groupScalePpm[group]) {
            groupScalePpm[group] = scalePpm;
        }
    }
}
