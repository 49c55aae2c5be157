package io.fulcrum.oracle;

import io.fulcrum.api.Command;
import io.fulcrum.api.CommandId;
import io.fulcrum.oracle.internal.CsvColumnReader;
import io.fulcrum.oracle.internal.CsvColumnSpec;
import io.fulcrum.oracle.internal.CsvTickReader;
import io.fulcrum.oracle.internal.JsonTickReader;
import io.fulcrum.oracle.internal.RecordedDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Recorded prices replayed as price commands, so a simulation can run a venue through a real
 * market day (for example the 10 October 2025 crash in {@code ../shared/data}). Prices become exact
 * integer price units at a number of decimals the caller chooses: {@code "101516.5"} at two
 * decimals is 10,151,650. A value with more decimals than that is an error, never rounded silently.
 *
 * <h2>The project's own formats</h2>
 *
 * <p><b>CSV</b> ({@link #readCsv(Path, int)}): a header row naming the columns {@code time_ms},
 * {@code feed}, {@code price} and optionally {@code confidence}, in any order, then one tick per
 * row. {@code time_ms} is epoch milliseconds; {@code price} and {@code confidence} are decimal
 * numbers in the feed's quote currency (confidence is the half-width of the price's confidence
 * interval, Pyth style, MECHANISMS.md §8.2; an empty cell or a missing column means 0). Blank lines
 * and lines starting with {@code #} are skipped; fields are separated by commas and cannot be
 * quoted. Example, read at one price decimal:
 * <pre>
 * # BTC during the 10 October 2025 crash
 * time_ms,feed,price,confidence
 * 1760131200000,BTC-USD,101516.5,0.5
 * 1760131260000,BTC-USD,102000,
 * </pre>
 * gives {@code PriceTick(1760131200000, "BTC-USD", 1015165, 5)} and
 * {@code PriceTick(1760131260000, "BTC-USD", 1020000, 0)}.
 *
 * <p><b>JSON</b> ({@link #readJson(Path, int)}): an array of objects with the same fields;
 * {@code price} and {@code confidence} may be JSON numbers or decimal strings (both are read
 * exactly, as decimals, never through a double), {@code confidence} may be left out:
 * <pre>
 * [ {"time_ms": 1760131200000, "feed": "BTC-USD", "price": "101516.5", "confidence": "0.5"},
 *   {"time_ms": 1760131260000, "feed": "BTC-USD", "price": 102000} ]
 * </pre>
 *
 * <h2>Foreign files</h2>
 *
 * <p>Exchange and pool exports are read through {@link #columns(Path)}, choosing the time and price
 * columns by name; see {@link Columns}. Binance's 1-minute kline with open time
 * 1,760,131,200,000 and low 101516.50 becomes, with {@code .timeColumn("open_time",
 * EPOCH_MILLIS).priceColumn("low").priceDecimals(2)}, a tick of 10,151,650 at 1,760,131,200,000.
 *
 * <p>Every reader unpacks {@code .gz} (GZIP) files and {@code .zip} archives (their first file)
 * on the way, keeps the file's order, and fails with an {@link IllegalArgumentException} whose
 * message starts with {@code file:line} when the content is wrong (an
 * {@link java.io.UncheckedIOException} when the file cannot be read).
 *
 * <h2>Replaying</h2>
 *
 * <p>{@link #merge(List)} interleaves several feeds into one time-ordered stream and
 * {@link #toCommands(List, long)} numbers the ticks as {@link Command.PublishPrice} commands.
 * {@link DeviationHeartbeatPublisher} thins a recorded off-chain stream to the rounds a Chainlink
 * feed would have written on chain.
 */
public final class RecordedPrices {
    /**
     * The columns of Binance's public kline files ({@code data.binance.vision}), for
     * {@link Columns#headerless(List)}: older archives have no header row.
     */
    public static final List<String> BINANCE_KLINE_COLUMNS = List.of("open_time", "open", "high", "low", "close",
            "volume", "close_time", "quote_volume", "count", "taker_buy_volume", "taker_buy_quote_volume", "ignore");

    private RecordedPrices() {
    }

    /**
     * Reads a CSV file in the project's own format (see the class description).
     *
     * @param priceDecimals decimals of the price units, 0 to 18: at 2, "101516.5" is 10,151,650
     */
    public static List<PriceTick> readCsv(Path file, int priceDecimals) {
        Objects.requireNonNull(file, "file");
        RecordedDecimal.checkDecimals("priceDecimals", priceDecimals);
        return CsvTickReader.read(file, priceDecimals, PriceTick::new);
    }

    /**
     * Reads a JSON file in the project's own format (see the class description).
     *
     * @param priceDecimals decimals of the price units, 0 to 18
     */
    public static List<PriceTick> readJson(Path file, int priceDecimals) {
        Objects.requireNonNull(file, "file");
        RecordedDecimal.checkDecimals("priceDecimals", priceDecimals);
        return JsonTickReader.read(file, priceDecimals, PriceTick::new);
    }

    /** Starts describing which columns of a foreign CSV {@code file} hold the prices. */
    public static Columns columns(Path file) {
        return new Columns(Objects.requireNonNull(file, "file"));
    }

    /**
     * One time-ordered stream of the ticks of all {@code streams}. Ticks with equal times keep their
     * order: those of an earlier list first, and within a list the list's order. Example: [A@1, A@3]
     * and [B@1, B@2] merge to [A@1, B@1, B@2, A@3]. The lists need not be sorted themselves.
     */
    public static List<PriceTick> merge(List<List<PriceTick>> streams) {
        Objects.requireNonNull(streams, "streams");
        List<PriceTick> all = new ArrayList<>();
        for (List<PriceTick> stream : streams) {
            all.addAll(Objects.requireNonNull(stream, "a stream"));
        }
        all.sort(Comparator.comparingLong(PriceTick::time));   // List.sort is stable
        return List.copyOf(all);
    }

    /**
     * The ticks as publish-price commands, in list order, with consecutive ids from
     * {@code firstCommandId}: three ticks from id 100 become commands 100, 101 and 102.
     *
     * @param firstCommandId positive; the last id must not pass {@link Long#MAX_VALUE}
     */
    public static List<Command.PublishPrice> toCommands(List<PriceTick> ticks, long firstCommandId) {
        Objects.requireNonNull(ticks, "ticks");
        if (firstCommandId <= 0) {
            throw new IllegalArgumentException("the first command id must be positive: " + firstCommandId);
        }
        if (!ticks.isEmpty() && firstCommandId > Long.MAX_VALUE - (ticks.size() - 1)) {
            throw new IllegalArgumentException("command ids from " + firstCommandId + " for " + ticks.size()
                    + " ticks pass " + Long.MAX_VALUE);
        }
        List<Command.PublishPrice> commands = new ArrayList<>(ticks.size());
        long id = firstCommandId;
        for (PriceTick tick : ticks) {
            commands.add(tick.toCommand(CommandId.of(id++)));
        }
        return List.copyOf(commands);
    }

    /** How a time column is written. */
    public enum TimeFormat {
        /** Whole epoch milliseconds, e.g. {@code 1760131200000} (Binance {@code open_time}). */
        EPOCH_MILLIS,
        /** Whole epoch seconds, e.g. {@code 1760131200} (Uniswap subgraph {@code timestamp}). */
        EPOCH_SECONDS,
        /**
         * An ISO-8601 instant with an offset, e.g. {@code 2025-10-10T21:20:00.000Z} or
         * {@code 2025-10-10T23:20:00+02:00}; a fraction finer than a millisecond is an error.
         */
        ISO_8601;

        /**
         * {@code text} in this format as epoch milliseconds: {@code EPOCH_SECONDS} reads
         * "1760131200" as 1,760,131,200,000.
         *
         * @throws IllegalArgumentException naming the text, if it is not in this format
         */
        public long toEpochMillis(String text) {
            Objects.requireNonNull(text, "text");
            try {
                return switch (this) {
                    case EPOCH_MILLIS -> Long.parseLong(text.strip());
                    case EPOCH_SECONDS -> Math.multiplyExact(Long.parseLong(text.strip()), 1_000L);
                    case ISO_8601 -> isoMillis(text.strip());
                };
            } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
                throw new IllegalArgumentException("not a time in " + this + ": \"" + text + "\"", e);
            }
        }

        private static long isoMillis(String text) {
            Instant instant = Instant.parse(text);
            if (instant.getNano() % 1_000_000 != 0) {
                throw new DateTimeException("finer than a millisecond");
            }
            return instant.toEpochMilli();
        }
    }

    /**
     * Which columns of a foreign CSV hold a feed's prices. Columns are found by the names in the
     * file's header row, or, for files without one, by the names given to {@link #headerless(List)}.
     * Blank lines and {@code #} lines are skipped; every other row must have as many fields as there
     * are columns.
     *
     * <p>Either one price per row ({@link #priceColumn(String)}) or a four-tick path through each
     * candle ({@link #ohlcPath(String, String, String, String, long)}). Example: the closes of a
     * Binance 1-minute kline file, each known when its minute ends:
     * <pre>
     * RecordedPrices.columns(file).feed("BTC-USD")
     *         .timeColumn("open_time", TimeFormat.EPOCH_MILLIS).timeOffsetMs(60_000)
     *         .priceColumn("close").priceDecimals(2)
     *         .read();
     * </pre>
     * A builder is not thread-safe; {@link #read()} may be called again to read the file again.
     */
    public static final class Columns {
        private final Path file;
        private String feed;
        private String timeColumn;
        private TimeFormat timeFormat;
        private long timeOffsetMs;
        private String priceColumn;
        private List<String> ohlcColumns;
        private long candleMs;
        private String confidenceColumn;
        private int priceDecimals = -1;
        private RoundingMode rounding = RoundingMode.UNNECESSARY;
        private List<String> headerlessColumns;

        private Columns(Path file) {
            this.file = file;
        }

        /** The feed every tick belongs to, e.g. "BTC-USD"; required. */
        public Columns feed(String feed) {
            Objects.requireNonNull(feed, "feed");
            if (feed.isBlank()) {
                throw new IllegalArgumentException("the feed name must not be blank");
            }
            this.feed = feed;
            return this;
        }

        /** The column holding each row's time, written as {@code format}; required. */
        public Columns timeColumn(String name, TimeFormat format) {
            this.timeColumn = columnName("the time column", name);
            this.timeFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * Added to every row's time: a 1-minute kline stamped with its open time has its close known
         * only at {@code open_time + 60_000}, so replaying closes uses an offset of 60,000. May be
         * negative. Default 0.
         */
        public Columns timeOffsetMs(long offsetMs) {
            this.timeOffsetMs = offsetMs;
            return this;
        }

        /** One tick per row, priced from column {@code name}. Use this or {@link #ohlcPath}. */
        public Columns priceColumn(String name) {
            if (ohlcColumns != null) {
                throw new IllegalArgumentException("the price column \"" + name
                        + "\" and an OHLC path exclude each other; the OHLC path is " + ohlcColumns);
            }
            this.priceColumn = columnName("the price column", name);
            return this;
        }

        /**
         * Four ticks per candle, a simulation assumption about the path the price took inside it,
         * since a candle does not record the order of its extremes. With {@code t} the row's time
         * (after {@link #timeOffsetMs}): the open at {@code t}; then, for a falling candle
         * (close below open) the high at {@code t + candleMs/4} and the low at {@code t + candleMs/2},
         * for a rising or flat one the low first and the high second; the close at
         * {@code t + 3*candleMs/4} (divisions round down). The path visits the extreme nearer the open
         * first, which is the usual backtesting convention, and all four ticks stay inside the
         * candle, so leave the offset at 0 for rows stamped with their open time.
         *
         * <p>Example: a 60,000 ms candle at t = 0 with open 100, high 104, low 95, close 97 (falling)
         * gives 100 at 0, 104 at 15,000, 95 at 30,000 and 97 at 45,000.
         *
         * @param candleMs a candle's length, positive
         */
        public Columns ohlcPath(String open, String high, String low, String close, long candleMs) {
            if (priceColumn != null) {
                throw new IllegalArgumentException("an OHLC path and the price column \"" + priceColumn
                        + "\" exclude each other");
            }
            if (candleMs <= 0) {
                throw new IllegalArgumentException("the candle length must be positive: " + candleMs + " ms");
            }
            this.ohlcColumns = List.of(columnName("the open column", open), columnName("the high column", high),
                    columnName("the low column", low), columnName("the close column", close));
            this.candleMs = candleMs;
            return this;
        }

        /** Each tick's confidence from column {@code name}, at the price decimals. Default: 0. */
        public Columns confidenceColumn(String name) {
            this.confidenceColumn = columnName("the confidence column", name);
            return this;
        }

        /** Decimals of the price units, 0 to 18; required. */
        public Columns priceDecimals(int decimals) {
            this.priceDecimals = RecordedDecimal.checkDecimals("priceDecimals", decimals);
            return this;
        }

        /**
         * Allows rounding prices that have more decimals than {@link #priceDecimals}, as
         * {@code mode} says. Without this such a price is an error; choose it for sources that
         * print long fractions, such as Uniswap's {@code token0Price} (34 decimals), and prefer
         * {@link RoundingMode#FLOOR} or {@link RoundingMode#CEILING} when a bound must hold.
         */
        public Columns rounding(RoundingMode mode) {
            this.rounding = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Declares that the file has no header row and names its columns in order, so the other
         * settings can still refer to columns by name. If the first row repeats exactly these names
         * it is taken as a header after all and skipped, so one reader serves archives with and
         * without a header (Binance's kline archives vary). Example:
         * {@code .headerless(RecordedPrices.BINANCE_KLINE_COLUMNS)}.
         */
        public Columns headerless(List<String> columnNames) {
            Objects.requireNonNull(columnNames, "columnNames");
            if (columnNames.isEmpty()) {
                throw new IllegalArgumentException("a headerless file needs at least one column name");
            }
            for (String name : columnNames) {
                columnName("a headerless column name", name);
            }
            if (columnNames.stream().distinct().count() != columnNames.size()) {
                throw new IllegalArgumentException("headerless column names repeat: " + columnNames);
            }
            this.headerlessColumns = List.copyOf(columnNames);
            return this;
        }

        /**
         * Reads the file.
         *
         * @return the ticks, in file order (four per row with an OHLC path)
         * @throws IllegalStateException    if a required setting is missing
         * @throws IllegalArgumentException starting with {@code file:line}, if the content is wrong
         */
        public List<PriceTick> read() {
            if (feed == null) {
                throw new IllegalStateException(file + ": no feed; call feed(name)");
            }
            if (timeColumn == null) {
                throw new IllegalStateException(file + ": no time column; call timeColumn(name, format)");
            }
            if (priceColumn == null && ohlcColumns == null) {
                throw new IllegalStateException(file + ": no prices; call priceColumn(name) or ohlcPath(...)");
            }
            if (priceDecimals < 0) {
                throw new IllegalStateException(file + ": no price decimals; call priceDecimals(decimals)");
            }
            TimeFormat format = timeFormat;
            return CsvColumnReader.read(new CsvColumnSpec(file, feed, timeColumn, format::toEpochMillis,
                    timeOffsetMs, priceColumn, ohlcColumns, candleMs, confidenceColumn, priceDecimals, rounding,
                    headerlessColumns), PriceTick::new);
        }

        private static String columnName(String what, String name) {
            Objects.requireNonNull(name, what);
            if (name.isBlank()) {
                throw new IllegalArgumentException(what + " must have a name");
            }
            return name.strip();
        }
    }
}
