package io.fulcrum.amm;

import static io.fulcrum.amm.LpFixtures.ETH;
import static io.fulcrum.amm.LpFixtures.USD;
import static io.fulcrum.amm.LpFixtures.USDC;
import static io.fulcrum.amm.LpFixtures.WETH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fulcrum.api.AssetId;
import java.math.BigInteger;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of pool events on a WETH/USDC market (LPs keep 60 % of fees). The test keeps its own tally of
 * every unit it moved and checks, after every step: tokens held = Σ deposits − Σ withdrawals + Σ fees kept +
 * Σ trader losses − Σ trader profits + Σ funding in − Σ funding out + Σ impact in − Σ impact out, per asset, exactly.
 */
class LpConservationPropertyTest {
    private static final long SEED = 20261121L;
    private static final int RUNS = 40;
    private static final int STEPS = 400;

    /** The test's own tally, per asset: the expected token balance. */
    private static final class Tally {
        final Map<AssetId, Long> expected = new TreeMap<>(Map.of(WETH, 0L, USDC, 0L));

        void add(AssetId id, long amount) {
            expected.merge(id, amount, Math::addExact);
        }
    }

    /** Exact value of {@code amounts} in settlement units × 10^8 (the common denominator of the two scales). */
    private static BigInteger exactValue(Map<AssetId, Long> amounts, LpMarks marks) {
        BigInteger weth = BigInteger.valueOf(amounts.getOrDefault(WETH, 0L)).multiply(BigInteger.valueOf(marks.price(WETH)));
        BigInteger usdc = BigInteger.valueOf(amounts.getOrDefault(USDC, 0L)).multiply(BigInteger.valueOf(marks.price(USDC)))
                .multiply(BigInteger.valueOf(100));
        // WETH: units × price / 10^8; USDC: units × price / 10^6 = units × price × 100 / 10^8.
        return weth.add(usdc);
    }

    private static Map<AssetId, Long> randomAmounts(Random r) {
        Map<AssetId, Long> m = new TreeMap<>();
        if (r.nextBoolean()) {
            m.put(WETH, 1 + (long) (r.nextDouble() * 5 * ETH));
        }
        if (m.isEmpty() || r.nextBoolean()) {
            m.put(USDC, 1 + (long) (r.nextDouble() * 10_000 * USD));
        }
        return m;
    }

    /** sharePrice before ≤ after, compared exactly as pool value / supply fractions. */
    private static void assertPriceNotLowered(long v0, long s0, long v1, long s1, String where) {
        if (s0 == 0 || s1 == 0) {
            return;
        }
        BigInteger lhs = BigInteger.valueOf(v1).multiply(BigInteger.valueOf(s0));
        BigInteger rhs = BigInteger.valueOf(v0).multiply(BigInteger.valueOf(s1));
        assertTrue(lhs.compareTo(rhs) >= 0, where + ": share price fell from " + v0 + "/" + s0 + " to " + v1 + "/" + s1);
    }

    @Test
    void everyUnitIsAccountedForAndDepositsWithdrawalsNeverDiluteOrProfit() {
        Random random = new Random(SEED);
        int roundTrips = 0;
        for (int run = 0; run < RUNS; run++) {
            LpMarks marks = LpFixtures.prices(2_000);
            LiquidityPool pool = LiquidityPool.open(LpPoolSpec.builder().asset(LpFixtures.WETH_SPEC, 0)
                    .asset(LpFixtures.USDC_SPEC, 0).longBacking(WETH).shortBacking(USDC).lpFeeSharePpm(600_000)
                    .build(), marks);
            Tally tally = new Tally();
            for (int step = 0; step < STEPS; step++) {
                String where = "seed " + SEED + ", run " + run + ", step " + step;
                AssetId asset = random.nextBoolean() ? WETH : USDC;
                long unit = asset.equals(WETH) ? ETH : USD;
                long amount = 1 + (long) (random.nextDouble() * 200 * unit / (asset.equals(WETH) ? 2_000 : 1));
                int op = random.nextInt(11);
                try {
                    switch (op) {
                        case 0, 1 -> {
                            Map<AssetId, Long> in = randomAmounts(random);
                            boolean capsClear = pool.withinWithdrawalPnlCap();
                            long v0 = pool.poolValue();
                            long s0 = pool.shareSupply();
                            pool.deposit(in);
                            in.forEach(tally::add);
                            if (capsClear && pool.withinWithdrawalPnlCap()) {
                                assertPriceNotLowered(v0, s0, pool.poolValue(), pool.shareSupply(), where + " deposit");
                            }
                        }
                        case 2 -> {
                            // A deposit then, at once, a withdrawal of the same shares.
                            Map<AssetId, Long> in = randomAmounts(random);
                            long supplyBefore = pool.shareSupply();
                            long shares = pool.deposit(in);
                            in.forEach(tally::add);
                            // With no shares before, the deposit also receives what the empty pool held (GMX's rule).
                            if (supplyBefore > 0 && pool.withinWithdrawalPnlCap()) {
                                Map<AssetId, Long> out = pool.withdraw(shares);
                                out.forEach((id, a) -> tally.add(id, -a));
                                roundTrips++;
                                assertTrue(exactValue(out, marks).compareTo(exactValue(in, marks)) <= 0,
                                        where + ": deposit " + in + " returned " + out + " supply before " + supplyBefore);
                            }
                        }
                        case 3 -> {
                            if (pool.shareSupply() > 0 && pool.withinWithdrawalPnlCap()) {
                                long v0 = pool.poolValue();
                                long s0 = pool.shareSupply();
                                long shares = 1 + (long) (random.nextDouble() * (s0 - 1) / 2);
                                Map<AssetId, Long> out = pool.withdraw(shares);
                                out.forEach((id, a) -> tally.add(id, -a));
                                assertPriceNotLowered(v0, s0, pool.poolValue(), pool.shareSupply(), where + " withdrawal");
                            }
                        }
                        case 4 -> {
                            long treasury = pool.collectFee(asset, amount);
                            assertEquals(amount * 600_000 / 1_000_000, amount - treasury, where + " fee split");
                            tally.add(asset, amount - treasury);
                        }
                        case 5 -> {
                            pool.receiveTraderLoss(asset, amount);
                            tally.add(asset, amount);
                        }
                        case 6 -> {
                            pool.payTraderProfit(asset, amount);
                            tally.add(asset, -amount);
                        }
                        case 7 -> {
                            if (random.nextBoolean()) {
                                pool.receiveFunding(asset, amount);
                                tally.add(asset, amount);
                            } else {
                                pool.payFunding(asset, amount);
                                tally.add(asset, -amount);
                            }
                        }
                        case 8 -> {
                            int kind = random.nextInt(3);
                            if (kind == 0) {
                                pool.addToImpactPool(asset, amount);
                                tally.add(asset, amount);
                            } else if (kind == 1) {
                                pool.payFromImpactPool(asset, amount);
                                tally.add(asset, -amount);
                            } else {
                                pool.releaseImpactPool(asset, amount);
                            }
                        }
                        default -> {
                            // WETH moves by up to ±10 %; trader PnL within ±30 % of the pool's tokens, fees ≥ 0.
                            long price = marks.price(WETH);
                            long next = Math.max(USD, price + (long) ((random.nextDouble() - 0.5) * price / 5));
                            long scale = Math.max(pool.poolValue(), 0);
                            marks = marks.withPrice(WETH, next).withTraders(
                                    (long) ((random.nextDouble() - 0.5) * 0.6 * scale),
                                    (long) ((random.nextDouble() - 0.5) * 0.6 * scale),
                                    (long) (random.nextDouble() * 0.01 * scale));
                            pool.mark(marks);
                        }
                    }
                } catch (IllegalStateException e) {
                    // The pool refused (not enough tokens, PnL above cap, ...): nothing may have changed; the tally
                    // check below proves it.
                } catch (IllegalArgumentException e) {
                    if (op > 2 || !e.getMessage().contains("mints no share")) {
                        fail(where + ": unexpected rejection " + e.getMessage());
                    }
                }
                for (Map.Entry<AssetId, Long> e : tally.expected.entrySet()) {
                    assertEquals(e.getValue(), pool.balance(e.getKey()), where + ": tokens of " + e.getKey());
                    assertEquals(e.getValue(), pool.flows(e.getKey()).expectedBalance(), where + ": flows of " + e.getKey());
                }
            }
        }
        assertTrue(roundTrips > RUNS * 10, "seed " + SEED + ": too few deposit-withdrawal round trips " + roundTrips);
    }

    @Test
    void attributionPartsAddUpAndRoundingStaysSmall() {
        Random random = new Random(SEED + 1);
        for (int run = 0; run < RUNS; run++) {
            LpMarks marks = LpFixtures.prices(2_000);
            LiquidityPool pool = LiquidityPool.open(LpFixtures.gmxMarket(), marks);
            pool.deposit(Map.of(WETH, 10 * ETH, USDC, 20_000 * USD));
            LpPnlReport.Checkpoint start = pool.checkpoint();
            int events = 0;
            for (int step = 0; step < 50; step++) {
                long amount = 1 + random.nextInt(1_000_000_000);
                switch (random.nextInt(4)) {
                    case 0 -> pool.collectFee(USDC, amount);
                    case 1 -> pool.receiveFunding(USDC, amount);
                    case 2 -> pool.receiveTraderLoss(USDC, amount);
                    default -> {
                        marks = marks.withPrice(WETH, marks.price(WETH) + random.nextInt(200_000_001) - 100_000_000);
                        pool.mark(marks);
                        events += 2;
                    }
                }
                events++;
            }
            LpPnlReport r = LpPnlReport.between(start, pool.checkpoint());
            String where = "seed " + (SEED + 1) + ", run " + run + ": " + r;
            assertEquals(pool.sharePrice() - start.sharePrice(), r.total(), where);
            // Each event floors its per-share change once (−1 at most); the two share prices floor once each (±1).
            assertTrue(Math.abs(r.rounding()) <= events + 1, where);
        }
    }
}
