package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.ONE_BTC;
import static io.fulcrum.margin.Markets.USD;
import static io.fulcrum.margin.Markets.USDC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AssetSpec;
import org.junit.jupiter.api.Test;

/** Hyperliquid's partial liquidation, cooldown and backstop (MECHANISMS.md §1.4); 1 BTC = 10,000 size units. */
class HyperliquidLiquidationRuleTest {
    private static final HyperliquidLiquidationRule MAINNET = HyperliquidLiquidationRule.hyperliquid(USDC);
    private static final HyperliquidLiquidationRule TESTNET = HyperliquidLiquidationRule.hyperliquidTestnet(USDC);

    @Test
    void theMainnetPresetHasTheDocumentedThresholds() {
        assertEquals(new HyperliquidLiquidationRule(100_000 * USD, 200_000, 30_000, 2, 3), MAINNET);
        assertEquals(10_000 * USD, TESTNET.partialAboveNotional());
    }

    @Test
    void aPositionOf500000IsFirstSentAsAChunkOf100000() {
        // §1.4: 5 BTC at 100,000 = 500,000 > 100,000 → 20 % = 1 BTC = 100,000 of notional.
        assertEquals(ONE_BTC, MAINNET.firstOrderSize(5 * ONE_BTC, 500_000 * USD, 1, false));
        // A short the same.
        assertEquals(ONE_BTC, MAINNET.firstOrderSize(-5 * ONE_BTC, 500_000 * USD, 1, false));
    }

    @Test
    void aPositionOf80000IsSentWhole() {
        // 0.8 BTC at 100,000 = 80,000 ≤ 100,000.
        assertEquals(8_000, MAINNET.firstOrderSize(8_000, 80_000 * USD, 1, false));
    }

    @Test
    void aPositionOfExactly100000IsSentWholeAndOneUnitMoreIsChunked() {
        // "> 100,000": the threshold itself is not above it.
        assertFalse(MAINNET.isPartial(100_000 * USD, false));
        assertTrue(MAINNET.isPartial(100_000 * USD + 1, false));
    }

    @Test
    void duringTheCooldownTheWholePositionIsSent() {
        assertEquals(5 * ONE_BTC, MAINNET.firstOrderSize(5 * ONE_BTC, 500_000 * USD, 1, true));
    }

    @Test
    void theChunkRoundsUpToTheLotSoAtLeastTwentyPercentCloses() {
        // 1.23 BTC (12,300) with lots of 0.01 BTC (100): 20 % = 2,460 → 2,500.
        assertEquals(2_500, MAINNET.firstOrderSize(12_300, 123_000 * USD, 100, false));
    }

    @Test
    void aChunkIsNeverMoreThanThePosition() {
        // One lot of 100: 20 % = 20 → one lot = 100, the whole position.
        assertEquals(100, MAINNET.firstOrderSize(100, 150_000 * USD, 100, false));
        // Less than a lot (50, lot 100): 20 % = 10 → one lot = 100 → capped at 50.
        assertEquals(50, MAINNET.firstOrderSize(50, 150_000 * USD, 100, false));
    }

    @Test
    void onTestnetAPositionOf15000IsChunked() {
        // 15,000 > 10,000 on testnet, ≤ 100,000 on mainnet. 0.15 BTC = 1,500 units → 20 % = 300.
        assertEquals(300, TESTNET.firstOrderSize(1_500, 15_000 * USD, 1, false));
        assertEquals(1_500, MAINNET.firstOrderSize(1_500, 15_000 * USD, 1, false));
    }

    @Test
    void theCooldownLastsThirtySecondsIncludingTheLastMillisecond() {
        // Partial at 1,000 ms: in cooldown through 31,000, over at 31,001.
        assertTrue(MAINNET.isInCooldown(1_000, 1_000));
        assertTrue(MAINNET.isInCooldown(1_000, 31_000));
        assertFalse(MAINNET.isInCooldown(1_000, 31_001));
        assertThrows(IllegalArgumentException.class, () -> MAINNET.isInCooldown(1_000, 999));
    }

    @Test
    void theBackstopThresholdIsTwoThirdsOfMaintenanceRoundedUp() {
        // §1.4: 2/3 × 6,250 = 4,166.666…; in cents 625,000 → 416,666.67 → 416,667 = 4,166.67.
        assertEquals(416_667, MAINNET.backstopThreshold(625_000));
        // In USDC units 6,250,000,000 → 4,166,666,666.67 → 4,166,666,667.
        assertEquals(4_166_666_667L, MAINNET.backstopThreshold(6_250 * USD));
        // Exact when divisible: 2/3 × 6,000 = 4,000.
        assertEquals(4_000 * USD, MAINNET.backstopThreshold(6_000 * USD));
    }

    @Test
    void theBackstopTakesOverBelowTwoThirdsOfMaintenanceOnly() {
        // Exact threshold 4,166,666,666.67: 4,166,666,666 is below it, 4,166,666,667 is not.
        assertTrue(MAINNET.needsBackstop(4_166_666_666L, 6_250 * USD));
        assertFalse(MAINNET.needsBackstop(4_166_666_667L, 6_250 * USD));
        // No maintenance, no risk: never the backstop, even at negative equity.
        assertFalse(MAINNET.needsBackstop(-1, 0));
    }

    @Test
    void thePresetsScaleWithTheSettlementDecimals() {
        assertEquals(10_000_000, HyperliquidLiquidationRule.hyperliquid(AssetSpec.of("USD", 2)).partialAboveNotional());
    }

    @Test
    void invalidParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new HyperliquidLiquidationRule(1, 0, 30_000, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> new HyperliquidLiquidationRule(1, 1_000_001, 30_000, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> new HyperliquidLiquidationRule(1, 200_000, -1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> new HyperliquidLiquidationRule(1, 200_000, 30_000, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new HyperliquidLiquidationRule(1, 200_000, 30_000, 4, 3));
        assertThrows(IllegalArgumentException.class, () -> new HyperliquidLiquidationRule(-1, 200_000, 30_000, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> MAINNET.firstOrderSize(100, 1, 0, false));
    }
}
