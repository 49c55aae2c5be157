package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AssetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class LpPoolSpecTest {
    private static void rejects(String fragment, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void singleAssetBacksBothSidesWithGmxDefaultCaps() {
        LpPoolSpec spec = LpFixtures.usdcVault(600_000);
        assertEquals(LpFixtures.USDC, spec.longBacking());
        assertEquals(LpFixtures.USDC, spec.shortBacking());
        assertEquals(900_000, spec.depositPnlCapPpm());
        assertEquals(700_000, spec.withdrawalPnlCapPpm());
    }

    @Test
    void feeShareMustBeSet() {
        rejects("lpFeeSharePpm must be set", () -> LpPoolSpec.builder().asset(LpFixtures.USDC_SPEC, 0).build());
    }

    @Test
    void backingMustBeNamedForSeveralAssets() {
        rejects("longBacking", () -> LpPoolSpec.builder().asset(LpFixtures.USDC_SPEC, 0).asset(LpFixtures.WETH_SPEC, 0)
                .lpFeeSharePpm(0).build());
    }

    @Test
    void capAboveOneMillionPpmIsRejected() {
        rejects("withdrawalPnlCapPpm", () -> LpPoolSpec.builder().asset(LpFixtures.USDC_SPEC, 0).lpFeeSharePpm(0)
                .pnlCaps(900_000, 1_000_001).build());
    }

    @Test
    void duplicateAssetIsRejected() {
        rejects("listed twice", () -> LpPoolSpec.builder().asset(LpFixtures.USDC_SPEC, 0).asset(LpFixtures.USDC_SPEC, 2)
                .longBacking(LpFixtures.USDC).shortBacking(LpFixtures.USDC).lpFeeSharePpm(0).build());
    }

    @Test
    void priceDecimalsMustKeepTheScaleWithinALong() {
        rejects("priceDecimals of WETH", () -> new LpAsset(AssetSpec.of("WETH", 18), 1));
    }
}
