package io.fulcrum.examples;

import io.fulcrum.oracle.PriceTick;
import io.fulcrum.oracle.RecordedPrices;
import io.fulcrum.oracle.RecordedPrices.TimeFormat;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorded prices the {@link DepegReplay} replays: three real files of 10 October 2025 from the
 * project's shared data directory ({@code shared/data/README.md} beside the repository), read through
 * {@link RecordedPrices} and cut to the replay window, 20:00 to 24:00 UTC.
 *
 * <ul>
 *   <li>{@code usde-binance}: USDe/USDT on Binance spot, 1-minute candles; the minute's <b>low</b>,
 *       published when the minute ends. The low, not the close, because a venue that marks collateral
 *       to its own spot book reacts to every print in the minute: the 21:54 candle closed at 0.8304 but
 *       traded at 0.6500, the price the day is remembered by. The close would hide it.
 *   <li>{@code usde-uniswap}: USDe/USDT in the Uniswap v3 pool, {@code token0Price} every ~12 s,
 *       rounded half-even to 6 decimals (it is printed with 34). It stayed within 0.02 % of 1.00.
 *   <li>{@code BTC-USDT}: the Binance USDⓈ-M BTCUSDT perpetual, 1-minute <b>closes</b> at one price
 *       decimal, published when the minute ends, as the BTC-PERP index.
 * </ul>
 *
 * <p>A tick belongs to the window when its publication time lies in [20:00:00, 24:00:00]: the
 * Binance candles that open from 19:59 to 23:59. Example: the USDe candle opening at 21:54 becomes
 * {@code PriceTick(2025-10-10T21:55Z, "usde-binance", 650_000, 0)}.
 *
 * @param btc the BTC index ticks, in time order
 * @param usdeBinance the Binance USDe ticks, in time order
 * @param usdeUniswap the Uniswap USDe ticks, in time order
 */
public record DepegData(List<PriceTick> btc, List<PriceTick> usdeBinance, List<PriceTick> usdeUniswap) {
    /** The feed of the BTC index. */
    public static final String BTC_FEED = "BTC-USDT";
    /** The feed of USDe on Binance spot. */
    public static final String USDE_BINANCE = "usde-binance";
    /** The feed of USDe in the Uniswap pool. */
    public static final String USDE_UNISWAP = "usde-uniswap";

    /** 2025-10-10T20:00:00Z, the first instant of the replay. */
    public static final long WINDOW_START = 1_760_126_400_000L;
    /** 2025-10-11T00:00:00Z, the last instant of the replay (the 23:59 candles' close). */
    public static final long WINDOW_END = 1_760_140_800_000L;

    /** The USDe files, under the data directory. */
    public static final String USDE_DIR = "crash-2025-10-10/usde-depeg/";
    /** USDe/USDT on Binance, 1m candles 18:00 to 06:00 UTC. */
    public static final String USDE_BINANCE_FILE = USDE_DIR + "usde_minute_binance.20251010T1800Z-20251011T0600Z.csv";
    /** USDe/USDT on Uniswap v3, 16:00 to 02:00 UTC. */
    public static final String USDE_UNISWAP_FILE = USDE_DIR + "uniswap_usde.csv";
    /** BTCUSDT perpetual on Binance, 1m klines 20:00 to 23:59 UTC. */
    public static final String BTC_FILE =
            "crash-2025-10-10/binance-usdm-1m-excerpts/BTCUSDT-1m-2025-10.excerpt_20251010T2000Z-2359Z.csv";

    /** USDe prices are in USDC units per whole USDe: 6 decimals, 1.00 = 1,000,000. */
    public static final int USDE_PRICE_DECIMALS = 6;
    /** A minute candle's price is known when the minute ends. */
    private static final long MINUTE_MS = 60_000;

    public DepegData {
        btc = List.copyOf(btc);
        usdeBinance = List.copyOf(usdeBinance);
        usdeUniswap = List.copyOf(usdeUniswap);
    }

    /**
     * Reads the three files under {@code dataDir} (a {@code shared/data} directory) at the replay's
     * price scales: BTC at {@code btcPriceDecimals}, USDe at {@link #USDE_PRICE_DECIMALS}.
     *
     * @throws IllegalStateException naming the file, if one is missing
     */
    public static DepegData read(Path dataDir, int btcPriceDecimals) {
        List<PriceTick> btc = RecordedPrices.columns(file(dataDir, BTC_FILE)).feed(BTC_FEED)
                .timeColumn("open_time", TimeFormat.EPOCH_MILLIS).timeOffsetMs(MINUTE_MS)
                .priceColumn("close").priceDecimals(btcPriceDecimals)
                .read();
        List<PriceTick> binance = RecordedPrices.columns(file(dataDir, USDE_BINANCE_FILE)).feed(USDE_BINANCE)
                .timeColumn("time_utc", TimeFormat.ISO_8601).timeOffsetMs(MINUTE_MS)
                .priceColumn("low").priceDecimals(USDE_PRICE_DECIMALS)
                .read();
        List<PriceTick> uniswap = RecordedPrices.columns(file(dataDir, USDE_UNISWAP_FILE)).feed(USDE_UNISWAP)
                .timeColumn("timestamp", TimeFormat.EPOCH_SECONDS)
                .priceColumn("token0Price").priceDecimals(USDE_PRICE_DECIMALS).rounding(RoundingMode.HALF_EVEN)
                .read();
        return new DepegData(inWindow(btc), inWindow(binance), inWindow(uniswap));
    }

    /**
     * Every tick of the three feeds in one time-ordered stream. At equal times the USDe prices come
     * before the BTC close: a minute's low was traded at some moment inside the minute, the close at
     * its very end. Example: at 21:21 USDe's 21:20 low, 0.9000, is published while the index still
     * stands at the 21:19 close, 103,441.3, and then the 21:20 close, 104,311.2.
     */
    public List<PriceTick> merged() {
        return RecordedPrices.merge(List.of(usdeBinance, usdeUniswap, btc));
    }

    /**
     * The first {@code shared/data} directory in the working directory ({@code user.dir}) or one of
     * its parents; from {@code sdk-examples} that is {@code ../../shared/data}.
     *
     * @throws IllegalStateException naming every path tried, if there is none
     */
    public static Path findSharedData() {
        List<Path> tried = new ArrayList<>();
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(Path.of("shared", "data"));
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            tried.add(candidate);
        }
        throw new IllegalStateException("the shared market data is missing: it belongs in ../shared/data beside the"
                + " repository (see README.md there), or pass its path as the first argument; looked at " + tried);
    }

    /** The file at {@code relative} under {@code dataDir}. */
    static Path file(Path dataDir, String relative) {
        Path file = dataDir.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the shared data file " + file + " is missing (see "
                    + dataDir.resolve("README.md") + ")");
        }
        return file;
    }

    private static List<PriceTick> inWindow(List<PriceTick> ticks) {
        return ticks.stream().filter(t -> t.time() >= WINDOW_START && t.time() <= WINDOW_END).toList();
    }
}
