package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.BTC_TIERED;
import static io.fulcrum.margin.Markets.ONE_BTC;
import static io.fulcrum.margin.Markets.USD;
import static io.fulcrum.margin.Markets.USDC;
import static io.fulcrum.margin.Markets.btcPrice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.MarketId;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * User-chosen leverage (MECHANISMS.md §1.3, §5.1). The ladders' maintenance numbers (§1.3 examples A and B:
 * deduction 1,875,000, MM 3,125,000, testnet MM 5,425 at 120,000 and 40,091.7 at 400,000; §5.1 ADA cum 2,500 to
 * 1,527,500 and MM 47,500 at 750k) are MarketSpecTest's in sdk-api and are not repeated here.
 */
class LeverageTest {
    /** Hyperliquid testnet BTC (§1.3 B): 40x, 25x, 10x, 5x, 3x from 0, 10k, 50k, 100k, 300k; one unit = 1 USDC unit. */
    private static final MarketSpec TESTNET = MarketSpec.builder(MarketId.of("BTC-TEST"), USDC).sizeDecimals(0)
            .priceDecimals(6).tickSize(1).lotSize(1).riskTiers(List.of(new RiskTier(0, 25_000, 12_500),
                    new RiskTier(10_000 * USD, 40_000, 20_000), new RiskTier(50_000 * USD, 100_000, 50_000),
                    new RiskTier(100_000 * USD, 200_000, 100_000), new RiskTier(300_000 * USD, 333_334, 166_667)))
            .build();

    @Test
    void hyperliquidMainnetAllowsFortyTimesBelow150MillionAndTwentyFromThere() {
        assertEquals(40, Leverage.maximum(BTC_TIERED, 150_000_000 * USD - 1));
        assertEquals(20, Leverage.maximum(BTC_TIERED, 150_000_000 * USD));
        assertTrue(Leverage.of(40).isAllowed(BTC_TIERED, 100_000_000 * USD));
        assertFalse(Leverage.of(40).isAllowed(BTC_TIERED, 200_000_000 * USD));
        assertTrue(Leverage.of(20).isAllowed(BTC_TIERED, 200_000_000 * USD));
    }

    @Test
    void requireAllowedReturnsTheLeverageOrNamesTheTierThatForbidsIt() {
        Leverage twenty = Leverage.of(20);
        assertSame(twenty, twenty.requireAllowed(BTC_TIERED, 200_000_000 * USD));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Leverage.of(40).requireAllowed(BTC_TIERED, 200_000_000 * USD));
        assertEquals("BTC-PERP: leverage 40x exceeds the maximum 20x of risk tier 1 (from notional 150000000000000)"
                + " for a position of notional 200000000000000", e.getMessage());
    }

    @Test
    void initialMarginIsTheNotionalOverTheLeverage() {
        // §1.3 transfer example: 1 BTC at 100,000 -> 5,000 at 20x, 10,000 at 10x.
        assertEquals(5_000 * USD, Leverage.of(20).initialMargin(BTC_TIERED, ONE_BTC, btcPrice(100_000)));
        assertEquals(10_000 * USD, Leverage.of(10).initialMargin(BTC_TIERED, -ONE_BTC, btcPrice(100_000)));
    }

    @Test
    void initialMarginRoundsUp() {
        // 0.0001 BTC at 0.1 USDC is 10 units; 10 / 3 = 3.33 -> 4.
        assertEquals(4, Leverage.of(3).initialMargin(BTC_TIERED, 1, 1));
    }

    @Test
    void initialFractionIsOneOverTheLeverageRoundedUp() {
        assertEquals(100_000, Leverage.of(10).initialFractionPpm());
        assertEquals(333_334, Leverage.of(3).initialFractionPpm());
        assertEquals(1_000_000, Leverage.of(1).initialFractionPpm());
        assertEquals(1, Leverage.of(1_000_000).initialFractionPpm());
    }

    @Test
    void aThreeTimesTierWrittenAs333334PpmAllowsThreeTimes() {
        // ppm cannot hold 1/3; the testnet ladder rounds the 3x rate up to 333,334 ppm, and
        // RiskTier.maxLeverage() counts 3x as the tier's (ceil(1,000,000 / 3) = 333,334).
        assertEquals(3, Leverage.maximum(TESTNET, 400_000 * USD));
        assertEquals(5, Leverage.maximum(TESTNET, 120_000 * USD));
    }

    @Test
    void initialMarginAtTheMaximumLeverageCoversTheTiersInitialRequirement() {
        long seed = 1_3L;
        Random random = new Random(seed);
        for (int trial = 0; trial < 5_000; trial++) {
            long notional = 1 + (long) (random.nextDouble() * 500_000 * USD);
            Leverage max = Leverage.of(Leverage.maximum(TESTNET, notional));
            // Size 1 at price N is a notional of N units in this market. notional / L may fall short of the
            // tier by less than one ppm of notional (a third rounded up to 333,334 ppm), never more.
            long atLeverage = Fixed.divide(notional, max.times(), RoundingMode.CEILING);
            long tier = TESTNET.initialRequirement(notional);
            assertTrue(atLeverage >= tier - Fixed.ppm(notional, 1, RoundingMode.CEILING),
                    "seed " + seed + ", notional " + notional + ", " + max);
            assertEquals(Math.max(tier, atLeverage), max.initialMargin(TESTNET, 1, notional), "seed " + seed);
        }
    }

    @Test
    void rejectsLeverageOutsideOneToOneMillion() {
        assertEquals("leverage must be in [1, 1,000,000]x: 0",
                assertThrows(IllegalArgumentException.class, () -> Leverage.of(0)).getMessage());
        assertEquals("leverage must be in [1, 1,000,000]x: 1000001",
                assertThrows(IllegalArgumentException.class, () -> Leverage.of(1_000_001)).getMessage());
    }
}
