package io.fulcrum.amm;

import io.fulcrum.api.AssetId;
import io.fulcrum.api.AssetSpec;
import java.util.Map;

/** Shared test pools: a GMX-style WETH/USDC market and an Avantis-style USDC vault, settlement in USDC units. */
final class LpFixtures {
    static final AssetSpec WETH_SPEC = AssetSpec.of("WETH", 8);
    static final AssetSpec USDC_SPEC = AssetSpec.of("USDC", 6);
    static final AssetId WETH = WETH_SPEC.id();
    static final AssetId USDC = USDC_SPEC.id();
    /** One USD in settlement units. */
    static final long USD = 1_000_000L;
    /** One WETH in smallest units. */
    static final long ETH = 100_000_000L;

    private LpFixtures() {}

    /** WETH/USDC, LPs keep all fees, GMX caps 90 % / 70 %. */
    static LpPoolSpec gmxMarket() {
        return LpPoolSpec.builder().asset(WETH_SPEC, 0).asset(USDC_SPEC, 0).longBacking(WETH).shortBacking(USDC)
                .lpFeeSharePpm(1_000_000).build();
    }

    /** A USDC vault keeping {@code lpFeeSharePpm} of fees. */
    static LpPoolSpec usdcVault(long lpFeeSharePpm) {
        return LpPoolSpec.builder().asset(USDC_SPEC, 0).lpFeeSharePpm(lpFeeSharePpm).build();
    }

    /** Prices: WETH at {@code ethUsd} USD, USDC at 1 USD. */
    static LpMarks prices(long ethUsd) {
        return LpMarks.prices(Map.of(WETH, ethUsd * USD, USDC, USD));
    }

    static LpMarks usdc() {
        return LpMarks.prices(Map.of(USDC, USD));
    }
}
