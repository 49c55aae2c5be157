package io.fulcrum.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.Command;
import io.fulcrum.api.CommandId;
import io.fulcrum.oracle.RecordedPrices.TimeFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedPricesTest {
    /** 2025-10-10T21:20:00Z. */
    private static final long T = 1_760_131_200_000L;

    /** The three ticks of prices/btc-eth.csv and .json at two price decimals. */
    private static final List<PriceTick> SAMPLE_AT_2_DECIMALS = List.of(
            new PriceTick(T, "BTC-USD", 10_151_650, 50),        // 101516.5 -> 10,151,650; 0.5 -> 50
            new PriceTick(T, "ETH-USD", 350_025, 0),            // 3500.25 -> 350,025; no confidence
            new PriceTick(T + 60_000, "BTC-USD", 10_200_000, 100)); // 102000 -> 10,200,000; 1 -> 100

    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(RecordedPricesTest.class.getResource("/prices/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    Path gzip(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    Path zip(String name, String entry, String content) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return file;
    }

    @Nested
    class OwnCsv {
        @Test
        void readsTicksAtTheGivenDecimalsSkippingBlankAndCommentLines() {
            assertEquals(SAMPLE_AT_2_DECIMALS, RecordedPrices.readCsv(resource("btc-eth.csv"), 2));
        }

        @Test
        void theConfidenceColumnIsOptional() throws IOException {
            Path file = write("p.csv", "time_ms,feed,price\n1000,BTC-USD,100.5\n");
            // 100.5 at one decimal = 1,005.
            assertEquals(List.of(new PriceTick(1_000, "BTC-USD", 1_005, 0)), RecordedPrices.readCsv(file, 1));
        }

        @Test
        void columnsAreFoundByNameInAnyOrder() throws IOException {
            Path file = write("p.csv", "price,confidence,feed,time_ms\n100.5,0.1,BTC-USD,1000\n");
            assertEquals(List.of(new PriceTick(1_000, "BTC-USD", 1_005, 1)), RecordedPrices.readCsv(file, 1));
        }

        @Test
        void trailingZerosBeyondTheDecimalsAreExact() throws IOException {
            Path file = write("p.csv", "time_ms,feed,price\n1000,BTC-USD,100.500\n");
            assertEquals(1_005, RecordedPrices.readCsv(file, 1).get(0).price());
        }

        @Test
        void aPriceWithMoreDecimalsThanTheScaleIsAnErrorNamingFileAndLine() throws IOException {
            Path file = write("p.csv", "time_ms,feed,price\n1000,BTC-USD,100.5\n2000,BTC-USD,100.55\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RecordedPrices.readCsv(file, 1));
            assertTrue(e.getMessage().startsWith(file + ":3: 100.55 has more than 1 decimals"), e.getMessage());
        }

        @Test
        void aNonPositivePriceIsAnErrorNamingTheLine() throws IOException {
            Path file = write("p.csv", "time_ms,feed,price\n1000,BTC-USD,0\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RecordedPrices.readCsv(file, 1));
            assertEquals(file + ":2: BTC-USD at 1000 ms: the price must be positive: 0", e.getMessage());
        }

        @Test
        void aRowWithTheWrongNumberOfFieldsIsAnErrorNamingTheLine() throws IOException {
            Path file = write("p.csv", "# sample\ntime_ms,feed,price\n1000,BTC-USD\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RecordedPrices.readCsv(file, 1));
            assertEquals(file + ":3: 2 fields where the header has 3", e.getMessage());
        }

        @Test
        void aTimeThatIsNotWholeMillisecondsIsAnError() throws IOException {
            Path file = write("p.csv", "time_ms,feed,price\n1000.5,BTC-USD,1\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RecordedPrices.readCsv(file, 1));
            assertEquals(file + ":2: time_ms is not a whole number of milliseconds: \"1000.5\"", e.getMessage());
        }

        @Test
        void anUnknownColumnIsAnErrorSoAMisspeltConfidenceIsNotReadAsZero() throws IOException {
            Path file = write("p.csv", "time_ms,feed,price,confidance\n1000,BTC-USD,1,0.1\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RecordedPrices.readCsv(file, 1));
            assertTrue(e.getMessage().startsWith(file + ":1: bad header: unknown column \"confidance\""),
                    e.getMessage());
        }

        @Test
        void aMissingPriceColumnIsAnError() throws IOException {
            Path file = write("p.csv", "time_ms,feed\n1000,BTC-USD\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RecordedPrices.readCsv(file, 1));
            assertEquals(file + ":1: bad header: no column \"price\" among [time_ms, feed]", e.getMessage());
        }

        @Test
        void aGzipFileIsReadTransparently() throws IOException {
            Path file = gzip("p.csv.gz", Files.readString(resource("btc-eth.csv")));
            assertEquals(SAMPLE_AT_2_DECIMALS, RecordedPrices.readCsv(file, 2));
        }

        @Test
        void aZipArchiveIsReadFromItsFirstEntry() throws IOException {
            Path file = zip("p.zip", "p.csv", Files.readString(resource("btc-eth.csv")));
            assertEquals(SAMPLE_AT_2_DECIMALS, RecordedPrices.readCsv(file, 2));
        }

        @Test
        void aMissingFileIsAnIoError() {
            assertThrows(UncheckedIOException.class, () -> RecordedPrices.readCsv(dir.resolve("absent.csv"), 2));
        }

        @Test
        void priceDecimalsOutsideZeroToEighteenAreRefused() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RecordedPrices.readCsv(resource("btc-eth.csv"), 19));
            assertEquals("priceDecimals must be between 0 and 18: 19", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> RecordedPrices.readCsv(resource("btc-eth.csv"), -1));
        }
    }

    @Nested
    class OwnJson {
        @Test
        void readsNumbersAndDecimalStringsExactly() {
            assertEquals(SAMPLE_AT_2_DECIMALS, RecordedPrices.readJson(resource("btc-eth.json"), 2));
        }

        @Test
        void aNumberBeyondDoublePrecisionKeepsEveryDigit() throws IOException {
            // 12345678901234567.8 needs 18 significant digits (a double has about 16): at one decimal
            // it is exactly 123,456,789,012,345,678.
            Path file = write("p.json", "[{\"time_ms\": 1000, \"feed\": \"X\", \"price\": 12345678901234567.8}]");
            assertEquals(123_456_789_012_345_678L, RecordedPrices.readJson(file, 1).get(0).price());
        }

        @Test
        void aTimeMayBeADecimalString() throws IOException {
            Path file = write("p.json", "[{\"time_ms\": \"1000\", \"feed\": \"X\", \"price\": 1}]");
            assertEquals(1_000, RecordedPrices.readJson(file, 0).get(0).time());
        }

        @Test
        void aPriceWithTooManyDecimalsIsAnErrorNamingElementAndLine() throws IOException {
            Path file = write("p.json", "[\n  {\"time_ms\": 1000, \"feed\": \"X\", \"price\": 1.5},\n"
                    + "  {\"time_ms\": 2000, \"feed\": \"X\", \"price\": \"1.55\"}\n]\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RecordedPrices.readJson(file, 1));
            assertTrue(e.getMessage().startsWith(file + ":3: element 1: \"price\": 1.55 has more than 1 decimals"),
                    e.getMessage());
        }

        @Test
        void aMissingPriceIsAnError() throws IOException {
            Path file = write("p.json", "[{\"time_ms\": 1000, \"feed\": \"X\"}]");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RecordedPrices.readJson(file, 1));
            assertEquals(file + ":1: element 0: missing \"price\"", e.getMessage());
        }

        @Test
        void anUnknownFieldIsAnError() throws IOException {
            Path file = write("p.json", "[{\"time_ms\": 1000, \"feed\": \"X\", \"price\": 1, \"conf\": 1}]");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RecordedPrices.readJson(file, 1));
            assertTrue(e.getMessage().startsWith(file + ":1: element 0: unknown field \"conf\""), e.getMessage());
        }

        @Test
        void aFractionalTimeIsAnError() throws IOException {
            Path file = write("p.json", "[{\"time_ms\": 1000.5, \"feed\": \"X\", \"price\": 1}]");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RecordedPrices.readJson(file, 1));
            assertEquals(file + ":1: element 0: \"time_ms\" is not a whole number of milliseconds: 1000.5",
                    e.getMessage());
        }

        @Test
        void aDocumentThatIsNotAnArrayIsAnError() throws IOException {
            Path file = write("p.json", "{\"time_ms\": 1000}");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RecordedPrices.readJson(file, 1));
            assertEquals(file + ":1: expected an array of price objects", e.getMessage());
        }

        @Test
        void malformedJsonIsAnErrorNamingTheFile() throws IOException {
            Path file = write("p.json", "[{\"time_ms\": 1000,\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RecordedPrices.readJson(file, 1));
            assertTrue(e.getMessage().startsWith(file + ": not valid JSON"), e.getMessage());
        }

        @Test
        void aGzipFileIsReadTransparently() throws IOException {
            Path file = gzip("p.json.gz", Files.readString(resource("btc-eth.json")));
            assertEquals(SAMPLE_AT_2_DECIMALS, RecordedPrices.readJson(file, 2));
        }
    }

    @Nested
    class ForeignColumns {
        private RecordedPrices.Columns klines() {
            return RecordedPrices.columns(resource("btcusdt-klines.csv")).feed("BTC-USD")
                    .timeColumn("open_time", TimeFormat.EPOCH_MILLIS).priceDecimals(2);
        }

        @Test
        void oneTickPerRowFromThePriceColumnShiftedByTheOffset() {
            // Closes 102200.00, 101900.00, 102500.00 at 2 decimals; each known when its minute ends.
            List<PriceTick> expected = List.of(
                    new PriceTick(T - 60_000 + 60_000, "BTC-USD", 10_220_000, 0),
                    new PriceTick(T + 60_000, "BTC-USD", 10_190_000, 0),
                    new PriceTick(T + 120_000, "BTC-USD", 10_250_000, 0));
            assertEquals(expected, klines().priceColumn("close").timeOffsetMs(60_000).read());
        }

        @Test
        void aConfidenceColumnIsReadAtThePriceDecimals() {
            // The volume column stands in for a confidence: 10.000, 20.000, 15.000 -> 1,000, 2,000, 1,500.
            List<PriceTick> ticks = klines().priceColumn("low").confidenceColumn("volume").read();
            assertEquals(List.of(1_000L, 2_000L, 1_500L), ticks.stream().map(PriceTick::confidence).toList());
        }

        @Test
        void anOhlcPathVisitsTheHighFirstInAFallingCandle() throws IOException {
            // The worked example of ohlcPath: open 100, high 104, low 95, close 97, 60 s from t = 0.
            Path file = write("c.csv", "t,o,h,l,c\n0,100,104,95,97\n");
            List<PriceTick> expected = List.of(new PriceTick(0, "X", 100, 0), new PriceTick(15_000, "X", 104, 0),
                    new PriceTick(30_000, "X", 95, 0), new PriceTick(45_000, "X", 97, 0));
            assertEquals(expected, RecordedPrices.columns(file).feed("X").timeColumn("t", TimeFormat.EPOCH_MILLIS)
                    .ohlcPath("o", "h", "l", "c", 60_000).priceDecimals(0).read());
        }

        @Test
        void anOhlcPathVisitsTheLowFirstInARisingCandle() throws IOException {
            // open 100, high 104, low 95, close 103: 100 @ 1,000; 95 @ 1,000 + 15,000; 104 @ 31,000; 103 @ 46,000.
            Path file = write("c.csv", "t,o,h,l,c\n1000,100,104,95,103\n");
            List<Long> prices = RecordedPrices.columns(file).feed("X").timeColumn("t", TimeFormat.EPOCH_MILLIS)
                    .ohlcPath("o", "h", "l", "c", 60_000).priceDecimals(0).read()
                    .stream().map(PriceTick::price).toList();
            assertEquals(List.of(100L, 95L, 104L, 103L), prices);
        }

        @Test
        void aFlatCandleIsWalkedLikeARisingOne() throws IOException {
            Path file = write("c.csv", "t,o,h,l,c\n0,100,104,95,100\n");
            List<Long> prices = RecordedPrices.columns(file).feed("X").timeColumn("t", TimeFormat.EPOCH_MILLIS)
                    .ohlcPath("o", "h", "l", "c", 60_000).priceDecimals(0).read()
                    .stream().map(PriceTick::price).toList();
            assertEquals(List.of(100L, 95L, 104L, 100L), prices);
        }

        @Test
        void anOhlcPathOfACandleNotDivisibleByFourRoundsTimesDown() throws IOException {
            // candle 10 ms: 10/4 = 2, 10/2 = 5, 3*10/4 = 7 (7.5 rounded down).
            Path file = write("c.csv", "t,o,h,l,c\n0,100,104,95,97\n");
            List<Long> times = RecordedPrices.columns(file).feed("X").timeColumn("t", TimeFormat.EPOCH_MILLIS)
                    .ohlcPath("o", "h", "l", "c", 10).priceDecimals(0).read()
                    .stream().map(PriceTick::time).toList();
            assertEquals(List.of(0L, 2L, 5L, 7L), times);
        }

        @Test
        void aRowThatIsNotACandleIsAnErrorNamingTheLine() throws IOException {
            // The high 99 is below the open 100.
            Path file = write("c.csv", "t,o,h,l,c\n0,100,99,95,97\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RecordedPrices.columns(file).feed("X").timeColumn("t", TimeFormat.EPOCH_MILLIS)
                            .ohlcPath("o", "h", "l", "c", 60_000).priceDecimals(0).read());
            assertTrue(e.getMessage().startsWith(file + ":2: not a candle"), e.getMessage());
        }

        @Test
        void aMissingColumnIsAnErrorListingTheColumnsThereAre() throws IOException {
            Path file = write("c.csv", "t,price\n0,1\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RecordedPrices.columns(file).feed("X").timeColumn("t", TimeFormat.EPOCH_MILLIS)
                            .priceColumn("close").priceDecimals(0).read());
            assertEquals(file + ": no column \"close\" among [t, price]", e.getMessage());
        }

        @Test
        void extraDecimalsAreAnErrorUnlessARoundingModeIsChosen() throws IOException {
            // A Uniswap-style token0Price: 0.99986954633103... at 4 decimals is 9,998.69...
            Path file = write("u.csv", "timestamp,token0Price\n1760112011,0.9998695463310310827803502531645124\n");
            RecordedPrices.Columns columns = RecordedPrices.columns(file).feed("USDE-USDT")
                    .timeColumn("timestamp", TimeFormat.EPOCH_SECONDS).priceColumn("token0Price").priceDecimals(4);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, columns::read);
            assertTrue(e.getMessage().startsWith(file + ":2: 0.9998695463310310827803502531645124 has more than 4"),
                    e.getMessage());
            assertEquals(9_998, columns.rounding(RoundingMode.FLOOR).read().get(0).price());
            assertEquals(9_999, columns.rounding(RoundingMode.CEILING).read().get(0).price());
        }

        @Test
        void epochSecondsBecomeMilliseconds() throws IOException {
            Path file = write("u.csv", "timestamp,p\n1760112011,1\n");
            assertEquals(1_760_112_011_000L, RecordedPrices.columns(file).feed("X")
                    .timeColumn("timestamp", TimeFormat.EPOCH_SECONDS).priceColumn("p").priceDecimals(0)
                    .read().get(0).time());
        }

        @Test
        void aHeaderlessZipIsReadByDeclaredColumnNames() throws IOException {
            // Binance kline rows without a header row, as older archives are.
            String rows = Files.readAllLines(resource("btcusdt-klines.csv")).stream().skip(1)
                    .reduce("", (a, line) -> a + line + "\n");
            Path file = zip("BTCUSDT-1m.zip", "BTCUSDT-1m.csv", rows);
            List<Long> lows = RecordedPrices.columns(file).feed("BTC-USD")
                    .headerless(RecordedPrices.BINANCE_KLINE_COLUMNS)
                    .timeColumn("open_time", TimeFormat.EPOCH_MILLIS).priceColumn("low").priceDecimals(2)
                    .read().stream().map(PriceTick::price).toList();
            // lows 102000.00, 101516.50, 101800.00
            assertEquals(List.of(10_200_000L, 10_151_650L, 10_180_000L), lows);
        }

        @Test
        void aHeaderlessReaderSkipsAFirstRowThatRepeatsTheDeclaredNames() {
            // The resource has Binance's header row; the headerless reader still gives three rows.
            List<PriceTick> ticks = RecordedPrices.columns(resource("btcusdt-klines.csv")).feed("BTC-USD")
                    .headerless(RecordedPrices.BINANCE_KLINE_COLUMNS)
                    .timeColumn("open_time", TimeFormat.EPOCH_MILLIS).priceColumn("low").priceDecimals(2).read();
            assertEquals(3, ticks.size());
        }

        @Test
        void aHeaderlessRowOfTheWrongWidthIsAnError() throws IOException {
            Path file = write("k.csv", "1760131200000,1,2\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RecordedPrices.columns(file).feed("X").headerless(List.of("t", "p"))
                            .timeColumn("t", TimeFormat.EPOCH_MILLIS).priceColumn("p").priceDecimals(0).read());
            assertEquals(file + ":1: 3 fields where the file has 2 columns [t, p]", e.getMessage());
        }

        @Test
        void readingWithoutPricesIsRefusedNamingTheMissingSetting() {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> RecordedPrices.columns(resource("btcusdt-klines.csv")).feed("X")
                            .timeColumn("open_time", TimeFormat.EPOCH_MILLIS).priceDecimals(2).read());
            assertTrue(e.getMessage().endsWith("no prices; call priceColumn(name) or ohlcPath(...)"), e.getMessage());
        }

        @Test
        void readingWithoutAFeedIsRefused() {
            assertThrows(IllegalStateException.class, () -> RecordedPrices.columns(resource("btcusdt-klines.csv"))
                    .timeColumn("open_time", TimeFormat.EPOCH_MILLIS).priceColumn("close").priceDecimals(2).read());
        }

        @Test
        void readingWithoutPriceDecimalsIsRefused() {
            assertThrows(IllegalStateException.class, () -> RecordedPrices.columns(resource("btcusdt-klines.csv"))
                    .feed("X").timeColumn("open_time", TimeFormat.EPOCH_MILLIS).priceColumn("close").read());
        }

        @Test
        void aPriceColumnAndAnOhlcPathExcludeEachOther() {
            RecordedPrices.Columns columns = RecordedPrices.columns(resource("btcusdt-klines.csv")).priceColumn("close");
            assertThrows(IllegalArgumentException.class,
                    () -> columns.ohlcPath("open", "high", "low", "close", 60_000));
        }

        @Test
        void aNonPositiveCandleLengthIsRefused() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RecordedPrices.columns(resource("btcusdt-klines.csv")).ohlcPath("o", "h", "l", "c", 0));
            assertEquals("the candle length must be positive: 0 ms", e.getMessage());
        }

        @Test
        void aBlankFeedIsRefused() {
            assertThrows(IllegalArgumentException.class,
                    () -> RecordedPrices.columns(resource("btcusdt-klines.csv")).feed(""));
        }

        @Test
        void repeatedHeaderlessNamesAreRefused() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RecordedPrices.columns(resource("btcusdt-klines.csv")).headerless(List.of("t", "p", "t")));
            assertEquals("headerless column names repeat: [t, p, t]", e.getMessage());
        }
    }

    @Nested
    class TimeFormats {
        @Test
        void isoInstantsWithZuluOrAnOffsetGiveTheSameMilliseconds() {
            // 1,760,131,200,000 ms = 2025-10-10T21:20:00Z = 23:20 at +02:00.
            assertEquals(T, TimeFormat.ISO_8601.toEpochMillis("2025-10-10T21:20:00.000Z"));
            assertEquals(T, TimeFormat.ISO_8601.toEpochMillis("2025-10-10T23:20:00+02:00"));
        }

        @Test
        void epochSecondsAreMultipliedByAThousand() {
            assertEquals(T, TimeFormat.EPOCH_SECONDS.toEpochMillis("1760131200"));
        }

        @Test
        void epochMillisAreReadAsTheyAre() {
            assertEquals(T, TimeFormat.EPOCH_MILLIS.toEpochMillis("1760131200000"));
        }

        @Test
        void anIsoTimeFinerThanAMillisecondIsRefused() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TimeFormat.ISO_8601.toEpochMillis("2025-10-10T21:20:00.0001Z"));
            assertEquals("not a time in ISO_8601: \"2025-10-10T21:20:00.0001Z\"", e.getMessage());
        }

        @Test
        void textInTheWrongFormatIsRefused() {
            assertThrows(IllegalArgumentException.class, () -> TimeFormat.EPOCH_SECONDS.toEpochMillis("2025-10-10"));
        }
    }

    @Nested
    class Merge {
        @Test
        void interleavesStreamsByTimeWithTheEarlierListFirstOnTies() {
            PriceTick a1 = new PriceTick(1, "A", 10, 0);
            PriceTick a3 = new PriceTick(3, "A", 11, 0);
            PriceTick b1 = new PriceTick(1, "B", 20, 0);
            PriceTick b2 = new PriceTick(2, "B", 21, 0);
            assertEquals(List.of(a1, b1, b2, a3), RecordedPrices.merge(List.of(List.of(a1, a3), List.of(b1, b2))));
            assertEquals(List.of(b1, a1, b2, a3), RecordedPrices.merge(List.of(List.of(b1, b2), List.of(a1, a3))));
        }

        @Test
        void keepsAListsOwnOrderForEqualTimes() {
            PriceTick first = new PriceTick(5, "A", 10, 0);
            PriceTick second = new PriceTick(5, "A", 11, 0);
            assertEquals(List.of(first, second), RecordedPrices.merge(List.of(List.of(first, second))));
        }

        @Test
        void isOrderedByTimeAndStableOverRandomStreams() {
            for (long seed = 1; seed <= 200; seed++) {
                Random random = new Random(seed);
                List<List<PriceTick>> streams = new ArrayList<>();
                int count = 1 + random.nextInt(4);
                for (int s = 0; s < count; s++) {
                    List<PriceTick> stream = new ArrayList<>();
                    long time = 0;
                    for (int i = random.nextInt(20); i > 0; i--) {
                        time += random.nextInt(3);   // many equal times
                        // The price encodes (stream, position) so the expected tie order can be checked.
                        stream.add(new PriceTick(time, "F" + s, 1 + s * 1_000L + stream.size(), 0));
                    }
                    streams.add(stream);
                }
                List<PriceTick> merged = RecordedPrices.merge(streams);
                assertEquals(streams.stream().mapToInt(List::size).sum(), merged.size(), "seed " + seed);
                for (int i = 1; i < merged.size(); i++) {
                    PriceTick before = merged.get(i - 1);
                    PriceTick after = merged.get(i);
                    assertTrue(before.time() <= after.time(), "seed " + seed + ": time order at " + i);
                    if (before.time() == after.time()) {
                        // Same time: (stream, position) must increase, i.e. the price does.
                        assertTrue(before.price() < after.price(), "seed " + seed + ": tie order at " + i);
                    }
                }
                List<PriceTick> sortedInput = new ArrayList<>();
                streams.forEach(sortedInput::addAll);
                sortedInput.sort(Comparator.comparingLong(PriceTick::time).thenComparingLong(PriceTick::price));
                assertEquals(sortedInput, merged, "seed " + seed);
            }
        }
    }

    @Nested
    class ToCommands {
        @Test
        void numbersTicksConsecutivelyFromTheFirstId() {
            List<Command.PublishPrice> commands = RecordedPrices.toCommands(SAMPLE_AT_2_DECIMALS, 100);
            assertEquals(List.of(
                    new Command.PublishPrice(CommandId.of(100), T, "BTC-USD", 10_151_650, 50),
                    new Command.PublishPrice(CommandId.of(101), T, "ETH-USD", 350_025, 0),
                    new Command.PublishPrice(CommandId.of(102), T + 60_000, "BTC-USD", 10_200_000, 100)), commands);
        }

        @Test
        void noTicksGiveNoCommands() {
            assertEquals(List.of(), RecordedPrices.toCommands(List.of(), 1));
        }

        @Test
        void aNonPositiveFirstIdIsRefused() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RecordedPrices.toCommands(SAMPLE_AT_2_DECIMALS, 0));
            assertEquals("the first command id must be positive: 0", e.getMessage());
        }

        @Test
        void idsThatWouldPassTheLargestLongAreRefused() {
            // Three ticks from MAX - 1 would need MAX - 1, MAX and MAX + 1.
            assertThrows(IllegalArgumentException.class,
                    () -> RecordedPrices.toCommands(SAMPLE_AT_2_DECIMALS, Long.MAX_VALUE - 1));
            assertEquals(Long.MAX_VALUE, RecordedPrices.toCommands(SAMPLE_AT_2_DECIMALS, Long.MAX_VALUE - 2)
                    .get(2).id().value());
        }
    }
}
