package io.fulcrum.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Turns the recorded Binance USDⓈ-M BTCUSDT messages {@value #FILE_NAME} (six minutes of the
 * raw websocket, one {@code <local ns> <JSON>} per line) into a deterministic {@link OrderFlow}
 * for one book, so the synthetic benchmark has a real-world companion.
 *
 * <p><b>Units.</b> Prices in ticks of 0.1 USDT ({@code "61800.20"} is 618,002), sizes in lots of
 * 0.001 BTC ({@code "0.014"} is 14): BTCUSDT's own tick and lot, so every value is an exact
 * integer.
 *
 * <p><b>Start.</b> The file holds one REST depth snapshot (1,000 levels a side, a few lines in),
 * taken while the stream was already running. Binance's rule for rebuilding a book is followed:
 * depth updates whose last id {@code u} is below the snapshot's {@code lastUpdateId} are dropped,
 * the first applied one spans it, and each next one's {@code pu} is the previous one's {@code u}
 * ({@link Conversion#sequenceBreaks} counts any break; the data has none). Trades received before
 * the snapshot are already in it and are dropped. The snapshot becomes the prefill: one GTC
 * order per level, holding the level's quantity.
 *
 * <p><b>Depth updates</b> (absolute quantities per level) become orders against the book as the
 * flow has built it so far: a level that must grow by {@code d} lots gets a new GTC order of
 * {@code d} at the back of its queue; a level that must shrink by {@code d} loses its newest
 * orders first (CANCEL), and if that would take too much, the last one cancelled is placed again
 * with the remainder (CANCEL then GTC: it was the newest order, so it keeps its place at the
 * back). Within one update all shrinking is done before any growing, both sides, so a level
 * that the market moved is emptied before the opposite side grows into its price.
 *
 * <p><b>Trades</b> become IOC orders of the taker: a buy when the buyer was not the maker
 * ({@code "m":false}), limited at the trade's price, for the trade's quantity. They meet the
 * book as the depth stream has built it, so they may fill at better prices than Binance
 * printed, or not at all when an update had already removed the level they traded at; the next
 * update restores the level's quantity either way. {@code bookTicker} messages repeat the top of
 * the depth stream and are skipped.
 *
 * <p>Makers are owner 1 and takers owner 2; order ids count up from 1 in flow order. The flow's
 * {@link OrderFlow#expected()} comes from replaying it, while converting, on a deliberately
 * simple model book (a tree map of FIFO queues) that shares no code with the engines; the
 * benchmark then requires every engine to reproduce it.
 */
public final class BinanceFlow {
    /** The file's name in {@code ../shared/data/orderflow/}. */
    public static final String FILE_NAME = "btcusdt_20240808.usdm.gz";
    static final long MAKER = 1;
    static final long TAKER = 2;

    private BinanceFlow() {}

    /** Converts the file where {@link OrderflowData#locate} finds it. */
    public static Conversion load() {
        return convert(OrderflowData.locate(FILE_NAME));
    }

    /**
     * Converts {@code file}.
     *
     * @throws IllegalStateException if the file has no snapshot, no update spanning it, or a
     *     malformed line
     */
    public static Conversion convert(Path file) {
        Converter converter = new Converter();
        ObjectMapper json = new ObjectMapper();
        int lineNumber = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                int space = line.indexOf(' ');
                if (space < 0) {
                    throw new IllegalArgumentException("no timestamp");
                }
                converter.message(json.readTree(line.substring(space + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " at line " + lineNumber, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": line " + lineNumber + ": " + e.getMessage(), e);
        }
        return converter.finish("Binance BTCUSDT " + FILE_NAME);
    }

    /**
     * A converted flow and what the conversion saw.
     *
     * @param flow the order flow, with its expected results
     * @param depthUpdates depth updates applied after the snapshot
     * @param trades trade messages turned into IOC orders
     * @param sequenceBreaks applied updates whose {@code pu} was not the previous {@code u}
     * @param crossingPlacements GTC orders (from growing levels) that traded on arrival
     */
    public record Conversion(OrderFlow flow, int depthUpdates, int trades, int sequenceBreaks, int crossingPlacements) {}

    /** Reads messages in order and writes the flow, keeping the model book in step. */
    private static final class Converter {
        private final OrderFlow.Builder out = new OrderFlow.Builder();
        private final ModelBook book = new ModelBook();
        private final List<JsonNode> early = new ArrayList<>();
        private long snapshotId = -1;
        private long lastU = -1;
        private long nextOrderId = 1;
        private int depthUpdates;
        private int trades;
        private int breaks;
        private int crossing;

        void message(JsonNode message) {
            if (message.has("lastUpdateId")) {
                snapshot(message);
                return;
            }
            JsonNode data = message.path("data");
            String event = data.path("e").asText();
            switch (event) {
                case "depthUpdate" -> {
                    if (snapshotId < 0) {
                        early.add(data);
                    } else {
                        depth(data);
                    }
                }
                case "trade" -> {
                    if (snapshotId >= 0) {
                        trade(data);
                    }
                }
                case "bookTicker" -> {
                    // The top of the depth stream again: nothing new for the book.
                }
                default -> throw new IllegalArgumentException("unknown message " + message);
            }
        }

        private void snapshot(JsonNode snapshot) {
            if (snapshotId >= 0) {
                throw new IllegalArgumentException("a second snapshot");
            }
            snapshotId = snapshot.get("lastUpdateId").asLong();
            for (JsonNode level : snapshot.get("bids")) {
                place(OrderFlow.GTC, true, MAKER, ticks(level.get(0).asText()), lots(level.get(1).asText()));
            }
            for (JsonNode level : snapshot.get("asks")) {
                place(OrderFlow.GTC, false, MAKER, ticks(level.get(0).asText()), lots(level.get(1).asText()));
            }
            if (book.trades != 0) {
                throw new IllegalArgumentException("the snapshot is crossed");
            }
            out.endPrefill();
            for (JsonNode update : early) {
                depth(update);
            }
            early.clear();
        }

        private void depth(JsonNode update) {
            long firstU = update.get("U").asLong();
            long u = update.get("u").asLong();
            if (u < snapshotId) {
                return;
            }
            if (lastU < 0) {
                if (firstU > snapshotId) {
                    throw new IllegalArgumentException("the first update after the snapshot starts at " + firstU
                            + ", after the snapshot's " + snapshotId + ": updates are missing");
                }
            } else if (update.get("pu").asLong() != lastU) {
                breaks++;
            }
            lastU = u;
            depthUpdates++;
            List<long[]> bids = levels(update.get("b"));
            List<long[]> asks = levels(update.get("a"));
            // Shrink first, then grow: see the class comment.
            for (long[] level : bids) {
                shrink(true, level[0], level[1]);
            }
            for (long[] level : asks) {
                shrink(false, level[0], level[1]);
            }
            for (long[] level : bids) {
                grow(true, level[0], level[1]);
            }
            for (long[] level : asks) {
                grow(false, level[0], level[1]);
            }
        }

        private void shrink(boolean buy, long price, long target) {
            long excess = book.levelSize(buy, price) - target;
            while (excess > 0) {
                long[] newest = book.removeNewest(buy, price);
                out.add(OrderFlow.CANCEL, buy, newest[0], MAKER, 0, 0);
                if (newest[1] > excess) {
                    place(OrderFlow.GTC, buy, MAKER, price, newest[1] - excess);
                    excess = 0;
                } else {
                    excess -= newest[1];
                }
            }
        }

        private void grow(boolean buy, long price, long target) {
            long missing = target - book.levelSize(buy, price);
            if (missing > 0) {
                long before = book.trades;
                place(OrderFlow.GTC, buy, MAKER, price, missing);
                if (book.trades != before) {
                    crossing++;
                }
            }
        }

        private void trade(JsonNode trade) {
            trades++;
            boolean buyerIsMaker = trade.get("m").asBoolean();
            place(OrderFlow.IOC, !buyerIsMaker, TAKER, ticks(trade.get("p").asText()), lots(trade.get("q").asText()));
        }

        private void place(byte type, boolean buy, long owner, long price, long size) {
            long id = nextOrderId++;
            out.add(type, buy, id, owner, price, size);
            book.place(id, buy, price, size, type == OrderFlow.GTC);
        }

        OrderFlow.Expected expected() {
            return new OrderFlow.Expected(book.trades, book.lots, book.orders(true), book.lots(true), book.orders(false),
                    book.lots(false));
        }

        Conversion finish(String name) {
            if (snapshotId < 0) {
                throw new IllegalStateException(name + ": no depth snapshot");
            }
            // The benchmark phase's trades only: the prefill cannot trade (checked above).
            return new Conversion(out.build(name, expected()), depthUpdates, trades, breaks, crossing);
        }

        private static List<long[]> levels(JsonNode pairs) {
            List<long[]> levels = new ArrayList<>(pairs.size());
            for (JsonNode pair : pairs) {
                levels.add(new long[] {ticks(pair.get(0).asText()), lots(pair.get(1).asText())});
            }
            return levels;
        }
    }

    /** {@code "61800.20"} to 618,002 ticks of 0.1. */
    static long ticks(String price) {
        return fixed(price, 1, "price");
    }

    /** {@code "0.014"} to 14 lots of 0.001. */
    static long lots(String quantity) {
        return fixed(quantity, 3, "quantity");
    }

    /** Parses a decimal string exactly as a count of 10^-decimals; digits beyond must be zeros. */
    private static long fixed(String text, int decimals, String what) {
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        String fraction = dot < 0 ? "" : text.substring(dot + 1);
        long value = Long.parseLong(whole);
        for (int d = 0; d < Math.max(decimals, fraction.length()); d++) {
            int digit = d < fraction.length() ? fraction.charAt(d) - '0' : 0;
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("not a decimal " + what + ": " + text);
            }
            if (d < decimals) {
                value = Math.addExact(Math.multiplyExact(value, 10), digit);
            } else if (digit != 0) {
                throw new IllegalArgumentException(what + " " + text + " is finer than 10^-" + decimals);
            }
        }
        return value;
    }

    /**
     * The converter's own book: per side a tree map from price to a FIFO queue of
     * {@code {orderId, open}}, matched by the definition of price-time priority. Slow and plain
     * on purpose; it only has to keep the conversion in step.
     */
    private static final class ModelBook {
        private final TreeMap<Long, ArrayDeque<long[]>> bids = new TreeMap<>(Comparator.reverseOrder());
        private final TreeMap<Long, ArrayDeque<long[]>> asks = new TreeMap<>();
        long trades;
        long lots;

        void place(long id, boolean buy, long price, long size, boolean rests) {
            TreeMap<Long, ArrayDeque<long[]>> opposite = buy ? asks : bids;
            long remaining = size;
            while (remaining > 0 && !opposite.isEmpty()) {
                Map.Entry<Long, ArrayDeque<long[]>> best = opposite.firstEntry();
                if (buy ? best.getKey() > price : best.getKey() < price) {
                    break;
                }
                ArrayDeque<long[]> queue = best.getValue();
                long[] maker = queue.peekFirst();
                long quantity = Math.min(remaining, maker[1]);
                trades++;
                lots += quantity;
                remaining -= quantity;
                maker[1] -= quantity;
                if (maker[1] == 0) {
                    queue.pollFirst();
                    if (queue.isEmpty()) {
                        opposite.remove(best.getKey());
                    }
                }
            }
            if (remaining > 0 && rests) {
                (buy ? bids : asks).computeIfAbsent(price, p -> new ArrayDeque<>()).addLast(new long[] {id, remaining});
            }
        }

        long levelSize(boolean buy, long price) {
            ArrayDeque<long[]> queue = (buy ? bids : asks).get(price);
            long total = 0;
            if (queue != null) {
                for (long[] order : queue) {
                    total += order[1];
                }
            }
            return total;
        }

        /** Removes and returns the newest order ({@code {orderId, open}}) of a level that holds one. */
        long[] removeNewest(boolean buy, long price) {
            TreeMap<Long, ArrayDeque<long[]>> side = buy ? bids : asks;
            ArrayDeque<long[]> queue = side.get(price);
            long[] newest = queue.pollLast();
            if (queue.isEmpty()) {
                side.remove(price);
            }
            return newest;
        }

        long orders(boolean buy) {
            return (buy ? bids : asks).values().stream().mapToLong(ArrayDeque::size).sum();
        }

        long lots(boolean buy) {
            return (buy ? bids : asks).values().stream().flatMap(ArrayDeque::stream).mapToLong(o -> o[1]).sum();
        }
    }
}
