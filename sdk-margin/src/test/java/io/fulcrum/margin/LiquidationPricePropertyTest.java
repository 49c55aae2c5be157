package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.USDC;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.spi.Balance;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Liquidation prices checked against {@link CrossMargin}'s integer evaluation: beyond the price the margin model
 * finds the account below maintenance (the venue is never late), and on the safe side of it, not.
 */
class LiquidationPricePropertyTest {
    private static final CrossMargin CROSS = CrossMargin.with(HaircutCollateral.settlementOnly(USDC));

    /** Brackets 1 %, 2 % from 50,000 USDC (cum 500), 5 % from 200,000 (cum 6,500): exact, so the ladder is continuous. */
    private static final MarketSpec LADDER = MarketSpec.builder(MarketId.of("BTC-PERP"), USDC).sizeDecimals(4)
            .priceDecimals(1).tickSize(1).lotSize(1).riskTiers(List.of(new RiskTier(0, 20_000, 10_000),
                    new RiskTier(50_000_000_000L, 40_000, 20_000), new RiskTier(200_000_000_000L, 100_000, 50_000)))
            .build();

    /** One bracket at 40x (maintenance 1.25 %): Hyperliquid's formula holds within a bracket. */
    private static final MarketSpec FLAT = MarketSpec.builder(MarketId.of("BTC-PERP"), USDC).sizeDecimals(4)
            .priceDecimals(1).tickSize(1).lotSize(1).riskTiers(List.of(RiskTier.flat(25_000, 12_500))).build();

    private static boolean belowMaintenanceAt(TestAccount account, MarketSpec market, long price) {
        return CROSS.evaluate(account, new TestPrices().mark(market.id(), price)).isBelowMaintenance();
    }

    /** A random position of up to 10 BTC entered at 10,000 to 100,000 USDC, with a wallet of up to its notional. */
    private static TestAccount randomAccount(Random random, MarketSpec market) {
        long size = 1 + random.nextInt(100_000);
        long entry = 100_000 + random.nextInt(900_001);
        long notional = market.notional(size, entry, RoundingMode.UNNECESSARY);
        boolean isLong = random.nextBoolean();
        PositionView position = PositionView.of(market, isLong ? size : -size, isLong ? notional : -notional);
        long wallet = (long) (random.nextDouble() * notional);
        return TestAccount.of(List.of(new Balance(USDC, wallet)), position);
    }

    @Test
    void binanceCrossPriceIsWhereCrossMarginTurnsBelowMaintenance() {
        long seed = 20261121L;
        Random random = new Random(seed);
        for (int trial = 0; trial < 2_000; trial++) {
            TestAccount account = randomAccount(random, LADDER);
            LiquidationPrice lp = LiquidationPrice.binanceCross(account, new TestPrices(),
                    HaircutCollateral.settlementOnly(USDC), LADDER.id());
            String where = "seed " + seed + ", trial " + trial + ": " + account + " -> " + lp;
            // One unit beyond the root the exact buffer is negative, and CrossMargin rounds against the account.
            // One unit on the safe side it is at least |q| x 10 x (1 - 5 %) >= 9.5 units, more than CrossMargin's
            // rounding (under one unit for the value, under one for the requirement).
            if (lp.triggersOnFall()) {
                if (lp.fallsTo() > 1) {
                    assertTrue(belowMaintenanceAt(account, LADDER, lp.fallsTo() - 1), where);
                }
                assertFalse(belowMaintenanceAt(account, LADDER, lp.fallsTo() + 1), where);
            }
            if (lp.triggersOnRise()) {
                assertTrue(belowMaintenanceAt(account, LADDER, lp.risesTo() + 1), where);
                if (lp.risesTo() > 1) {
                    assertFalse(belowMaintenanceAt(account, LADDER, lp.risesTo() - 1), where);
                }
            }
            assertTrue(lp.triggersOnFall() != lp.triggersOnRise() || lp.equals(LiquidationPrice.NEVER), where);
        }
    }

    @Test
    void hyperliquidPriceAtAnyMarkIsWhereCrossMarginTurnsBelowMaintenance() {
        long seed = 1121L;
        Random random = new Random(seed);
        for (int trial = 0; trial < 2_000; trial++) {
            TestAccount account = randomAccount(random, FLAT);
            PositionView position = account.positions().get(0);
            long mark = 100_000 + random.nextInt(900_001);
            MarginState state = CROSS.evaluate(account, new TestPrices().mark(FLAT.id(), mark));
            LiquidationPrice lp = LiquidationPrice.hyperliquid(position, mark, state);
            String where = "seed " + seed + ", trial " + trial + ": " + account + " at " + mark + " -> " + lp;
            // The account value and requirement at mark are themselves rounded (by under a unit each, against the
            // account), so the line can sit up to 2 units low: two price units (>= 19 units of buffer) clear that.
            if (lp.triggersOnFall() && lp.fallsTo() > 2) {
                assertTrue(belowMaintenanceAt(account, FLAT, lp.fallsTo() - 2), where);
            }
            if (lp.triggersOnFall()) {
                assertFalse(belowMaintenanceAt(account, FLAT, lp.fallsTo() + 1), where);
            }
            if (lp.triggersOnRise()) {
                assertTrue(belowMaintenanceAt(account, FLAT, lp.risesTo() + 2), where);
                if (lp.risesTo() > 1) {
                    assertFalse(belowMaintenanceAt(account, FLAT, lp.risesTo() - 1), where);
                }
            }
        }
    }
}
