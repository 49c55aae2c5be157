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
 * The BTC crash of 10 October 2025, replayed against three venues whose traders are the pool's
 * counterparty, identical but for how BTC-PERP is matched and who stands behind it (one per
 * {@link PoolCrashDesign}), so that a student sees what each design costs in a crash
 * (MECHANISMS.md §3: GMX v2's price impact, position fees, pool value and ADL; §4: Avantis' fees,
 * loss rebate, liquidation at 85 % of collateral lost; and the Perpetual Protocol v1 virtual AMM
 * that {@code sdk-amm}'s {@code VirtualAmm} describes).
 *
 * <p>What happened on the day (shared data README): Binance's BTCUSDT perpetual closed the 20:00
 * minute at 116,677.1, fell to a 103,441.3 close at 21:19 (a 101,516.5 low in the 21:20 candle),
 * and closed the day at 112,714.9. About $19 billion of leveraged positions were liquidated across
 * venues that day, mostly longs.
 *
 * <p>The same in every venue:
 * <ul>
 *   <li>USDC settlement (6 decimals); BTC-PERP with 0.0001 BTC size units on a 0.001 BTC lot,
 *       0.1 USDC prices and tick, 2 % initial (50x) and 1 % maintenance margin (GMX's default
 *       minimum collateral factor, §3.4; the Avantis-like vault liquidates by its own §4 rule instead);
 *       the index is the minute closes of {@link PoolCrashData},
 *       stale after 2 minutes, used as the mark;
 *   <li>a liquidity provider adds {@link #LP_CAPITAL} USDC to the pool at 20:00
 *       ({@link Command.AddLiquidity});
 *   <li>the {@link #TRADERS}: twenty accounts with {@link #TRADER_USDC} USDC each, twelve long and
 *       eight short at 2x to 25x, opened at the first close in the table's order (longs and shorts
 *       alternate, so the pool's reserve is never strained); each chooses its leverage
 *       ({@link Command.SetLeverage}) and opens {@link #NOTIONAL_SHARE_PPM 90 %} of
 *       {@code leverage × deposit}, the rest left for fees and for the price to move against it
 *       while it trades; orders are immediate-or-cancel, limited {@link #SLIPPAGE_PPM 0.3 %} away
 *       from the index;
 *   <li>a {@link io.fulcrum.margin.FullCloseLiquidation} closing the whole position against the pool
 *       within {@link #LIQUIDATION_BAND_PPM 5 %} of the mark.
 * </ul>
 *
 * <p>Then every close is published in order ({@link Command.PublishPrice}); each price update marks
 * the positions, liquidates accounts below maintenance and, where the design has it, deleverages.
 * Every command must be accepted. Run with
 * {@code ./mvnw -B -q -pl sdk-examples -am verify -DskipTests -Ppools}, or call {@link #run}:
 * <pre>{@code
 * PoolCrashReplay.Result r = PoolCrashReplay.run(Path.of("../shared/data"), System.out);
 * long vammEdge = r.outcome(PoolCrashDesign.VIRTUAL_AMM).poolEdgeVersusIndex();
 * }</pre>
 */
public final class PoolCrashReplay {
    /** The settlement asset. */
    public static final AssetSpec USDC = CrashMarket.USDC;
    /** The market's id. */
    public static final MarketId BTC = CrashMarket.BTC;
    /** BTC-PERP: 0.0001 BTC size units on a 0.001 BTC lot, 0.1 USDC price units and tick, 2 % / 1 % (shared by both crash replays). */
    public static final MarketSpec BTC_SPEC = CrashMarket.BTC_SPEC;

    /** The BTC index is stale after 2 minutes (it publishes every minute). */
    public static final long BTC_MAX_AGE_MS = CrashMarket.BTC_MAX_AGE_MS;
    /** Liquidation orders trade no worse than 5 % from the mark. */
    public static final long LIQUIDATION_BAND_PPM = 50_000;
    /** Traders' opening orders are limited 0.3 % away from the index. */
    public static final long SLIPPAGE_PPM = 3_000;
    /** A trader opens 90 % of leverage × deposit. */
    public static final long NOTIONAL_SHARE_PPM = 900_000;

    /** The liquidity provider. */
    public static final AccountId LP = AccountId.main(1);
    /** The provider of an insurance tranche, where the design has one. */
    public static final AccountId INSURER = AccountId.main(2);
    /** The liquidity behind every pool, USDC (an insurance tranche is carved out of it, not added). */
    public static final String LP_CAPITAL = "1000000";
    /** What each trader deposits, USDC. */
    public static final String TRADER_USDC = "10000";

    /**
     * The traders, in the order they open: longs and shorts alternate up to 25x short, then the
     * remaining longs. Long notional 9,000 × (2+3+5+5+8+10+10+12+15+20+20+25 = 135) ≈ 1.215 M,
     * short 9,000 × (2+3+5+8+10+15+20+25 = 88) ≈ 0.792 M: the traders are net long about 0.42 M, as
     * the market was that evening.
     */
    public static final List<CrashTrader> TRADERS = List.of(
            new CrashTrader("T01", Side.BUY, 2), new CrashTrader("T02", Side.SELL, 2),
            new CrashTrader("T03", Side.BUY, 3), new CrashTrader("T04", Side.SELL, 3),
            new CrashTrader("T05", Side.BUY, 5), new CrashTrader("T06", Side.SELL, 5),
            new CrashTrader("T07", Side.BUY, 5), new CrashTrader("T08", Side.SELL, 8),
            new CrashTrader("T09", Side.BUY, 8), new CrashTrader("T10", Side.SELL, 10),
            new CrashTrader("T11", Side.BUY, 10), new CrashTrader("T12", Side.SELL, 15),
            new CrashTrader("T13", Side.BUY, 10), new CrashTrader("T14", Side.SELL, 20),
            new CrashTrader("T15", Side.BUY, 12), new CrashTrader("T16", Side.SELL, 25),
            new CrashTrader("T17", Side.BUY, 15), new CrashTrader("T18", Side.BUY, 20),
            new CrashTrader("T19", Side.BUY, 20), new CrashTrader("T20", Side.BUY, 25));

    private PoolCrashReplay() {}

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
     * {@link PoolCrashDesign}, in declaration order, and prints the comparison to {@code out}.
     *
     * @throws IllegalStateException if the file is missing or a venue refuses a command
     */
    public static Result run(Path dataDir, PrintStream out) {
        PoolCrashData data = PoolCrashData.read(dataDir, BTC_SPEC.priceDecimals());
        List<Command.PublishPrice> prices = data.commands(1);
        List<PoolCrashOutcome> outcomes = new ArrayList<>();
        for (PoolCrashDesign design : PoolCrashDesign.values()) {
            outcomes.add(new PoolCrashRun(design, design.newVenue(data.first().price()), prices).run());
        }
        PoolCrashReport.print(data, outcomes, out);
        return new Result(data, outcomes);
    }

    /** Trader {@code i} of {@link #TRADERS}, 0 to 19: accounts 10 to 29. */
    public static AccountId account(int i) {
        Objects.checkIndex(i, TRADERS.size());
        return AccountId.main(10 + i);
    }

    /**
     * The BTC size, in size units, worth {@link #NOTIONAL_SHARE_PPM 90 %} of {@code leverage} times
     * the deposit at {@code price}, rounded down to the lot. Example: 10x of 10,000 at 116,677.1 is
     * 90,000 / 116,677.1 = 0.77136 BTC, so 0.771 BTC (7,710 units).
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
     * What the replay leaves behind, for a test to examine. Example:
     * {@code result.outcome(PoolCrashDesign.AVANTIS_LIKE).lpPeriod().lpPnl()} is the Avantis-like
     * vault's liquidity providers' PnL over the window.
     *
     * @param data the prices replayed
     * @param outcomes one per {@link PoolCrashDesign}, in declaration order
     */
    public record Result(PoolCrashData data, List<PoolCrashOutcome> outcomes) {
        public Result {
            Objects.requireNonNull(data, "data");
            outcomes = List.copyOf(outcomes);
        }

        /** The outcome of the venue built as {@code design}. */
        public PoolCrashOutcome outcome(PoolCrashDesign design) {
            return outcomes.stream().filter(o -> o.design() == design).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no venue was built as " + design));
        }
    }
}
