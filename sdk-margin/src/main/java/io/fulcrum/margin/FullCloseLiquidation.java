package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import io.fulcrum.api.spi.AccountView;
import io.fulcrum.api.spi.LiquidationOrder;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import io.fulcrum.api.spi.PriceView;
import io.fulcrum.margin.internal.Valuation;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Closes every position of an account below maintenance at once, each with one
 * immediate-or-cancel order no worse than a band around the mark. Hyperliquid sends a whole
 * position to the book this way when its notional is at most 100,000 USDC (MECHANISMS.md §1.4,
 * step 1); GMX and Avantis also close whole positions, though against their pool (DESIGN.md's
 * presets; their liquidation conditions are in §3.4 and §4).
 * Partial, chunked liquidation (Hyperliquid above 100,000 USDC, dYdX §2.3) is a different policy.
 *
 * <p>The worst price is {@code mark × (1 − band)} for a sell (closing a long) and
 * {@code mark × (1 + band)} for a buy (closing a short), then moved onto the market's tick
 * toward the mark so it stays within the band: a sell's price rounds up to a tick, a buy's down.
 * A price is never below one tick. (With a tick coarser than the band, rounding toward the mark
 * can reach the mark itself; the order then only trades at or better than mark.) What the book
 * cannot fill within the band is cancelled (IOC) and left to the next evaluation or the loss
 * waterfall.
 *
 * <p>Example (the {@link LiquidationPolicy} example): band 5 % ({@code 50_000} ppm), long 1 BTC at
 * mark 48,000: one sell IOC of 1 BTC limited at 45,600. A short of 2 BTC at the same mark: one buy
 * of 2 BTC limited at 50,400.
 *
 * <p>Positions are closed in the order the account lists them (by market symbol); markets with
 * only resting orders get no order. A position larger than the market's maximum order size is
 * still closed by one order.
 */
public final class FullCloseLiquidation implements LiquidationPolicy {
    private final long bandPpm;

    private FullCloseLiquidation(long bandPpm) {
        if (bandPpm <= 0 || bandPpm >= Fixed.PPM) {
            throw new IllegalArgumentException("the worst-price band must be in (0, 1,000,000) ppm: " + bandPpm);
        }
        this.bandPpm = bandPpm;
    }

    /** Full closes limited to {@code bandPpm} (e.g. 50,000 = 5 %) away from the mark. */
    public static FullCloseLiquidation withBand(long bandPpm) {
        return new FullCloseLiquidation(bandPpm);
    }

    /** The worst-price band, ppm of the mark. */
    public long bandPpm() {
        return bandPpm;
    }

    /**
     * One closing order per position of {@code account}; {@code state} is not consulted.
     *
     * @throws IllegalStateException if a market with a position has no mark price
     */
    @Override
    public List<LiquidationOrder> liquidationOrders(AccountView account, MarginState state, PriceView prices) {
        List<LiquidationOrder> orders = new ArrayList<>();
        for (PositionView position : account.positions()) {
            long size = position.size();
            if (size == 0) {
                continue;
            }
            orders.add(closing(position.market(), size, Math.abs(size), prices, bandPpm));
        }
        return List.copyOf(orders);
    }

    /**
     * An order closing {@code quantity} of a position of signed {@code size} in {@code market},
     * limited to {@code bandPpm} from the mark and moved onto the tick toward the mark.
     */
    static LiquidationOrder closing(MarketSpec market, long size, long quantity, PriceView prices, long bandPpm) {
        long mark = Valuation.requireMark(prices, market);
        long tick = market.tickSize();
        if (size > 0) {
            long price = Fixed.mulDiv(mark, Fixed.PPM - bandPpm, Fixed.PPM, RoundingMode.CEILING);
            long onTick = Fixed.multiply(Fixed.divide(price, tick, RoundingMode.CEILING), tick);
            return new LiquidationOrder(market.id(), Side.SELL, quantity, Math.max(tick, onTick));
        }
        long price = Fixed.mulDiv(mark, Fixed.PPM + bandPpm, Fixed.PPM, RoundingMode.FLOOR);
        long onTick = Fixed.multiply(Fixed.divide(price, tick, RoundingMode.FLOOR), tick);
        return new LiquidationOrder(market.id(), Side.BUY, quantity, Math.max(tick, onTick));
    }

    @Override
    public String toString() {
        return "FullCloseLiquidation[band " + bandPpm + " ppm]";
    }
}
