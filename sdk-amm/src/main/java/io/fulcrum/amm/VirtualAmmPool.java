package io.fulcrum.amm;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import io.fulcrum.api.spi.MatchSink;
import io.fulcrum.api.spi.MatchingEngine;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.function.Function;

/**
 * A market priced by a {@link VirtualAmm} instead of the oracle (Perpetual Protocol v1): every
 * order fills whole on the virtual curve at its average price, or not at all; the venue's pool
 * account holds the opposite of the traders' net position. The curve's state is the starting
 * reserves moved by the traders' net position, which the venue reports before each order
 * ({@link #onPoolState}), so the engine keeps no state and snapshots need none (repegs and
 * k-adjustments are therefore not part of it).
 *
 * <p>Example: reserves 1,000 base / 1,000,000 quote, peg 1 (price 1,000): a first buy of 10 pays
 * 10,101.010102 quote, an average of 1,010.10 rounded up to the tick; the next buyer starts from
 * 990 base and pays more. The index does not enter the price at all: that is the design's
 * weakness, and what funding (mark against index) was meant to repair.
 */
public final class VirtualAmmPool extends PoolEngine {
    private final VirtualAmm start;
    private VirtualAmm current;

    private VirtualAmmPool(VirtualAmm start) {
        super(Objects.requireNonNull(start, "start").market());
        this.start = start;
        this.current = start;
    }

    /** A pool on {@code start}'s curve. */
    public static VirtualAmmPool of(VirtualAmm start) {
        return new VirtualAmmPool(start);
    }

    /** The engine factory a venue builder takes: reserves {@code base} / {@code quote} at {@code pegPpm}. */
    public static Function<MarketSpec, MatchingEngine> factory(long base, long quote, long pegPpm) {
        return spec -> new VirtualAmmPool(VirtualAmm.of(spec, base, quote, pegPpm));
    }

    /** The curve as the last reported state left it. */
    public VirtualAmm curve() {
        return current;
    }



    /** Moves the curve to the traders' net position {@code tradersLong − tradersShort}. */
    @Override
    public void onPoolState(long indexPrice, long tradersLong, long tradersShort) {
        long net = tradersLong - tradersShort;
        current = net == 0 ? start : start.trade(net > 0 ? Side.BUY : Side.SELL, Math.abs(net)).after();
    }

    /** The average price, on the tick against the trader, of {@code size} on {@code side}; 0 if the curve cannot fill it. */
    public long executionPrice(Side side, long size) {
        long average;
        try {
            average = current.trade(side, size).averagePrice();
        } catch (IllegalArgumentException | ArithmeticException e) {
            return 0; // beyond what the virtual reserves can give
        }
        long tick = spec().tickSize();
        long onTick = side == Side.BUY ? Fixed.divide(average, tick, RoundingMode.CEILING) * tick : average / tick * tick;
        return onTick > 0 ? onTick : 0;
    }



    /** Buys or sells the most whole lots the budget pays for at their average price, within the protection price. */
    @Override
    public long placeWithBudget(long orderId, long owner, Side side, long protectionPrice, long quoteBudget,
            MatchSink sink) {
        return placeWithBudget(orderId, side, protectionPrice, quoteBudget, current.baseReserve() / spec().lotSize() - 1,
                sink);
    }

    @Override
    void filled(Side side, long size) {
        current = current.trade(side, size).after();
    }










    @Override
    public String toString() {
        return "VirtualAmmPool[" + current + "]";
    }
}
