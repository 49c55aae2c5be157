package io.fulcrum.amm;

import io.fulcrum.amm.internal.VammMath;
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
 * account holds the opposite of the traders' net position. The curve the engine starts from
 * (reserves and peg) lives in memory the venue keeps ({@link #poolStateSize}: base, quote, peg),
 * moved by the traders' net position, which the venue reports before each order; so snapshots
 * carry it, and a {@link #retune} (repeg, k-adjustment) survives them.
 *
 * <p>Example: reserves 1,000 base / 1,000,000 quote, peg 1 (price 1,000): a first buy of 10 pays
 * 10,101.010102 quote, an average of 1,010.10 rounded up to the tick; the next buyer starts from
 * 990 base and pays more. The index does not enter the price at all: that is the design's
 * weakness, and what funding (mark against index) and repegs were meant to repair.
 */
public final class VirtualAmmPool extends PoolEngine {
    private static final int BASE = 0;
    private static final int QUOTE = 1;
    private static final int PEG = 2;

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

    /** Base reserve, quote reserve and peg of the curve with no traders' position. */
    @Override
    public int poolStateSize() {
        return 3;
    }

    @Override
    public void initPoolState(long[] state) {
        state[BASE] = start.baseReserve();
        state[QUOTE] = start.quoteReserve();
        state[PEG] = start.pegPpm();
    }

    /** Moves the starting curve to the traders' net position {@code tradersLong − tradersShort}. */
    @Override
    public void onPoolState(long indexPrice, long tradersLong, long tradersShort) {
        current = moved(start, tradersLong - tradersShort);
    }

    /** Moves the curve in {@code state} to the traders' net position; the oracle plays no part. */
    @Override
    public void onPoolState(long indexPrice, long confidence, long tradersLong, long tradersShort, long[] state) {
        current = moved(VirtualAmm.of(spec(), state[BASE], state[QUOTE], state[PEG]), tradersLong - tradersShort);
    }

    /**
     * Repegs and scales the curve where the traders' net position stands ({@link VirtualAmm#repeg},
     * {@link VirtualAmm#adjustK}), then stores the curve that, moved by that position, gives the re-tuned one.
     *
     * @return the change in the net position's exit value: what the protocol would pay
     */
    @Override
    public long retune(long[] state, long tradersLong, long tradersShort, long pegPpm, long depthPpm) {
        if (pegPpm < 0 || depthPpm <= 0) {
            throw new IllegalArgumentException("peg must be >= 0 (0 keeps it) and depth > 0 ppm: " + pegPpm + ", " + depthPpm);
        }
        long net = tradersLong - tradersShort;
        VirtualAmm here = moved(VirtualAmm.of(spec(), state[BASE], state[QUOTE], state[PEG]), net);
        long cost = 0;
        if (pegPpm != 0 && pegPpm != here.pegPpm()) {
            VirtualAmm.Adjustment repeg = here.repeg(pegPpm);
            cost += repeg.cost();
            here = repeg.after();
        }
        if (depthPpm != Fixed.PPM) {
            VirtualAmm.Adjustment deeper = here.adjustK(depthPpm, Fixed.PPM);
            cost += deeper.cost();
            here = deeper.after();
        }
        // The starting curve: the re-tuned reserves with the traders' position handed back.
        long base = Fixed.add(here.baseReserve(), net);
        long quote = VammMath.divide(here.k(), VammMath.big(base), RoundingMode.CEILING);
        VirtualAmm restart = VirtualAmm.of(spec(), base, quote, here.pegPpm());
        state[BASE] = restart.baseReserve();
        state[QUOTE] = restart.quoteReserve();
        state[PEG] = restart.pegPpm();
        current = moved(restart, net);
        return cost;
    }

    private static VirtualAmm moved(VirtualAmm curve, long net) {
        return net == 0 ? curve : curve.trade(net > 0 ? Side.BUY : Side.SELL, Math.abs(net)).after();
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
