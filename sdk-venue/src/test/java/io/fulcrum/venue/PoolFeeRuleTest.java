package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BOB;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.btc;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.amm.OraclePool;
import io.fulcrum.amm.PoolImpact;
import io.fulcrum.api.AccountId;
import io.fulcrum.api.Command;
import io.fulcrum.api.Event;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.api.spi.PoolFeeRule;
import io.fulcrum.api.spi.PoolFill;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pool market's fees decided by a {@link PoolFeeRule} instead of the fee schedule (whose taker
 * fee is 5 bps here): the fee is the pool's income, a negative fee a rebate the pool pays, and
 * what the rule remembers on a position lasts as long as the position, snapshots included.
 */
class PoolFeeRuleTest {
    private static final AccountId POOL = AccountId.of(0, 1);

    /** 6 bps of every fill, rounded up. */
    private static final PoolFeeRule SIX_BPS = fill -> Fixed.ppm(fill.notional(), 600, RoundingMode.CEILING);

    /**
     * No fee to open; on closing at a loss, a rebate of the share of the loss fixed when the
     * position opened: 10 % if it opened on the less crowded side (Avantis' loss rebate, §4), else 0.
     */
    private static final class LossRebateRule implements PoolFeeRule {
        final List<PoolFill> seen = new ArrayList<>();

        @Override
        public long fee(PoolFill fill) {
            seen.add(fill);
            long closing = fill.closingQuantity();
            if (closing == 0) {
                return 0;
            }
            long entry = Fixed.mulDiv(fill.positionCost(), closing, Math.abs(fill.positionSize()), RoundingMode.HALF_EVEN);
            long exit = fill.market().notional(closing, fill.price(), RoundingMode.HALF_EVEN);
            long pnl = fill.positionSize() > 0 ? exit - entry : -entry - exit;
            return pnl >= 0 ? 0 : -Fixed.ppm(-pnl, fill.positionMemo(), RoundingMode.FLOOR);
        }

        @Override
        public long memoOnOpen(PoolFill fill) {
            long same = fill.side() == Side.BUY ? fill.tradersLong() : fill.tradersShort();
            long opposite = fill.side() == Side.BUY ? fill.tradersShort() : fill.tradersLong();
            return same <= opposite ? 100_000 : 0;
        }
    }

    private static Venue.Builder builder(PoolFeeRule rule) {
        return TestVenue.builder(LiquidationPolicy.NONE, OraclePool.factory(PoolImpact.NONE, 0)).poolFees(BTC, rule);
    }

    private static TestVenue venue(PoolFeeRule rule) {
        TestVenue t = TestVenue.withTraders(builder(rule).build());
        t.accept(new Command.AddLiquidity(t.nextId(), t.now(), MAKER, BTC, TestVenue.USDC_ID, usdc("10000")));
        return t;
    }

    private static long balance(TestVenue t, AccountId account) {
        return t.venue().account(account).orElseThrow().balance(USDC_ID);
    }

    @Test
    void theRuleReplacesTheScheduleAndItsFeeGoesToThePool() {
        // 0.1 BTC at 50,000 is 5,000: the rule asks 6 bps = 3.00 (the schedule would have asked 2.50).
        TestVenue t = venue(SIX_BPS);
        long venueFees = t.venue().feePool();

        Event.Trade trade = t.accept(t.order(ALICE, Side.BUY, "50100", "0.1", TimeInForce.IOC))
                .eventsOf(Event.Trade.class).get(0);

        assertEquals(usdc("3"), trade.takerFee());
        assertEquals(usdc("10003"), balance(t, POOL));
        assertEquals(usdc("9997"), balance(t, ALICE));
        assertEquals(venueFees, t.venue().feePool());
    }

    @Test
    void aNegativeFeeIsARebateThePoolPays() {
        // Alice opens 0.1 long at 50,000 into an empty pool (not the crowded side: 10 % locked) and closes at 49,000:
        // she loses 100 and the pool rebates 10, so she ends at 9,910 and the pool at 10,090.
        TestVenue t = venue(new LossRebateRule());
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.1", TimeInForce.IOC));
        t.publish("49000");

        Event.Trade close = t.accept(t.order(ALICE, Side.SELL, "48900", "0.1", TimeInForce.IOC))
                .eventsOf(Event.Trade.class).get(0);

        assertEquals(usdc("-10"), close.takerFee());
        assertEquals(usdc("9910"), balance(t, ALICE));
        assertEquals(usdc("10090"), balance(t, POOL));
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void aPositionOpenedOnTheCrowdedSideKeepsNoRebate() {
        // Bob is long 0.05 first, so Alice's long opens on the crowded side: memo 0, and her loss of 100 is hers.
        TestVenue t = venue(new LossRebateRule());
        t.accept(t.order(BOB, Side.BUY, "50100", "0.05", TimeInForce.IOC));
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.1", TimeInForce.IOC));
        t.publish("49000");

        Event.Trade close = t.accept(t.order(ALICE, Side.SELL, "48900", "0.1", TimeInForce.IOC))
                .eventsOf(Event.Trade.class).get(0);

        assertEquals(0, close.takerFee());
        assertEquals(usdc("9900"), balance(t, ALICE));
    }

    @Test
    void theRuleSeesThePoolsBalanceAndThePositionBeforeTheFill() {
        // At the close Alice holds 0.1 BTC that cost 5,000, backed (no leverage chosen) by the 10 % initial rate:
        // 500; traders hold 0.1 long and nothing short; the memo is the 10 % locked at open.
        LossRebateRule rule = new LossRebateRule();
        TestVenue t = venue(rule);
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.1", TimeInForce.IOC));
        t.accept(t.order(ALICE, Side.SELL, "49900", "0.04", TimeInForce.IOC));

        PoolFill close = rule.seen.get(rule.seen.size() - 1);
        assertEquals(List.of(btc("0.1"), usdc("5000"), usdc("500"), 100_000L, btc("0.1"), 0L, btc("0.04"), 0L),
                List.of(close.positionSize(), close.positionCost(), close.positionCollateral(), close.positionMemo(),
                        close.tradersLong(), close.tradersShort(), close.closingQuantity(), close.openingQuantity()));
    }

    @Test
    void theMemoSurvivesASnapshot() {
        // The rebate locked before the snapshot is paid after a restore: 10 of the 100 loss.
        TestVenue t = venue(new LossRebateRule());
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.1", TimeInForce.IOC));
        Venue restored = Venue.replay(builder(new LossRebateRule()), t.venue().snapshot(), List.of());
        assertEquals(t.venue().stateHash(), restored.stateHash());

        TestVenue r = t.continuedBy(restored);
        r.publish("49000");
        Event.Trade close = r.accept(r.order(ALICE, Side.SELL, "48900", "0.1", TimeInForce.IOC))
                .eventsOf(Event.Trade.class).get(0);
        assertEquals(usdc("-10"), close.takerFee());

    }

    @Test
    void aTreasuryShareOfPoolFeesGoesToTheVenue() {
        // Avantis' split, 40 % to the treasury: of the 3.00 fee, 1.20 goes to the venue's fee pool, 1.80 to the pool.
        TestVenue t = TestVenue.withTraders(builder(SIX_BPS).poolTreasuryShare(BTC, 400_000).build());
        t.accept(new Command.AddLiquidity(t.nextId(), t.now(), MAKER, BTC, TestVenue.USDC_ID, usdc("10000")));
        long venueFees = t.venue().feePool();

        t.accept(t.order(ALICE, Side.BUY, "50100", "0.1", TimeInForce.IOC));

        assertEquals(usdc("1.2"), t.venue().feePool() - venueFees);
        assertEquals(usdc("10001.8"), balance(t, POOL));
        assertEquals(usdc("1.8"), t.venue().pool(BTC).orElseThrow().feesEarned());
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void theMarginCheckHoldsBackThePoolFeeNotTheSchedules() {
        // A 2 % pool fee on 0.18 BTC at 50,000 (9,000) is 180; the initial margin is 900. Bob, holding 1,000, can pay
        // the schedule's 4.50 but not the rule's 180: refused, and with 1,080 he can.
        PoolFeeRule twoPercent = fill -> Fixed.ppm(fill.notional(), 20_000, RoundingMode.CEILING);
        TestVenue t = venue(twoPercent);
        t.accept(new Command.Withdraw(t.nextId(), t.now(), BOB, USDC_ID, usdc("9000")));

        t.rejects(io.fulcrum.api.RejectReason.INSUFFICIENT_MARGIN,
                t.order(BOB, Side.BUY, "50000", "0.18", TimeInForce.IOC));
        t.accept(new Command.Deposit(t.nextId(), t.now(), BOB, USDC_ID, usdc("80")));
        t.accept(t.order(BOB, Side.BUY, "50000", "0.18", TimeInForce.IOC));
    }
}
