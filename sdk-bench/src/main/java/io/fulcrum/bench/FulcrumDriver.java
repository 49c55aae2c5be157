package io.fulcrum.bench;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.MatchSink;
import io.fulcrum.orderbook.OrderBook;
import java.util.List;

/**
 * Drives Fulcrum's {@link OrderBook}: GTC and IOC rows are {@code place} with that time in force,
 * CANCEL is {@code cancel}, MOVE is {@code amend(id, newPrice, openSize(id), sink)}. The sink is
 * one reusable object that counts fills, so the driver itself allocates nothing per row: whatever
 * a profiler sees allocated is the book's.
 */
final class FulcrumDriver extends BookDriver {
    /**
     * Ticks and lots of 1 at scale 0: the flows' integers are the book's units directly. A book
     * never computes notional, so the settlement scale does not matter.
     */
    static final MarketSpec MARKET = MarketSpec.builder(MarketId.of("FLOW"), AssetSpec.of("USD", 0))
            .sizeDecimals(0)
            .priceDecimals(0)
            .tickSize(1)
            .lotSize(1)
            .riskTiers(List.of(RiskTier.flat(100_000, 50_000)))
            .build();

    private final OrderBook book = new OrderBook(MARKET);
    private final CountingSink sink = new CountingSink();

    FulcrumDriver(OrderFlow flow) {
        super(flow);
    }

    @Override
    public String engine() {
        return FULCRUM;
    }

    @Override
    public void apply(int i) {
        long id = orderId[i];
        switch (type[i]) {
            case OrderFlow.GTC -> book.place(id, uid[i], buy[i] ? Side.BUY : Side.SELL, price[i], size[i], TimeInForce.GTC,
                    sink);
            case OrderFlow.IOC -> book.place(id, uid[i], buy[i] ? Side.BUY : Side.SELL, price[i], size[i], TimeInForce.IOC,
                    sink);
            case OrderFlow.CANCEL -> {
                if (book.cancel(id) < 0) {
                    throw outOfStep(i, "no such order rests");
                }
            }
            case OrderFlow.MOVE -> {
                long open = book.openSize(id);
                if (open < 0) {
                    throw outOfStep(i, "no such order rests");
                }
                book.amend(id, price[i], open, sink);
            }
            default -> throw outOfStep(i, "unknown type");
        }
    }

    @Override
    public OrderFlow.Expected result() {
        long[] counts = new long[4];
        book.forEachRestingOrder(o -> {
            int at = o.side() == Side.BUY ? 0 : 2;
            counts[at]++;
            counts[at + 1] += o.openSize();
        });
        return result(counts[0], counts[1], counts[2], counts[3]);
    }

    /** The book, to inspect. */
    OrderBook book() {
        return book;
    }

    /** Accepts every fill and counts it into the driver: the work a venue's sink does is not the book's. */
    private final class CountingSink implements MatchSink {
        @Override
        public boolean onMatch(long makerOrderId, long makerOwner, long takerOrderId, long price, long quantity) {
            trades++;
            lots += quantity;
            return true;
        }

        @Override
        public void onRested(long orderId, Side side, long price, long openSize) {
            // The book keeps the order; nothing to record.
        }
    }
}
