package io.fulcrum.orderbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What a taker takes from a maker: a size takes up to what it has left; a budget takes the
 * largest whole number of lots its notional (rounded half-even) still covers, found by galloping
 * and bisecting, checked here against counting lot by lot.
 */
class TakerTest {
    /** Notional = size × price × 10, lots of 1. */
    private static final MarketSpec BTC = market("BTC-PERP", 4, 1, 1);
    /** Notional = size × price / 100, rounded; lots of 10. */
    private static final MarketSpec ETH = market("ETH-PERP", 4, 4, 10);

    @Test
    void aSizedTakerTakesUpToWhatItHasLeft() {
        Taker taker = new Taker(BTC);
        taker.startSized(1, 7, Side.BUY, 1_000, 5);

        assertEquals(3, taker.quantityAt(1_000, 3));
        taker.took(3, 1_000, 3);
        assertEquals(2, taker.quantityAt(1_000, 3));
        taker.took(2, 1_000, 3);

        assertTrue(taker.done());
        assertEquals(0, taker.remaining());
    }

    @Test
    void aBudgetTakesTheWholeLotsItsBudgetCovers() {
        Taker taker = new Taker(BTC);
        taker.startBudget(1, 7, Side.BUY, 1_010, 150_000);

        // 10 at 101.0 cost 101,000: all of a maker showing 10.
        assertEquals(10, taker.quantityAt(1_010, 10));
        // 14 cost 141,400, 15 would cost 151,500.
        assertEquals(14, taker.quantityAt(1_010, 20));
        assertEquals(14, taker.openAt(1_010));

        taker.took(14, 1_010, 20);

        assertEquals(8_600, taker.budget());
        assertTrue(taker.done(), "it took less than it was offered: that was its last take");
        assertEquals(0, taker.openAt(1_010));
    }

    @Test
    void roundingIsHalfEvenOnEachTake() {
        Taker taker = new Taker(ETH);
        taker.startBudget(1, 7, Side.BUY, 1_005, 301);

        // 1 lot: 100.5 → 100; 2 lots: 201; 3 lots: 301.5 → 302.
        assertEquals(20, taker.quantityAt(1_005, 40));
        taker.took(10, 1_005, 10);

        assertEquals(201, taker.budget());
        assertFalse(taker.done());
    }

    @Test
    void aHugeBudgetNeitherOverflowsNorMiscounts() {
        Taker taker = new Taker(BTC);
        taker.startBudget(1, 7, Side.BUY, 1_000, Long.MAX_VALUE);

        // A lot costs 10,000: the answer is the budget over that, and nothing overflows on the way.
        assertEquals(Long.MAX_VALUE / 10_000, taker.openAt(1_000));
        // A maker showing more than the budget covers gets what the budget covers.
        assertEquals(Long.MAX_VALUE / 10_000, taker.quantityAt(1_000, Long.MAX_VALUE / 4));
    }

    @Test
    void agreesWithCountingLotByLot() {
        Random random = new Random(11);
        for (MarketSpec spec : List.of(BTC, ETH)) {
            Taker taker = new Taker(spec);
            for (int trial = 0; trial < 2_000; trial++) {
                long price = 1 + random.nextInt(5_000);
                long budget = random.nextInt(200_000);
                long cap = 1 + random.nextInt(400);
                taker.startBudget(1, 7, Side.SELL, price, budget);

                long lots = 0;
                while (spec.notional((lots + 1) * spec.lotSize(), price, RoundingMode.HALF_EVEN) <= budget) {
                    lots++;
                }
                String what = spec.id() + ": budget " + budget + " at " + price + " from " + cap;
                assertEquals(Math.min(cap, lots * spec.lotSize()), taker.quantityAt(price, cap), what);
                assertEquals(lots * spec.lotSize(), taker.openAt(price), what);
            }
        }
    }

    private static MarketSpec market(String id, int sizeDecimals, int priceDecimals, long lot) {
        return MarketSpec.builder(MarketId.of(id), AssetSpec.of("USDC", 6))
                .sizeDecimals(sizeDecimals)
                .priceDecimals(priceDecimals)
                .tickSize(1)
                .lotSize(lot)
                .riskTiers(List.of(RiskTier.flat(50_000, 30_000)))
                .build();
    }
}
