package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BOB;
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

import io.fulcrum.amm.OraclePool;
import io.fulcrum.amm.PoolImpact;
import io.fulcrum.api.AccountId;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.OpenInterestLimit;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.FlatFeeSchedule;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.oracle.PushedPriceSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two pool markets backed by one vault (Avantis' single USDC vault, MECHANISMS.md §4): one pool
 * account on the other side of both, one supply of liquidity shares priced across both markets'
 * traders, one reserve and one open-interest limit for the two.
 */
class SharedPoolTest {
    private static final MarketId ETH = MarketId.of("ETH-PERP");
    private static final MarketSpec ETH_SPEC = MarketSpec.builder(ETH, USDC)
            .sizeDecimals(4).priceDecimals(1).tickSize(5).lotSize(10).minNotional(10_000_000)
            .riskTiers(List.of(RiskTier.flat(100_000, 50_000)))
            .build();
    /** BTC-PERP sorts first, so the vault's account is the BTC market's: sub-account 0 + 1. */
    private static final AccountId VAULT = AccountId.of(0, 1);

    /** Traders' open interest across the vault may use 60 % of its value. */
    private static final OpenInterestLimit SIXTY_PERCENT = (market, increase, openInterest, vaultValue) -> {
        long total = openInterest.applyAsLong(BTC) + openInterest.applyAsLong(ETH) + increase;
        long cap = vaultValue / 10 * 6;
        return total <= cap ? null : total + " over " + cap;
    };

    private static TestVenue venue(OpenInterestLimit limit) {
        Venue.Builder builder = Venue.builder()
                .settlementAsset(USDC)
                .market(BTC_SPEC, OraclePool.factory(PoolImpact.NONE, 0), PushedPriceSource.of("BTC-USD", 60_000))
                .market(ETH_SPEC, OraclePool.factory(PoolImpact.NONE, 0), PushedPriceSource.of("ETH-USD", 60_000))
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .feeSchedule(FlatFeeSchedule.of(200, 500))
                .sharedPool(BTC, ETH);
        if (limit != null) {
            builder.openInterestLimit(ETH, limit);
        }
        TestVenue t = TestVenue.withTraders(builder.build());
        t.accept(new Command.PublishPrice(t.nextId(), t.now(), "ETH-USD", price("2000"), 0));
        t.accept(new Command.AddLiquidity(t.nextId(), t.now(), MAKER, BTC, TestVenue.USDC_ID, usdc("10000")));
        return t;
    }

    private static Command.PlaceOrder ethOrder(TestVenue t, AccountId account, Side side, String price, String size) {
        return new Command.PlaceOrder(t.nextId(), t.now(), account, ETH, side, price(price), btc(size), TimeInForce.IOC);
    }

    @Test
    void bothMarketsTradeAgainstTheOneVaultAccount() {
        TestVenue t = venue(null);
        Event.Trade btcTrade = t.accept(t.order(ALICE, Side.BUY, "50100", "0.1", TimeInForce.IOC))
                .eventsOf(Event.Trade.class).get(0);
        Event.Trade ethTrade = t.accept(ethOrder(t, BOB, Side.SELL, "1990", "1")).eventsOf(Event.Trade.class).get(0);

        assertEquals(List.of(VAULT, VAULT), List.of(btcTrade.maker(), ethTrade.maker()));
        assertTrue(t.venue().account(AccountId.of(0, 2)).isEmpty(), "no second pool account");
    }

    @Test
    void sharesBoughtThroughOneMarketArePricedOnTheTradersOfAll() {
        // The vault holds 10,000 for 10,000 shares; Alice buys 0.1 BTC at 50,000 (a 2.5 fee to the vault) and BTC
        // goes to 51,000: traders are up 100, so the vault is worth 10,002.5 − 100 = 9,902.5. Bob's 990.25,
        // deposited through ETH, buys 990.25 × 10,000 / 9,902.5 = 1,000 shares of the whole vault.
        TestVenue t = venue(null);
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.1", TimeInForce.IOC));
        t.publish("51000");

        CommandResult added = t.accept(new Command.AddLiquidity(t.nextId(), t.now(), BOB, ETH, TestVenue.USDC_ID, usdc("990.25")));

        assertEquals(List.of(new Event.LiquidityAdded(BOB, ETH, TestVenue.USDC_ID, usdc("990.25"), usdc("1000"), usdc("11000"))),
                added.events());
        CommandResult removed = t.accept(new Command.RemoveLiquidity(t.nextId(), t.now(), BOB, BTC, usdc("1000"), TestVenue.USDC_ID));
        assertEquals(usdc("990.25"), removed.eventsOf(Event.LiquidityRemoved.class).get(0).amount());
    }

    @Test
    void theReserveCountsEveryMarketOfTheVault() {
        // 95 % of 10,000 backs 9,500: Alice's 0.1 BTC (5,000) leaves 4,500 for ETH at 2,000, so Bob's 2.3 ETH
        // (4,600) is refused and 2.25 (4,500) fits.
        TestVenue t = venue(null);
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.1", TimeInForce.IOC));

        t.rejects(RejectReason.POOL_RESERVE_EXCEEDED, ethOrder(t, BOB, Side.SELL, "1990", "2.3"));
        t.accept(ethOrder(t, BOB, Side.SELL, "1990", "2.25"));
    }

    @Test
    void anOrderOverTheVaultsOpenInterestLimitIsRefusedAndClosingAlwaysPasses() {
        // The limit is 60 % of the vault: 6,000 of 10,000. Alice's 0.1 BTC (5,000) fits; Bob's 0.55 ETH
        // (1,100) would make 6,100 and is refused; 0.5 ETH (1,000) makes 6,000 and fits; Alice may still close.
        TestVenue t = venue(SIXTY_PERCENT);
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.1", TimeInForce.IOC));

        t.rejects(RejectReason.OPEN_INTEREST_CAP_EXCEEDED, ethOrder(t, BOB, Side.BUY, "2010", "0.55"));
        t.accept(ethOrder(t, BOB, Side.BUY, "2010", "0.5"));
        t.accept(t.order(ALICE, Side.SELL, "49900", "0.1", TimeInForce.IOC));
        assertEquals(0, t.venue().account(ALICE).orElseThrow().positions().stream().mapToLong(p -> p.size()).sum());
        assertTrue(t.venue().audit().isConserved());
        assertEquals(usdc("10000") + usdc("2.5") * 2 + usdc("0.5"), t.venue().account(VAULT).orElseThrow().balance(USDC_ID));
    }

    @Test
    void aBookMarketCannotJoinAPool() {
        Venue.Builder builder = Venue.builder()
                .settlementAsset(USDC)
                .market(BTC_SPEC, OraclePool.factory(PoolImpact.NONE, 0), PushedPriceSource.of("BTC-USD", 60_000))
                .market(ETH_SPEC, io.fulcrum.orderbook.OrderBook::new, PushedPriceSource.of("ETH-USD", 60_000))
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .sharedPool(BTC, ETH);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                builder::build);
        assertTrue(e.getMessage().contains("ETH-PERP is matched by a book"), e.getMessage());
    }
}
