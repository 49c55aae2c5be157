package io.fulcrum.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the shared synthetic flow {@value #FILE_NAME} (described by FLOW.md beside it) into an
 * {@link OrderFlow}: 4,000 prefill rows, then 2,000,000 benchmark rows.
 *
 * <p>Columns {@code seq,phase,type,side,orderId,uid,price,size}; {@code phase} is {@code P} or
 * {@code B}, {@code side} {@code B} or {@code S}. Example row: {@code 4005,B,GTC,S,4001,955,100411,3}
 * places sell order 4001 of owner 955, 3 lots at 100,411.
 */
public final class SyntheticFlow {
    /** The file's name in {@code ../shared/data/orderflow/}. */
    public static final String FILE_NAME = "synthetic-flow-seed20240601-2M.csv.gz";
    /** The header line the reader accepts. */
    static final String HEADER = "seq,phase,type,side,orderId,uid,price,size";

    /**
     * What FLOW.md states a correct price-time-priority book produces over the benchmark phase:
     * 724,158 trades, 2,204,204 lots, and a final book of 1,714 bids (9,318 lots) and 1,724 asks
     * (9,303 lots).
     */
    public static final OrderFlow.Expected EXPECTED = new OrderFlow.Expected(724_158, 2_204_204, 1_714, 9_318, 1_724, 9_303);

    private SyntheticFlow() {}

    /** Reads the whole flow from where {@link OrderflowData#locate} finds it. */
    public static OrderFlow load() {
        return read(OrderflowData.locate(FILE_NAME));
    }

    /**
     * Reads the whole flow from {@code file}, checking every row: prefill rows come first,
     * sequence numbers count from 0, and every field parses.
     *
     * @throws IllegalStateException naming the line, if a row is malformed
     */
    public static OrderFlow read(Path file) {
        OrderFlow.Builder flow = new OrderFlow.Builder();
        boolean inPrefill = true;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.US_ASCII), 1 << 16)) {
            String header = in.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalStateException(file + ": expected the header " + HEADER + ", found " + header);
            }
            String line;
            long seq = 0;
            while ((line = in.readLine()) != null) {
                try {
                    Row row = new Row(line);
                    if (row.nextLong() != seq) {
                        throw new IllegalArgumentException("sequence number is not " + seq);
                    }
                    String phase = row.next();
                    if (phase.equals("B")) {
                        if (inPrefill) {
                            flow.endPrefill();
                            inPrefill = false;
                        }
                    } else if (!phase.equals("P") || !inPrefill) {
                        throw new IllegalArgumentException("phase " + phase + " here");
                    }
                    byte type = switch (row.next()) {
                        case "GTC" -> OrderFlow.GTC;
                        case "IOC" -> OrderFlow.IOC;
                        case "CANCEL" -> OrderFlow.CANCEL;
                        case "MOVE" -> OrderFlow.MOVE;
                        default -> throw new IllegalArgumentException("unknown type");
                    };
                    boolean buy = switch (row.next()) {
                        case "B" -> true;
                        case "S" -> false;
                        default -> throw new IllegalArgumentException("unknown side");
                    };
                    flow.add(type, buy, row.nextLong(), row.nextLong(), row.nextLong(), row.lastLong());
                    seq++;
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(file + ": bad row " + line + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        if (inPrefill) {
            flow.endPrefill();
        }
        return flow.build("synthetic flow " + FILE_NAME, EXPECTED);
    }

    /** Splits one CSV line without a regular expression: the file has two million of them. */
    private static final class Row {
        private final String line;
        private int start;

        Row(String line) {
            this.line = line;
        }

        String next() {
            int comma = line.indexOf(',', start);
            if (comma < 0) {
                throw new IllegalArgumentException("too few columns");
            }
            String field = line.substring(start, comma);
            start = comma + 1;
            return field;
        }

        long nextLong() {
            int comma = line.indexOf(',', start);
            if (comma < 0) {
                throw new IllegalArgumentException("too few columns");
            }
            long value = Long.parseLong(line, start, comma, 10);
            start = comma + 1;
            return value;
        }

        long lastLong() {
            if (line.indexOf(',', start) >= 0) {
                throw new IllegalArgumentException("too many columns");
            }
            return Long.parseLong(line, start, line.length(), 10);
        }
    }
}
