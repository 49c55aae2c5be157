package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import io.fulcrum.api.spi.BorrowingRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GMX's default borrowing curve as a venue rule (§3.3): 6.25e-9 per second × reserved / pool. */
class GmxBorrowingRuleTest {
    private static final MarketSpec BTC = MarketSpec.builder(MarketId.of("BTC-PERP"), AssetSpec.of("USDC", 6))
            .sizeDecimals(4).priceDecimals(1).tickSize(1).lotSize(1).minNotional(1)
            .riskTiers(List.of(RiskTier.flat(100_000, 50_000))).build();
    private static final GmxBorrowingRule CURVE = GmxBorrowingRule.hourly(new BorrowingFee.Curve(6_250_000_000L, 1, 6, false));

    /** 0.16 BTC long and nothing short at 50,000 (8,000 reserved) against a 10,000 pool. */
    private static BorrowingRule.Inputs inputs(long elapsedMillis) {
        return new BorrowingRule.Inputs(BTC, elapsedMillis, 500_000, 1_600, 0, 10_000_000_000L);
    }

    @Test
    void eightyPercentReservedPaysFifteenPointSevenSevenPercentAYear() {
        // 5e-9 per second × 3,600 s = 1.8e-5 = 18,000 ppb; × 8,760 hours = 15.768 %.
        assertEquals(18_000, CURVE.ratePpb(Side.BUY, inputs(3_600_000)));
    }

    @Test
    void aSideThatReservesNothingPaysNothing() {
        assertEquals(0, CURVE.ratePpb(Side.SELL, inputs(3_600_000)));
    }

    @Test
    void onlyWholeSecondsAreCharged() {
        // 1.9 s counts as 1: 5 ppb.
        assertEquals(5, CURVE.ratePpb(Side.BUY, inputs(1_900)));
    }

    @Test
    void theIntervalMustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> new GmxBorrowingRule(new BorrowingFee.Curve(6_250_000_000L, 1, 6, false), 0));
    }
}
