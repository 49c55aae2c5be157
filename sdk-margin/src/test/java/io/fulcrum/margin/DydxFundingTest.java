package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.BTC;
import static io.fulcrum.margin.Markets.BTC_SATS;
import static io.fulcrum.margin.Markets.ONE_BTC;
import static io.fulcrum.margin.Markets.btcPrice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** dYdX v4 funding: clamp, hourly index delta, settlement (MECHANISMS.md §2.5). */
class DydxFundingTest {
    private static final long HOUR_MS = 3_600_000;
    /** Large-Cap at mainnet genesis: IMF 5 %, MMF 3 %, factors 6x and 60x, no default rate. */
    private static final DydxFunding LARGE_CAP = DydxFunding.mainnet(50_000, 30_000);

    @Test
    void largeCapAtMainnetGenesisIsBoundedToTwelvePercent() {
        // 6 x (5 % - 3 %) = 12 % per 8 h; votes 60 x 2 % = 120 %.
        assertEquals(120_000_000, LARGE_CAP.rateClampPpb());
        assertEquals(1_200_000_000, LARGE_CAP.premiumVoteClampPpb());
    }

    @Test
    void largeCapOfGenesisShIsBoundedToFourPointEightPercent() {
        // genesis.sh Large-Cap: IMF 2 %, MF 60 % -> MMF 1.2 %; 6 x 0.8 % = 4.8 %.
        assertEquals(48_000_000, DydxFunding.mainnet(20_000, 12_000).rateClampPpb());
    }

    @Test
    void eightHourRateIsTheAveragePremiumInsideTheBound() {
        // 0.1 % passes; 20 % and -20 % are bounded to +-12 %.
        assertEquals(1_000_000, LARGE_CAP.eightHourRatePpb(1_000_000));
        assertEquals(120_000_000, LARGE_CAP.eightHourRatePpb(200_000_000));
        assertEquals(-120_000_000, LARGE_CAP.eightHourRatePpb(-200_000_000));
    }

    @Test
    void defaultFundingIsAddedBeforeTheBound() {
        // genesis.sh default 100 ppm = 0.01 %: P 0 -> 0.01 %; P 11.995 % -> 12.005 % -> 12 %.
        DydxFunding withDefault = new DydxFunding(50_000, 30_000, 6_000_000, 60_000_000, 100_000);
        assertEquals(100_000, withDefault.eightHourRatePpb(0));
        assertEquals(120_000_000, withDefault.eightHourRatePpb(119_950_000));
    }

    @Test
    void clampBandsRoundDown() {
        // IMF - MMF = 1 ppm, factor 1.5x (1,500,000 ppm): 1.5 ppm = 1,500 ppb exactly; factor 1,234 ppm:
        // 1 x 1,234 / 1,000 = 1.234 ppb -> 1.
        assertEquals(1_500, new DydxFunding(2, 1, 1_500_000, 1_234, 0).rateClampPpb());
        assertEquals(1, new DydxFunding(2, 1, 1_500_000, 1_234, 0).premiumVoteClampPpb());
    }

    @Test
    void oneHourAtPointOnePercentCostsALongSixDollarsTwentyFivePerBtc() {
        // 0.001 x 3,600 / 28,800 x 50,000 = 6.25 USDC per BTC. One size unit (0.0001 BTC) is worth
        // 5 USDC = 5,000,000 units: 1,000,000 ppb x 5,000,000 / 8 = 625,000,000,000 index units.
        long delta = DydxFunding.indexDelta(BTC, LARGE_CAP.eightHourRatePpb(1_000_000), btcPrice(50_000), HOUR_MS);
        assertEquals(625_000_000_000L, delta);
        assertEquals(-6_250_000, DydxFunding.settlement(delta, ONE_BTC));
        assertEquals(6_250_000, DydxFunding.settlement(delta, -ONE_BTC));
    }

    @Test
    void indexDeltaScalesWithElapsedTime() {
        // Half an hour is half the delta; no time, nothing.
        assertEquals(312_500_000_000L, DydxFunding.indexDelta(BTC, 1_000_000, btcPrice(50_000), HOUR_MS / 2));
        assertEquals(0, DydxFunding.indexDelta(BTC, 1_000_000, btcPrice(50_000), 0));
    }

    @Test
    void indexDeltaTruncatesTowardZero() {
        // BTC_SATS (exponent -4): a satoshi at 50,000.01 (5,000,001 cents) is 500.0001 units;
        // 1,000,000 ppb x 500.0001 / 8 = 62,500,012.5 -> 62,500,012, and -62,500,012 for a negative rate.
        assertEquals(62_500_012, DydxFunding.indexDelta(BTC_SATS, 1_000_000, 5_000_001, HOUR_MS));
        assertEquals(-62_500_012, DydxFunding.indexDelta(BTC_SATS, -1_000_000, 5_000_001, HOUR_MS));
    }

    @Test
    void settlementRoundsAgainstThePayer() {
        // Delta 1 index unit on one size unit: the long owes 1e-9 and pays 1 unit; the short is owed 1e-9
        // and receives 0. Delta 1,500,000,000 on one unit: long -1.5 -> -2, short 1.5 -> 1.
        assertEquals(-1, DydxFunding.settlement(1, 1));
        assertEquals(0, DydxFunding.settlement(1, -1));
        assertEquals(-2, DydxFunding.settlement(1_500_000_000, 1));
        assertEquals(1, DydxFunding.settlement(1_500_000_000, -1));
    }

    @Test
    void votesSamplesAndTickCombineIntoTheRate() {
        // Each minute 15 votes of 1,000 ppm: median 1,000,000 ppb. 30 such samples in the hour, padded
        // to 60: 500,000 ppb (§2.5). R_8h = 0.05 %; an hour at 50,000 adds 0.0005 / 8 x 50,000 = 3.125 USDC/BTC.
        long[] votes = new long[15];
        Arrays.fill(votes, 1_000_000);
        long sample = PremiumAverage.paddedMedian(votes, 15, DydxFunding.MIN_VOTES_PER_SAMPLE);
        long[] samples = new long[30];
        Arrays.fill(samples, sample);
        long rate = LARGE_CAP.eightHourRatePpb(PremiumAverage.paddedMean(samples, 30, DydxFunding.MIN_SAMPLES_PER_TICK));
        assertEquals(500_000, rate);
        assertEquals(-3_125_000, DydxFunding.settlement(DydxFunding.indexDelta(BTC, rate, btcPrice(50_000), HOUR_MS),
                ONE_BTC));
    }

    @Test
    void rejectsInvalidParameters() {
        assertEquals("initialMarginPpm must be in (0, 1,000,000]: 0", assertThrows(IllegalArgumentException.class,
                () -> DydxFunding.mainnet(0, 0)).getMessage());
        assertEquals("maintenanceMarginPpm must be in [0, initialMarginPpm 50000]: 60000", assertThrows(
                IllegalArgumentException.class, () -> DydxFunding.mainnet(50_000, 60_000)).getMessage());
        assertEquals("fundingRateClampFactorPpm must be non-negative: -1", assertThrows(IllegalArgumentException.class,
                () -> new DydxFunding(50_000, 30_000, -1, 0, 0)).getMessage());
        assertEquals("premiumVoteClampFactorPpm must be non-negative: -1", assertThrows(IllegalArgumentException.class,
                () -> new DydxFunding(50_000, 30_000, 0, -1, 0)).getMessage());
        assertEquals("oraclePrice must be positive: 0", assertThrows(IllegalArgumentException.class,
                () -> DydxFunding.indexDelta(BTC, 1, 0, HOUR_MS)).getMessage());
        assertEquals("elapsedMillis must be non-negative: -1", assertThrows(IllegalArgumentException.class,
                () -> DydxFunding.indexDelta(BTC, 1, 1, -1)).getMessage());
    }
}
