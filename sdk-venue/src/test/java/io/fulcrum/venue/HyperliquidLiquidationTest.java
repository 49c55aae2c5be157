package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.BTC_SPEC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.btc;
import static io.fulcrum.venue.TestVenue.price;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.PositionSide;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.FlatFeeSchedule;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.margin.HyperliquidLiquidation;
import io.fulcrum.margin.HyperliquidLiquidationRule;
import io.fulcrum.oracle.PushedPriceSource;
import io.fulcrum.orderbook.OrderBook;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hyperliquid's liquidation in a venue (MECHANISMS.md §1.4): Alice long 10 BTC from 50,000
 * (500,000 USDC) on 60,000, 5 % maintenance, no fees. Above 100,000 a position goes to the book
 * 20 % at a time, whole within 30 s of a partial liquidation, and to the backstop vault when
 * equity is under 2/3 of maintenance.
 */
class HyperliquidLiquidationTest {
    private static TestVenue venue() {
        TestVenue t = new TestVenue(Venue.builder()
                .settlementAsset(USDC)
                .market(BTC_SPEC, OrderBook::new, PushedPriceSource.of(TestVenue.FEED, 60_000))
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .feeSchedule(FlatFeeSchedule.of(0, 0))
                .liquidationPolicy(HyperliquidLiquidation.of(HyperliquidLiquidationRule.hyperliquid(USDC), 100_000))
                .backstopVault()
                .build());
        t.openWith(MAKER, "10000000");
        t.openWith(ALICE, "60000");
        t.publish("50000");
        t.place(MAKER, Side.SELL, "50000", "10", TimeInForce.GTC);
        t.accept(t.order(ALICE, Side.BUY, "50000", "10", TimeInForce.IOC));
        return t;
    }

    private static CommandResult moveTo(TestVenue t, String index) {
        return t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED, price(index), 0));
    }

    private static long soldByLiquidation(CommandResult r) {
        return r.eventsOf(Event.Trade.class).stream().filter(e -> e.taker().equals(ALICE)).mapToLong(Event.Trade::quantity)
                .sum();
    }

    @Test
    void aLargePositionGoesFirstTwentyPercentThenWholeDuringTheCooldown() {
        // At 46,000: equity 20,000 under maintenance 23,000 (but above 2/3 of it): 20 % of 460,000 goes, 2 BTC.
        // That restores her (equity 20,000, maintenance 18,400). Ten seconds later at 45,700: equity 17,600 under
        // 18,280, inside the cooldown: all 8 BTC go.
        TestVenue t = venue();
        t.place(MAKER, Side.BUY, "46000", "10", TimeInForce.GTC);
        assertEquals(btc("2"), soldByLiquidation(moveTo(t, "46000")));

        t.advance(10_000);
        t.accept(new Command.CancelAll(t.nextId(), t.now(), MAKER, BTC));
        t.place(MAKER, Side.BUY, "45700", "10", TimeInForce.GTC);
        assertEquals(btc("8"), soldByLiquidation(moveTo(t, "45700")));
        assertEquals(usdc("17600"), t.venue().account(ALICE).orElseThrow().balance(USDC_ID));
    }

    @Test
    void belowTwoThirdsOfMaintenanceTheVaultTakesTheAccountWhole() {
        // At 45,000: equity 10,000 under 2/3 of maintenance 22,500 (15,000): the vault takes the 10 BTC long at its
        // 500,000 cost and the 60,000 margin; Alice keeps nothing, and nothing trades.
        TestVenue t = venue();
        t.place(MAKER, Side.BUY, "45000", "10", TimeInForce.GTC);

        CommandResult gap = moveTo(t, "45000");

        assertEquals(List.of(new Event.TakenOverByBackstop(ALICE, Venue.BACKSTOP_VAULT, usdc("10000"))),
                gap.eventsOf(Event.TakenOverByBackstop.class));
        assertEquals(0, soldByLiquidation(gap));
        assertEquals(new Event.PositionChanged(Venue.BACKSTOP_VAULT, BTC, btc("10"), usdc("500000"), 0, 0,
                usdc("60000"), PositionSide.LONG), gap.eventsOf(Event.PositionChanged.class).get(1));
        assertEquals(0, t.venue().account(ALICE).orElseThrow().balance(USDC_ID));
        assertEquals(usdc("10000"), t.venue().margin(Venue.BACKSTOP_VAULT).orElseThrow().equity());
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void theCooldownSurvivesASnapshot() {
        TestVenue t = venue();
        t.place(MAKER, Side.BUY, "46000", "10", TimeInForce.GTC);
        moveTo(t, "46000");

        Venue restored = Venue.replay(Venue.builder()
                .settlementAsset(USDC)
                .market(BTC_SPEC, OrderBook::new, PushedPriceSource.of(TestVenue.FEED, 60_000))
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .feeSchedule(FlatFeeSchedule.of(0, 0))
                .liquidationPolicy(HyperliquidLiquidation.of(HyperliquidLiquidationRule.hyperliquid(USDC), 100_000))
                .backstopVault(), t.venue().snapshot(), List.of());
        assertEquals(t.venue().stateHash(), restored.stateHash());
    }
}
