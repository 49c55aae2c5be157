package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.BTC;
import static io.fulcrum.margin.Markets.BTC_ASSET;
import static io.fulcrum.margin.Markets.ETH;
import static io.fulcrum.margin.Markets.USD;
import static io.fulcrum.margin.Markets.USDC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.spi.Balance;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random linear accounts (BTC, ETH and SOL perps with resting orders at mark, a BTC spot
 * holding, USDC) under SPAN's 16 scenarios, checked against a brute force written independently
 * of the engine: every scenario's loss as an exact BigInteger fraction, and for the initial
 * requirement every one of the 3³ combinations of "no fill / all buys / all sells" per market.
 * Markets are chosen with whole-unit notionals, so values at mark are exact.
 */
class PortfolioMarginPropertyTest {
    private static final MarketSpec SOL = MarketSpec.builder(MarketId.of("SOL-PERP"), USDC).sizeDecimals(2)
            .priceDecimals(2).tickSize(1).lotSize(1).riskTiers(List.of(RiskTier.flat(100_000, 50_000))).build();
    private static final MarketSpec[] MARKETS = {BTC, ETH, SOL};
    /** Underlying index of each market: BTC 0, ETH 1, SOL 2; the BTC asset is BTC. */
    private static final long[] RANGES = {160_000, 200_000, 250_000};
    private static final HaircutCollateral COLLATERAL = HaircutCollateral.builder(USDC).haircut(BTC_ASSET.id(), 50_000)
            .build();
    private static final ScenarioGrid GRID = ScenarioGrid.span16();

    private static PortfolioMargin model(boolean majorsGrouped) {
        PortfolioMargin.Builder b = PortfolioMargin.spanLike16(USDC, COLLATERAL).underlying("BTC", RANGES[0])
                .underlying("ETH", RANGES[1]).underlying("SOL", RANGES[2]).market(BTC.id(), "BTC")
                .market(ETH.id(), "ETH").market(SOL.id(), "SOL").asset(BTC_ASSET.id(), "BTC");
        return majorsGrouped ? b.correlationGroup("MAJORS", "BTC", "ETH").build() : b.build();
    }

    @Test
    void requirementsMatchABruteForceOverScenariosAndFillCombinations() {
        PortfolioMargin[] models = {model(false), model(true)};
        for (long seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            boolean grouped = random.nextBoolean();
            long[] marks = {10 * (20_000 + random.nextInt(80_000)), 100 * (1_000 + random.nextInt(4_000)),
                100 * (20 + random.nextInt(300))};
            long spotPrice = marks[0] / 10 * USD;
            long spot = random.nextInt(3) == 0 ? 0 : random.nextLong() % 500_000_000L;
            List<PositionView> positions = new ArrayList<>();
            long[][] sizes = new long[3][3]; // per market: size, buy size, sell size
            for (int m = 0; m < 3; m++) {
                if (random.nextInt(4) == 0) {
                    continue;
                }
                MarketSpec market = MARKETS[m];
                long size = random.nextInt(40_001) - 20_000;
                long buy = random.nextBoolean() ? random.nextInt(10_000) : 0;
                long sell = random.nextBoolean() ? random.nextInt(10_000) : 0;
                long cost = market.notional(size, marks[m] + random.nextInt(2_001) - 1_000, RoundingMode.UNNECESSARY)
                        * Long.signum(size);
                positions.add(new PositionView(market, size, cost, buy,
                        market.notional(buy, marks[m], RoundingMode.UNNECESSARY), sell,
                        market.notional(sell, marks[m], RoundingMode.UNNECESSARY)));
                sizes[m] = new long[] {size, buy, sell};
            }
            List<Balance> balances = new ArrayList<>();
            if (spot != 0) {
                balances.add(new Balance(BTC_ASSET, spot));
            }
            balances.add(new Balance(USDC, random.nextInt(1_000_000) * USD));
            TestAccount account = new TestAccount(io.fulcrum.api.AccountId.main(1), balances, positions);
            TestPrices prices = new TestPrices().mark(BTC.id(), marks[0]).mark(ETH.id(), marks[1]).mark(SOL.id(), marks[2])
                    .asset(BTC_ASSET.id(), spotPrice);

            MarginState state = models[grouped ? 1 : 0].evaluate(account, prices);

            long[] noFill = new long[3];
            long spotValue = Math.floorDiv(spot * (spotPrice / USD), 100L); // 10^8 sats, price in 10^6: × p / 100
            for (int m = 0; m < 3; m++) {
                noFill[m] = value(m, sizes[m][0], marks[m]);
            }
            long maintenance = bruteForce(noFill, spotValue, grouped);
            boolean open = sizes[0][0] != 0 || sizes[1][0] != 0 || sizes[2][0] != 0;
            if (open && maintenance == 0) {
                maintenance = 1; // the floor of a hedged book
            }
            long worstFill = maintenance;
            for (int combo = 0; combo < 27; combo++) {
                long[] v = new long[3];
                int c = combo;
                for (int m = 0; m < 3; m++, c /= 3) {
                    long size = sizes[m][0] + (c % 3 == 1 ? sizes[m][1] : 0) - (c % 3 == 2 ? sizes[m][2] : 0);
                    v[m] = value(m, size, marks[m]);
                }
                worstFill = Math.max(worstFill, bruteForce(v, spotValue, grouped));
            }
            long expectedInitial = BigInteger.valueOf(worstFill).multiply(BigInteger.valueOf(3))
                    .add(BigInteger.ONE).divide(BigInteger.TWO).longValueExact(); // ⌈1.5 × worst⌉

            assertEquals(maintenance, state.maintenanceRequirement(), "maintenance, seed " + seed);
            assertEquals(expectedInitial, state.initialRequirement(), "initial, seed " + seed);
            assertEquals(CrossMargin.with(COLLATERAL).evaluate(account, prices).equity(), state.equity(),
                    "equity as cross margin counts it, seed " + seed);
            long[] out = new long[3];
            models[grouped ? 1 : 0].evaluateInto(account, prices, out);
            assertEquals(state, new MarginState(out[0], out[1], out[2]), "evaluateInto, seed " + seed);
            assertTrue(state.initialRequirement() >= state.maintenanceRequirement(), "initial ≥ maintenance, seed " + seed);
        }
    }

    /** Exact signed value of {@code size} at {@code mark} in USDC units (all three markets have exponent ≥ 0). */
    private static long value(int market, long size, long mark) {
        return MARKETS[market].notional(size, mark, RoundingMode.UNNECESSARY) * Long.signum(size);
    }

    /** Σ over groups of max(0, max_s ⌈loss_s⌉), each loss an exact fraction. */
    private static long bruteForce(long[] marketValues, long spotValue, boolean grouped) {
        long[] values = {marketValues[0] + spotValue, marketValues[1], marketValues[2]};
        int[][] groups = grouped ? new int[][] {{0, 1}, {2}} : new int[][] {{0}, {1}, {2}};
        long total = 0;
        for (int[] group : groups) {
            long worst = 0;
            for (ScenarioGrid.Scenario s : GRID.scenarios()) {
                // loss = Σ −v × range/10^6 × num/den × weight/10^6
                BigInteger numerator = BigInteger.ZERO;
                for (int u : group) {
                    numerator = numerator.add(BigInteger.valueOf(-values[u]).multiply(BigInteger.valueOf(RANGES[u]))
                            .multiply(BigInteger.valueOf(s.moveNumerator())).multiply(BigInteger.valueOf(s.weightPpm())));
                }
                BigInteger denominator = BigInteger.valueOf(s.moveDenominator()).multiply(BigInteger.TEN.pow(12));
                BigInteger[] qr = numerator.divideAndRemainder(denominator);
                long loss = (qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0]).longValueExact();
                worst = Math.max(worst, loss);
            }
            total += worst;
        }
        return total;
    }
}
