package io.fulcrum.orderbook;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import java.util.List;

/** The markets the order book tests trade. */
final class TestMarkets {
    /**
     * BTC-PERP in USDC, sizes in 0.0001 BTC with lots of 1, prices in 0.1 USDC: a notional is
     * size × price × 10 micro-USDC, always exact. Most tests trade this.
     */
    static final MarketSpec BTC_PERP = MarketSpec.builder(MarketId.of("BTC-PERP"), AssetSpec.of("USDC", 6))
            .sizeDecimals(4)
            .priceDecimals(1)
            .tickSize(1)
            .lotSize(1)
            .riskTiers(List.of(RiskTier.flat(50_000, 30_000)))
            .build();

    /**
     * ETH-PERP in USDC, sizes in 0.0001 ETH with lots of 10, prices in 0.0001 USDC: a notional is
     * size × price / 100 micro-USDC, rounded (half-even for budgets). For whole-lot rounding and
     * notional rounding. Example: 10 at 1,005 is 100.5, which rounds half-even to 100.
     */
    static final MarketSpec ETH_PERP = MarketSpec.builder(MarketId.of("ETH-PERP"), AssetSpec.of("USDC", 6))
            .sizeDecimals(4)
            .priceDecimals(4)
            .tickSize(1)
            .lotSize(10)
            .riskTiers(List.of(RiskTier.flat(50_000, 30_000)))
            .build();

    private TestMarkets() {}
}
