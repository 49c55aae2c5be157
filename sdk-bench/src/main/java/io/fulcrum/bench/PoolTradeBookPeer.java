package io.fulcrum.bench;

import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.MatchSink;
import io.fulcrum.orderbook.OrderBook;

/**
 * The peer of {@link PoolTradeLoop}: one order-book trade per {@link #trade()}. A maker rests 1 ETH
 * at 2,000.00 in an empty {@link OrderBook}, then an IOC taker of the other side takes it whole,
 * leaving the book empty again; makers alternate sides. It is the least work a book does for one
 * trade (one resting order, one match), the counterpart of a pool fill.
 *
 * <p>Example: the first call rests a sell of 1,000 at 200,000 and fills a buy of 1,000 against it:
 * {@code onMatch(1, 2, 2, 200_000, 1_000)}; it returns 200,000.
 */
final class PoolTradeBookPeer implements MatchSink {
    private final OrderBook book = new OrderBook(PoolTradeMarket.ETH);
    private long orders;
    private long lastPrice;

    /** Makes the next trade and returns its price. */
    long trade() {
        Side makerSide = (orders & 2) == 0 ? Side.SELL : Side.BUY;
        Side takerSide = makerSide == Side.SELL ? Side.BUY : Side.SELL;
        book.place(++orders, 2, makerSide, PoolTradeMarket.INDEX, PoolTradeMarket.SIZE, TimeInForce.GTC, this);
        long left = book.place(++orders, 1, takerSide, PoolTradeMarket.INDEX, PoolTradeMarket.SIZE, TimeInForce.IOC, this);
        if (left != 0) {
            throw new IllegalStateException("the taker " + orders + " did not fill");
        }
        return lastPrice;
    }

    /** The book, to inspect. */
    OrderBook book() {
        return book;
    }

    @Override
    public boolean onMatch(long makerOrderId, long makerOwner, long takerOrderId, long price, long quantity) {
        lastPrice = price;
        return true;
    }

    @Override
    public void onRested(long orderId, Side side, long price, long openSize) {
        // The book keeps the maker; nothing to record.
    }
}
