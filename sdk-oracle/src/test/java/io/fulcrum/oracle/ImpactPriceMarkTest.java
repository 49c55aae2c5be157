package io.fulcrum.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import io.fulcrum.api.spi.BookDepth;
import io.fulcrum.api.spi.MarkInputs;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImpactPriceMarkTest {
    /** Prices, sizes and settlement in whole units: notional = size · price. */
    private static final MarketSpec WHOLE = market(0, 0, 0);
    /** BTC-PERP in USDC (6 decimals), sizes in 0.0001 BTC, prices in 0.1 USDC: notional = size · price · 10. */
    private static final MarketSpec BTC = market(6, 4, 1);

    private static final ImpactPriceMark NOTIONAL_1900 = ImpactPriceMark.withImpactNotional(1_900);

    private static MarketSpec market(int settlementDecimals, int sizeDecimals, int priceDecimals) {
        return MarketSpec.builder(MarketId.of("TEST-PERP"), AssetSpec.of("USD", settlementDecimals))
                .sizeDecimals(sizeDecimals).priceDecimals(priceDecimals).tickSize(1).lotSize(1)
                .riskTiers(List.of(RiskTier.flat(50_000, 30_000)))
                .build();
    }

    /** Levels as {price, size} pairs, best first; bids on BUY, asks on SELL. */
    private static BookDepth book(long[][] bids, long[][] asks) {
        return (side, prices, sizes) -> {
            long[][] levels = side == Side.BUY ? bids : asks;
            int n = Math.min(levels.length, prices.length);
            for (int i = 0; i < n; i++) {
                prices[i] = levels[i][0];
                sizes[i] = levels[i][1];
            }
            return n;
        };
    }

    private static final long[][] BIDS = {{100, 10}, {90, 100}};
    private static final long[][] ASKS = {{110, 10}, {120, 100}};
    private static final long[][] EMPTY = {};

    private static long mark(ImpactPriceMark rule, MarketSpec market, long index, BookDepth book) {
        MarkInputs inputs = new MarkInputs(market, 0, index, 0, 0, 0, feed -> null, book);
        return rule.markPrice(inputs, new long[rule.stateSize()]);
    }

    // Impact notional 1,900 in the whole-unit market:
    //   impact bid: 1,000 at 100 (10 units) + 900 at 90 (10 units) → 1,900 / 20 = 95
    //   impact ask: 1,100 at 110 (10 units) + 800 at 120 (6⅔ units) → 1,900 · 120 / (10·120 + 800) = 114

    @Test
    void anIndexBetweenTheImpactPricesIsTheMark() {
        assertEquals(100, mark(NOTIONAL_1900, WHOLE, 100, book(BIDS, ASKS)));
    }

    @Test
    void anIndexAboveTheImpactAskIsClampedToIt() {
        assertEquals(114, mark(NOTIONAL_1900, WHOLE, 120, book(BIDS, ASKS)));
    }

    @Test
    void anIndexBelowTheImpactBidIsClampedToIt() {
        assertEquals(95, mark(NOTIONAL_1900, WHOLE, 90, book(BIDS, ASKS)));
    }

    @Test
    void theImpactAskRoundsUp() {
        // Notional 1,910: 1,100 at 110 + 810 at 120 (6.75 units) → 1,910 / 16.75 = 114.03 → 115.
        assertEquals(115, mark(ImpactPriceMark.withImpactNotional(1_910), WHOLE, 120, book(BIDS, ASKS)));
    }

    @Test
    void theImpactBidRoundsDownAndUsesTheMarketsNotionalScale() {
        // BTC: 50,000.0 × 0.5 BTC = 25,000 USDC, then 49,990.0 × 1 BTC. Impact notional 50,000 USDC:
        // 25,000 at 50,000.0 (0.5 BTC) + 25,000 at 49,990.0 (0.500100… BTC) →
        // 50,000 / 1.000100… = 2·50,000·49,990 / 99,990 = 49,994.9995 → 499,949 in 0.1 USDC (down).
        BookDepth depth = book(new long[][] {{500_000, 5_000}, {499_900, 10_000}}, new long[][] {{500_100, 100_000}});
        ImpactPriceMark rule = ImpactPriceMark.withImpactNotional(50_000_000_000L);
        // Impact ask: 1 BTC fills at 50,010.0 exactly. Index 49,900.0 → clamped up to the impact bid.
        assertEquals(499_949, mark(rule, BTC, 499_000, depth));
    }

    @Test
    void aMarketWithFractionalNotionalsIsExact() {
        // Settlement 0 decimals, size 2, price 2: notional = size · price / 10^4.
        // Bids 100.00 × 3.00 (300) then 90.00 × 10.00 (900); impact notional 450:
        // 300 at 100 (3 units) + 150 at 90 (1⅔ units) → 450 / 4⅔ = 96.428… → 9,642 (×100, down).
        MarketSpec cents = market(0, 2, 2);
        BookDepth depth = book(new long[][] {{10_000, 300}, {9_000, 1_000}}, EMPTY);
        assertEquals(9_642, mark(ImpactPriceMark.withImpactNotional(450), cents, 9_000, depth));
    }

    @Test
    void aLevelThatExactlyCompletesTheNotionalGivesItsOwnAverage() {
        // Notional 1,000 is exactly the first bid level: impact bid 100. Index 50 → 100.
        assertEquals(100, mark(ImpactPriceMark.withImpactNotional(1_000), WHOLE, 50, book(BIDS, ASKS)));
    }

    @Test
    void withOnlyTheBidsDeepEnoughTheImpactBidIsAFloor() {
        // Asks hold 1,100 + 12,000 = 13,100 < 20,000: no impact ask. The bid 100 × 1,000 holds
        // 100,000: impact bid 100. Index 90 → raised to 100; index 130 → no ceiling, 130.
        BookDepth depth = book(new long[][] {{100, 1_000}}, ASKS);
        ImpactPriceMark rule = ImpactPriceMark.withImpactNotional(20_000);
        assertEquals(100, mark(rule, WHOLE, 90, depth));
        assertEquals(130, mark(rule, WHOLE, 130, depth));
    }

    @Test
    void withOnlyTheAsksDeepEnoughTheImpactAskIsACeiling() {
        // No bids: impact ask 114 caps index 120; index 80 has no floor and stays 80.
        BookDepth depth = book(EMPTY, ASKS);
        assertEquals(114, mark(NOTIONAL_1900, WHOLE, 120, depth));
        assertEquals(80, mark(NOTIONAL_1900, WHOLE, 80, depth));
    }

    @Test
    void anEmptyBookMarksAtTheIndex() {
        assertEquals(12_345, mark(NOTIONAL_1900, WHOLE, 12_345, BookDepth.EMPTY));
    }

    @Test
    void depthBeyondSixtyFourLevelsIsNotUsed() {
        // 100 asks of 1 × 100 (notional 100 each). 6,400 fills in exactly 64 levels → ask 100;
        // 6,500 would need a 65th level → no impact ask, and index 150 stays 150.
        long[][] asks = new long[100][];
        for (int i = 0; i < asks.length; i++) {
            asks[i] = new long[] {100, 1};
        }
        BookDepth depth = book(EMPTY, asks);
        assertEquals(100, mark(ImpactPriceMark.withImpactNotional(6_400), WHOLE, 150, depth));
        assertEquals(150, mark(ImpactPriceMark.withImpactNotional(6_500), WHOLE, 150, depth));
    }

    @Test
    void theRuleIsStateless() {
        assertEquals(0, NOTIONAL_1900.stateSize());
    }

    @Test
    void theImpactNotionalMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImpactPriceMark.withImpactNotional(0));
        assertEquals("the impact notional must be positive: 0", e.getMessage());
    }
}
