package io.fulcrum.bench;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandId;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketStatus;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.MarkPriceRule;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.oracle.AggregatedPriceSource;
import io.fulcrum.oracle.CircuitBreaker;
import io.fulcrum.oracle.DivergenceRule;
import io.fulcrum.oracle.HyperliquidMark;
import io.fulcrum.oracle.PushedPriceSource;
import io.fulcrum.orderbook.OrderBook;
import io.fulcrum.venue.Venue;

/**
 * A venue with one BTC market that has a book and {@value #TRADERS} accounts with positions,
 * fed one {@code PublishPrice} at a time, in one of two oracle set-ups:
 * <ul>
 *   <li>{@link Variant#PLAIN}: the index is one pushed feed ({@value #PLAIN_FEED}, stale after
 *       60 s), marked at the index ({@link MarkPriceRule#INDEX}), no guard;
 *   <li>{@link Variant#GUARDED}: the index is an {@link AggregatedPriceSource} of the five
 *       {@link #GUARDED_FEEDS} (weight 1 each, stale after 60 s, at least 3 fresh, 2 % divergence
 *       keeping the aggregate), marked by {@link HyperliquidMark} (MECHANISMS.md §1.2) whose
 *       external perp feeds are the same five feeds weighted 3, 2, 2, 1, 1, and watched by a
 *       {@link CircuitBreaker} of 50 % per 60 s that the 0.02 % moves below never trip.
 * </ul>
 * Why the mark reads the index's feeds: a venue accepts a {@code PublishPrice} only for a feed
 * some price source reads (a mark rule cannot declare feeds), so separate perp feeds could not
 * be published; reading the same five keeps the mark's external median on live, fresh data.
 *
 * <p><b>Set-up</b>, all at {@link #START}: the first prices (50,000.0 on every feed), a maker
 * (owner {@value #MAKER_OWNER}, 10,000,000 USDC) resting 10 bids from 49,990.0 down and 10 asks
 * from 50,020.0 up, 10 USDC apart, 50 lots (0.05 BTC) each; then traders 1 to {@value #TRADERS}
 * (100,000 USDC each) each send an IOC that fills against the maker, odd owners buying and even
 * ones selling {@code 1 + owner % 10} lots. Every trader and the maker then hold a position, and
 * the book keeps at least four levels a side.
 *
 * <p><b>Operation</b> {@code k} (from 0, {@link #publishNext()}): one {@code PublishPrice} at
 * {@code START + (k + 1) s} of {@link #priceOf(long) priceOf(k)}, 50,010.0 for even {@code k} and
 * 50,000.0 for odd. {@code PLAIN} publishes its one feed; {@code GUARDED} publishes feed
 * {@code k mod 5}. From {@code k = 4} on, three of the five feeds (those published at {@code k},
 * {@code k − 2} and {@code k − 4}) hold {@code priceOf(k)} and two hold the other price, so the
 * equal-weight median, and so the index, is {@code priceOf(k)} in both variants: every
 * operation moves the index by 10 USDC, re-marks the market and re-examines all 101 accounts.
 * Command ids and times keep increasing for the life of the object, so it can be driven across
 * any number of JMH iterations. A refused command throws: the two variants would no longer do
 * the same work.
 */
public final class OracleVenueReplay {
    /** The two oracle set-ups. */
    public enum Variant { PLAIN, GUARDED }

    /** The market: BTC-PERP, {@link OrderStream#MARKET}. */
    public static final MarketId MARKET = OrderStream.MARKET.id();
    /** The plain variant's only feed. */
    public static final String PLAIN_FEED = "BTC-USD";
    /** The guarded variant's five feeds. */
    public static final String[] GUARDED_FEEDS = {"binance", "okx", "bybit", "kraken", "coinbase"};
    /** How many trader accounts hold a position (the maker holds one too). */
    public static final int TRADERS = 100;
    /** The maker's owner number. */
    public static final long MAKER_OWNER = 1_000;
    /** The time of the set-up, epoch ms; operation {@code k} is {@code k + 1} seconds later. */
    public static final long START = 1_700_000_000_000L;
    /** The clock's step per operation: 1 s, so the mark's EMAs take a sample every time. */
    public static final long STEP_MS = 1_000;
    /** 50,000.0: the first price, and the odd operations' price. */
    public static final long LOW = 500_000;
    /** 50,010.0: the even operations' price. */
    public static final long HIGH = 500_100;

    private static final AssetSpec USDC = OrderStream.MARKET.settlement();
    private static final long LOT = OrderStream.MARKET.lotSize();
    private static final int LEVELS = 10;
    private static final long LEVEL_STEP = 100;   // 10.0 USDC

    private final Variant variant;
    private final Venue venue;
    private long nextCommand = 1;
    private long time = START;
    private long operations;

    /** A venue of {@code variant}, set up as the class comment says. */
    public OracleVenueReplay(Variant variant) {
        this.variant = variant;
        this.venue = build(variant);
        for (String feed : feeds()) {
            accept(new Command.PublishPrice(nextId(), time, feed, LOW, 0));
        }
        AccountId maker = AccountId.main(MAKER_OWNER);
        fund(maker, "10000000");
        for (int level = 0; level < LEVELS; level++) {
            place(maker, Side.BUY, 499_900 - LEVEL_STEP * level, 50 * LOT, TimeInForce.GTC);
            place(maker, Side.SELL, 500_200 + LEVEL_STEP * level, 50 * LOT, TimeInForce.GTC);
        }
        for (long owner = 1; owner <= TRADERS; owner++) {
            AccountId trader = AccountId.main(owner);
            fund(trader, "100000");
            boolean buys = owner % 2 == 1;
            place(trader, buys ? Side.BUY : Side.SELL, buys ? 501_500 : 498_500, (1 + owner % 10) * LOT,
                    TimeInForce.IOC);
        }
    }

    /** The price of operation {@code k}: {@link #HIGH} if {@code k} is even, {@link #LOW} if odd. */
    public static long priceOf(long k) {
        return (k & 1) == 0 ? HIGH : LOW;
    }

    /** Applies the next operation: one {@code PublishPrice}, one second after the last command. */
    public CommandResult publishNext() {
        long k = operations++;
        time += STEP_MS;
        String feed = variant == Variant.PLAIN ? PLAIN_FEED : GUARDED_FEEDS[(int) (k % GUARDED_FEEDS.length)];
        return accept(new Command.PublishPrice(nextId(), time, feed, priceOf(k), 0));
    }

    /** How many operations were applied. */
    public long operations() {
        return operations;
    }

    /** The venue, to inspect. */
    public Venue venue() {
        return venue;
    }

    private String[] feeds() {
        return variant == Variant.PLAIN ? new String[] {PLAIN_FEED} : GUARDED_FEEDS;
    }

    private static Venue build(Variant variant) {
        Venue.Builder builder = Venue.builder()
                .settlementAsset(USDC)
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)));
        if (variant == Variant.PLAIN) {
            return builder.market(OrderStream.MARKET, OrderBook::new, PushedPriceSource.of(PLAIN_FEED, 60_000),
                    MarkPriceRule.INDEX).build();
        }
        AggregatedPriceSource.Builder index = AggregatedPriceSource.builder("BTC index");
        HyperliquidMark.Builder mark = HyperliquidMark.builder();
        long[] perpWeights = {3, 2, 2, 1, 1};
        for (int i = 0; i < GUARDED_FEEDS.length; i++) {
            index.source(GUARDED_FEEDS[i], 1, 60_000);
            mark.externalPerpFeed(GUARDED_FEEDS[i], perpWeights[i], 60_000);
        }
        CircuitBreaker breaker = CircuitBreaker.builder()
                .maxMovePpm(500_000).intervalMs(60_000).cooldownMs(300_000).action(MarketStatus.HALTED).build();
        return builder
                .market(OrderStream.MARKET, OrderBook::new,
                        index.minFreshSources(3).divergence(20_000, DivergenceRule.USE_AGGREGATE).build(), mark.build())
                .guard(MARKET, breaker)
                .build();
    }

    private void fund(AccountId account, String usdc) {
        accept(new Command.OpenAccount(nextId(), time, account));
        accept(new Command.Deposit(nextId(), time, account, USDC.id(), USDC.toUnits(usdc)));
    }

    private void place(AccountId account, Side side, long price, long size, TimeInForce timeInForce) {
        accept(new Command.PlaceOrder(nextId(), time, account, MARKET, side, price, size, timeInForce));
    }

    private CommandResult accept(Command command) {
        CommandResult result = venue.apply(command);
        if (!result.isAccepted()) {
            throw new IllegalStateException(variant + ": the venue refused " + command + ": " + result.reason() + ": "
                    + result.message());
        }
        return result;
    }

    private CommandId nextId() {
        return CommandId.of(nextCommand++);
    }
}
