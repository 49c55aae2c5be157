package io.fulcrum.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AssetId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandId;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.OrderId;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.FlatFeeSchedule;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.oracle.PushedPriceSource;
import io.fulcrum.orderbook.OrderBook;
import java.util.List;

/**
 * The venue the kernel tests run: BTC-PERP settled in USDC (6 decimals), sizes in 0.0001 BTC
 * with a lot of 0.001 BTC, prices in 0.1 USDC with a tick of 0.5 USDC, 10 USDC minimum
 * notional, 10 % initial / 5 % maintenance margin, 2 bps maker / 5 bps taker fees, the index
 * pushed on feed "BTC-USD" and stale after 60 s.
 *
 * <p>Notional = size * price * 10 USDC units: 1 BTC (10,000) at 50,000.0 (500,000) is 5e10 =
 * 50,000 USDC.
 */
final class TestVenue {
    static final AssetSpec USDC = AssetSpec.of("USDC", 6);
    static final AssetId USDC_ID = USDC.id();
    static final MarketId BTC = MarketId.of("BTC-PERP");
    static final MarketSpec BTC_SPEC = MarketSpec.builder(BTC, USDC)
            .sizeDecimals(4).priceDecimals(1)
            .tickSize(5).lotSize(10)
            .minNotional(10_000_000)
            .riskTiers(List.of(RiskTier.flat(100_000, 50_000)))
            .build();
    static final String FEED = "BTC-USD";
    static final long STALE_AFTER_MS = 60_000;

    static final AccountId MAKER = AccountId.main(1);
    static final AccountId ALICE = AccountId.main(2);
    static final AccountId BOB = AccountId.main(3);

    private final Venue venue;
    private long nextCommand = 1;
    private long now = 1_000;

    TestVenue(Venue venue) {
        this.venue = venue;
    }

    static Venue.Builder builder(LiquidationPolicy liquidation) {
        return builder(liquidation, OrderBook::new);
    }

    /** The test venue with its BTC-PERP book made by {@code books} (a self-trade mode, a matching policy). */
    static Venue.Builder builder(LiquidationPolicy liquidation,
            java.util.function.Function<MarketSpec, io.fulcrum.api.spi.MatchingEngine> books) {
        return builder(liquidation, books, io.fulcrum.api.spi.MarkPriceRule.INDEX);
    }

    /** The same with the market marked by {@code markRule}. */
    static Venue.Builder builder(LiquidationPolicy liquidation,
            java.util.function.Function<MarketSpec, io.fulcrum.api.spi.MatchingEngine> books,
            io.fulcrum.api.spi.MarkPriceRule markRule) {
        return Venue.builder()
                .settlementAsset(USDC)
                .market(BTC_SPEC, books, PushedPriceSource.of(FEED, STALE_AFTER_MS), markRule)
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .feeSchedule(FlatFeeSchedule.of(200, 500))
                .liquidationPolicy(liquidation);
    }

    static TestVenue create() {
        return new TestVenue(builder(LiquidationPolicy.NONE).build());
    }

    /** Drives {@code restored} (this venue's state rebuilt elsewhere) on from this one's clock and command ids. */
    TestVenue continuedBy(Venue restored) {
        TestVenue next = new TestVenue(restored);
        next.nextCommand = nextCommand;
        next.now = now;
        return next;
    }

    Venue venue() {
        return venue;
    }

    static long usdc(String amount) {
        return USDC.toUnits(amount);
    }

    /** BTC size units from a decimal amount of BTC. */
    static long btc(String amount) {
        return io.fulcrum.api.Fixed.parse(amount, 4);
    }

    /** Price units from a decimal price. */
    static long price(String decimal) {
        return io.fulcrum.api.Fixed.parse(decimal, 1);
    }

    CommandId nextId() {
        return CommandId.of(nextCommand++);
    }

    long now() {
        return now;
    }

    void advance(long millis) {
        now += millis;
    }

    CommandResult apply(Command command) {
        return venue.apply(command);
    }

    CommandResult accept(Command command) {
        CommandResult result = venue.apply(command);
        assertTrue(result.isAccepted(), () -> "expected acceptance of " + command + " but got " + result);
        return result;
    }

    void rejects(RejectReason reason, Command command) {
        String before = venue.stateHash();
        CommandResult result = venue.apply(command);
        assertEquals(CommandResult.Status.REJECTED, result.status(), () -> "expected rejection of " + command);
        assertEquals(reason, result.reason(), result::message);
        assertTrue(result.events().isEmpty(), "a rejection emits no events");
        assertEquals(before, venue.stateHash(), "a rejected command must leave the state hash unchanged");
    }

    void openWith(AccountId account, String usdcAmount) {
        accept(new Command.OpenAccount(nextId(), now, account));
        accept(new Command.Deposit(nextId(), now, account, USDC_ID, usdc(usdcAmount)));
    }

    void publish(String decimalPrice) {
        accept(new Command.PublishPrice(nextId(), now, FEED, price(decimalPrice), 0));
    }

    Command.PlaceOrder order(AccountId account, Side side, String decimalPrice, String btcSize, TimeInForce tif) {
        return new Command.PlaceOrder(nextId(), now, account, BTC, side, price(decimalPrice), btc(btcSize), tif);
    }

    OrderId place(AccountId account, Side side, String decimalPrice, String btcSize, TimeInForce tif) {
        CommandResult r = accept(order(account, side, decimalPrice, btcSize, tif));
        return r.eventsOf(io.fulcrum.api.Event.OrderAccepted.class).get(0).order();
    }

    /** Maker M with 1,000,000 USDC, Alice and Bob with 10,000 USDC each, index at 50,000. */
    static TestVenue withTraders() {
        return withTraders(builder(LiquidationPolicy.NONE).build());
    }

    /** The same three traders in a venue built elsewhere (with a journal, a liquidation policy). */
    static TestVenue withTraders(Venue venue) {
        TestVenue t = new TestVenue(venue);
        t.openWith(MAKER, "1000000");
        t.openWith(ALICE, "10000");
        t.openWith(BOB, "10000");
        t.publish("50000");
        return t;
    }
}
