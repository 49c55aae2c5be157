package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.Side;
import org.junit.jupiter.api.Test;

class LossRebateTest {
    private static final long USD = 1_000_000L;

    @Test
    void tenPercentRebateOnATwentyFiveDollarLoss() {
        // Long 50x with $100 -> size $5,000; 2,000 -> 1,990: -10 / 2,000 * 5,000 = -$25.
        // min(25 * 10 %, 100 * 10 %) = min(2.50, 10) = $2.50.
        long gross = ZeroFeePerp.grossPnl(Side.BUY, 2_000, 1_990, 5_000 * USD);
        assertEquals(-25 * USD, gross);
        assertEquals(2_500_000, LossRebate.rebate(gross, 100 * USD, 100_000));
    }

    @Test
    void rebateIsCappedAtTheRatesShareOfCollateral() {
        // Loss $150 on $100 collateral at 20 %: min(30, 20) = $20.
        assertEquals(20 * USD, LossRebate.rebate(-150 * USD, 100 * USD, 200_000));
    }

    @Test
    void profitEarnsNoRebate() {
        assertEquals(0, LossRebate.rebate(5 * USD, 100 * USD, 200_000));
    }

    @Test
    void sideIsJudgedNetOfTheTrade() {
        // Long 400, short 600: a long of 100 leaves 500 < 600 (qualifies); one of 200 leaves 600, not less.
        assertTrue(LossRebate.opensOnLessCrowdedSide(Side.BUY, 400, 600, 100));
        assertFalse(LossRebate.opensOnLessCrowdedSide(Side.BUY, 400, 600, 200));
        assertFalse(LossRebate.opensOnLessCrowdedSide(Side.SELL, 400, 600, 1));
    }

    @Test
    void lockedRateIsTheAssetsRateOnlyOnTheLessCrowdedSide() {
        LossRebate rebate = LossRebate.of(150_000);
        assertEquals(150_000, rebate.lockedRebatePpm(Side.SELL, 700, 200, 100));
        assertEquals(0, rebate.lockedRebatePpm(Side.BUY, 700, 200, 100));
    }

    @Test
    void rateAboveTwentyPercentIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LossRebate.of(200_001));
        assertTrue(e.getMessage().contains("rebatePpm"), e.getMessage());
    }
}
