package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.BTC_TIERED;
import static io.fulcrum.margin.Markets.ETH;
import static io.fulcrum.margin.Markets.USD;
import static io.fulcrum.margin.Markets.USDC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.spi.Balance;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks CrossMargin's initial requirement against its meaning: evaluate the account as it would be
 * after every combination of "no fill / all buys fill / all sells fill" per market (3 x 3 accounts
 * without orders) and compare.
 */
class CrossMarginScenarioPropertyTest {
    private static final CrossMargin CROSS = CrossMargin.with(HaircutCollateral.settlementOnly(USDC));
    private static final List<MarketSpec> MARKETS = List.of(BTC_TIERED, ETH);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11L, 2_024L, 77_777L, -3L})
    void meetingInitialMeansEveryFillScenarioMeetsInitial(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            TestPrices prices = randomPrices(random);
            TestAccount account = randomAccount(random, prices, false);
            String what = "seed " + seed + ", case " + i + ": " + account;
            MarginState state = CROSS.evaluate(account, prices);
            long worstFree = Long.MAX_VALUE;
            for (TestAccount scenario : scenarios(account)) {
                worstFree = Math.min(worstFree, CROSS.evaluate(scenario, prices).freeCollateral());
            }
            // Fills better than mark earn no credit, so the account's free collateral is at most the worst scenario's.
            assertTrue(state.freeCollateral() <= worstFree, what + ": free " + state.freeCollateral() + " > " + worstFree);
            if (state.meetsInitial()) {
                assertTrue(worstFree >= 0, what + " meets initial, but a scenario has free collateral " + worstFree);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5L, 31_337L, 8_675_309L})
    void withNoOrderBetterThanMarkFreeCollateralIsTheWorstScenarios(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            TestPrices prices = randomPrices(random);
            TestAccount account = randomAccount(random, prices, true);
            long worstFree = Long.MAX_VALUE;
            for (TestAccount scenario : scenarios(account)) {
                worstFree = Math.min(worstFree, CROSS.evaluate(scenario, prices).freeCollateral());
            }
            assertEquals(worstFree, CROSS.evaluate(account, prices).freeCollateral(),
                    "seed " + seed + ", case " + i + ": " + account);
        }
    }

    private static TestPrices randomPrices(Random random) {
        return new TestPrices()
                .mark(BTC_TIERED.id(), 100_000 + random.nextInt(1_000_000))          // 10,000.0 to 110,000.0
                .mark(ETH.id(), 100_000 + random.nextInt(500_000));                  // 1,000.00 to 6,000.00
    }

    /**
     * An account with a random balance and, in each market, a random position, cost and resting orders.
     * With {@code atOrWorseThanMark}, bids rest at or above mark and asks at or below it.
     */
    private static TestAccount randomAccount(Random random, TestPrices prices, boolean atOrWorseThanMark) {
        List<PositionView> positions = new ArrayList<>();
        for (MarketSpec m : MARKETS) {
            long mark = prices.markPrice(m.id());
            long size = random.nextInt(200_001) - 100_000;
            long entry = mark / 2 + random.nextInt((int) mark);
            long cost = (size < 0 ? -1 : 1) * m.notional(size, entry, RoundingMode.UNNECESSARY);
            long buySize = random.nextInt(3) == 0 ? 0 : random.nextInt(100_000);
            long sellSize = random.nextInt(3) == 0 ? 0 : random.nextInt(100_000);
            long buyPrice = orderPrice(random, mark, atOrWorseThanMark ? 1 : 0);
            long sellPrice = orderPrice(random, mark, atOrWorseThanMark ? -1 : 0);
            positions.add(new PositionView(m, size, cost, buySize, m.notional(buySize, buyPrice, RoundingMode.UNNECESSARY),
                    sellSize, m.notional(sellSize, sellPrice, RoundingMode.UNNECESSARY)));
        }
        long balance = (random.nextInt(200_000) - 20_000) * USD;
        return TestAccount.of(List.of(new Balance(USDC, balance)), positions.toArray(PositionView[]::new));
    }

    /** A price within 20 % of mark; direction +1 only above or at mark, -1 only below or at it, 0 either. */
    private static long orderPrice(Random random, long mark, int direction) {
        long offset = random.nextInt((int) (mark / 5) + 1);
        if (direction == 0) {
            return random.nextBoolean() ? mark + offset : mark - offset;
        }
        return mark + direction * offset;
    }

    /** The 3^markets accounts after no fill / all buys / all sells per market, without resting orders. */
    private static List<TestAccount> scenarios(TestAccount account) {
        List<List<PositionView>> combos = List.of(List.of());
        for (PositionView p : account.positions()) {
            List<PositionView> outcomes = List.of(
                    PositionView.of(p.market(), p.size(), p.costBasis()),
                    PositionView.of(p.market(), p.size() + p.openBuySize(), p.costBasis() + p.openBuyNotional()),
                    PositionView.of(p.market(), p.size() - p.openSellSize(), p.costBasis() - p.openSellNotional()));
            List<List<PositionView>> next = new ArrayList<>();
            for (List<PositionView> combo : combos) {
                for (PositionView outcome : outcomes) {
                    List<PositionView> extended = new ArrayList<>(combo);
                    extended.add(outcome);
                    next.add(extended);
                }
            }
            combos = next;
        }
        List<TestAccount> accounts = new ArrayList<>();
        for (List<PositionView> combo : combos) {
            accounts.add(new TestAccount(account.id(), account.balances(), combo));
        }
        return accounts;
    }
}
