package io.fulcrum.amm;

import static io.fulcrum.amm.LpFixtures.ETH;
import static io.fulcrum.amm.LpFixtures.USD;
import static io.fulcrum.amm.LpFixtures.USDC;
import static io.fulcrum.amm.LpFixtures.WETH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LpPnlReportTest {
    @Test
    void periodChangeIsSplitIntoFeesFundingTraderPnlAndPrices() {
        // 10 WETH at 2,000 + 20,000 USDC = 40,000 shares at 1.0.
        LiquidityPool pool = LiquidityPool.open(LpFixtures.gmxMarket(), LpFixtures.prices(2_000));
        pool.deposit(Map.of(WETH, 10 * ETH, USDC, 20_000 * USD));
        LpPnlReport.Checkpoint start = pool.checkpoint();
        pool.collectFee(USDC, 400 * USD);        // +400 / 40,000 = +0.01
        pool.payFunding(USDC, 200 * USD);        // −200 / 40,000 = −0.005
        pool.mark(LpFixtures.prices(2_100));      // WETH +100 × 10 = +1,000 → +0.025
        pool.mark(LpFixtures.prices(2_100).withTraders(600 * USD, 0, 0)); // −600 → −0.015
        pool.receiveTraderLoss(USDC, 80 * USD);  // +80 → +0.002
        LpPnlReport r = LpPnlReport.between(start, pool.checkpoint());
        assertEquals(10_000_000_000L, r.fees());
        assertEquals(-5_000_000_000L, r.funding());
        assertEquals(25_000_000_000L, r.priceMoves());
        assertEquals(-13_000_000_000L, r.traderPnl());
        assertEquals(0, r.impact());
        assertEquals(0, r.rounding());
        // 1.0 → (40,000 + 400 − 200 + 1,000 − 600 + 80) / 40,000 = 1.017.
        assertEquals(17_000_000_000L, r.total());
    }

    @Test
    void depositRoundingShowsAsRoundingNotAsACause() {
        // 1,000,000,001 units for 10^9 shares; deposit 999 mints 998 shares: the pool keeps ~1 unit of the deposit.
        LiquidityPool pool = LiquidityPool.open(LpFixtures.usdcVault(1_000_000), LpFixtures.usdc());
        pool.deposit(USDC, 1_000 * USD);
        pool.collectFee(USDC, 1);
        LpPnlReport.Checkpoint start = pool.checkpoint();
        pool.deposit(USDC, 999);
        LpPnlReport r = LpPnlReport.between(start, pool.checkpoint());
        assertEquals(0, r.fees() + r.funding() + r.traderPnl() + r.impact() + r.priceMoves());
        // before floor(1,000,000,001 × 10^12 / 10^9) = 1,000,000,001,000; after
        // floor(1,000,001,000 × 10^12 / 1,000,000,998) = 10^12 + floor(2 × 10^12 / 1,000,000,998) = 1,000,000,001,999.
        assertEquals(999, r.rounding());
        assertEquals(r.rounding(), r.total());
    }

    @Test
    void partsThatDoNotAddUpAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LpPnlReport(1, 0, 0, 0, 0, 0, 2));
    }
}
