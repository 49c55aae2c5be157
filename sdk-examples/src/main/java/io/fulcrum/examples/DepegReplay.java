package io.fulcrum.examples;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Command;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.FlatFeeSchedule;
import io.fulcrum.margin.FullCloseLiquidation;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.oracle.AggregatedPriceSource;
import io.fulcrum.oracle.DivergenceRule;
import io.fulcrum.oracle.PriceAggregator;
import io.fulcrum.oracle.PushedPriceSource;
import io.fulcrum.oracle.RecordedPrices;
import io.fulcrum.orderbook.OrderBook;
import io.fulcrum.venue.Venue;
import java.io.PrintStream;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The USDe depeg of 10 October 2025, replayed against three venues that differ only in how they
 * price collateral when their price sources disagree: one per {@link DivergenceRule}. It prints
 * what each venue did and compares them.
 *
 * <p>What happened on the day (shared data README): BTC's 1-minute closes fell 11 % from 20:01 to
 * 21:20 UTC, and by 21:54 USDe had traded down to 0.65 on Binance's spot book, while it held 1.00 on
 * Uniswap. Binance valued unified-account collateral from its own book (MECHANISMS.md §5.4:
 * {@code Equity(asset) = amount × indexPrice × collateralRate}), so accounts margined in USDe lost a
 * third of their margin on one exchange's dislocation and were liquidated.
 *
 * <p>The venues, identical but for the rule:
 * <ul>
 *   <li>USDC settlement (6 decimals); USDE collateral (6 decimals) priced by an
 *       {@link AggregatedPriceSource}: the median of {@code usde-binance} and {@code usde-uniswap}
 *       (each stale after 5 minutes, one fresh source enough), a source more than 2 % from the
 *       median is "diverged" and the venue's {@link DivergenceRule} decides;
 *   <li>BTC-PERP on an {@link OrderBook}: 0.0001 BTC sizes on a 0.001 lot, 0.1 USDC prices and tick,
 *       10 % initial / 5 % maintenance; the index is Binance's BTCUSDT perpetual 1-minute closes
 *       ({@link PushedPriceSource}, stale after 2 minutes), used as the mark;
 *   <li>{@link CrossMargin} with {@link HaircutCollateral}: USDC 100 %, USDE at a 5 % haircut;
 *       2 bps maker / 5 bps taker fees; {@link FullCloseLiquidation} within 5 % of the mark.
 * </ul>
 *
 * <p>The people: a market maker with 10,000,000 USDC quoting 25 BTC each side 10 USDC around every
 * new BTC close, and 20 unified-account traders with 10,000 USDe each and nothing else, long BTC at
 * 2.0x to 9.0x (trader {@code i} at {@code 2 + 7·i/19}, rounded down to a tenth) bought from the
 * maker at the first BTC price. The leverage counts the deposit at par: 9.0x on 10,000 USDe is
 * 90,000 USDC of BTC.
 *
 * <p>The replay: every recorded price of the window (see {@link DepegData}) becomes a
 * {@link Command.PublishPrice}, merged in time order. At each BTC close the maker first moves its
 * quotes to the new price, then the index publishes it: the maker watches the same exchange the
 * index comes from, so liquidations triggered by the new index sell into fresh quotes rather than
 * stale ones. Every command must be accepted. Run with
 * {@code ./mvnw -q -pl sdk-examples -am verify -DskipTests -Pdepeg}, or call {@link #run}.
 */
public final class DepegReplay {
    /** The settlement asset. */
    public static final AssetSpec USDC = AssetSpec.of("USDC", 6);
    /** The collateral asset that depegged on one exchange. */
    public static final AssetSpec USDE = AssetSpec.of("USDE", 6);
    /** The market's id. */
    public static final MarketId BTC = MarketId.of("BTC-PERP");
    /** BTC-PERP: 0.0001 BTC size units on a 0.001 BTC lot, 0.1 USDC price units and tick, 10 % / 5 %. */
    public static final MarketSpec BTC_SPEC = MarketSpec.builder(BTC, USDC)
            .sizeDecimals(4).priceDecimals(1)
            .tickSize(1).lotSize(10)
            .minNotional(USDC.toUnits("10"))
            .riskTiers(List.of(RiskTier.flat(100_000, 50_000)))
            .build();

    /** USDE counts 95 % of its price as margin. */
    public static final long USDE_HAIRCUT_PPM = 50_000;
    /** A USDe source more than 2 % from the median is diverged. */
    public static final long DIVERGENCE_PPM = 20_000;
    /** A USDe source is stale after 5 minutes without a price (Binance's file has gaps of up to 9). */
    public static final long USDE_MAX_AGE_MS = 300_000;
    /** The BTC index is stale after 2 minutes (it publishes every minute). */
    public static final long BTC_MAX_AGE_MS = 120_000;
    /** Liquidation orders sell no worse than 5 % below the mark. */
    public static final long LIQUIDATION_BAND_PPM = 50_000;

    /** The market maker. */
    public static final AccountId MAKER = AccountId.main(1);
    /** The number of traders. */
    public static final int TRADERS = 20;
    /** What the maker deposits, USDC. */
    public static final String MAKER_USDC = "10000000";
    /** What each trader deposits, USDe. */
    public static final String TRADER_USDE = "10000";
    /** The maker's distance from the centre price on each side, USDC. */
    static final String QUOTE_OFFSET = "10";
    /** The maker's size on each side, BTC. */
    static final String QUOTE_SIZE = "25";

    private DepegReplay() {}

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
     * Reads the data under {@code dataDir}, replays it against one venue per {@link DivergenceRule},
     * in declaration order, and prints the tables and the conclusion to {@code out}.
     *
     * @throws IllegalStateException if a file is missing or a venue rejects a command
     */
    public static Result run(Path dataDir, PrintStream out) {
        DepegData data = DepegData.read(dataDir, BTC_SPEC.priceDecimals());
        List<Command.PublishPrice> prices = RecordedPrices.toCommands(data.merged(), 1);
        List<DepegOutcome> outcomes = new ArrayList<>();
        for (DivergenceRule rule : DivergenceRule.values()) {
            outcomes.add(new DepegRun(rule, newVenue(rule), prices).run());
        }
        DepegReport.print(data, outcomes, out);
        return new Result(data, outcomes);
    }

    /** A fresh venue as described in the class comment, pricing USDe by {@code rule}. */
    public static Venue newVenue(DivergenceRule rule) {
        return Venue.builder()
                .settlementAsset(USDC)
                .collateralAsset(USDE, usdePrice(rule))
                .market(BTC_SPEC, OrderBook::new, PushedPriceSource.of(DepegData.BTC_FEED, BTC_MAX_AGE_MS))
                .marginModel(CrossMargin.with(HaircutCollateral.builder(USDC).haircut(USDE.id(), USDE_HAIRCUT_PPM).build()))
                .feeSchedule(FlatFeeSchedule.of(200, 500))
                .liquidationPolicy(FullCloseLiquidation.withBand(LIQUIDATION_BAND_PPM))
                .build();
    }

    /**
     * USDe's price source: the median of the two feeds with a 2 % divergence limit handled by
     * {@code rule}. With two sources Chainlink's upper median is the higher price, so Binance at
     * 0.65 and Uniswap at 1.00 aggregate to 1.00 and Binance is the diverged one.
     */
    public static AggregatedPriceSource usdePrice(DivergenceRule rule) {
        return AggregatedPriceSource.builder("USDE")
                .source(DepegData.USDE_BINANCE, 1, USDE_MAX_AGE_MS)
                .source(DepegData.USDE_UNISWAP, 1, USDE_MAX_AGE_MS)
                .aggregator(PriceAggregator.median())
                .minFreshSources(1)
                .divergence(DIVERGENCE_PPM, rule)
                .build();
    }

    /** Trader {@code i}, 0 to 19. */
    public static AccountId trader(int i) {
        return AccountId.main(2 + i);
    }

    /** How {@code trader} is named in the output: T01 for trader 0, up to T20. */
    public static String traderName(AccountId trader) {
        return String.format("T%02d", trader.owner() - 1);
    }

    /** Trader {@code i}'s leverage in tenths: 20 (2.0x) for trader 0 up to 90 (9.0x) for trader 19. */
    public static long leverageTenths(int i) {
        return 20 + 70L * i / (TRADERS - 1);
    }

    /**
     * The BTC size, in size units, worth {@code leverageTenths / 10} times the trader's deposit at
     * {@code price}, rounded down to the lot. Example: 9.0x of 10,000 at 116,687.1 is 90,000 / 116,687.1
     * = 0.77129 BTC, so 0.771 BTC (7,710 units).
     */
    static long positionSize(long leverageTenths, long price) {
        long notional = Fixed.mulDiv(USDC.toUnits(TRADER_USDE), leverageTenths, 10, RoundingMode.FLOOR);
        long unitsPerSettlement = Fixed.pow10(BTC_SPEC.sizeDecimals() + BTC_SPEC.priceDecimals());
        long size = Fixed.mulDiv(notional, unitsPerSettlement, Fixed.multiply(price, Fixed.pow10(USDC.decimals())),
                RoundingMode.FLOOR);
        return size - size % BTC_SPEC.lotSize();
    }

    /**
     * What the replay leaves behind, for a test to examine.
     *
     * @param data the prices replayed
     * @param outcomes one per {@link DivergenceRule}, in declaration order
     */
    public record Result(DepegData data, List<DepegOutcome> outcomes) {
        public Result {
            outcomes = List.copyOf(outcomes);
        }

        /** The outcome of the venue that used {@code rule}. */
        public DepegOutcome outcome(DivergenceRule rule) {
            return outcomes.stream().filter(o -> o.rule() == rule).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no venue used " + rule));
        }
    }
}
