package io.fulcrum.examples;

import io.fulcrum.api.Command;
import io.fulcrum.oracle.PriceTick;
import io.fulcrum.oracle.RecordedPrices;
import io.fulcrum.oracle.RecordedPrices.TimeFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The BTC prices the {@link PoolCrashReplay} replays: Binance's USDⓈ-M BTCUSDT perpetual, 1-minute
 * klines of 10 October 2025 from 20:00 to 23:59 UTC (the project's shared data directory,
 * {@code shared/data/crash-2025-10-10/binance-usdm-1m-excerpts/}), read through
 * {@link RecordedPrices} at the market's price decimals: the oracle index every pool of the replay
 * trades at or marks to (MECHANISMS.md §3.1, §4).
 *
 * <ul>
 *   <li>{@link #closes()}: each minute's <b>close</b>, stamped when the minute ends, which is when
 *       an oracle could have published it. These are the index the venues see.
 *   <li>{@link #lows()}: each minute's <b>low</b>, stamped the same way, only to show what the
 *       closes leave out: the lowest trade of the day, 101,516.5 in the 21:20 candle, lies 1.9 %
 *       under the lowest close, 103,441.3 (the 21:19 candle).
 * </ul>
 *
 * <p>Example: the candle opening at 21:19 becomes the close tick {@code PriceTick(21:20, "BTC-USDT",
 * 1_034_413, 0)} at one price decimal. The recorded closes carry no confidence interval, so an
 * oracle pool that prices from one (GMX's min and max prices) trades at the close itself.
 *
 * @param closes the minute closes published in the window, in time order
 * @param lows the minute lows, stamped like the closes, in time order
 */
public record PoolCrashData(List<PriceTick> closes, List<PriceTick> lows) {
    /** The feed of the BTC index. */
    public static final String BTC_FEED = "BTC-USDT";
    /** BTCUSDT perpetual on Binance, 1m klines 20:00 to 23:59 UTC, under the data directory. */
    public static final String BTC_FILE =
            "crash-2025-10-10/binance-usdm-1m-excerpts/BTCUSDT-1m-2025-10.excerpt_20251010T2000Z-2359Z.csv";
    /** 2025-10-10T20:00:00Z, the first instant of the replay. */
    public static final long WINDOW_START = 1_760_126_400_000L;
    /** 2025-10-11T00:00:00Z, the last instant of the replay (the 23:59 candle's close). */
    public static final long WINDOW_END = 1_760_140_800_000L;
    /** A minute candle's price is known when the minute ends. */
    public static final long MINUTE_MS = 60_000;

    public PoolCrashData {
        closes = List.copyOf(closes);
        lows = List.copyOf(lows);
        if (closes.isEmpty()) {
            throw new IllegalArgumentException("no BTC close in the window");
        }
    }

    /**
     * Reads the BTC file under {@code dataDir} (a {@code shared/data} directory) at
     * {@code priceDecimals}, keeping the minutes published in [20:00, 24:00] UTC.
     *
     * @throws IllegalStateException naming the file, if it is missing
     */
    public static PoolCrashData read(Path dataDir, int priceDecimals) {
        Path file = dataDir.resolve(BTC_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the shared data file " + file + " is missing (see "
                    + dataDir.resolve("README.md") + ")");
        }
        return new PoolCrashData(inWindow(column(file, "close", priceDecimals)),
                inWindow(column(file, "low", priceDecimals)));
    }

    /** The first close: the price every trader opens at. */
    public PriceTick first() {
        return closes.get(0);
    }

    /** The last close: the price the window ends at. */
    public PriceTick last() {
        return closes.get(closes.size() - 1);
    }

    /** The lowest close, the earliest if several share it. */
    public PriceTick lowestClose() {
        return lowest(closes);
    }

    /** The lowest low, the earliest if several share it. */
    public PriceTick lowestLow() {
        return lowest(lows);
    }

    /**
     * The closes as price commands numbered from {@code firstCommandId}. Example: with 1, the
     * 20:00 candle's close 116,677.1 is command 1, published at 20:01.
     */
    public List<Command.PublishPrice> commands(long firstCommandId) {
        return RecordedPrices.toCommands(closes, firstCommandId);
    }

    private static List<PriceTick> column(Path file, String name, int priceDecimals) {
        return RecordedPrices.columns(file).feed(BTC_FEED)
                .timeColumn("open_time", TimeFormat.EPOCH_MILLIS).timeOffsetMs(MINUTE_MS)
                .priceColumn(name).priceDecimals(priceDecimals)
                .read();
    }

    private static List<PriceTick> inWindow(List<PriceTick> ticks) {
        return ticks.stream().filter(t -> t.time() >= WINDOW_START && t.time() <= WINDOW_END).toList();
    }

    private static PriceTick lowest(List<PriceTick> ticks) {
        return ticks.stream().min(Comparator.comparingLong(PriceTick::price)).orElseThrow();
    }
}
