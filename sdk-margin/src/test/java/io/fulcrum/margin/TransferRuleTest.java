package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.BTC;
import static io.fulcrum.margin.Markets.ETH;
import static io.fulcrum.margin.Markets.ONE_BTC;
import static io.fulcrum.margin.Markets.ONE_ETH;
import static io.fulcrum.margin.Markets.USD;
import static io.fulcrum.margin.Markets.USDC;
import static io.fulcrum.margin.Markets.btcPrice;
import static io.fulcrum.margin.Markets.ethPrice;
import static io.fulcrum.margin.Markets.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.spi.PositionView;
import org.junit.jupiter.api.Test;

/** Hyperliquid's transfer and withdrawal floor (MECHANISMS.md §1.3). */
class TransferRuleTest {
    private static final TransferRule HYPERLIQUID = TransferRule.hyperliquid();
    private static final CrossMargin CROSS = CrossMargin.with(HaircutCollateral.settlementOnly(USDC));

    @Test
    void atTwentyTimesTheTenPercentFloorBinds() {
        // Notional 100,000 at 20x: max(5,000, 10,000) = 10,000.
        assertEquals(10_000 * USD, HYPERLIQUID.minimumRemaining(5_000 * USD, 100_000 * USD));
    }

    @Test
    void atTenTimesBothLimitsAreEqual() {
        // max(10,000, 10,000) = 10,000.
        assertEquals(10_000 * USD, HYPERLIQUID.minimumRemaining(10_000 * USD, 100_000 * USD));
    }

    @Test
    void anInitialRequirementAboveTheFloorBinds() {
        // 4x: max(25,000, 10,000).
        assertEquals(25_000 * USD, HYPERLIQUID.minimumRemaining(25_000 * USD, 100_000 * USD));
    }

    @Test
    void allowsExactlyTheMinimumAndNotOneUnitLess() {
        assertTrue(HYPERLIQUID.allows(10_000 * USD, 5_000 * USD, 100_000 * USD));
        assertFalse(HYPERLIQUID.allows(10_000 * USD - 1, 5_000 * USD, 100_000 * USD));
    }

    @Test
    void theFloorRoundsUp() {
        // 10 % of 1 unit is 0.1 -> 1.
        assertEquals(1, HYPERLIQUID.minimumRemaining(0, 1));
    }

    @Test
    void withdrawableIsTheExcessOverTheMinimumAndNeverNegative() {
        assertEquals(2_500 * USD, HYPERLIQUID.withdrawable(12_500 * USD, 5_000 * USD, 100_000 * USD));
        assertEquals(0, HYPERLIQUID.withdrawable(9_000 * USD, 5_000 * USD, 100_000 * USD));
    }

    @Test
    void withdrawableFromAnAccountUsesTheModelsEquityAndInitialRequirement() {
        // 12,500 USDC, long 1 BTC bought at 100,000 (20x market), mark 100,000: equity 12,500, IM 5,000,
        // floor 10,000 -> 2,500. At mark 110,000: equity 22,500, IM 5,500, floor 11,000 -> 11,500.
        TestAccount account = TestAccount.of(usdc(12_500), PositionView.of(BTC, ONE_BTC, 100_000 * USD));
        assertEquals(2_500 * USD, HYPERLIQUID.withdrawable(account,
                new TestPrices().mark(BTC.id(), btcPrice(100_000)), CROSS));
        assertEquals(11_500 * USD, HYPERLIQUID.withdrawable(account,
                new TestPrices().mark(BTC.id(), btcPrice(110_000)), CROSS));
    }

    @Test
    void totalNotionalAddsLongsAndShortsAtMark() {
        // 1 BTC at 48,000 + 10 ETH at 3,000 = 78,000.
        TestAccount account = TestAccount.of(usdc(0), PositionView.of(BTC, ONE_BTC, 0),
                PositionView.of(ETH, -10 * ONE_ETH, 0));
        assertEquals(78_000 * USD, TransferRule.totalNotional(account,
                new TestPrices().mark(BTC.id(), btcPrice(48_000)).mark(ETH.id(), ethPrice(3_000))));
    }

    @Test
    void rejectsAFloorOutsideZeroToOneMillionAndANegativeNotional() {
        assertEquals("notionalFloorPpm must be in [0, 1,000,000]: -1",
                assertThrows(IllegalArgumentException.class, () -> new TransferRule(-1)).getMessage());
        assertEquals("totalNotional must be non-negative: -1", assertThrows(IllegalArgumentException.class,
                () -> HYPERLIQUID.minimumRemaining(0, -1)).getMessage());
    }
}
