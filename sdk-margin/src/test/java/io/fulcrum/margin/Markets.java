package io.fulcrum.margin;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.spi.Balance;
import java.util.List;

/** The markets and assets the margin tests use; money in USDC units (6 decimals). */
final class Markets {
    static final AssetSpec USDC = AssetSpec.of("USDC", 6);
    static final AssetSpec BTC_ASSET = AssetSpec.of("BTC", 8);
    static final long USD = 1_000_000L;

    /** Sizes in 0.0001 BTC (1 BTC = 10,000), prices in 0.1 USDC (48,000 = 480,000); 5 % / 3 % (dYdX Large-Cap). */
    static final MarketSpec BTC = MarketSpec.builder(MarketId.of("BTC-PERP"), USDC).sizeDecimals(4).priceDecimals(1)
            .tickSize(1).lotSize(1).riskTiers(List.of(RiskTier.flat(50_000, 30_000))).build();

    /** Sizes in 0.001 ETH (10 ETH = 10,000), prices in 0.01 USDC (3,000 = 300,000); 5 % / 3 %. */
    static final MarketSpec ETH = MarketSpec.builder(MarketId.of("ETH-PERP"), USDC).sizeDecimals(3).priceDecimals(2)
            .tickSize(1).lotSize(1).riskTiers(List.of(RiskTier.flat(50_000, 30_000))).build();

    /** BTC-PERP with Hyperliquid's mainnet ladder (MECHANISMS.md §1.3 A): 40x below 150M USDC, 20x above. */
    static final MarketSpec BTC_TIERED = MarketSpec.builder(MarketId.of("BTC-PERP"), USDC).sizeDecimals(4)
            .priceDecimals(1).tickSize(1).lotSize(1)
            .riskTiers(List.of(new RiskTier(0, 25_000, 12_500), new RiskTier(150_000_000 * USD, 50_000, 25_000)))
            .build();

    /** Sizes in satoshi (1e-8 BTC), prices in 0.01 USDC: notionals are fractional USDC units (exponent -4). */
    static final MarketSpec BTC_SATS = MarketSpec.builder(MarketId.of("BTC-SATS"), USDC).sizeDecimals(8)
            .priceDecimals(2).tickSize(1).lotSize(1).riskTiers(List.of(RiskTier.flat(50_000, 30_000))).build();

    static final long ONE_BTC = 10_000;
    static final long ONE_ETH = 1_000;

    /** A BTC-PERP price in whole USDC as price units (0.1 USDC). */
    static long btcPrice(long usdc) {
        return usdc * 10;
    }

    /** An ETH-PERP price in whole USDC as price units (0.01 USDC). */
    static long ethPrice(long usdc) {
        return usdc * 100;
    }

    static List<Balance> usdc(long wholeUsdc) {
        return List.of(new Balance(USDC, wholeUsdc * USD));
    }

    private Markets() {}
}
