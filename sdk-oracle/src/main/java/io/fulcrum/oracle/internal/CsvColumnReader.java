package io.fulcrum.oracle.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads price ticks from chosen columns of a foreign CSV (exchange klines, pool samples), as
 * described by a {@link CsvColumnSpec}: one tick per row from a price column, or four ticks per row
 * from a candle's open, high, low and close (the path is documented on
 * {@code RecordedPrices.Columns.ohlcPath}).
 */
public final class CsvColumnReader {
    private CsvColumnReader() {
    }

    /** The ticks, in file order. */
    public static <T> List<T> read(CsvColumnSpec spec, TickFactory<T> factory) {
        Path file = spec.file();
        List<T> ticks = new ArrayList<>();
        try (CsvLines lines = CsvLines.open(file)) {
            String[] row = lines.next();
            if (row == null) {
                throw new IllegalArgumentException(file + ": no rows");
            }
            CsvHeader header;
            if (spec.headerlessColumns() != null) {
                header = new CsvHeader(spec.headerlessColumns());
                // Binance archives come with and without a header row: a first row that repeats the
                // declared names is a header, anything else is data.
                if (Arrays.asList(row).equals(spec.headerlessColumns())) {
                    row = lines.next();
                }
            } else {
                header = headerOf(lines, row);
                row = lines.next();
            }
            Columns columns = resolve(lines, header, spec);
            for (; row != null; row = lines.next()) {
                if (row.length != header.width()) {
                    throw lines.error(row.length + " fields where the file has " + header.width() + " columns "
                            + header.names(), null);
                }
                try {
                    addRow(ticks, factory, spec, columns, row);
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw lines.error(e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        return List.copyOf(ticks);
    }

    /** Column positions; {@code price} is -1 in OHLC mode, {@code open} etc. -1 otherwise. */
    private record Columns(int time, int price, int open, int high, int low, int close, int confidence) {
    }

    private static CsvHeader headerOf(CsvLines lines, String[] names) {
        try {
            return new CsvHeader(Arrays.asList(names));
        } catch (IllegalArgumentException e) {
            throw lines.error("bad header: " + e.getMessage(), e);
        }
    }

    private static Columns resolve(CsvLines lines, CsvHeader header, CsvColumnSpec spec) {
        try {
            int time = header.indexOf(spec.timeColumn());
            int confidence = spec.confidenceColumn() == null ? -1 : header.indexOf(spec.confidenceColumn());
            if (spec.priceColumn() != null) {
                return new Columns(time, header.indexOf(spec.priceColumn()), -1, -1, -1, -1, confidence);
            }
            List<String> ohlc = spec.ohlcColumns();
            return new Columns(time, -1, header.indexOf(ohlc.get(0)), header.indexOf(ohlc.get(1)),
                    header.indexOf(ohlc.get(2)), header.indexOf(ohlc.get(3)), confidence);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(spec.file() + ": " + e.getMessage(), e);
        }
    }

    private static <T> void addRow(List<T> ticks, TickFactory<T> factory, CsvColumnSpec spec, Columns columns, String[] row) {
        long time = Math.addExact(spec.timeParser().applyAsLong(row[columns.time()]), spec.timeOffsetMs());
        long confidence = columns.confidence() < 0 ? 0 : units(spec, row[columns.confidence()]);
        if (columns.price() >= 0) {
            ticks.add(factory.tick(time, spec.feed(), units(spec, row[columns.price()]), confidence));
            return;
        }
        long open = units(spec, row[columns.open()]);
        long high = units(spec, row[columns.high()]);
        long low = units(spec, row[columns.low()]);
        long close = units(spec, row[columns.close()]);
        if (low > Math.min(open, close) || high < Math.max(open, close)) {
            throw new IllegalArgumentException("not a candle: open " + open + ", high " + high + ", low " + low
                    + ", close " + close + " (the low must be at most, the high at least, the open and the close)");
        }
        long candle = spec.candleMs();
        // 3 * candle / 4 without overflowing for any positive candle length.
        long threeQuarters = 3 * (candle / 4) + (candle % 4) * 3 / 4;
        boolean falling = close < open;
        ticks.add(factory.tick(time, spec.feed(), open, confidence));
        ticks.add(factory.tick(Math.addExact(time, candle / 4), spec.feed(), falling ? high : low, confidence));
        ticks.add(factory.tick(Math.addExact(time, candle / 2), spec.feed(), falling ? low : high, confidence));
        ticks.add(factory.tick(Math.addExact(time, threeQuarters), spec.feed(), close, confidence));
    }

    private static long units(CsvColumnSpec spec, String text) {
        return RecordedDecimal.toUnits(text, spec.priceDecimals(), spec.rounding());
    }
}
