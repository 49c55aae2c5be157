package io.fulcrum.amm;

import static io.fulcrum.amm.LpFixtures.ETH;
import static io.fulcrum.amm.LpFixtures.USD;
import static io.fulcrum.amm.LpFixtures.USDC;
import static io.fulcrum.amm.LpFixtures.WETH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiquidityPoolStateTest {
    private static LiquidityPool busyPool() {
        LiquidityPool pool = LiquidityPool.open(LpFixtures.gmxMarket(), LpFixtures.prices(2_000));
        pool.deposit(Map.of(WETH, 3 * ETH, USDC, 7_000 * USD));
        pool.collectFee(USDC, 12_345);
        pool.addToImpactPool(WETH, 1_000);
        pool.releaseImpactPool(WETH, 400);
        pool.mark(LpFixtures.prices(2_050).withTraders(300 * USD, -100 * USD, 5 * USD));
        pool.payTraderProfit(USDC, 77 * USD);
        pool.receiveFunding(WETH, 5_000);
        return pool;
    }

    @Test
    void restoredPoolHasAnEqualState() {
        LiquidityPool pool = busyPool();
        LiquidityPool copy = LiquidityPool.restore(pool.spec(), pool.exportState());
        assertEquals(pool.exportState(), copy.exportState());
        assertEquals(pool.checkpoint(), copy.checkpoint());
    }

    @Test
    void restoredPoolBehavesTheSameAfterwards() {
        LiquidityPool pool = busyPool();
        LiquidityPool copy = LiquidityPool.restore(pool.spec(), pool.exportState());
        assertEquals(pool.withdraw(1_234 * USD), copy.withdraw(1_234 * USD));
        assertEquals(pool.deposit(WETH, ETH / 3), copy.deposit(WETH, ETH / 3));
        assertEquals(pool.exportState(), copy.exportState());
    }

    @Test
    void stateThatBreaksConservationIsRejected() {
        LpState state = busyPool().exportState();
        Map<io.fulcrum.api.AssetId, Long> balances = new HashMap<>(state.balances());
        balances.put(USDC, balances.get(USDC) + 1);
        LpState tampered = new LpState(state.shareSupply(), balances, state.impactPool(), state.flows(),
                state.marks(), state.attribution());
        assertNotEquals(state, tampered);
        assertThrows(IllegalArgumentException.class, () -> LiquidityPool.restore(LpFixtures.gmxMarket(), tampered));
    }
}
