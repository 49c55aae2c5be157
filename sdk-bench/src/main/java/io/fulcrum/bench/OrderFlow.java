package io.fulcrum.bench;

import java.util.Arrays;

/**
 * A replayable order flow for one book, held in primitive arrays so that replaying it reads
 * memory sequentially and allocates nothing: row {@code i} is one operation of type
 * {@link #GTC}, {@link #IOC}, {@link #CANCEL} or {@link #MOVE}. The first
 * {@link #prefillCount()} rows build the starting book (untimed); the rest are the benchmark
 * phase.
 *
 * <p>Row meanings, as in {@code ../shared/data/orderflow/FLOW.md}: GTC and IOC place order
 * {@code orderId} of owner {@code uid} on side {@code buy} at limit {@code price} for
 * {@code size} lots; CANCEL removes resting order {@code orderId}; MOVE re-prices resting order
 * {@code orderId} to {@code price} at its current open size (it loses time priority). For CANCEL
 * and MOVE, {@code uid} and {@code buy} are the target order's.
 *
 * <p>Example: {@link SyntheticFlow#load()} gives the 4,000-row prefill and 2,000,000 benchmark
 * rows of the synthetic flow, with {@link #expected()} the results FLOW.md states.
 */
public final class OrderFlow {
    /** Places a good-till-cancelled limit order. */
    public static final byte GTC = 0;
    /** Places an immediate-or-cancel limit order. */
    public static final byte IOC = 1;
    /** Cancels a resting order. */
    public static final byte CANCEL = 2;
    /** Moves a resting order to a new price. */
    public static final byte MOVE = 3;
    /** The names of the types, indexed by type. */
    public static final String[] TYPE_NAMES = {"GTC", "IOC", "CANCEL", "MOVE"};

    private final String name;
    private final int prefillCount;
    final byte[] type;
    final boolean[] buy;
    final long[] orderId;
    final long[] uid;
    final long[] price;
    final long[] size;
    private final Expected expected;

    private OrderFlow(String name, int prefillCount, int rows, Builder b, Expected expected) {
        this.name = name;
        this.prefillCount = prefillCount;
        this.type = Arrays.copyOf(b.type, rows);
        this.buy = Arrays.copyOf(b.buy, rows);
        this.orderId = Arrays.copyOf(b.orderId, rows);
        this.uid = Arrays.copyOf(b.uid, rows);
        this.price = Arrays.copyOf(b.price, rows);
        this.size = Arrays.copyOf(b.size, rows);
        this.expected = expected;
    }

    /** What the flow is, for messages. */
    public String name() {
        return name;
    }

    /** The number of prefill rows; benchmark rows follow them. */
    public int prefillCount() {
        return prefillCount;
    }

    /** The number of benchmark rows. */
    public int benchmarkCount() {
        return type.length - prefillCount;
    }

    /** All rows, prefill and benchmark. */
    public int rows() {
        return type.length;
    }

    /** The type of row {@code i}: {@link #GTC}, {@link #IOC}, {@link #CANCEL} or {@link #MOVE}. */
    public byte type(int i) {
        return type[i];
    }

    /** True if row {@code i} is a buy (or targets one). */
    public boolean buy(int i) {
        return buy[i];
    }

    /** The order row {@code i} places or targets. */
    public long orderId(int i) {
        return orderId[i];
    }

    /** The owner of that order. */
    public long uid(int i) {
        return uid[i];
    }

    /** The limit price (place) or new price (move), ticks; 0 for a cancel. */
    public long price(int i) {
        return price[i];
    }

    /** The size in lots (place); 0 for a cancel or move. */
    public long size(int i) {
        return size[i];
    }

    /** What a correct price-time book must produce over the benchmark phase, starting from the prefill. */
    public Expected expected() {
        return expected;
    }

    /** How many benchmark rows there are of each type, indexed by type. */
    public int[] benchmarkTypeCounts() {
        int[] counts = new int[TYPE_NAMES.length];
        for (int i = prefillCount; i < type.length; i++) {
            counts[type[i]]++;
        }
        return counts;
    }

    @Override
    public String toString() {
        return name + ": " + prefillCount + " prefill rows, " + benchmarkCount() + " benchmark rows";
    }

    /**
     * The results of the benchmark phase: maker fills and lots traded, and the book at the end
     * (orders and lots resting per side).
     *
     * @param trades maker fills (one per maker order touched by a taker)
     * @param lots lots traded
     * @param bidOrders bid orders resting at the end
     * @param bidLots lots those bids hold
     * @param askOrders ask orders resting at the end
     * @param askLots lots those asks hold
     */
    public record Expected(long trades, long lots, long bidOrders, long bidLots, long askOrders, long askLots) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "%,d trades, %,d lots traded, bids %,d orders / %,d lots, asks %,d orders / %,d lots", trades, lots,
                    bidOrders, bidLots, askOrders, askLots);
        }
    }

    /** Collects rows: all prefill rows first, then benchmark rows. */
    static final class Builder {
        private byte[] type = new byte[1 << 16];
        private boolean[] buy = new boolean[1 << 16];
        private long[] orderId = new long[1 << 16];
        private long[] uid = new long[1 << 16];
        private long[] price = new long[1 << 16];
        private long[] size = new long[1 << 16];
        private int rows;
        private int prefill = -1;

        /** Appends a row. */
        Builder add(byte t, boolean isBuy, long id, long owner, long p, long s) {
            if (rows == type.length) {
                int n = rows * 2;
                type = Arrays.copyOf(type, n);
                buy = Arrays.copyOf(buy, n);
                orderId = Arrays.copyOf(orderId, n);
                uid = Arrays.copyOf(uid, n);
                price = Arrays.copyOf(price, n);
                size = Arrays.copyOf(size, n);
            }
            type[rows] = t;
            buy[rows] = isBuy;
            orderId[rows] = id;
            uid[rows] = owner;
            price[rows] = p;
            size[rows] = s;
            rows++;
            return this;
        }

        /** The rows added so far are the prefill; later ones are the benchmark phase. */
        Builder endPrefill() {
            if (prefill >= 0) {
                throw new IllegalStateException("the prefill already ended at row " + prefill);
            }
            prefill = rows;
            return this;
        }

        /** The number of rows added so far. */
        int rows() {
            return rows;
        }

        OrderFlow build(String name, Expected expected) {
            if (prefill < 0) {
                throw new IllegalStateException(name + ": the prefill never ended");
            }
            return new OrderFlow(name, prefill, rows, this, expected);
        }
    }
}
