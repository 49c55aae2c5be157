package io.fulcrum.examples;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Command;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import java.io.PrintStream;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The BTC crash of 10 October 2025, replayed against four order-book venues that are identical but
 * for what happens when an account falls below maintenance: how it is liquidated, what penalty it
 * pays, how the insurance fund may be drawn and who pays, in which order, what the book could not
 * take (one per {@link LiquidationCrashDesign}: Binance-like, dYdX-like, Hyperliquid-like,
 * Drift-like; MECHANISMS.md §1.4–1.5, §2.3–2.4, §5.3, §9), so that a student sees side by side who
 * pays for the crash.
 *
 * <p>What happened on the day (shared data README): Binance's BTCUSDT perpetual closed the 20:00
 * minute at 116,677.1 and fell to a 103,441.3 close at 21:19, 5 % in that minute alone; market
 * makers pulled their bids as it fell, and about $19 billion of leveraged positions, mostly longs,
 * were liquidated across venues that day. Hyperliquid auto-deleveraged for the first time (§1.5).
 *
 * <p>The same in every venue:
 * <ul>
 *   <li>USDC settlement (6 decimals); BTC-PERP with 0.0001 BTC size units on a 0.001 BTC lot,
 *       0.1 USDC prices and tick, 2 % initial (50x) and 1 % maintenance margin, cross margin,
 *       2 bps maker and 5 bps taker fees; the index is the minute closes of {@link PoolCrashData},
 *       stale after 2 minutes, used as the mark;
 *   <li>{@link #BACKSTOP_USDC} of backstop capital at 20:00: the insurance fund's seed
 *       ({@link Command.DepositInsurance}), or, in the Hyperliquid-like venue, which has no
 *       insurance fund, the backstop vault's capital ({@link Command.Deposit} into
 *       {@link io.fulcrum.venue.Venue#BACKSTOP_VAULT});
 *   <li>the {@link #TRADERS}: twenty accounts with {@link #TRADER_USDC} USDC each, fourteen long and
 *       six short at 2x to 25x, each opening {@link #NOTIONAL_SHARE_PPM 90 %} of
 *       {@code leverage × deposit} at the first close, immediate-or-cancel, within
 *       {@link #SLIPPAGE_PPM 0.3 %} of the index, against
 *   <li>the {@link #MAKER}, with {@link #MAKER_USDC} USDC, which quotes {@link #QUOTE_LEVELS} bids and
 *       asks {@link #QUOTE_STEP_PPM 0.05 %} apart around the index, {@link #QUOTE_BTC} BTC each,
 *       cancelling and requoting every minute, and before each trader's opening order; in a minute
 *       whose close is {@link #PULL_AT_PPM 0.8 %} or more below the one before, it quotes only
 *       {@link #PULLED_SHARE_PPM 5 %} of its bid depth: it pulls its bids, as on the day;
 *   <li>the {@link #SAVER}, who deposits {@link #TRADER_USDC} USDC and never trades.
 * </ul>
 *
 * <p>Each minute the maker requotes around the minute's close (it saw where the market went),
 * then the close is published ({@link Command.PublishPrice}): the price update marks the positions
 * and liquidates accounts below maintenance into that book, and the venue's loss waterfall deals
 * with what the book cannot take. Every command must be accepted, the maker's quotes included
 * (its capital keeps them within initial margin). Run with
 * {@code ./mvnw -B -q -pl sdk-examples -am verify -DskipTests -Pliquidations}, or call {@link #run}:
 * <pre>{@code
 * LiquidationCrashReplay.Result r = LiquidationCrashReplay.run(Path.of("../shared/data"), System.out);
 * long adl = r.outcome(LiquidationCrashDesign.DYDX_LIKE).deleveragedNotional();
 * }</pre>
 */
public final class LiquidationCrashReplay {
    /** The settlement asset. */
    public static final AssetSpec USDC = CrashMarket.USDC;
    /** The market's id. */
    public static final MarketId BTC = CrashMarket.BTC;
    /** BTC-PERP: 0.0001 BTC size units on a 0.001 BTC lot, 0.1 USDC price units and tick, 2 % / 1 % (shared by both crash replays). */
    public static final MarketSpec BTC_SPEC = CrashMarket.BTC_SPEC;

    /** The BTC index is stale after 2 minutes (it publishes every minute). */
    public static final long BTC_MAX_AGE_MS = CrashMarket.BTC_MAX_AGE_MS;
    /** Maker fee 2 bps, taker fee 5 bps, in every venue. */
    public static final long MAKER_FEE_PPM = 200;
    /** See {@link #MAKER_FEE_PPM}. */
    public static final long TAKER_FEE_PPM = 500;
    /** Liquidation orders trade no worse than 5 % from the mark (the policies that take a band). */
    public static final long LIQUIDATION_BAND_PPM = 50_000;
    /** Traders' opening orders are limited 0.3 % away from the index. */
    public static final long SLIPPAGE_PPM = 3_000;
    /** A trader opens 90 % of leverage × deposit. */
    public static final long NOTIONAL_SHARE_PPM = 900_000;

    /** The market maker. */
    public static final AccountId MAKER = AccountId.main(1);
    /** An account that deposits and never trades: no design may make it pay. */
    public static final AccountId SAVER = AccountId.main(2);
    /** The maker's capital, USDC: enough that its quotes always meet initial margin. */
    public static final String MAKER_USDC = "5000000";
    /** What each trader, and the saver, deposits, USDC. */
    public static final String TRADER_USDC = "10000";
    /** The insurance fund's seed, or the backstop vault's capital, USDC. */
    public static final String BACKSTOP_USDC = "50000";

    /** The maker's levels on each side. */
    public static final int QUOTE_LEVELS = 10;
    /** The distance between the maker's levels, and of the first from the index: 0.05 %. */
    public static final long QUOTE_STEP_PPM = 500;
    /** The maker's size at each level, BTC: 5 BTC (about 580,000 USDC) within 0.5 % on each side. */
    public static final String QUOTE_BTC = "0.5";
    /** A minute whose close fell this far below the one before (0.8 %) makes the maker pull its bids. */
    public static final long PULL_AT_PPM = 8_000;
    /** The share of its bid depth the maker keeps in such a minute: 5 %, 0.025 BTC a level. */
    public static final long PULLED_SHARE_PPM = 50_000;

    /**
     * The traders, in the order they open. Long notional 9,000 × (2+3+5+5+8+10+10+12+15+15+20+20+25+25
     * = 175) ≈ 1.58 M, short 9,000 × (2+5+10+15+20+25 = 77) ≈ 0.69 M: the traders are net long about
     * 0.88 M (7.6 BTC), the maker short as much, as the market was leaning long that evening.
     */
    public static final List<CrashTrader> TRADERS = List.of(
            new CrashTrader("T01", Side.BUY, 2), new CrashTrader("T02", Side.SELL, 2),
            new CrashTrader("T03", Side.BUY, 3), new CrashTrader("T04", Side.BUY, 5),
            new CrashTrader("T05", Side.SELL, 5), new CrashTrader("T06", Side.BUY, 5),
            new CrashTrader("T07", Side.BUY, 8), new CrashTrader("T08", Side.SELL, 10),
            new CrashTrader("T09", Side.BUY, 10), new CrashTrader("T10", Side.BUY, 10),
            new CrashTrader("T11", Side.BUY, 12), new CrashTrader("T12", Side.SELL, 15),
            new CrashTrader("T13", Side.BUY, 15), new CrashTrader("T14", Side.BUY, 15),
            new CrashTrader("T15", Side.SELL, 20), new CrashTrader("T16", Side.BUY, 20),
            new CrashTrader("T17", Side.BUY, 20), new CrashTrader("T18", Side.SELL, 25),
            new CrashTrader("T19", Side.BUY, 25), new CrashTrader("T20", Side.BUY, 25));

    private LiquidationCrashReplay() {}

    /**
     * Runs the replay, printing to standard output.
     *
     * @param args optionally the {@code shared/data} directory; found upwards from the working
     *     directory if left out
     */
    public static void main(String[] args) {
        Path dataDir = args.length > 0 ? Path.of(args[0]) : DepegData.findSharedData();
        run(dataDir, System.out);
    }

    /**
     * Reads the BTC closes under {@code dataDir}, replays them against one venue per
     * {@link LiquidationCrashDesign}, in declaration order, and prints the comparison to {@code out}.
     *
     * @throws IllegalStateException if the file is missing or a venue refuses a command
     */
    public static Result run(Path dataDir, PrintStream out) {
        PoolCrashData data = PoolCrashData.read(dataDir, BTC_SPEC.priceDecimals());
        List<LiquidationCrashOutcome> outcomes = new ArrayList<>();
        for (LiquidationCrashDesign design : LiquidationCrashDesign.values()) {
            outcomes.add(new LiquidationCrashRun(design, design.newVenue(), data.commands(1)).run());
        }
        LiquidationCrashReport.print(data, outcomes, out);
        return new Result(data, outcomes);
    }

    /** Trader {@code i} of {@link #TRADERS}, 0 to 19: accounts 10 to 29. */
    public static AccountId account(int i) {
        Objects.checkIndex(i, TRADERS.size());
        return AccountId.main(10 + i);
    }

    /**
     * The BTC size, in size units, worth {@link #NOTIONAL_SHARE_PPM 90 %} of {@code leverage} times
     * the deposit at {@code price}, rounded down to the lot. Example: 25x of 10,000 at 116,677.1 is
     * 225,000 / 116,677.1 = 1.92840 BTC, so 1.928 BTC (19,280 units).
     */
    public static long positionSize(long leverage, long price) {
        long notional = Fixed.ppm(Fixed.multiply(USDC.toUnits(TRADER_USDC), leverage), NOTIONAL_SHARE_PPM,
                RoundingMode.FLOOR);
        long unitsPerSettlement = Fixed.pow10(BTC_SPEC.sizeDecimals() + BTC_SPEC.priceDecimals());
        long size = Fixed.mulDiv(notional, unitsPerSettlement, Fixed.multiply(price, Fixed.pow10(USDC.decimals())),
                RoundingMode.FLOOR);
        return size - size % BTC_SPEC.lotSize();
    }

    /**
     * How the report names an account: a trader by its name, the maker, the saver, the backstop
     * vault, or an insurance fund's desk. Example: {@code name(account(17))} is "T18".
     */
    public static String name(AccountId account) {
        for (int i = 0; i < TRADERS.size(); i++) {
            if (account(i).equals(account)) {
                return TRADERS.get(i).name();
            }
        }
        if (account.equals(MAKER)) {
            return "maker";
        } else if (account.equals(SAVER)) {
            return "saver";
        } else if (account.equals(io.fulcrum.venue.Venue.BACKSTOP_VAULT)) {
            return "vault";
        }
        return account.owner() == 0 ? "fund desk" : account.toString();
    }

    /**
     * What the replay leaves behind, for a test to examine. Example:
     * {@code result.outcome(LiquidationCrashDesign.DRIFT_LIKE).socialisedLoss()} is what the
     * Drift-like venue spread over every open position.
     *
     * @param data the prices replayed
     * @param outcomes one per {@link LiquidationCrashDesign}, in declaration order
     */
    public record Result(PoolCrashData data, List<LiquidationCrashOutcome> outcomes) {
        public Result {
            Objects.requireNonNull(data, "data");
            outcomes = List.copyOf(outcomes);
        }

        /** The outcome of the venue built as {@code design}. */
        public LiquidationCrashOutcome outcome(LiquidationCrashDesign design) {
            return outcomes.stream().filter(o -> o.design() == design).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no venue was built as " + design));
        }
    }
}
