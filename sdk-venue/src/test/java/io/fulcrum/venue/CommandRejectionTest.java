package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.btc;
import static io.fulcrum.venue.TestVenue.price;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AssetId;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandId;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.OrderId;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import org.junit.jupiter.api.Test;

/**
 * Bad input is refused with a typed reason and a readable message, and the state hash does not
 * move. (TestVenue.rejects asserts the unchanged hash and the absence of events.)
 */
class CommandRejectionTest {
    private final TestVenue t = TestVenue.withTraders();

    private Command.PlaceOrder order(AccountId account, MarketId market, long price, long size) {
        return new Command.PlaceOrder(t.nextId(), t.now(), account, market, Side.BUY, price, size, TimeInForce.GTC);
    }

    @Test
    void orderInUnknownMarketIsRejected() {
        t.rejects(RejectReason.UNKNOWN_MARKET, order(ALICE, MarketId.of("DOGE-PERP"), price("50000"), btc("0.1")));
    }

    @Test
    void orderFromUnknownAccountIsRejected() {
        t.rejects(RejectReason.UNKNOWN_ACCOUNT, order(AccountId.main(99), BTC, price("50000"), btc("0.1")));
    }

    @Test
    void depositToUnknownAccountIsRejected() {
        t.rejects(RejectReason.UNKNOWN_ACCOUNT,
                new Command.Deposit(t.nextId(), t.now(), AccountId.of(2, 7), USDC_ID, usdc("1")));
    }

    @Test
    void depositOfUnlistedAssetIsRejected() {
        t.rejects(RejectReason.UNKNOWN_ASSET,
                new Command.Deposit(t.nextId(), t.now(), ALICE, AssetId.of("DOGE"), 1_000));
    }

    @Test
    void zeroSizeIsRejected() {
        t.rejects(RejectReason.SIZE_NOT_ON_LOT, order(ALICE, BTC, price("50000"), 0));
    }

    @Test
    void negativeSizeIsRejected() {
        t.rejects(RejectReason.SIZE_NOT_ON_LOT, order(ALICE, BTC, price("50000"), -10));
    }

    @Test
    void sizeOffTheLotIsRejected() {
        // lot is 0.001 BTC (10 size units); 0.0015 BTC is not a multiple
        t.rejects(RejectReason.SIZE_NOT_ON_LOT, order(ALICE, BTC, price("50000"), btc("0.0015")));
    }

    @Test
    void priceOffTheTickIsRejected() {
        // tick is 0.5 USDC; 50,000.3 is not a multiple
        t.rejects(RejectReason.PRICE_NOT_ON_TICK, order(ALICE, BTC, price("50000.3"), btc("0.1")));
    }

    @Test
    void nonPositivePriceIsRejected() {
        t.rejects(RejectReason.NON_POSITIVE_PRICE, order(ALICE, BTC, 0, btc("0.1")));
    }

    @Test
    void orderBelowMinimumNotionalIsRejected() {
        // 0.001 BTC at 5,000 = 5 USDC < 10 USDC minimum
        t.rejects(RejectReason.BELOW_MIN_NOTIONAL, order(ALICE, BTC, price("5000"), btc("0.001")));
    }

    @Test
    void orderWhoseNotionalOverflowsIsRejected() {
        long hugeSize = 900_000_000_000_000_000L; // on lot; size * price * 10 overflows 64 bits
        t.rejects(RejectReason.ARITHMETIC_OVERFLOW, order(ALICE, BTC, price("50000"), hugeSize));
    }

    @Test
    void depositThatWouldOverflowTheVenueIsRejected() {
        t.rejects(RejectReason.ARITHMETIC_OVERFLOW,
                new Command.Deposit(t.nextId(), t.now(), ALICE, USDC_ID, Long.MAX_VALUE));
    }

    @Test
    void nonPositiveDepositIsRejected() {
        t.rejects(RejectReason.NON_POSITIVE_AMOUNT, new Command.Deposit(t.nextId(), t.now(), ALICE, USDC_ID, 0));
    }

    @Test
    void withdrawalBeyondBalanceIsRejected() {
        t.rejects(RejectReason.INSUFFICIENT_BALANCE,
                new Command.Withdraw(t.nextId(), t.now(), ALICE, USDC_ID, usdc("10000.000001")));
    }

    @Test
    void withdrawalBeyondFreeCollateralIsRejected() {
        // Alice buys 1 BTC at 50,000: initial margin 5,000, taker fee 25; balance 9,975, free 4,975.
        t.place(MAKER, Side.SELL, "50000", "1", TimeInForce.GTC);
        t.place(ALICE, Side.BUY, "50000", "1", TimeInForce.IOC);
        t.rejects(RejectReason.INSUFFICIENT_FREE_COLLATERAL,
                new Command.Withdraw(t.nextId(), t.now(), ALICE, USDC_ID, usdc("4975.000001")));
        t.accept(new Command.Withdraw(t.nextId(), t.now(), ALICE, USDC_ID, usdc("4975")));
    }

    @Test
    void orderBreachingInitialMarginIsRejected() {
        // 10,000 USDC at 10 % initial margin: 2.1 BTC at 50,000 needs 10,500 plus the 52.5 fee.
        t.rejects(RejectReason.INSUFFICIENT_MARGIN, order(ALICE, BTC, price("50000"), btc("2.1")));
    }

    @Test
    void orderWithinInitialMarginIsAccepted() {
        // 1.99 BTC at 50,000: 9,950 initial + 49.75 fee = 9,999.75 <= 10,000.
        t.accept(order(ALICE, BTC, price("50000"), btc("1.99")));
    }

    @Test
    void cancelOfSomeoneElsesOrderIsRejected() {
        OrderId makers = t.place(MAKER, Side.SELL, "51000", "1", TimeInForce.GTC);
        t.rejects(RejectReason.UNKNOWN_ORDER, new Command.CancelOrder(t.nextId(), t.now(), ALICE, BTC, makers));
    }

    @Test
    void orderBeforeAnyPriceIsRejected() {
        TestVenue fresh = TestVenue.create();
        fresh.openWith(ALICE, "1000");
        fresh.rejects(RejectReason.NO_PRICE, fresh.order(ALICE, Side.BUY, "50000", "0.01", TimeInForce.GTC));
    }

    @Test
    void orderOnAStaleOracleIsRejected() {
        t.advance(TestVenue.STALE_AFTER_MS + 1);
        t.rejects(RejectReason.STALE_ORACLE, order(ALICE, BTC, price("50000"), btc("0.1")));
    }

    @Test
    void commandFromThePastIsRejected() {
        t.advance(1_000);
        t.accept(new Command.Deposit(t.nextId(), t.now(), ALICE, USDC_ID, usdc("1")));
        t.rejects(RejectReason.COMMAND_TIME_REGRESSED,
                new Command.Deposit(t.nextId(), t.now() - 1, ALICE, USDC_ID, usdc("1")));
    }

    @Test
    void unknownPriceFeedIsRejected() {
        t.rejects(RejectReason.UNKNOWN_PRICE_FEED, new Command.PublishPrice(t.nextId(), t.now(), "ETH-USD", 10, 0));
    }

    @Test
    void duplicateCommandIdIsAnsweredNotApplied() {
        Command.Deposit deposit = new Command.Deposit(CommandId.of(10_000), t.now(), ALICE, USDC_ID, usdc("5"));
        t.accept(deposit);
        String before = t.venue().stateHash();
        long balance = t.venue().account(ALICE).orElseThrow().balance(USDC_ID);

        CommandResult again = t.apply(deposit);

        assertEquals(CommandResult.Status.DUPLICATE, again.status());
        assertTrue(again.events().isEmpty());
        assertEquals(before, t.venue().stateHash());
        assertEquals(balance, t.venue().account(ALICE).orElseThrow().balance(USDC_ID));
    }

    @Test
    void rejectionCarriesAReadableMessage() {
        CommandResult r = t.apply(order(ALICE, BTC, price("50000.3"), btc("0.1")));
        assertEquals("the price is not a positive multiple of the market's tick size: price 500003, tick 5 in BTC-PERP",
                r.message());
    }
}
