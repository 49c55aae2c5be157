package io.fulcrum.orderbook;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import java.util.List;

/** The market every order book test trades: BTC-PERP in USDC, sizes in 0.0001 BTC, prices in 0.1 USDC. */
final class TestMarkets {
    static final MarketSpec BTC_PERP = MarketSpec.builder(MarketId.of("BTC-PERP"), AssetSpec.of("USDC", 6))
            .sizeDecimals(4)
            .priceDecimals(1)
            .tickSize(1)
            .lotSize(1)
            .riskTiers(List.of(RiskTier.flat(50_000, 30_000)))
            .build();

    private TestMarkets() {}
}
