package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BOB;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.amm.OraclePool;
import io.fulcrum.amm.PoolImpact;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.LiquidationPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Liquidity providers' shares of a pool market, priced at the pool's value net of the traders'
 * PnL against it (GMX v2's market-token pricing, MECHANISMS.md §3.4). Shares count in the
 * settlement asset's smallest units: the first deposit mints one share per unit.
 */
class PoolLiquidityTest {

    private static TestVenue poolVenue() {
        return TestVenue.withTraders(TestVenue.builder(LiquidationPolicy.NONE, OraclePool.factory(PoolImpact.NONE, 0))
                .build());
    }

    private static CommandResult add(TestVenue t, io.fulcrum.api.AccountId account, String amount) {
        return t.accept(new Command.AddLiquidity(t.nextId(), t.now(), account, BTC, TestVenue.USDC_ID, usdc(amount)));
    }

    @Test
    void aPoolIsPricedNetOfTheTradersProfitSoANewDepositorPaysForIt() {
        // The maker seeds 500,000; Alice buys 1 BTC from the pool at 50,000, paying the pool a 25 fee; the index
        // moves to 51,000, so traders are up 1,000 and the pool is worth 500,025 − 1,000 = 499,025 for 500,000
        // shares. Bob's 9,980.5 buys 9,980.5 × 500,000 / 499,025 = 10,000 shares, and redeeming them returns it.
        TestVenue t = poolVenue();
        add(t, MAKER, "500000");
        t.accept(t.order(ALICE, Side.BUY, "50100", "1", TimeInForce.IOC));
        t.publish("51000");

        CommandResult added = add(t, BOB, "9980.5");
        CommandResult removed = t.accept(new Command.RemoveLiquidity(t.nextId(), t.now(), BOB, BTC, usdc("10000"), TestVenue.USDC_ID));

        assertEquals(List.of(new Event.LiquidityAdded(BOB, BTC, TestVenue.USDC_ID, usdc("9980.5"), usdc("10000"), usdc("510000"))),
                added.events());
        assertEquals(List.of(new Event.LiquidityRemoved(BOB, BTC, usdc("10000"), TestVenue.USDC_ID, usdc("9980.5"), usdc("500000"))),
                removed.events());
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void withdrawalsWaitWhileTradersProfitExceedsTheWithdrawalCap() {
        // A 10,000 pool; Alice buys 0.18 BTC at 50,000 (the pool earns her 4.5 fee) and the index goes to 90,000:
        // traders are up 7,200, above 70 % of 10,004.5. A deposit prices the pool with the profit capped at 90 %
        // (not binding): 10,004.5 − 7,200 = 2,804.5, so 280.45 buys 280.45 × 10,000 / 2,804.5 = 1,000 shares.
        TestVenue t = poolVenue();
        add(t, MAKER, "10000");
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.18", TimeInForce.IOC));
        t.publish("90000");

        t.rejects(RejectReason.POOL_PNL_ABOVE_WITHDRAWAL_CAP,
                new Command.RemoveLiquidity(t.nextId(), t.now(), MAKER, BTC, usdc("1"), TestVenue.USDC_ID));
        CommandResult added = add(t, BOB, "280.45");
        assertEquals(usdc("1000"), added.eventsOf(Event.LiquidityAdded.class).get(0).shares());
    }

    @Test
    void aWithdrawalMayNotLeaveTheOpenInterestUnbacked() {
        // A 10,000 pool short 0.18 BTC (9,000 at 50,000): taking 1,000 out leaves 9,000, of which 95 % is 8,550:
        // refused; taking 500 leaves 9,500, of which 95 % is 9,025: enough.
        TestVenue t = poolVenue();
        add(t, MAKER, "10000");
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.18", TimeInForce.IOC));

        t.rejects(RejectReason.POOL_RESERVE_EXCEEDED,
                new Command.RemoveLiquidity(t.nextId(), t.now(), MAKER, BTC, usdc("1000"), TestVenue.USDC_ID));
        t.accept(new Command.RemoveLiquidity(t.nextId(), t.now(), MAKER, BTC, usdc("500"), TestVenue.USDC_ID));
    }

    @Test
    void anOrderMayNotGrowThePoolBeyondItsReserve() {
        // A 10,000 pool backs 9,500 of open interest: Alice may buy 0.19 BTC (9,500 at 50,000), not 0.2; a sale
        // that shrinks the pool's position always passes.
        TestVenue t = poolVenue();
        add(t, MAKER, "10000");

        t.rejects(RejectReason.POOL_RESERVE_EXCEEDED, t.order(ALICE, Side.BUY, "50100", "0.2", TimeInForce.IOC));
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.19", TimeInForce.IOC));
        t.accept(t.order(ALICE, Side.SELL, "49900", "0.19", TimeInForce.IOC));
    }

    @Test
    void tradingFeesOnAPoolMarketAreTheLiquidityProvidersIncome() {
        // A 10,000 pool; Alice buys 0.1 BTC and sells it back at the unchanged 50,000 index: two taker fees of
        // 0.05 % × 5,000 = 2.5 go to the pool, so its 10,000 shares now redeem for 10,005; the venue's fee pool
        // gets nothing.
        TestVenue t = poolVenue();
        add(t, MAKER, "10000");
        long venueFees = t.venue().feePool();
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.1", TimeInForce.IOC));
        t.accept(t.order(ALICE, Side.SELL, "49900", "0.1", TimeInForce.IOC));

        CommandResult removed = t.accept(new Command.RemoveLiquidity(t.nextId(), t.now(), MAKER, BTC, usdc("10000"), TestVenue.USDC_ID));

        assertEquals(usdc("10005"), removed.eventsOf(Event.LiquidityRemoved.class).get(0).amount());
        assertEquals(venueFees, t.venue().feePool());
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void onlyPoolMarketsTakeLiquidityAndOnlyHeldSharesRedeem() {
        TestVenue book = TestVenue.withTraders();
        TestVenue pool = poolVenue();
        add(pool, MAKER, "1000");

        book.rejects(RejectReason.NOT_A_POOL_MARKET, new Command.AddLiquidity(book.nextId(), book.now(), MAKER, BTC, TestVenue.USDC_ID, usdc("1")));
        pool.rejects(RejectReason.INSUFFICIENT_SHARES, new Command.RemoveLiquidity(pool.nextId(), pool.now(), BOB, BTC, 1, TestVenue.USDC_ID));
    }

    @Test
    void sharesSurviveASnapshot() {
        TestVenue t = poolVenue();
        add(t, MAKER, "1000");
        add(t, BOB, "500");

        Venue restored = Venue.replay(TestVenue.builder(LiquidationPolicy.NONE, OraclePool.factory(PoolImpact.NONE, 0)),
                VenueSnapshot.fromJson(t.venue().snapshot().toJson()), List.of());

        assertEquals(t.venue().stateHash(), restored.stateHash());
    }
}
