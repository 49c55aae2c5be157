package io.fulcrum.amm;

import static io.fulcrum.amm.LpFixtures.ETH;
import static io.fulcrum.amm.LpFixtures.USD;
import static io.fulcrum.amm.LpFixtures.USDC;
import static io.fulcrum.amm.LpFixtures.WETH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** MECHANISMS.md §3.4's worked example of GMX v2's pool value and GM price. */
class LiquidityPoolValuationTest {
    /**
     * 100 WETH deposited at 1,000 USD (100,000) + 300,000 USDC: 400,000 shares. Then WETH at 2,000: long tokens
     * 200,000 USD, short tokens 300,000 USD; long PnL +150,000, short −20,000.
     */
    private static LiquidityPool mechanismsExample() {
        LiquidityPool pool = LiquidityPool.open(LpFixtures.gmxMarket(), LpFixtures.prices(1_000));
        pool.deposit(Map.of(WETH, 100 * ETH, USDC, 300_000 * USD));
        pool.mark(LpFixtures.prices(2_000).withTraders(150_000 * USD, -20_000 * USD, 0));
        return pool;
    }

    @Test
    void firstDepositMintsOneShareUnitPerSettlementUnit() {
        LiquidityPool pool = LiquidityPool.open(LpFixtures.gmxMarket(), LpFixtures.prices(1_000));
        // 100 WETH × 1,000 + 300,000 USDC = 400,000 USD → 400,000 × 10^6 share units.
        assertEquals(400_000 * USD, pool.deposit(Map.of(WETH, 100 * ETH, USDC, 300_000 * USD)));
    }

    @Test
    void withdrawalValueCapsLongPnlAtSeventyPercentOfTheLongToken() {
        // cap 70 % × 200,000 = 140,000; 500,000 − (140,000 − 20,000) = 380,000 → 0.95 per share.
        LiquidityPool pool = mechanismsExample();
        assertEquals(380_000 * USD, pool.poolValueForWithdrawal());
        assertEquals(950_000_000_000L, pool.sharePriceForWithdrawal());
    }

    @Test
    void depositValueUsesTheNinetyPercentCapWhichDoesNotBind() {
        // cap 90 % × 200,000 = 180,000 ≥ 150,000; 500,000 − (150,000 − 20,000) = 370,000 → 0.925 per share.
        LiquidityPool pool = mechanismsExample();
        assertEquals(370_000 * USD, pool.poolValueForDeposit());
        assertEquals(925_000_000_000L, pool.sharePriceForDeposit());
        assertEquals(925_000_000_000L, pool.sharePrice());
    }

    @Test
    void depositAtTheDepositPriceMintsAtZeroPointNineTwoFive() {
        // 925 USD / 0.925 = 1,000 shares: 925e6 × 400,000e6 / 370,000e6 = 1,000e6.
        assertEquals(1_000 * USD, mechanismsExample().deposit(USDC, 925 * USD));
    }

    @Test
    void withdrawalIsRefusedWhileLongPnlIsAboveItsWithdrawalCap() {
        // 150,000 / 200,000 = 75 % > 70 %: GMX's validateMaxPnl(MAX_PNL_FACTOR_FOR_WITHDRAWALS) reverts.
        LiquidityPool pool = mechanismsExample();
        LpState before = pool.exportState();
        assertFalse(pool.withinWithdrawalPnlCap());
        assertThrows(IllegalStateException.class, () -> pool.withdraw(1_000 * USD));
        assertEquals(before, pool.exportState());
    }

    @Test
    void pendingFeesCountWithTheLpShareOnly() {
        // USDC vault 1,000 USD, LPs keep 60 %: pending fees 100 USD add 60 → 1,060 USD.
        LiquidityPool pool = LiquidityPool.open(LpFixtures.usdcVault(600_000), LpFixtures.usdc());
        pool.deposit(USDC, 1_000 * USD);
        pool.mark(LpFixtures.usdc().withTraders(0, 0, 100 * USD));
        assertEquals(1_060 * USD, pool.poolValue());
    }

    @Test
    void tradersLossesRaiseThePoolValueUncapped() {
        // 1,000 USD of tokens, long PnL −300, short −200: 1,000 + 500 = 1,500.
        LiquidityPool pool = LiquidityPool.open(LpFixtures.usdcVault(1_000_000), LpFixtures.usdc());
        pool.deposit(USDC, 1_000 * USD);
        pool.mark(LpFixtures.usdc().withTraders(-300 * USD, -200 * USD, 0));
        assertEquals(1_500 * USD, pool.poolValueForWithdrawal());
    }
}
