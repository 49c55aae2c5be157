package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.Side;
import org.junit.jupiter.api.Test;

class PoolLiquidationTest {
    private static final long USD = 1_000_000L;
    // Prices at two decimals: 2,000.00 = 200,000.
    private final PoolLiquidation avantis = PoolLiquidation.avantis(500);

    @Test
    void fiftyTimesPositionIsLiquidatedThirtyFourAway() {
        // 2,000 * (100 * 0.85) / 5,000 = 34 -> long 1,966, short 2,034.
        assertEquals(3_400, avantis.distance(200_000, 100 * USD, 5_000 * USD, 0, 0));
        assertEquals(196_600, avantis.liquidationPrice(Side.BUY, 200_000, 100 * USD, 5_000 * USD, 0, 0));
        assertEquals(203_400, avantis.liquidationPrice(Side.SELL, 200_000, 100 * USD, 5_000 * USD, 0, 0));
    }

    @Test
    void feesOwedBringTheLiquidationCloser() {
        // 2,000 * (85 - 3 - 2) / 5,000 = 2,000 * 80 / 5,000 = 32 -> long 1,968.
        assertEquals(196_800, avantis.liquidationPrice(Side.BUY, 200_000, 100 * USD, 5_000 * USD, 3 * USD, 2 * USD));
    }

    @Test
    void fractionalDistanceRoundsTowardsTheOpeningPrice() {
        // 2,000.00 * 85 / 3,000 = 56.6666.. -> 5,666 price units (56.66): long 1,943.34, short 2,056.66.
        assertEquals(194_334, avantis.liquidationPrice(Side.BUY, 200_000, 100 * USD, 3_000 * USD, 0, 0));
        assertEquals(205_666, avantis.liquidationPrice(Side.SELL, 200_000, 100 * USD, 3_000 * USD, 0, 0));
    }

    @Test
    void liquidationIsReachedAtThePriceAndNotBefore() {
        assertTrue(avantis.isLiquidatable(Side.BUY, 200_000, 196_600, 100 * USD, 5_000 * USD, 0, 0));
        assertFalse(avantis.isLiquidatable(Side.BUY, 200_000, 196_601, 100 * USD, 5_000 * USD, 0, 0));
        assertTrue(avantis.isLiquidatable(Side.SELL, 200_000, 203_400, 100 * USD, 5_000 * USD, 0, 0));
        assertFalse(avantis.isLiquidatable(Side.SELL, 200_000, 203_399, 100 * USD, 5_000 * USD, 0, 0));
    }

    @Test
    void unleveredLongCannotBeLiquidatedByAFall() {
        // Loss fraction 100 %, 1x: distance = 2,000 * 100 / 100 = 2,000 -> price 0, no fall reaches it.
        PoolLiquidation full = PoolLiquidation.of(1_000_000, 10);
        assertEquals(PoolLiquidation.NO_FALL, full.liquidationPrice(Side.BUY, 200_000, 100 * USD, 100 * USD, 0, 0));
    }

    @Test
    void leverageLimitIsInclusive() {
        // 500x of $100 = $50,000 allowed; one unit more is not.
        assertTrue(avantis.allowsLeverage(100 * USD, 50_000 * USD));
        assertFalse(avantis.allowsLeverage(100 * USD, 50_000 * USD + 1));
    }

    @Test
    void leverageAboveFiveHundredCannotBeConfigured() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PoolLiquidation.avantis(501));
        assertTrue(e.getMessage().contains("maxLeverage"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PoolLiquidation.of(0, 100));
    }
}
