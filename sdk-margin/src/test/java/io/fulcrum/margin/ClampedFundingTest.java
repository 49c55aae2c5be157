package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.BTC;
import static io.fulcrum.margin.Markets.BTC_SATS;
import static io.fulcrum.margin.Markets.ONE_BTC;
import static io.fulcrum.margin.Markets.btcPrice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.FixedPointOverflowException;
import org.junit.jupiter.api.Test;

/** Premium + interest with a clamp: Hyperliquid and Binance (MECHANISMS.md §1.1, §5.2, §7). */
class ClampedFundingTest {
    private static final ClampedFunding HYPERLIQUID = ClampedFunding.hyperliquid();

    @Test
    void aLargePremiumIsPulledBackByTheClamp() {
        // §1.1 example 1: P = 0.1 %, I - P = -0.09 % -> -0.05 %; F_8h = 0.05 %, F_1h = 0.00625 %.
        assertEquals(500_000, HYPERLIQUID.eightHourRatePpb(1_000_000));
        assertEquals(62_500, HYPERLIQUID.hourlyRatePpb(1_000_000));
    }

    @Test
    void tenBtcLongPaysSixDollarsTwentyFiveForTheHour() {
        // §1.1 example 1: 10 x 10,000 x 0.0000625 = 6.25 USDC; the short receives it.
        long rate = HYPERLIQUID.hourlyRatePpb(1_000_000);
        assertEquals(6_250_000, ClampedFunding.payment(BTC, 10 * ONE_BTC, btcPrice(10_000), rate));
        assertEquals(-6_250_000, ClampedFunding.payment(BTC, -10 * ONE_BTC, btcPrice(10_000), rate));
    }

    @Test
    void aPremiumNearTheInterestRateGivesTheInterestRate() {
        // §1.1 example 2: P = 0.02 %, I - P = -0.01 % inside the band: F_8h = 0.01 %, F_1h = 0.00125 %.
        assertEquals(100_000, HYPERLIQUID.eightHourRatePpb(200_000));
        assertEquals(12_500, HYPERLIQUID.hourlyRatePpb(200_000));
    }

    @Test
    void aOnePercentPremiumGivesPointNineFivePercent() {
        // §1.1 example 3: F_8h = 1 % - 0.05 % = 0.95 %, F_1h = 0.11875 % (below the 4 % cap).
        assertEquals(9_500_000, HYPERLIQUID.eightHourRatePpb(10_000_000));
        assertEquals(1_187_500, HYPERLIQUID.hourlyRatePpb(10_000_000));
    }

    @Test
    void binanceExamples() {
        // §5.2: P = 0.03 % -> 0.01 %; P = 0.12 % -> 0.12 - 0.05 = 0.07 %.
        ClampedFunding binance = ClampedFunding.binance(ClampedFunding.NO_CAP);
        assertEquals(100_000, binance.eightHourRatePpb(300_000));
        assertEquals(700_000, binance.eightHourRatePpb(1_200_000));
    }

    @Test
    void aNegativePremiumIsPulledUpByTheClamp() {
        // P = -0.1 %: I - P = 0.11 % -> 0.05 %, F_8h = -0.05 %.
        assertEquals(-500_000, HYPERLIQUID.eightHourRatePpb(-1_000_000));
    }

    @Test
    void hourlyRateIsCappedAtFourPercent() {
        // P = 40 %: F_8h = 39.95 %, / 8 = 4.99375 % -> 4 %; and -4 % the other way.
        assertEquals(399_500_000, HYPERLIQUID.eightHourRatePpb(400_000_000));
        assertEquals(40_000_000, HYPERLIQUID.hourlyRatePpb(400_000_000));
        assertEquals(-40_000_000, HYPERLIQUID.hourlyRatePpb(-400_000_000));
    }

    @Test
    void binanceCapBoundsTheEightHourRate() {
        // A symbol capped at 3 %: P = 5 % gives 4.95 %, capped to 3 %.
        ClampedFunding capped = ClampedFunding.binance(30_000_000);
        assertEquals(30_000_000, capped.eightHourRatePpb(50_000_000));
        assertEquals(-30_000_000, capped.eightHourRatePpb(-50_000_000));
    }

    @Test
    void hourlyRateRoundsTowardZero() {
        // P = -0.1000001 %: I - P = 0.1100001 % -> 0.05 %; F_8h = -500,001 ppb; / 8 = -62,500.125 -> -62,500.
        assertEquals(-500_001, HYPERLIQUID.eightHourRatePpb(-1_000_001));
        assertEquals(-62_500, HYPERLIQUID.hourlyRatePpb(-1_000_001));
    }

    @Test
    void paymentRoundsTowardZero() {
        // BTC_SATS (notional exponent -4): 1 satoshi at 50,000.00 is 0.0005 USDC = 500 units;
        // x 62,500 ppb = 0.03125 units -> 0 either way; 10,000 sats: 312.5 -> 312 and -312.
        assertEquals(0, ClampedFunding.payment(BTC_SATS, 1, 5_000_000, 62_500));
        assertEquals(312, ClampedFunding.payment(BTC_SATS, 10_000, 5_000_000, 62_500));
        assertEquals(-312, ClampedFunding.payment(BTC_SATS, -10_000, 5_000_000, 62_500));
        assertEquals(0, ClampedFunding.payment(BTC, 0, btcPrice(10_000), 62_500));
    }

    @Test
    void aNegativeRateMakesTheShortPay() {
        // -0.00625 % on 1 BTC at 10,000: the long receives 0.625 USDC, the short pays it.
        assertEquals(-625_000, ClampedFunding.payment(BTC, ONE_BTC, btcPrice(10_000), -62_500));
        assertEquals(625_000, ClampedFunding.payment(BTC, -ONE_BTC, btcPrice(10_000), -62_500));
        // 0.0001 BTC at 10,000 is 1 USDC; x 1,000 ppb = 1 unit.
        assertEquals(1, ClampedFunding.payment(BTC, 1, btcPrice(10_000), 1_000));
    }

    @Test
    void rejectsInvalidParameters() {
        assertEquals("clampPpb must be non-negative: -1", assertThrows(IllegalArgumentException.class,
                () -> new ClampedFunding(100_000, -1, ClampedFunding.NO_CAP, ClampedFunding.NO_CAP)).getMessage());
        assertEquals("maxAbsRatePpb must be positive: 0", assertThrows(IllegalArgumentException.class,
                () -> ClampedFunding.binance(0)).getMessage());
        assertEquals("maxAbsHourlyRatePpb must be positive: 0", assertThrows(IllegalArgumentException.class,
                () -> new ClampedFunding(100_000, 500_000, ClampedFunding.NO_CAP, 0)).getMessage());
        assertEquals("oraclePrice must be positive: 0", assertThrows(IllegalArgumentException.class,
                () -> ClampedFunding.payment(BTC, ONE_BTC, 0, 1)).getMessage());
        assertThrows(FixedPointOverflowException.class, () -> HYPERLIQUID.eightHourRatePpb(Long.MIN_VALUE + 1));
    }
}
