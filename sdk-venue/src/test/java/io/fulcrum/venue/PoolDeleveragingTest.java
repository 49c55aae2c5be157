package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BOB;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.btc;
import static io.fulcrum.venue.TestVenue.price;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.amm.OraclePool;
import io.fulcrum.amm.PoolImpact;
import io.fulcrum.api.AccountId;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.LiquidationPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pool deleverages its most profitable traders at mark when their profit exceeds its trigger
 * share of the pool, down to its target share (GMX's ADL, 85 % and 77 %, MECHANISMS.md §3.4).
 * Fees are zero here so that the pool holds exactly what was deposited.
 */
class PoolDeleveragingTest {
    private static final AccountId POOL = AccountId.of(0, 1);

    private static TestVenue venue(boolean deleveraging) {
        Venue.Builder builder = TestVenue.builder(LiquidationPolicy.NONE, OraclePool.factory(PoolImpact.NONE, 0))
                .poolFees(BTC, fill -> 0);
        if (deleveraging) {
            builder.poolAutoDeleveraging(BTC, 850_000, 770_000);
        }
        TestVenue t = TestVenue.withTraders(builder.build());
        t.accept(new Command.AddLiquidity(t.nextId(), t.now(), MAKER, BTC, USDC_ID, usdc("10000")));
        return t;
    }

    @Test
    void profitAboveTheTriggerIsRealisedDownToTheTarget() {
        // Alice is long 0.18 from 50,000; at 97,500 she is up 8,550 on a 10,000 pool: 85.5 % > 85 %. To reach 77 %
        // the pool must realise x = (8,550 − 7,700) / 0.23 = 3,695.652174, i.e. 0.18 × 3,695.652174 / 8,550 =
        // 0.0778 BTC, rounded up to the 0.001 lot: 0.078 BTC, realising 3,705. Then she is up 4,845 on 6,295 of
        // tokens, 76.97 %.
        TestVenue t = venue(true);
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.18", TimeInForce.IOC));

        CommandResult moved = t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED, price("97500"), 0));

        assertEquals(List.of(new Event.Deleveraged(ALICE, BTC, Side.SELL, btc("0.078"), price("97500"), POOL)),
                moved.eventsOf(Event.Deleveraged.class));
        io.fulcrum.api.PoolReport pool = t.venue().pool(BTC).orElseThrow();
        assertEquals(List.of(usdc("6295"), usdc("4845")), List.of(pool.tokenValue(), pool.tradersUnrealizedPnl()));
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void profitBelowTheTriggerIsLeftAlone() {
        // At 97,000 Alice is up 8,460: 84.6 % of the pool.
        TestVenue t = venue(true);
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.18", TimeInForce.IOC));

        CommandResult moved = t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED, price("97000"), 0));

        assertEquals(List.of(), moved.eventsOf(Event.Deleveraged.class));
    }

    @Test
    void theMostProfitablePositionGoesFirst() {
        // Alice holds 0.1 and Bob 0.08, both from 50,000: at 97,500 they are up 4,750 and 3,800, 8,550 in all, as
        // above. Alice's profit is larger: 0.1 × 3,695.652174 / 4,750 = 0.0778 → 0.078 BTC of hers covers it all.
        TestVenue t = venue(true);
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.1", TimeInForce.IOC));
        t.accept(t.order(BOB, Side.BUY, "50100", "0.08", TimeInForce.IOC));

        CommandResult moved = t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED, price("97500"), 0));

        assertEquals(List.of(new Event.Deleveraged(ALICE, BTC, Side.SELL, btc("0.078"), price("97500"), POOL)),
                moved.eventsOf(Event.Deleveraged.class));
    }

    @Test
    void aPoolWithoutDeleveragingNeverDeleverages() {
        TestVenue t = venue(false);
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.18", TimeInForce.IOC));

        CommandResult moved = t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED, price("99000"), 0));

        assertEquals(List.of(), moved.eventsOf(Event.Deleveraged.class));
    }

    @Test
    void theTargetMustLieBelowTheTrigger() {
        Venue.Builder builder = TestVenue.builder(LiquidationPolicy.NONE, OraclePool.factory(PoolImpact.NONE, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.poolAutoDeleveraging(BTC, 770_000, 850_000));
        assertTrue(e.getMessage().contains("need 0 < target < trigger"), e.getMessage());
    }
}
