package io.fulcrum.oracle.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads the project's own price CSV, {@code time_ms,feed,price[,confidence]} (the format is
 * documented on {@code RecordedPrices}). Columns are found by name; any other column is an error,
 * so that a misspelt {@code confidence} column is not silently read as zero.
 */
public final class CsvTickReader {
    public static final String TIME = "time_ms";
    public static final String FEED = "feed";
    public static final String PRICE = "price";
    public static final String CONFIDENCE = "confidence";
    private static final Set<String> KNOWN = Set.of(TIME, FEED, PRICE, CONFIDENCE);

    private CsvTickReader() {
    }

    /** The ticks of {@code file}, in file order, with prices at {@code priceDecimals} decimals. */
    public static <T> List<T> read(Path file, int priceDecimals, TickFactory<T> factory) {
        List<T> ticks = new ArrayList<>();
        try (CsvLines lines = CsvLines.open(file)) {
            String[] first = lines.next();
            if (first == null) {
                throw new IllegalArgumentException(file + ": empty; expected the header " + TIME + "," + FEED + ","
                        + PRICE + "[," + CONFIDENCE + "]");
            }
            CsvHeader header = header(lines, first);
            int time = header.indexOf(TIME);
            int feed = header.indexOf(FEED);
            int price = header.indexOf(PRICE);
            int confidence = header.has(CONFIDENCE) ? header.indexOf(CONFIDENCE) : -1;
            for (String[] row = lines.next(); row != null; row = lines.next()) {
                if (row.length != header.width()) {
                    throw lines.error(row.length + " fields where the header has " + header.width(), null);
                }
                try {
                    long confidenceUnits = confidence < 0 || row[confidence].isEmpty()
                            ? 0 : RecordedDecimal.toUnits(row[confidence], priceDecimals, RoundingMode.UNNECESSARY);
                    ticks.add(factory.tick(parseTime(row[time]), row[feed],
                            RecordedDecimal.toUnits(row[price], priceDecimals, RoundingMode.UNNECESSARY),
                            confidenceUnits));
                } catch (IllegalArgumentException e) {
                    throw lines.error(e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        return List.copyOf(ticks);
    }

    private static CsvHeader header(CsvLines lines, String[] names) {
        CsvHeader header;
        try {
            header = new CsvHeader(Arrays.asList(names));
            for (String name : names) {
                if (!KNOWN.contains(name)) {
                    throw new IllegalArgumentException("unknown column \"" + name + "\"; the columns are " + TIME
                            + ", " + FEED + ", " + PRICE + " and optionally " + CONFIDENCE);
                }
            }
            header.indexOf(TIME);
            header.indexOf(FEED);
            header.indexOf(PRICE);
        } catch (IllegalArgumentException e) {
            throw lines.error("bad header: " + e.getMessage(), e);
        }
        return header;
    }

    private static long parseTime(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TIME + " is not a whole number of milliseconds: \"" + text + "\"", e);
        }
    }
}
