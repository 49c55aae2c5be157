package io.fulcrum.bench;

import java.util.List;
import java.util.function.Supplier;

/**
 * Replays an {@link OrderFlow} into one order-book engine, one row at a time, counting the maker
 * fills and lots traded. One subclass per engine family; each benchmark fork only ever loads one
 * of them, so the JIT sees a single implementation at every call site.
 *
 * <p>A driver checks what the flow promises (a cancelled or moved order rests) with one cheap
 * branch per row and throws if the engine disagrees: a replay that silently drifted off the flow
 * would time different work.
 *
 * <p>Example: {@code BookDriver d = BookDriver.factory("fulcrum", flow).get(); d.replay(0, flow.rows());
 * d.result()} equals {@code flow.expected()} for a correct book.
 */
public abstract class BookDriver {
    /** Fulcrum's {@code io.fulcrum.orderbook.OrderBook}. */
    public static final String FULCRUM = "fulcrum";
    /** exchange-core 0.5.3's {@code OrderBookDirectImpl}. */
    public static final String EXCHANGE_CORE_DIRECT = "exchange-core-direct";
    /** exchange-core 0.5.3's {@code OrderBookNaiveImpl}. */
    public static final String EXCHANGE_CORE_NAIVE = "exchange-core-naive";
    /** Every engine, in the order reports list them. */
    public static final List<String> ENGINES = List.of(FULCRUM, EXCHANGE_CORE_DIRECT, EXCHANGE_CORE_NAIVE);

    /** The flow's columns, copied to final fields so the hot loop reads them without indirection. */
    protected final byte[] type;
    protected final boolean[] buy;
    protected final long[] orderId;
    protected final long[] uid;
    protected final long[] price;
    protected final long[] size;
    /** Maker fills so far. */
    protected long trades;
    /** Lots traded so far. */
    protected long lots;

    protected BookDriver(OrderFlow flow) {
        this.type = flow.type;
        this.buy = flow.buy;
        this.orderId = flow.orderId;
        this.uid = flow.uid;
        this.price = flow.price;
        this.size = flow.size;
    }

    /**
     * A source of fresh, empty books of {@code engine} (one of {@link #ENGINES}) for {@code flow}.
     * Books from one factory share what the engine shares between the books of one process
     * (exchange-core's object pool); they must be used from one thread.
     *
     * @throws IllegalArgumentException if the engine is unknown
     */
    public static Supplier<BookDriver> factory(String engine, OrderFlow flow) {
        return switch (engine) {
            case FULCRUM -> () -> new FulcrumDriver(flow);
            case EXCHANGE_CORE_DIRECT -> ExchangeCoreDriver.directFactory(flow);
            case EXCHANGE_CORE_NAIVE -> () -> ExchangeCoreDriver.naive(flow);
            default -> throw new IllegalArgumentException("unknown engine " + engine + "; known: " + ENGINES);
        };
    }

    /** The engine's name, one of {@link #ENGINES}. */
    public abstract String engine();

    /**
     * Applies row {@code i} of the flow.
     *
     * @throws IllegalStateException if the engine does not hold an order the row cancels or moves
     */
    public abstract void apply(int i);

    /** Applies rows {@code from} (inclusive) to {@code to} (exclusive). */
    public final void replay(int from, int to) {
        for (int i = from; i < to; i++) {
            apply(i);
        }
    }

    /** Zeroes the fill counters (after the prefill, which never trades in a well-formed flow). */
    public final void resetCounters() {
        trades = 0;
        lots = 0;
    }

    /** Maker fills since the last {@link #resetCounters}. */
    public final long trades() {
        return trades;
    }

    /** Lots traded since the last {@link #resetCounters}. */
    public final long lots() {
        return lots;
    }

    /** The fills counted and the book as it rests now, in the form of {@link OrderFlow.Expected}. */
    public abstract OrderFlow.Expected result();

    /** Counts the resting orders and lots of both sides by walking the book; for checks, not timed paths. */
    protected final OrderFlow.Expected result(long bidOrders, long bidLots, long askOrders, long askLots) {
        return new OrderFlow.Expected(trades, lots, bidOrders, bidLots, askOrders, askLots);
    }

    /** The exception for a row the engine cannot apply: the replay and the flow are out of step. */
    protected final IllegalStateException outOfStep(int i, String what) {
        return new IllegalStateException(engine() + ": row " + i + " (" + OrderFlow.TYPE_NAMES[type[i]] + " order "
                + orderId[i] + "): " + what);
    }

    /**
     * Replays the whole of {@code flow} into a fresh book of {@code engine} and throws unless the
     * benchmark phase produces exactly {@code flow.expected()}.
     *
     * @return the driver, holding the final book
     * @throws IllegalStateException naming the engine, the expected and the actual numbers
     */
    public static BookDriver verify(String engine, OrderFlow flow) {
        BookDriver driver = factory(engine, flow).get();
        driver.replay(0, flow.prefillCount());
        if (driver.trades() != 0) {
            throw new IllegalStateException(engine + ": the prefill of " + flow.name() + " traded " + driver.trades()
                    + " times; it must only build the book");
        }
        driver.replay(flow.prefillCount(), flow.rows());
        OrderFlow.Expected actual = driver.result();
        if (!actual.equals(flow.expected())) {
            throw new IllegalStateException(engine + " does not reproduce " + flow.name() + ": expected "
                    + flow.expected() + ", got " + actual);
        }
        return driver;
    }
}
