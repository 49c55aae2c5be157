package io.fulcrum.oracle;

import io.fulcrum.api.Side;
import io.fulcrum.api.spi.MarkInputs;
import io.fulcrum.api.spi.MarkPriceRule;
import io.fulcrum.oracle.internal.ImpactPrices;
import io.fulcrum.oracle.internal.Medians;

/**
 * A mark price that the venue's book can move only with real depth: the median of the index,
 * the impact bid and the impact ask. The impact bid is the average price at which selling
 * {@code impactNotional} worth would fill against the bids, walking up to {@link #MAX_LEVELS}
 * levels best first; the impact ask likewise for buying from the asks. These are the impact
 * prices Hyperliquid's funding premium is built on (MECHANISMS.md §1.1: "average fill price for
 * the impact notional on each side", 20,000 USDC for BTC and ETH), used here for the mark.
 *
 * <p>Since the impact bid is normally below the impact ask, the median is the index clamped to
 * {@code [impact bid, impact ask]}: the mark follows the index while the book agrees with it
 * and moves only as far as a trade of the impact notional could actually be done. When a side
 * cannot absorb the notional (too thin, or empty), that side imposes no bound: with only the
 * impact bid, mark = max(index, impact bid); with only the impact ask, mark = min(index,
 * impact ask); with neither, the index.
 *
 * <p>Averages are exact (fractional size at the last level) and rounded against the taker: the
 * impact bid down, the impact ask up. See {@link ImpactPrices} for the arithmetic; notional is
 * {@code size · price · 10^(settlement − size − price decimals)}, as in
 * {@link io.fulcrum.api.MarketSpec#notional}.
 *
 * <p>Example (prices, sizes and settlement all with 0 decimals), impact notional 1,900: bids
 * 100 × 10, 90 × 100 → 1,000 at 100 + 900 at 90 → 1,900 / 20 units = impact bid 95; asks
 * 110 × 10, 120 × 100 → 1,100 at 110 + 800 at 120 → 1,900 / 16⅔ units = impact ask 114. Index
 * 100 → mark 100; index 120 → mark 114; index 90 → mark 95.
 *
 * <p>Stateless ({@link #stateSize()} = 0), immutable and thread-safe.
 */
public final class ImpactPriceMark implements MarkPriceRule {
    /** The most book levels walked on each side. */
    public static final int MAX_LEVELS = 64;

    private final long impactNotional;

    private ImpactPriceMark(long impactNotional) {
        if (impactNotional <= 0) {
            throw new IllegalArgumentException("the impact notional must be positive: " + impactNotional);
        }
        this.impactNotional = impactNotional;
    }

    /**
     * Marks with impact prices for {@code notional} in the market's settlement units (e.g.
     * 20,000 USDC at 6 decimals = 20_000_000_000); {@code notional > 0}.
     */
    public static ImpactPriceMark withImpactNotional(long notional) {
        return new ImpactPriceMark(notional);
    }

    /** The impact notional, settlement units. */
    public long impactNotional() {
        return impactNotional;
    }

    @Override
    public long markPrice(MarkInputs inputs, long[] state) {
        long index = inputs.indexPrice();
        if (index <= 0) {
            throw new IllegalArgumentException(inputs.market().id() + ": the index price must be positive: " + index);
        }
        long[] prices = new long[MAX_LEVELS];
        long[] sizes = new long[MAX_LEVELS];
        long impactBid = ImpactPrices.impactPrice(inputs.book(), Side.BUY, inputs.market(), impactNotional, prices, sizes);
        long impactAsk = ImpactPrices.impactPrice(inputs.book(), Side.SELL, inputs.market(), impactNotional, prices, sizes);
        boolean hasBid = impactBid != ImpactPrices.ABSENT;
        boolean hasAsk = impactAsk != ImpactPrices.ABSENT;
        if (hasBid && hasAsk) {
            return Medians.medianOfThree(impactBid, impactAsk, index);
        }
        if (hasBid) {
            return Math.max(index, impactBid);
        }
        if (hasAsk) {
            return Math.min(index, impactAsk);
        }
        return index;
    }

    @Override
    public String toString() {
        return "ImpactPriceMark[impact notional " + impactNotional + "]";
    }
}
