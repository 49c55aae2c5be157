package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.price;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.MarginMode;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.oracle.FixedPriceSource;
import io.fulcrum.orderbook.OrderBook;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Isolated and strictly isolated margin on sub-accounts, and leverage per market. TestVenue's
 * BTC-PERP asks 10 % initial and 5 % maintenance; fees are 0.02 % maker, 0.05 % taker.
 */
class MarginModeTest {
    private static final AccountId ALICE_ISOLATED = AccountId.of(ALICE.owner(), 1);

    /** Alice's sub-account 1, isolated on BTC-PERP with {@code mode}, funded with 1,000 USDC from her main account. */
    private static TestVenue isolated(MarginMode mode) {
        TestVenue t = TestVenue.withTraders();
        t.accept(new Command.OpenAccount(t.nextId(), t.now(), ALICE_ISOLATED));
        t.accept(new Command.SetMarginMode(t.nextId(), t.now(), ALICE_ISOLATED, mode, BTC));
        t.accept(new Command.Transfer(t.nextId(), t.now(), ALICE, ALICE_ISOLATED, USDC_ID, usdc("1000")));
        return t;
    }

    private static long balance(TestVenue t, AccountId account) {
        return t.venue().account(account).orElseThrow().balances().getOrDefault(USDC_ID, 0L);
    }

    private static void isolatedBuys(TestVenue t, String size) {
        t.place(MAKER, Side.SELL, "50000", size, TimeInForce.GTC);
        t.place(ALICE_ISOLATED, Side.BUY, "50000", size, TimeInForce.IOC);
    }

    @Test
    void aMainAccountCannotBeIsolated() {
        TestVenue t = TestVenue.withTraders();

        t.rejects(RejectReason.ISOLATION_NEEDS_SUBACCOUNT,
                new Command.SetMarginMode(t.nextId(), t.now(), ALICE, MarginMode.ISOLATED, BTC));
    }

    @Test
    void settingAModeReportsIt() {
        TestVenue t = TestVenue.withTraders();
        t.accept(new Command.OpenAccount(t.nextId(), t.now(), ALICE_ISOLATED));

        CommandResult r = t.accept(new Command.SetMarginMode(t.nextId(), t.now(), ALICE_ISOLATED, MarginMode.ISOLATED, BTC));

        assertEquals(List.of(new Event.MarginModeChanged(ALICE_ISOLATED, MarginMode.ISOLATED, BTC)), r.events());
    }

    @Test
    void theModeCannotChangeWhileAPositionIsOpen() {
        TestVenue t = isolated(MarginMode.ISOLATED);
        isolatedBuys(t, "0.01");

        t.rejects(RejectReason.MARGIN_MODE_LOCKED,
                new Command.SetMarginMode(t.nextId(), t.now(), ALICE_ISOLATED, MarginMode.CROSS, null));
    }

    @Test
    void anIsolatedAccountLosesOnlyItsOwnMargin() {
        // 1,000 USDC isolated, long 0.19 BTC at 50,000 (notional 9,500, fee 4.75). At 47,000: equity
        // 1,000 − 4.75 − 570 = 425.25 < maintenance 5 % × 8,930 = 446.5. Alice's main account, with 9,000 USDC
        // and no position, is untouched.
        TestVenue t = isolated(MarginMode.ISOLATED);
        isolatedBuys(t, "0.19");

        CommandResult r = t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED, price("47000"), 0));

        assertEquals(List.of(new Event.MaintenanceBreached(ALICE_ISOLATED, usdc("425.25"), usdc("446.5"))),
                r.eventsOf(Event.MaintenanceBreached.class));
        assertEquals(usdc("9000"), balance(t, ALICE));
    }

    @Test
    void anIsolatedAccountTradesOnlyItsMarket() {
        MarketSpec eth = MarketSpec.builder(MarketId.of("ETH-PERP"), TestVenue.USDC).sizeDecimals(3).priceDecimals(2)
                .tickSize(1).lotSize(1).minNotional(1_000_000).riskTiers(List.of(RiskTier.flat(100_000, 50_000))).build();
        TestVenue t = TestVenue.withTraders(TestVenue.builder(LiquidationPolicy.NONE)
                .market(eth, OrderBook::new, FixedPriceSource.of(300_000)).build());
        t.accept(new Command.OpenAccount(t.nextId(), t.now(), ALICE_ISOLATED));
        t.accept(new Command.SetMarginMode(t.nextId(), t.now(), ALICE_ISOLATED, MarginMode.ISOLATED, BTC));
        t.accept(new Command.Transfer(t.nextId(), t.now(), ALICE, ALICE_ISOLATED, USDC_ID, usdc("1000")));

        t.rejects(RejectReason.ISOLATED_TO_ANOTHER_MARKET, new Command.PlaceOrder(t.nextId(), t.now(), ALICE_ISOLATED,
                eth.id(), Side.BUY, 300_000, 100, TimeInForce.GTC));
    }

    @Test
    void closingAnIsolatedPositionReturnsWhatIsLeftToTheMainAccount() {
        // Buy 0.1 at 50,000 (fee 2.5), sell 0.1 at 50,000 to the maker's bid (fee 2.5): 995 goes back.
        TestVenue t = isolated(MarginMode.ISOLATED);
        isolatedBuys(t, "0.1");
        t.place(MAKER, Side.BUY, "50000", "0.1", TimeInForce.GTC);

        CommandResult r = t.accept(t.order(ALICE_ISOLATED, Side.SELL, "50000", "0.1", TimeInForce.IOC));

        assertTrue(r.events().contains(new Event.Transferred(ALICE_ISOLATED, ALICE, USDC_ID, usdc("995"))), r::toString);
        assertEquals(usdc("9995"), balance(t, ALICE));
        assertEquals(0, balance(t, ALICE_ISOLATED));
    }

    @Test
    void strictIsolatedMarginCannotBeTakenOutWhileThePositionIsOpen() {
        TestVenue t = isolated(MarginMode.STRICT_ISOLATED);
        isolatedBuys(t, "0.1");

        t.rejects(RejectReason.MARGIN_LOCKED_BY_STRICT_ISOLATION,
                new Command.Transfer(t.nextId(), t.now(), ALICE_ISOLATED, ALICE, USDC_ID, usdc("1")));
        t.rejects(RejectReason.MARGIN_LOCKED_BY_STRICT_ISOLATION,
                new Command.Withdraw(t.nextId(), t.now(), ALICE_ISOLATED, USDC_ID, usdc("1")));
    }

    @Test
    void strictIsolatedMarginIsReleasedProRataAsThePositionShrinks() {
        // After buying 0.1 (fee 2.5) the account holds 997.5; selling 0.05 (fee 1.25) leaves 996.25, and
        // half the position went: 996.25 × 0.05 / 0.1 = 498.125 returns to the main account.
        TestVenue t = isolated(MarginMode.STRICT_ISOLATED);
        isolatedBuys(t, "0.1");
        t.place(MAKER, Side.BUY, "50000", "0.05", TimeInForce.GTC);

        CommandResult r = t.accept(t.order(ALICE_ISOLATED, Side.SELL, "50000", "0.05", TimeInForce.IOC));

        assertTrue(r.events().contains(new Event.Transferred(ALICE_ISOLATED, ALICE, USDC_ID, usdc("498.125"))),
                r::toString);
        assertEquals(usdc("498.125"), balance(t, ALICE_ISOLATED));
    }

    @Test
    void aChosenLeverageRaisesTheInitialRequirement() {
        // At 5x, 0.9 BTC at 50,000 needs 45,000 / 5 = 9,000 plus a 22.5 fee: fits 10,000. 1 BTC needs 10,000 + 25: not.
        TestVenue t = TestVenue.withTraders();
        CommandResult set = t.accept(new Command.SetLeverage(t.nextId(), t.now(), ALICE, BTC, 5));
        t.place(MAKER, Side.SELL, "50000", "2", TimeInForce.GTC);

        assertEquals(List.of(new Event.LeverageChanged(ALICE, BTC, 5)), set.events());
        t.rejects(RejectReason.INSUFFICIENT_MARGIN, t.order(ALICE, Side.BUY, "50000", "1", TimeInForce.IOC));
        t.accept(t.order(ALICE, Side.BUY, "50000", "0.9", TimeInForce.IOC));
    }

    @Test
    void leverageIsBoundedByTheRiskTier() {
        // A flat 10 % initial tier allows up to 10x.
        TestVenue t = TestVenue.withTraders();

        t.rejects(RejectReason.LEVERAGE_OUT_OF_RANGE, new Command.SetLeverage(t.nextId(), t.now(), ALICE, BTC, 11));
        t.rejects(RejectReason.LEVERAGE_OUT_OF_RANGE, new Command.SetLeverage(t.nextId(), t.now(), ALICE, BTC, 0));
        t.accept(new Command.SetLeverage(t.nextId(), t.now(), ALICE, BTC, 10));
    }

    @Test
    void leverageCannotDropBelowWhatAnOpenPositionNeeds() {
        // Long 1.5 BTC (75,000 notional) on 10,000 USDC: at 1x the initial requirement would be 75,000.
        TestVenue t = TestVenue.withTraders();
        t.place(MAKER, Side.SELL, "50000", "1.5", TimeInForce.GTC);
        t.place(ALICE, Side.BUY, "50000", "1.5", TimeInForce.IOC);

        t.rejects(RejectReason.INSUFFICIENT_MARGIN, new Command.SetLeverage(t.nextId(), t.now(), ALICE, BTC, 1));
    }

    @Test
    void modesAndLeverageSurviveASnapshot() {
        TestVenue t = isolated(MarginMode.STRICT_ISOLATED);
        t.accept(new Command.SetLeverage(t.nextId(), t.now(), ALICE_ISOLATED, BTC, 4));
        isolatedBuys(t, "0.05");

        Venue restored = Venue.replay(TestVenue.builder(LiquidationPolicy.NONE),
                VenueSnapshot.fromJson(t.venue().snapshot().toJson()), List.of());

        assertEquals(t.venue().stateHash(), restored.stateHash());
        CommandResult r = restored.apply(new Command.Withdraw(io.fulcrum.api.CommandId.of(9_999), t.now(), ALICE_ISOLATED,
                USDC_ID, usdc("1")));
        assertEquals(RejectReason.MARGIN_LOCKED_BY_STRICT_ISOLATION, r.reason());
    }
}
