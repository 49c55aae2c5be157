package io.fulcrum.bench;

import io.fulcrum.amm.PoolImpact;
import io.fulcrum.amm.PriceImpact;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import java.util.List;

/**
 * The market {@link PoolTradeBenchmark} trades: ETH-PERP settled in USDC (6 decimals), sizes in
 * 0.001 ETH, prices in cents, tick and lot 1, and the two pool pricings it compares.
 */
final class PoolTradeMarket {
    /** ETH-PERP: 1 ETH is 1,000 size units, 2,000.00 USDC is 200,000 price units. */
    static final MarketSpec ETH = MarketSpec.builder(MarketId.of("ETH-PERP"), AssetSpec.of("USDC", 6))
            .sizeDecimals(3).priceDecimals(2).tickSize(1).lotSize(1).minNotional(1_000_000)
            .riskTiers(List.of(RiskTier.flat(100_000, 50_000))).build();

    /**
     * GMX v2's ETH/USD price impact (MECHANISMS.md §3.1): f⁻ 9e-11, f⁺ 3e-11 (wad), exponent 2 on
     * both sides, the default caps of 0.5 % (negative, on decreases) and 0.4 % (positive).
     */
    static final PriceImpact GMX_ETH = new PriceImpact(90_000_000L, 30_000_000L, 2, 2, 5_000, 4_000, 6);

    /** The spread of the pool without impact, ppm each way. */
    static final long NONE_SPREAD_PPM = 5;

    /** The index, 2,000.00 USDC; each order moves it by up to 0.15 as {@link PoolTradeLoop} describes. */
    static final long INDEX = 200_000;

    /** Every order's size: 1 ETH. */
    static final long SIZE = 1_000;

    private PoolTradeMarket() {}

    /** The pool pricing called {@code name}: "none" or "gmx". */
    static PoolImpact impact(String name) {
        switch (name) {
            case "none":
                return PoolImpact.NONE;
            case "gmx":
                return GMX_ETH::impactUsd;
            default:
                throw new IllegalArgumentException("impact must be none or gmx: " + name);
        }
    }

    /** The pool's spread with pricing {@code name}: 5 ppm without impact, none with GMX's (GMX has no spread). */
    static long spreadPpm(String name) {
        return "none".equals(name) ? NONE_SPREAD_PPM : 0;
    }
}
