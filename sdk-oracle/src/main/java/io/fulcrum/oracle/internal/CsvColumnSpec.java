package io.fulcrum.oracle.internal;

import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * What to read from a foreign price CSV, as {@code RecordedPrices.columns(Path)} collected it; the
 * values are already validated.
 *
 * @param file              the file
 * @param feed              feed name for every tick
 * @param timeColumn        column holding each row's time
 * @param timeParser        text of the time column to epoch milliseconds
 * @param timeOffsetMs      added to every row's time
 * @param priceColumn       the one price column, or {@code null} when {@code ohlcColumns} is set
 * @param ohlcColumns       open, high, low, close columns, or {@code null} when {@code priceColumn} is set
 * @param candleMs          a candle's length when reading {@code ohlcColumns}
 * @param confidenceColumn  column of confidences, or {@code null} for zero
 * @param priceDecimals     decimals of the price units
 * @param rounding          {@link RoundingMode#UNNECESSARY} unless the user chose to round
 * @param headerlessColumns the columns' names when the file has no header row, else {@code null}
 */
public record CsvColumnSpec(Path file, String feed, String timeColumn, ToLongFunction<String> timeParser,
        long timeOffsetMs, String priceColumn, List<String> ohlcColumns, long candleMs, String confidenceColumn,
        int priceDecimals, RoundingMode rounding, List<String> headerlessColumns) {
}
