package io.fulcrum.bench;

import io.fulcrum.api.Side;
import io.fulcrum.api.spi.MatchSink;
import io.fulcrum.orderbook.OrderBook;

/**
 * Replays an {@link OrderStream} straight into a bare {@link OrderBook} whose sink only counts
 * fills: the matching work alone, with no margin, settlement, events or journal. The peer of
 * {@link KernelReplay} in {@link VenueKernelBenchmark}.
 *
 * <p>Example: {@code new BookReplay(stream).replaySegment()} returns {@code stream.tradeCount()},
 * and so does every later segment, since each one starts and ends with an empty book.
 */
public final class BookReplay {
    private final OrderStream stream;
    private final OrderBook book = new OrderBook(OrderStream.MARKET);
    private final CountingSink sink = new CountingSink();
    /** Added to the stream's order numbers: segment s uses ids s × placeCount + 1 onwards. */
    private long orderIdBase;

    /** A fresh, empty book ready to replay {@code stream}. */
    public BookReplay(OrderStream stream) {
        this.stream = stream;
    }

    /** Applies operation {@code i} of the current segment and returns the number of fills it made. */
    public int apply(int i) {
        long orderId = orderIdBase + stream.order(i);
        if (stream.isCancel(i)) {
            if (book.cancel(orderId) < 0) {
                throw new IllegalStateException("order " + orderId + " does not rest: the stream is out of step");
            }
            return 0;
        }
        int before = sink.fills;
        book.place(orderId, stream.account(i), stream.side(i), stream.price(i), stream.size(i), stream.timeInForce(i),
                sink);
        return sink.fills - before;
    }

    /** Moves on to the next segment: its order ids follow the last segment's. */
    public void nextSegment() {
        orderIdBase += stream.placeCount();
    }

    /** Applies every operation of one segment, then moves on; returns the number of fills. */
    public int replaySegment() {
        int fills = 0;
        for (int i = 0; i < stream.size(); i++) {
            fills += apply(i);
        }
        nextSegment();
        return fills;
    }

    /** The book, to inspect. */
    public OrderBook book() {
        return book;
    }

    /** Accepts every fill and counts it; nothing else. */
    private static final class CountingSink implements MatchSink {
        int fills;

        @Override
        public boolean onMatch(long makerOrderId, long makerOwner, long takerOrderId, long price, long quantity) {
            fills++;
            return true;
        }

        @Override
        public void onRested(long orderId, Side side, long price, long openSize) {
            // Resting needs no bookkeeping here: the book itself keeps the order.
        }
    }
}
