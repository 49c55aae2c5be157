package io.fulcrum.amm;

import static io.fulcrum.amm.LpFixtures.USD;
import static io.fulcrum.amm.LpFixtures.USDC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PoolTrancheTest {
    static LpPoolSpec insuranceSpec() {
        return LpPoolSpec.builder().asset(LpFixtures.USDC_SPEC, 0).lpFeeSharePpm(1_000_000)
                .pnlCaps(1_000_000, 1_000_000).build();
    }

    /** Insurance 10,000 USDC, main 100,000 USDC, 30 % of fees to insurance, both keep all fees. */
    static PoolTranche tranches() {
        LiquidityPool main = LiquidityPool.open(LpFixtures.usdcVault(1_000_000), LpFixtures.usdc());
        LiquidityPool insurance = LiquidityPool.open(insuranceSpec(), LpFixtures.usdc());
        main.deposit(USDC, 100_000 * USD);
        insurance.deposit(USDC, 10_000 * USD);
        return PoolTranche.of(main, insurance, 300_000);
    }

    @Test
    void feesAreSplitByThePremiumRatio() {
        // 1,000 × 30 % = 300 to insurance, 700 to main.
        PoolTranche t = tranches();
        assertEquals(0, t.collectFee(USDC, 1_000 * USD));
        assertEquals(10_300 * USD, t.insurance().balance(USDC));
        assertEquals(100_700 * USD, t.main().balance(USDC));
    }

    @Test
    void profitExhaustsInsuranceThenSpillsIntoMain() {
        // After the fee: insurance 10,300, main 100,700. Profit 25,000: insurance 10,300, main 14,700 → 86,000.
        PoolTranche t = tranches();
        t.collectFee(USDC, 1_000 * USD);
        assertEquals(new PoolTranche.Split(10_300 * USD, 14_700 * USD), t.payTraderProfit(USDC, 25_000 * USD));
        assertEquals(0, t.insurance().balance(USDC));
        assertEquals(86_000 * USD, t.main().balance(USDC));
        assertEquals(10_300 * USD, t.insuranceDeficit());
        assertEquals(t.main().flows(USDC).expectedBalance(), t.main().balance(USDC));
        assertEquals(t.insurance().flows(USDC).expectedBalance(), t.insurance().balance(USDC));
    }

    @Test
    void profitWithinInsuranceLeavesMainUntouched() {
        PoolTranche t = tranches();
        assertEquals(new PoolTranche.Split(4_000 * USD, 0), t.payTraderProfit(USDC, 4_000 * USD));
        assertEquals(100_000 * USD, t.main().balance(USDC));
    }

    @Test
    void tradersLossesRepayTheInsuranceDeficitFirst() {
        // Deficit 10,000 after a 12,000 profit; loss 4,000 → all to insurance, deficit 6,000; loss 7,000 → 6,000 + 1,000.
        PoolTranche t = tranches();
        t.payTraderProfit(USDC, 12_000 * USD);
        assertEquals(new PoolTranche.Split(4_000 * USD, 0), t.receiveTraderLoss(USDC, 4_000 * USD));
        assertEquals(new PoolTranche.Split(6_000 * USD, 1_000 * USD), t.receiveTraderLoss(USDC, 7_000 * USD));
        assertEquals(0, t.insuranceDeficit());
        assertEquals(10_000 * USD, t.insurance().balance(USDC));
        assertEquals(98_000 * USD + 1_000 * USD, t.main().balance(USDC));
    }

    @Test
    void profitBeyondBothTranchesIsRefusedAndChangesNothing() {
        PoolTranche t = tranches();
        PoolTranche.State before = t.exportState();
        assertThrows(IllegalStateException.class, () -> t.payTraderProfit(USDC, 110_000 * USD + 1));
        assertEquals(before, t.exportState());
    }

    @Test
    void unrealisedProfitIsBorneByInsuranceFirst() {
        // Net 15,000 − 2,000 = 13,000: insurance bears 10,000 (its value → 0); main long 5,000, short −2,000 →
        // 100,000 − 3,000 = 97,000.
        PoolTranche t = tranches();
        t.mark(LpFixtures.usdc().withTraders(15_000 * USD, -2_000 * USD, 0));
        assertEquals(0, t.insurance().poolValue());
        assertEquals(97_000 * USD, t.main().poolValue());
    }

    @Test
    void insuranceWithPnlCapsBelowOneHundredPercentIsRejected() {
        LiquidityPool main = LiquidityPool.open(LpFixtures.usdcVault(1_000_000), LpFixtures.usdc());
        LiquidityPool capped = LiquidityPool.open(LpFixtures.usdcVault(1_000_000), LpFixtures.usdc());
        assertThrows(IllegalArgumentException.class, () -> PoolTranche.of(main, capped, 300_000));
    }

    @Test
    void stateRoundTripsThroughPlainRecords() {
        PoolTranche t = tranches();
        t.collectFee(USDC, 1_000 * USD);
        t.payTraderProfit(USDC, 12_000 * USD);
        PoolTranche copy = PoolTranche.restore(LpFixtures.usdcVault(1_000_000), insuranceSpec(), t.exportState());
        assertEquals(t.exportState(), copy.exportState());
        t.receiveTraderLoss(USDC, 3_000 * USD);
        copy.receiveTraderLoss(USDC, 3_000 * USD);
        assertEquals(t.exportState(), copy.exportState());
    }
}
