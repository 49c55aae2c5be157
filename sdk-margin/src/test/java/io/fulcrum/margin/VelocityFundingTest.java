package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.ETH;
import static io.fulcrum.margin.Markets.ONE_ETH;
import static io.fulcrum.margin.Markets.ethPrice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Synthetix velocity funding (SIP-279, MECHANISMS.md §7). */
class VelocityFundingTest {
    private static final long DAY_MS = 86_400_000;
    /** SIP-279's test: skew scale 1,000,000, maximum velocity 300 % per day per day. */
    private static final VelocityFunding SIP_279 = new VelocityFunding(1_000_000, 3_000_000_000L);

    @Test
    void skewOfAHundredMovesTheRateThreeBasisPointsADay() {
        // 100 / 1,000,000 x 300 % = 0.03 % per day per day = 300,000 ppb.
        assertEquals(300_000, SIP_279.velocityPpb(100));
        assertEquals(-300_000, SIP_279.velocityPpb(-100));
    }

    @Test
    void velocityIsCappedPastTheSkewScale() {
        assertEquals(3_000_000_000L, SIP_279.velocityPpb(1_000_000));
        assertEquals(-3_000_000_000L, SIP_279.velocityPpb(-2_000_000));
        assertEquals(0, SIP_279.velocityPpb(0));
    }

    @Test
    void afterADayTheRateIsThreeBasisPointsADay() {
        // r = 0 + 0.03 % x 24 h / 24 h = 0.03 %.
        assertEquals(300_000, SIP_279.next(0, 100, DAY_MS));
        // Six hours: a quarter of it.
        assertEquals(75_000, SIP_279.next(0, 100, DAY_MS / 4));
    }

    @Test
    void twoHundredThousandDollarLongPaysThirtyOverThatDay() {
        // 100 ETH at 2,000 = 200,000 USD; 200,000 x 1/2 (0 + 0.03 %) = 30 USD. Per size unit (0.001 ETH,
        // worth 2 USDC = 2,000,000 units): -150,000 ppb x 2,000,000 = -300,000,000,000 index units.
        long r1 = SIP_279.next(0, 100, DAY_MS);
        long accrued = VelocityFunding.accruedPerUnit(ETH, 0, r1, DAY_MS, ethPrice(2_000));
        assertEquals(-300_000_000_000L, accrued);
        // The long's PnL gains accrued x size / 1e9: 100 ETH = 100,000 size units -> -30 USDC.
        assertEquals(-30_000_000, accrued * (100 * ONE_ETH) / 1_000_000_000L);
    }

    @Test
    void theVThreeCommentsExampleDriftsPointZeroZeroZeroEightThreeNine() {
        // 0.0025 x 29,000 / 86,400 = 0.00083912... per day -> 839,120 ppb (toward zero).
        VelocityFunding v = new VelocityFunding(1, 2_500_000);
        assertEquals(839_120, v.next(0, 1, 29_000_000));
        assertEquals(-839_120, v.next(0, -1, 29_000_000));
    }

    @Test
    void negativeSkewPullsThePositiveRateDown() {
        // From 0.03 %, a day at skew -100: 0.03 % - 0.03 % = 0.
        assertEquals(0, SIP_279.next(300_000, -100, DAY_MS));
    }

    @Test
    void accruedUsesTheAverageOfTheTwoRatesAndRoundsTowardZero() {
        // Rates 1 and 2 ppb/day, ETH at 0.01 (1 cent): one size unit (0.001 ETH) is worth 0.00001 USDC
        // = 10 units. A day: -1.5 ppb x 10 units = -15 index units; half a day: -7.5 -> -7 (toward zero).
        assertEquals(-15, VelocityFunding.accruedPerUnit(ETH, 1, 2, DAY_MS, 1));
        assertEquals(-7, VelocityFunding.accruedPerUnit(ETH, 1, 2, DAY_MS / 2, 1));
        assertEquals(7, VelocityFunding.accruedPerUnit(ETH, -1, -2, DAY_MS / 2, 1));
        // Rates 0.03 % and 0.01 %, half a day, 2,000: -(0.02 %) x 1/2 x 2,000,000 units = -200 units
        // = -200,000,000,000 index units; opposite rates give the opposite sign.
        assertEquals(-200_000_000_000L, VelocityFunding.accruedPerUnit(ETH, 300_000, 100_000, DAY_MS / 2,
                ethPrice(2_000)));
        assertEquals(200_000_000_000L, VelocityFunding.accruedPerUnit(ETH, -300_000, -100_000, DAY_MS / 2,
                ethPrice(2_000)));
    }

    @Test
    void fillPriceAddsHalfTheSkewBeforeAndAfter() {
        // SIP-279: 2,000 x (1 + 1/2 (0.0001 + 0.0002)) = 2,000.30 (prices in cents).
        assertEquals(200_030, SIP_279.fillPrice(200_000, 100, 100));
    }

    @Test
    void fillPriceRoundsAgainstTheTrader() {
        // Oracle 1 cent, skew 0, size +1 (scale 1,000,000): 1 x (1 + 0.0000005) -> a buy pays 2 cents;
        // a sell of 1: 1 x (1 - 0.0000005) -> 0.9999995 -> 0 is not a price.
        assertEquals(2, SIP_279.fillPrice(1, 0, 1));
        assertEquals("skew 0 and size -1 against scale 1000000 give a non-positive fill price 0", assertThrows(
                IllegalArgumentException.class, () -> SIP_279.fillPrice(1, 0, -1)).getMessage());
        // Oracle 2,000.00, skew 100, sell 300 -> skew -200: 200,000 x (1 + 1/2 (100 - 200)/1e6) = 199,990 exactly;
        // sell 301 -> 200,000 x (2,000,000 - 101) / 2,000,000 = 199,989.9 -> down to 199,989.
        assertEquals(199_990, SIP_279.fillPrice(200_000, 100, -300));
        assertEquals(199_989, SIP_279.fillPrice(200_000, 100, -301));
    }

    @Test
    void rejectsInvalidInput() {
        assertEquals("skewScale must be positive: 0", assertThrows(IllegalArgumentException.class,
                () -> new VelocityFunding(0, 1)).getMessage());
        assertEquals("maxVelocityPpb must be non-negative: -1", assertThrows(IllegalArgumentException.class,
                () -> new VelocityFunding(1, -1)).getMessage());
        assertEquals("elapsedMillis must be non-negative: -1", assertThrows(IllegalArgumentException.class,
                () -> SIP_279.next(0, 1, -1)).getMessage());
        assertEquals("price must be positive: 0", assertThrows(IllegalArgumentException.class,
                () -> VelocityFunding.accruedPerUnit(ETH, 0, 1, 1, 0)).getMessage());
        assertEquals("size must be non-zero", assertThrows(IllegalArgumentException.class,
                () -> SIP_279.fillPrice(200_000, 0, 0)).getMessage());
        assertEquals("oraclePrice must be positive: 0", assertThrows(IllegalArgumentException.class,
                () -> SIP_279.fillPrice(0, 0, 1)).getMessage());
    }
}
