package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
 * A vAMM pool's curve lives in memory the venue keeps: base, quote and peg of the curve before
 * the traders' position. Curve: 1,000 ETH against 1,000,000 USDC, peg 1 (price 1,000).
 */
class VirtualAmmPoolTest {
    private static final MarketSpec ETH = MarketSpec.builder(MarketId.of("ETH-PERP"), AssetSpec.of("USDC", 6))
            .sizeDecimals(3).priceDecimals(2).tickSize(1).lotSize(1).minNotional(1)
            .riskTiers(List.of(RiskTier.flat(100_000, 50_000))).build();

    private static VirtualAmmPool pool() {
        return (VirtualAmmPool) VirtualAmmPool.factory(1_000_000, 1_000_000_000_000L, 1_000_000).apply(ETH);
    }

    @Test
    void theStartingCurveIsItsMemory() {
        long[] state = new long[pool().poolStateSize()];
        pool().initPoolState(state);
        assertArrayEquals(new long[] {1_000_000, 1_000_000_000_000L, 1_000_000}, state);
    }

    @Test
    void aRepegWhereTradersStandKeepsTheirPositionOnTheNewCurve() {
        // Traders are net long 10 ETH: the curve stands at 990 ETH against 1,010,101.010102 USDC (marginal
        // 1,020.30). Repegged to 2 their exit doubles: 2 × 10,101.010101… − 10,101.010101… = 10,101.010102 more
        // (rounded up). The stored start curve, moved by the same 10 ETH, stands at the same reserves with peg 2.
        VirtualAmmPool pool = pool();
        long[] state = new long[3];
        pool.initPoolState(state);

        long cost = pool.retune(state, 10_000, 0, 2_000_000, 1_000_000);

        assertEquals(10_101_010_102L, cost);
        assertEquals(2_000_000, state[2]);
        pool.onPoolState(100_000, 0, 10_000, 0, state);
        assertEquals(990_000, pool.curve().baseReserve());
        // 2 × 1,010,101.010103 / 990 = 2,040.608… (the start quote rounds up a unit on the way back).
        assertEquals(204_061, pool.curve().markPrice());
    }

    @Test
    void anOraclePoolHasNoCurveToRetune() {
        OraclePool oracle = OraclePool.of(ETH, PoolImpact.NONE, 0);
        assertEquals(0, oracle.poolStateSize());
        assertThrows(UnsupportedOperationException.class, () -> oracle.retune(new long[0], 0, 0, 2_000_000, 1_000_000));
    }

    @Test
    void aBuyOnTheRetunedCurvePaysThePeg() {
        // At peg 2 a buy of 1 ETH from 990 costs 2 × (990 × 1,010,101.010103 / 989 − 1,010,101.010103), the new
        // quote rounded up: 2 × 1,021.335703 = 2,042.671406, on the 0.01 tick against the buyer 2,042.68.
        VirtualAmmPool pool = pool();
        long[] state = new long[3];
        pool.initPoolState(state);
        pool.retune(state, 10_000, 0, 2_000_000, 1_000_000);
        pool.onPoolState(100_000, 0, 10_000, 0, state);

        assertEquals(204_268, pool.executionPrice(Side.BUY, 1_000));
    }
}
