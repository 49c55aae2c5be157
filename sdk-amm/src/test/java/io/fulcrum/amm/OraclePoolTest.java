package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.MatchSink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The oracle pool's execution price with GMX's price impact (MECHANISMS.md §3.1, ETH factors f⁻
 * 9e-11, f⁺ 3e-11, exponent 2 on both sides): ETH at 2,000.00, sizes in 0.001 ETH, USDC at 6
 * decimals.
 */
class OraclePoolTest {
    private static final AssetSpec USDC = AssetSpec.of("USDC", 6);
    private static final MarketSpec ETH = MarketSpec.builder(MarketId.of("ETH-PERP"), USDC).sizeDecimals(3)
            .priceDecimals(2).tickSize(1).lotSize(1).minNotional(1_000_000)
            .riskTiers(List.of(RiskTier.flat(100_000, 50_000))).build();
    private static final PriceImpact GMX_ETH = new PriceImpact(90_000_000L, 30_000_000L, 2, 2, 5_000, 4_000, 6);

    /** Traders long 1,000,000 USD (500 ETH) and short 600,000 (300 ETH) at 2,000. */
    private static OraclePool pool(long spreadPpm) {
        OraclePool pool = OraclePool.of(ETH, GMX_ETH::impactUsd, spreadPpm);
        pool.onPoolState(200_000, 500_000, 300_000);
        return pool;
    }

    /** Records pool fills. */
    private static final class Fills implements MatchSink {
        final List<long[]> fills = new ArrayList<>();

        @Override
        public boolean onMatch(long makerOrderId, long makerOwner, long takerOrderId, long price, long quantity) {
            throw new AssertionError("a pool has no makers");
        }

        @Override
        public void onPoolFill(long takerOrderId, long price, long quantity) {
            fills.add(new long[] {takerOrderId, price, quantity});
        }

        @Override
        public void onRested(long orderId, Side side, long price, long openSize) {
            throw new AssertionError("a pool rests nothing");
        }

        @Override
        public void onReduced(long orderId, long reducedBy, long openSize, io.fulcrum.api.CancelReason reason) {}
    }

    @Test
    void aLongThatWidensTheImbalancePaysTheImpactInItsPrice() {
        // §3.1 vector 1: opening 100,000 long (50 ETH) costs 8.10 USD: 2,000 × 100,000 / (100,000 − 8.10) =
        // 2,000.16201…, rounded up to the cent: 2,000.17.
        assertEquals(200_017, pool(0).executionPrice(Side.BUY, 50_000));
    }

    @Test
    void aShortThatNarrowsTheImbalanceGetsAPriceAboveTheIndex() {
        // §3.1 vector 2: opening 300,000 short (150 ETH) gains 4.50 USD: 2,000 × 300,000 / (300,000 − 4.5) =
        // 2,000.0300…, rounded down for a sale: 2,000.03.
        assertEquals(200_003, pool(0).executionPrice(Side.SELL, 150_000));
    }

    @Test
    void aSpreadWidensBothSides() {
        // 0.1 % spread on the 8.10 USD example: 2,000.16201 × 1.001 = 2,002.16217… → 2,002.17.
        assertEquals(200_217, pool(1_000).executionPrice(Side.BUY, 50_000));
    }

    @Test
    void anOrderWhoseLimitThePriceWouldBreachDoesNotFill() {
        Fills sink = new Fills();
        OraclePool pool = pool(0);

        long unfilled = pool.place(7, 1, Side.BUY, 200_016, 50_000, TimeInForce.IOC, sink);
        long none = pool.place(8, 1, Side.BUY, 200_017, 50_000, TimeInForce.GTC, sink);

        assertEquals(50_000, unfilled);
        assertEquals(0, none);
        assertEquals(1, sink.fills.size());
        assertEquals(List.of(8L, 200_017L, 50_000L), List.of(sink.fills.get(0)[0], sink.fills.get(0)[1], sink.fills.get(0)[2]));
    }

    @Test
    void withoutAnIndexThePoolDoesNotTrade() {
        OraclePool pool = OraclePool.of(ETH, PoolImpact.NONE, 0);

        assertEquals(0, pool.executionPrice(Side.BUY, 1_000));
        assertEquals(1_000, pool.place(1, 1, Side.BUY, 1_000_000, 1_000, TimeInForce.IOC, new Fills()));
    }
}
