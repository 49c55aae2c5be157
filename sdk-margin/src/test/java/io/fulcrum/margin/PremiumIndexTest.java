package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.BTC;
import static io.fulcrum.margin.Markets.BTC_SATS;
import static io.fulcrum.margin.Markets.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.Side;
import io.fulcrum.api.spi.BookDepth;
import org.junit.jupiter.api.Test;

/** Premium samples and impact prices (MECHANISMS.md §1.1, §2.5, §5.2). */
class PremiumIndexTest {
    /** Bids 10,010.0 x 1 BTC and 10,000.0 x 2 BTC (prices at 1 decimal, sizes at 4). */
    private static final long[] BID_PRICES = {100_100, 100_000};
    private static final long[] BID_SIZES = {10_000, 20_000};

    @Test
    void impactBidTenAboveTheIndexGivesOneTenthOfAPercent() {
        // §1.1 example 1: (max(10,010 - 10,000, 0) - max(10,000 - 10,020, 0)) / 10,000 = 0.001.
        assertEquals(1_000_000, PremiumIndex.samplePpb(10_010, 10_020, 10_000));
    }

    @Test
    void impactBidAHundredAboveTheIndexGivesOnePercent() {
        // §1.1 example 3: 100 / 10,000 = 0.01.
        assertEquals(10_000_000, PremiumIndex.samplePpb(10_100, 10_110, 10_000));
    }

    @Test
    void impactAskBelowTheIndexGivesANegativePremium() {
        // (0 - (10,000 - 9,990)) / 10,000 = -0.001.
        assertEquals(-1_000_000, PremiumIndex.samplePpb(9_980, 9_990, 10_000));
    }

    @Test
    void impactPricesEitherSideOfTheIndexGiveZero() {
        assertEquals(0, PremiumIndex.samplePpb(9_990, 10_010, 10_000));
    }

    @Test
    void samplesRoundTowardZero() {
        // (4 - 3) / 3 = 0.333... -> 333,333,333 ppb; (0 - (3 - 2)) / 3 -> -333,333,333.
        assertEquals(333_333_333, PremiumIndex.samplePpb(4, 5, 3));
        assertEquals(-333_333_333, PremiumIndex.samplePpb(1, 2, 3));
    }

    @Test
    void aSideTooThinContributesNothing() {
        // 0 = no impact price: no bid counts as 0, no ask as infinity.
        assertEquals(0, PremiumIndex.samplePpb(0, 0, 10_000));
        assertEquals(1_000_000, PremiumIndex.samplePpb(10_010, 0, 10_000));
        assertEquals(-1_000_000, PremiumIndex.samplePpb(0, 9_990, 10_000));
    }

    @Test
    void dydxVoteIsBoundedByTheVoteClamp() {
        // Large-Cap at mainnet genesis: 60 x (5 % - 3 %) = 120 %. 250 / 100 - 1 = 150 % -> 120 %.
        long bound = DydxFunding.mainnet(50_000, 30_000).premiumVoteClampPpb();
        assertEquals(1_200_000_000, PremiumIndex.dydxVotePpb(250, 0, 100, bound));
        // 1 / 100 - 1 = -99 %: inside 120 %, outside 50 %.
        assertEquals(-990_000_000, PremiumIndex.dydxVotePpb(0, 1, 100, bound));
        assertEquals(-500_000_000, PremiumIndex.dydxVotePpb(0, 1, 100, 500_000_000));
    }

    @Test
    void dydxVoteTruncatedToPpmIsDydxsPpmVote() {
        // dYdX: trunc(4 / 3 x 1e6 - 1e6) = trunc(333,333.33) = 333,333 ppm; ours 333,333,333 ppb / 1,000.
        assertEquals(333_333, PremiumIndex.dydxVotePpb(4, 5, 3, Long.MAX_VALUE) / 1_000);
        assertEquals(-333_333, PremiumIndex.dydxVotePpb(1, 2, 3, Long.MAX_VALUE) / 1_000);
    }

    @Test
    void impactBidTakesWholeLevelsThenPartOfTheNextAndRoundsDown() {
        // 20,000 USDC: 10,010 at the first level, 9,990 buys 0.999 BTC at 10,000;
        // 20,000 / 1.999 = 10,005.0025 -> 10,005.0.
        assertEquals(100_050, PremiumIndex.impactPrice(BTC, Side.BUY, BID_PRICES, BID_SIZES, 2, 20_000 * USD));
    }

    @Test
    void impactAskIsExactWhenTheFillsDivideEvenly() {
        // Asks 10,000.0 x 1 and 10,100.0 x 5; 20,100 USDC: 10,000 then 10,100 buys 1 BTC; 20,100 / 2 = 10,050.0.
        long[] prices = {100_000, 101_000};
        long[] sizes = {10_000, 50_000};
        assertEquals(100_500, PremiumIndex.impactPrice(BTC, Side.SELL, prices, sizes, 2, 20_100 * USD));
    }

    @Test
    void impactAskRoundsUp() {
        // Asks 10,010.0 x 1 and 10,020.0 x 2; 20,000 USDC: 10,010 then 9,990 / 10,020 BTC;
        // 20,000 x 10,020 / (10,020 + 9,990) = 10,014.9925... -> 10,015.0.
        long[] prices = {100_100, 100_200};
        long[] sizes = {10_000, 20_000};
        assertEquals(100_150, PremiumIndex.impactPrice(BTC, Side.SELL, prices, sizes, 2, 20_000 * USD));
    }

    @Test
    void aSideThatCannotFillTheImpactNotionalHasNoImpactPrice() {
        // The bids hold 10,010 + 20,000 = 30,010 USDC.
        assertEquals(0, PremiumIndex.impactPrice(BTC, Side.BUY, BID_PRICES, BID_SIZES, 2, 40_000 * USD));
        // Exactly 30,010: every level, 30,010 / 3 BTC = 10,003.33 -> 10,003.3.
        assertEquals(100_033, PremiumIndex.impactPrice(BTC, Side.BUY, BID_PRICES, BID_SIZES, 2, 30_010 * USD));
        // Only the first level counted: 10,010 < 20,000.
        assertEquals(0, PremiumIndex.impactPrice(BTC, Side.BUY, BID_PRICES, BID_SIZES, 1, 20_000 * USD));
    }

    @Test
    void anEmptySideHasNoImpactPriceAndAZeroNotionalTakesTheBestPrice() {
        assertEquals(0, PremiumIndex.impactPrice(BTC, Side.BUY, new long[0], new long[0], 0, 20_000 * USD));
        assertEquals(100_100, PremiumIndex.impactPrice(BTC, Side.BUY, BID_PRICES, BID_SIZES, 2, 0));
    }

    @Test
    void fractionalNotionalsAreWalkedExactly() {
        // BTC_SATS: sizes in satoshi, prices in cents, notional exponent -4. Asks 50,000.00 x 0.001 BTC
        // (50 USDC) and 50,001.00 x 0.001 BTC (50.001 USDC). 20 USDC fills inside the first: 50,000.00.
        long[] prices = {5_000_000, 5_000_100};
        long[] sizes = {100_000, 100_000};
        assertEquals(5_000_000, PremiumIndex.impactPrice(BTC_SATS, Side.SELL, prices, sizes, 2, 20 * USD));
        // 75 USDC: 50 then 25 / 50,001 BTC; 75 x 50,001 / (50.001 + 25) = 50,000.3333... -> 50,000.34.
        assertEquals(5_000_034, PremiumIndex.impactPrice(BTC_SATS, Side.SELL, prices, sizes, 2, 75 * USD));
    }

    @Test
    void impactPricesReadBothSidesOfABookDepth() {
        long[] askPrices = {100_000, 101_000};
        long[] askSizes = {10_000, 50_000};
        BookDepth book = (side, prices, sizes) -> {
            long[] p = side == Side.BUY ? BID_PRICES : askPrices;
            long[] s = side == Side.BUY ? BID_SIZES : askSizes;
            int n = Math.min(p.length, prices.length);
            System.arraycopy(p, 0, prices, 0, n);
            System.arraycopy(s, 0, sizes, 0, n);
            return n;
        };
        // Bid for 20,100 USDC: 10,010 then 10,090 buys 1.009 BTC; 20,100 / 2.009 = 10,004.977 -> 10,004.9.
        // Ask: 10,050.0 (as above). Premium at index 10,000.0: (10,004.9 - 10,000) / 10,000 = 0.00049.
        PremiumIndex.ImpactPrices impact = PremiumIndex.impactPrices(BTC, book, 10, 20_100 * USD);
        assertEquals(new PremiumIndex.ImpactPrices(100_049, 100_500), impact);
        assertEquals(490_000, impact.samplePpb(100_000));
        // One level deep the bids hold only 10,010 USDC, the asks 10,000.
        PremiumIndex.ImpactPrices shallow = PremiumIndex.impactPrices(BTC, book, 1, 20_100 * USD);
        assertFalse(shallow.hasBid());
        assertFalse(shallow.hasAsk());
        assertTrue(impact.hasBid() && impact.hasAsk());
        assertEquals(0, PremiumIndex.impactPrices(BTC, BookDepth.EMPTY, 5, 20_100 * USD).samplePpb(100_000));
    }

    @Test
    void rejectsInvalidPricesAndLevels() {
        assertEquals("indexPrice must be positive: 0", assertThrows(IllegalArgumentException.class,
                () -> PremiumIndex.samplePpb(1, 2, 0)).getMessage());
        assertEquals("impact bid 20 is above impact ask 10", assertThrows(IllegalArgumentException.class,
                () -> PremiumIndex.samplePpb(20, 10, 15)).getMessage());
        assertEquals("impact prices must be non-negative (0 = none): bid -1, ask 0", assertThrows(
                IllegalArgumentException.class, () -> PremiumIndex.samplePpb(-1, 0, 15)).getMessage());
        assertEquals("maxAbsVotePpb must be non-negative: -1", assertThrows(IllegalArgumentException.class,
                () -> PremiumIndex.dydxVotePpb(1, 2, 3, -1)).getMessage());
        long[] rising = {100_000, 100_100};
        assertEquals("level 1 (100100) is better than level 0 (100000): levels must be best first", assertThrows(
                IllegalArgumentException.class,
                () -> PremiumIndex.impactPrice(BTC, Side.BUY, rising, BID_SIZES, 2, USD)).getMessage());
        assertEquals("level 0 must have a positive price and size: 100100 x 0", assertThrows(
                IllegalArgumentException.class,
                () -> PremiumIndex.impactPrice(BTC, Side.SELL, BID_PRICES, new long[] {0, 1}, 2, USD)).getMessage());
        assertEquals("levels must be in [0, 2]: 3", assertThrows(IllegalArgumentException.class,
                () -> PremiumIndex.impactPrice(BTC, Side.BUY, BID_PRICES, BID_SIZES, 3, USD)).getMessage());
        assertEquals("impactNotional must be non-negative: -1", assertThrows(IllegalArgumentException.class,
                () -> PremiumIndex.impactPrice(BTC, Side.BUY, BID_PRICES, BID_SIZES, 2, -1)).getMessage());
        assertEquals("maxLevels must be positive: 0", assertThrows(IllegalArgumentException.class,
                () -> PremiumIndex.impactPrices(BTC, BookDepth.EMPTY, 0, USD)).getMessage());
    }
}
