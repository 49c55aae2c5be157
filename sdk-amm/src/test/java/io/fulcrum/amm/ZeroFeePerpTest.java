package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZeroFeePerpTest {
    private static final long USD = 1_000_000L;

    @Test
    void grossPnlOfAHundredTimesLongOnAOnePercentRise() {
        // Long 100x with $100 -> size $10,000; 2,000 -> 2,020: 20 / 2,000 * 10,000 = $100.
        assertEquals(100 * USD, ZeroFeePerp.grossPnl(Side.BUY, 2_000, 2_020, 10_000 * USD));
    }

    @Test
    void grossPnlOfAShortRoundsALossDown() {
        // Short $1 (1,000,000 units) from 3 to 4: -1/3 * 1,000,000 = -333,333.33 -> -333,334.
        assertEquals(-333_334, ZeroFeePerp.grossPnl(Side.SELL, 3, 4, USD));
    }

    @Test
    void losingTradePaysNothing() {
        ZeroFeePerp zfp = ZeroFeePerp.exampleTiers();
        assertEquals(0, zfp.fee(-25 * USD, 100 * USD));
        assertEquals(0, zfp.fee(0, 100 * USD));
    }

    @Test
    void winningTradePaysTheShareOfItsRoiTier() {
        // Gross $100 on $100 = ROI 100 % -> example tier 10 % -> fee $10, net 100 - 10 - 1 - 2 = $87.
        ZeroFeePerp zfp = ZeroFeePerp.exampleTiers();
        assertEquals(100_000, zfp.feeSharePpm(100 * USD, 100 * USD));
        assertEquals(10 * USD, zfp.fee(100 * USD, 100 * USD));
        assertEquals(87 * USD, zfp.netPnl(100 * USD, 100 * USD, USD, 2 * USD));
    }

    @Test
    void roiJustBelowATierBoundaryPaysTheHigherShare() {
        // Gross $99.999999 on $100 -> ROI 999,999 ppm < 1,000,000 -> 20 %: 99,999,999 * 0.2 = 19,999,999.8 -> 20,000,000.
        ZeroFeePerp zfp = ZeroFeePerp.exampleTiers();
        assertEquals(200_000, zfp.feeSharePpm(99_999_999, 100 * USD));
        assertEquals(20 * USD, zfp.fee(99_999_999, 100 * USD));
    }

    @Test
    void highRoiPaysAsLittleAsTwoAndAHalfPercent() {
        // Gross $600 on $100 = 600 % -> 2.5 % -> $15.
        assertEquals(15 * USD, ZeroFeePerp.exampleTiers().fee(600 * USD, 100 * USD));
    }

    @Test
    void tiersMustStartAtZeroAndIncrease() {
        assertThrows(IllegalArgumentException.class, () -> ZeroFeePerp.of(List.of(new ZeroFeePerp.Tier(1, 10))));
        assertThrows(IllegalArgumentException.class, () -> ZeroFeePerp.of(
                List.of(new ZeroFeePerp.Tier(0, 10), new ZeroFeePerp.Tier(0, 5))));
        assertThrows(IllegalArgumentException.class, () -> new ZeroFeePerp.Tier(0, 1_000_001));
    }
}
