package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

class SkewFeeTableTest {
    // USDC at 6 decimals.
    private static final long USD = 1_000_000L;

    @Test
    void forexLongLeavingTheBookEightyPercentLongPaysFourBps() {
        // Long OI 797,000, short 200,000, new long 3,000: after it 800,000 long / 200,000 short, skew 0.8.
        // oiPct = floor(100 * 200,000 / 1,000,000) = 20 -> decile 2: 500 - 5 * 20 = 400 ppm (4 bps).
        // Fee = 3,000 * 0.0004 = $1.20.
        long fee = SkewFeeTable.forexExample().openFee(Side.BUY, 797_000 * USD, 200_000 * USD, 3_000 * USD, 0);
        assertEquals(1_200_000, fee);
    }

    @Test
    void forexExampleReproducesTheDocumentedTableForBothSides() {
        // Long skew s (after the trade): a long sees oiPct = 100 (1 - s), a short sees oiPct = 100 s.
        long[] longBpsX10 = {50, 45, 40, 35, 30, 30, 30, 25, 20, 15, 10}; // skew 1.0, 0.9, ..., 0
        long[] shortBpsX10 = {10, 15, 20, 25, 30, 30, 30, 35, 40, 45, 50};
        SkewFeeTable forex = SkewFeeTable.forexExample();
        for (int i = 0; i <= 10; i++) {
            long longOi = (10 - i) * 100 * USD; // total 1,000 after a zero-size probe
            long shortOi = i * 100 * USD;
            assertEquals(longBpsX10[i] * 10, forex.openFeePpm(Side.BUY, longOi, shortOi, 0), "long, skew step " + i);
            assertEquals(shortBpsX10[i] * 10, forex.openFeePpm(Side.SELL, longOi, shortOi, 0), "short, skew step " + i);
        }
    }

    @Test
    void oppositeShareIsFlooredAfterTheTrade() {
        // Long 600k, short 400k, new long 100k: floor(100 * 400 / 1,100) = floor(36.36) = 36.
        assertEquals(36, SkewFeeTable.oppositeSharePct(Side.BUY, 600_000, 400_000, 100_000));
    }

    @Test
    void emptyBookHasNoOppositeShare() {
        assertEquals(0, SkewFeeTable.oppositeSharePct(Side.SELL, 0, 0, 0));
    }

    @Test
    void cryptoMajorOpensAtSixBps() {
        // $100 at 30x = $3,000; 600 ppm -> $1.80, whatever the skew.
        SkewFeeTable majors = SkewFeeTable.flat(600, 600);
        assertEquals(1_800_000, majors.openFee(Side.BUY, 5_000_000 * USD, 0, 3_000 * USD, 0));
    }

    @Test
    void cryptoCloseFeeIsOnSizePlusPnlMinusMarginFee() {
        // (3,000 + 150 - 10) * 0.0006 = 3,140 * 0.0006 = $1.884.
        assertEquals(1_884_000, SkewFeeTable.flat(600, 600).closeFee(3_000 * USD, 150 * USD, 10 * USD));
    }

    @Test
    void closeFeeOfAnAdjustedSizeBelowZeroIsZero() {
        // 1,000 - 1,200 - 5 < 0: nothing to charge on.
        assertEquals(0, SkewFeeTable.flat(800, 800).closeFee(1_000 * USD, -1_200 * USD, 5 * USD));
    }

    @Test
    void discountReducesTheRateAndTheFeeRoundsUp() {
        // 800 ppm with a 25 % discount = 600 ppm; size 1,001 units -> 0.6006 -> rounds up to 1.
        SkewFeeTable alts = SkewFeeTable.flat(800, 800);
        assertEquals(1, alts.openFee(Side.BUY, 0, 0, 1_001, 250_000));
        // $3,000 * 600 ppm = $1.80 exactly.
        assertEquals(1_800_000, alts.openFee(Side.BUY, 0, 0, 3_000 * USD, 250_000));
    }

    @Test
    void lineWhoseRateGoesNegativeInsideItsDecileIsRejected() {
        // Decile 0 covers oiPct 0..9 (and, being the last, up to 100): -10 * 100 + 500 < 0.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SkewFeeTable.of(List.of(new SkewFeeTable.Line(-10, 500)), 300));
        assertTrue(e.getMessage().contains("decile 0 rate at oiPct 100"), e.getMessage());
    }

    @Test
    void discountAboveOneHundredPercentIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> SkewFeeTable.flat(600, 600).openFee(Side.BUY, 0, 0, USD, 1_000_001));
    }
}
