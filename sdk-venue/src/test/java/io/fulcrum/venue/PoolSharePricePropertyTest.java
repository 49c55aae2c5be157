package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BOB;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.amm.OraclePool;
import io.fulcrum.amm.PoolImpact;
import io.fulcrum.api.AccountId;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.PoolReport;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.LiquidationPolicy;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of a pool's shares over seeded random streams of deposits, withdrawals, trades and
 * price moves (GMX §3.4 pricing, a 0.05 % taker fee to the pool): adding or redeeming liquidity
 * never lowers the price of the shares that stay (rounding goes to the pool), and the vault's
 * running totals explain its tokens exactly (a settlement-only pool has no revaluation). A
 * failure names its seed.
 */
class PoolSharePricePropertyTest {
    private static final List<AccountId> PROVIDERS = List.of(MAKER, ALICE, BOB);

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void liquidityFlowsNeverDiluteTheSharesThatStay(long seed) {
        Random random = new Random(seed);
        TestVenue t = TestVenue.withTraders(TestVenue.builder(LiquidationPolicy.NONE,
                OraclePool.factory(PoolImpact.NONE, 0)).build());
        t.accept(new Command.AddLiquidity(t.nextId(), t.now(), MAKER, BTC, USDC_ID, TestVenue.usdc("100000")));
        long index = 500_000; // 50,000.0
        int[] accepted = new int[3]; // adds, removals, trades
        for (int step = 0; step < 150; step++) {
            PoolReport before = report(t);
            int kind = random.nextInt(10);
            AccountId who = PROVIDERS.get(random.nextInt(PROVIDERS.size()));
            CommandResult result;
            if (kind < 3) {
                result = t.apply(new Command.AddLiquidity(t.nextId(), t.now(), who, BTC, USDC_ID,
                        1 + random.nextInt(3_000) * 1_000_000L));
            } else if (kind < 5) {
                result = t.apply(new Command.RemoveLiquidity(t.nextId(), t.now(), who, BTC,
                        1 + random.nextInt(3_000) * 1_000_000L, USDC_ID));
            } else if (kind < 8) {
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                long limit = side == Side.BUY ? index + 1_000 : index - 1_000;
                result = t.apply(new Command.PlaceOrder(t.nextId(), t.now(), random.nextBoolean() ? ALICE : BOB, BTC,
                        side, limit, 10 * (1 + random.nextInt(30)), TimeInForce.IOC));
            } else {
                index = Math.max(100_000, index + 5L * (random.nextInt(4_001) - 2_000));
                result = t.apply(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED, index, 0));
            }
            PoolReport after = report(t);
            String where = "seed " + seed + ", step " + step + ", " + result;
            assertEquals(0, after.revaluation(), () -> "the running totals explain the tokens: " + where);
            if (result.isAccepted() && kind < 3) {
                assertNotDiluted(before.valueForDeposit(), before.lpSupply(), after.valueForDeposit(), after.lpSupply(),
                        where);
            }
            if (result.isAccepted() && kind >= 3 && kind < 5) {
                assertNotDiluted(before.valueForWithdrawal(), before.lpSupply(), after.valueForWithdrawal(),
                        after.lpSupply(), where);
            }
            assertTrue(t.venue().audit().isConserved(), where);
            if (result.isAccepted() && kind < 8) {
                accepted[kind < 3 ? 0 : kind < 5 ? 1 : 2]++;
            }
        }
        assertTrue(accepted[0] >= 10 && accepted[1] >= 5 && accepted[2] >= 10,
                "seed " + seed + " exercised too little: adds, removals, trades " + java.util.Arrays.toString(accepted));
    }

    private static PoolReport report(TestVenue t) {
        return t.venue().pool(BTC).orElseThrow();
    }

    /** {@code valueAfter / supplyAfter >= valueBefore / supplyBefore}, exactly; an empty pool has nothing to dilute. */
    private static void assertNotDiluted(long valueBefore, long supplyBefore, long valueAfter, long supplyAfter,
            String where) {
        if (supplyBefore == 0 || supplyAfter == 0) {
            return;
        }
        BigInteger after = BigInteger.valueOf(valueAfter).multiply(BigInteger.valueOf(supplyBefore));
        BigInteger before = BigInteger.valueOf(valueBefore).multiply(BigInteger.valueOf(supplyAfter));
        assertTrue(after.compareTo(before) >= 0, () -> "share price fell from " + valueBefore + "/" + supplyBefore
                + " to " + valueAfter + "/" + supplyAfter + ": " + where);
    }
}
