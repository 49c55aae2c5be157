package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.amm.OraclePool;
import io.fulcrum.amm.PoolImpact;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Command;
import io.fulcrum.api.Event;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.PoolReport;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.LiquidationPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pool holding more than the settlement asset, as a GMX pool holds a long token and a short
 * token (MECHANISMS.md §3.4): deposits are valued at the token's price, the pool's value counts
 * every token at its price, and a withdrawal is paid in the token asked for, from what the pool
 * holds of it.
 */
class MultiTokenPoolTest {
    private static final AssetSpec WETH = AssetSpec.of("WETH", 8);

    private static long weth(String amount) {
        return WETH.toUnits(amount);
    }

    private static TestVenue venue() {
        TestVenue t = TestVenue.withTraders(TestVenue.builder(LiquidationPolicy.NONE, OraclePool.factory(PoolImpact.NONE, 0))
                .collateralAsset(WETH, "WETH-USD").build());
        t.accept(new Command.PublishPrice(t.nextId(), t.now(), "WETH-USD", usdc("2000"), 0));
        t.accept(new Command.Deposit(t.nextId(), t.now(), MAKER, WETH.id(), weth("5")));
        return t;
    }

    private static PoolReport report(TestVenue t) {
        return t.venue().pool(BTC).orElseThrow();
    }

    @Test
    void aTokenDepositIsValuedAtItsPrice() {
        // 5 WETH at 2,000 is worth 10,000: the first deposit mints one share per settlement unit, 10,000 shares.
        TestVenue t = venue();
        Event.LiquidityAdded added = t.accept(new Command.AddLiquidity(t.nextId(), t.now(), MAKER, BTC, WETH.id(),
                weth("5"))).eventsOf(Event.LiquidityAdded.class).get(0);

        assertEquals(new Event.LiquidityAdded(MAKER, BTC, WETH.id(), weth("5"), usdc("10000"), usdc("10000")), added);
        assertEquals(usdc("10000"), report(t).tokenValue());
    }

    @Test
    void theTokensPriceMovesThePoolsValueAsRevaluation() {
        // WETH goes to 2,200: the pool's 5 WETH are worth 11,000, and nothing but the price explains the 1,000.
        TestVenue t = venue();
        t.accept(new Command.AddLiquidity(t.nextId(), t.now(), MAKER, BTC, WETH.id(), weth("5")));
        PoolReport before = report(t);
        t.accept(new Command.PublishPrice(t.nextId(), t.now(), "WETH-USD", usdc("2200"), 0));

        PoolReport after = report(t);
        assertEquals(usdc("11000"), after.tokenValue());
        assertEquals(usdc("1000"), after.periodSince(before).revaluation());
        assertEquals(usdc("1000"), after.periodSince(before).lpPnl());
    }

    @Test
    void aWithdrawalIsPaidInTheTokenAskedForWhileThePoolHoldsEnough() {
        // The pool holds 5 WETH (10,000) and 1,000 USDC, 11,000 shares. 2,000 shares are worth 2,000: not payable in
        // USDC beyond the 1,000 held (refused, nothing changes), payable in WETH as 2,000 / 2,000 = 1 WETH.
        TestVenue t = venue();
        t.accept(new Command.AddLiquidity(t.nextId(), t.now(), MAKER, BTC, WETH.id(), weth("5")));
        t.accept(new Command.AddLiquidity(t.nextId(), t.now(), MAKER, BTC, USDC_ID, usdc("1000")));

        t.rejects(RejectReason.POOL_ASSET_SHORT,
                new Command.RemoveLiquidity(t.nextId(), t.now(), MAKER, BTC, usdc("2000"), USDC_ID));
        Event.LiquidityRemoved removed = t.accept(new Command.RemoveLiquidity(t.nextId(), t.now(), MAKER, BTC,
                usdc("2000"), WETH.id())).eventsOf(Event.LiquidityRemoved.class).get(0);

        assertEquals(new Event.LiquidityRemoved(MAKER, BTC, usdc("2000"), WETH.id(), weth("1"), usdc("9000")), removed);
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void tokensBackTheReserveAtTheirPrice() {
        // 5 WETH at 2,000 back 95 % × 10,000 = 9,500 of open interest: 0.19 BTC at 50,000 fits, 0.2 does not.
        TestVenue t = venue();
        t.accept(new Command.AddLiquidity(t.nextId(), t.now(), MAKER, BTC, WETH.id(), weth("5")));

        t.rejects(RejectReason.POOL_RESERVE_EXCEEDED, t.order(ALICE, Side.BUY, "50100", "0.2", TimeInForce.IOC));
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.19", TimeInForce.IOC));
    }

    @Test
    void aTokenWithoutAPriceCannotBeDeposited() {
        TestVenue t = TestVenue.withTraders(TestVenue.builder(LiquidationPolicy.NONE, OraclePool.factory(PoolImpact.NONE, 0))
                .collateralAsset(WETH, "WETH-USD").build());
        t.accept(new Command.Deposit(t.nextId(), t.now(), MAKER, WETH.id(), weth("5")));

        t.rejects(RejectReason.NO_PRICE, new Command.AddLiquidity(t.nextId(), t.now(), MAKER, BTC, WETH.id(), weth("5")));
    }
}
