package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An oracle pool priced from the oracle's confidence interval: ETH at 2,000.00 ± 1.00, no impact,
 * no spread, 1 ETH per trade.
 */
class OracleConfidenceTest {
    private static final MarketSpec ETH = MarketSpec.builder(MarketId.of("ETH-PERP"), AssetSpec.of("USDC", 6))
            .sizeDecimals(3).priceDecimals(2).tickSize(1).lotSize(1).minNotional(1)
            .riskTiers(List.of(RiskTier.flat(100_000, 50_000))).build();

    private static OraclePool pool(OracleConfidence confidence) {
        OraclePool pool = OraclePool.of(ETH, PoolImpact.NONE, 0, confidence);
        pool.onPoolState(200_000, 100, 0, 0, null);
        return pool;
    }

    @Test
    void gmxBuysAtTheTopOfTheIntervalAndSellsAtTheBottom() {
        assertEquals(List.of(200_100L, 199_900L),
                List.of(pool(OracleConfidence.GMX).executionPrice(Side.BUY, 1_000),
                        pool(OracleConfidence.GMX).executionPrice(Side.SELL, 1_000)));
    }

    @Test
    void halfAnIntervalMovesHalfAsFar() {
        assertEquals(200_050, pool(new OracleConfidence(500_000, 0)).executionPrice(Side.BUY, 1_000));
    }

    @Test
    void aTooWideIntervalRefusesTheTrade() {
        // 1.00 is 0.05 % of 2,000.00: over a 0.04 % limit (no price), within a 0.05 % one (the index).
        assertEquals(0, pool(OracleConfidence.refuseAbove(400)).executionPrice(Side.BUY, 1_000));
        assertEquals(200_000, pool(OracleConfidence.refuseAbove(500)).executionPrice(Side.BUY, 1_000));
    }

    @Test
    void withoutConfidenceThePoolTradesAtTheIndex() {
        assertEquals(200_000, pool(OracleConfidence.NONE).executionPrice(Side.SELL, 1_000));
    }

    @Test
    void limitsAreCheckedAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new OracleConfidence(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new OracleConfidence(0, 1_000_000));
        assertThrows(IllegalArgumentException.class, () -> OracleConfidence.refuseAbove(0));
    }
}
