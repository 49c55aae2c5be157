package io.fulcrum.orderbook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The shared synthetic order flow ({@code ../shared/data/orderflow/FLOW.md} beside the repository),
 * read into primitive arrays: the prefill rows and the first {@code limit} benchmark rows.
 *
 * <p>Columns {@code seq,phase,type,side,orderId,uid,price,size}; {@code phase} is {@code P}
 * (prefill) or {@code B} (benchmark), {@code type} one of {@code GTC}, {@code IOC}, {@code CANCEL},
 * {@code MOVE}, {@code side} {@code B} or {@code S}. Example row: {@code 4002,B,MOVE,S,2694,180,100228,0}
 * moves resting sell 2694 to 100,228.
 *
 * <p>The file is data shared by the project, not a test resource: it sits outside the repository,
 * so {@link #locate()} looks for it upwards from the working directory and fails with a message
 * naming the paths it tried.
 */
final class SyntheticFlow {
    static final String FILE_NAME = "synthetic-flow-seed20240601-2M.csv.gz";
    static final byte GTC = 0;
    static final byte IOC = 1;
    static final byte CANCEL = 2;
    static final byte MOVE = 3;

    final int prefillCount;
    final byte[] type;
    final boolean[] buy;
    final long[] orderId;
    final long[] uid;
    final long[] price;
    final long[] size;

    private SyntheticFlow(int prefillCount, int n) {
        this.prefillCount = prefillCount;
        this.type = new byte[n];
        this.buy = new boolean[n];
        this.orderId = new long[n];
        this.uid = new long[n];
        this.price = new long[n];
        this.size = new long[n];
    }

    /** The number of rows read: the prefill, then the benchmark rows. */
    int size() {
        return type.length;
    }

    /**
     * The flow file: the first {@code shared/data/orderflow/FILE_NAME} found in the working
     * directory or one of its parents. From {@code sdk-orderbook} (where Maven runs this module's
     * tests) that is {@code ../../shared/data/orderflow/}.
     *
     * @throws IllegalStateException naming every path tried, if none exists
     */
    static Path locate() {
        List<Path> tried = new ArrayList<>();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(Path.of("shared", "data", "orderflow", FILE_NAME));
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            tried.add(candidate);
        }
        throw new IllegalStateException("the synthetic order flow " + FILE_NAME + " is missing: it belongs in"
                + " ../shared/data/orderflow/ beside the repository (see FLOW.md there); looked at " + tried);
    }

    /** Reads every prefill row and the first {@code limit} benchmark rows of the file at {@link #locate()}. */
    static SyntheticFlow read(int limit) {
        Path file = locate();
        // Generous first guess at the prefill; the arrays are trimmed to what was read.
        SyntheticFlow flow = new SyntheticFlow(0, limit + 8_192);
        int n = 0;
        int prefill = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.US_ASCII), 1 << 16)) {
            String header = in.readLine();
            if (!"seq,phase,type,side,orderId,uid,price,size".equals(header)) {
                throw new IllegalStateException(file + ": unexpected header " + header);
            }
            int benchmark = 0;
            String line;
            while (benchmark < limit && (line = in.readLine()) != null) {
                String[] f = line.split(",", -1);
                if (f.length != 8) {
                    throw new IllegalStateException(file + ": not 8 columns: " + line);
                }
                boolean isPrefill = f[1].equals("P");
                if (isPrefill) {
                    if (benchmark > 0) {
                        throw new IllegalStateException(file + ": a prefill row after benchmark rows: " + line);
                    }
                    prefill++;
                } else if (f[1].equals("B")) {
                    benchmark++;
                } else {
                    throw new IllegalStateException(file + ": unknown phase: " + line);
                }
                if (n == flow.type.length) {
                    throw new IllegalStateException(file + ": more than " + (n - limit) + " prefill rows");
                }
                flow.type[n] = switch (f[2]) {
                    case "GTC" -> GTC;
                    case "IOC" -> IOC;
                    case "CANCEL" -> CANCEL;
                    case "MOVE" -> MOVE;
                    default -> throw new IllegalStateException(file + ": unknown type: " + line);
                };
                flow.buy[n] = switch (f[3]) {
                    case "B" -> true;
                    case "S" -> false;
                    default -> throw new IllegalStateException(file + ": unknown side: " + line);
                };
                flow.orderId[n] = Long.parseLong(f[4]);
                flow.uid[n] = Long.parseLong(f[5]);
                flow.price[n] = Long.parseLong(f[6]);
                flow.size[n] = Long.parseLong(f[7]);
                n++;
            }
            if (benchmark < limit) {
                throw new IllegalStateException(file + ": only " + benchmark + " benchmark rows, " + limit + " wanted");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        SyntheticFlow trimmed = new SyntheticFlow(prefill, n);
        System.arraycopy(flow.type, 0, trimmed.type, 0, n);
        System.arraycopy(flow.buy, 0, trimmed.buy, 0, n);
        System.arraycopy(flow.orderId, 0, trimmed.orderId, 0, n);
        System.arraycopy(flow.uid, 0, trimmed.uid, 0, n);
        System.arraycopy(flow.price, 0, trimmed.price, 0, n);
        System.arraycopy(flow.size, 0, trimmed.size, 0, n);
        return trimmed;
    }
}
