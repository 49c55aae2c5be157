package io.fulcrum.orderbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.MatchingEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replays the shared synthetic flow (the one {@code sdk-bench}'s {@code OrderBookReplayBenchmark}
 * times) through {@link OrderBook} and the {@link NaiveOrderBook} reference: the 4,000 prefill
 * orders and the first {@value #OPERATIONS} benchmark operations. Every operation must make the
 * same sink callbacks in both (fills: maker, taker, price, quantity, in order), and both must end
 * with the same resting orders in the same priority order.
 *
 * <p>The flow maps onto the book as the benchmark maps it: {@code GTC} and {@code IOC} rows are
 * {@link MatchingEngine#place} with that time in force, {@code CANCEL} is
 * {@link MatchingEngine#cancel}, {@code MOVE} is {@link MatchingEngine#amend} to the new price at
 * the order's current open size (so it always loses priority).
 *
 * <p>It takes about a minute, nearly all of it in the reference book, which sorts its whole order
 * list (about 3,650 orders here) for every matching decision.
 */
class SyntheticFlowReplayTest {
    private static final int OPERATIONS = 100_000;
    /** Ticks of 1 and lots of 1: the flow's integers are the book's units; notional never matters to a book. */
    private static final MarketSpec FLOW_MARKET = MarketSpec.builder(MarketId.of("FLOW"), AssetSpec.of("USD", 0))
            .sizeDecimals(0)
            .priceDecimals(0)
            .tickSize(1)
            .lotSize(1)
            .riskTiers(List.of(RiskTier.flat(100_000, 50_000)))
            .build();

    @Test
    void theFirstHundredThousandOperationsFillIdenticallyInBothBooks() {
        SyntheticFlow flow = SyntheticFlow.read(OPERATIONS);
        assertEquals(4_000, flow.prefillCount, "prefill rows");
        assertEquals(4_000 + OPERATIONS, flow.size(), "rows read");

        OrderBook fast = new OrderBook(FLOW_MARKET);
        NaiveOrderBook naive = new NaiveOrderBook(FLOW_MARKET);
        RecordingSink fastSink = new RecordingSink();
        RecordingSink naiveSink = new RecordingSink();
        long fills = 0;
        long lots = 0;
        for (int i = 0; i < flow.size(); i++) {
            int row = i;
            long expectedResult = apply(naive, naiveSink, flow, i);
            assertEquals(expectedResult, apply(fast, fastSink, flow, i), () -> describe(flow, row) + ": result");
            List<RecordingSink.Event> expected = naiveSink.events();
            assertEquals(expected, fastSink.events(), () -> describe(flow, row) + ": callbacks");
            for (RecordingSink.Event event : expected) {
                if (event instanceof RecordingSink.Match match) {
                    fills++;
                    lots += match.quantity();
                }
            }
            naiveSink.clear();
            fastSink.clear();
        }

        assertEquals(OrderBookContract.restingOrders(naive), OrderBookContract.restingOrders(fast), "resting orders");
        fast.checkInvariants();
        naive.checkInvariants();
        // The flow trades about 0.36 fills per operation; far fewer would mean the replay drifted
        // off the flow (say, every IOC missing the book) and the comparison proved little.
        assertTrue(fills > OPERATIONS / 4, "only " + fills + " fills");
        assertTrue(lots > fills, "only " + lots + " lots in " + fills + " fills");
    }

    /**
     * Applies row {@code i} to {@code book} and returns what the book answered, so the two books'
     * answers can be compared: the IOC remainder, the cancelled open size, or for a move 1 if it kept
     * priority and 0 if not.
     */
    private static long apply(MatchingEngine book, RecordingSink sink, SyntheticFlow flow, int i) {
        long id = flow.orderId[i];
        Side side = flow.buy[i] ? Side.BUY : Side.SELL;
        return switch (flow.type[i]) {
            case SyntheticFlow.GTC -> book.place(id, flow.uid[i], side, flow.price[i], flow.size[i], TimeInForce.GTC, sink);
            case SyntheticFlow.IOC -> book.place(id, flow.uid[i], side, flow.price[i], flow.size[i], TimeInForce.IOC, sink);
            case SyntheticFlow.CANCEL -> {
                long open = book.cancel(id);
                // The flow only cancels live orders; -1 means this replay is out of step with it.
                assertTrue(open > 0, "cancel of order " + id + " that does not rest");
                yield open;
            }
            case SyntheticFlow.MOVE -> {
                long open = book.openSize(id);
                assertTrue(open > 0, "move of order " + id + " that does not rest");
                // 1 if the order kept its priority: a move changes the price, so both books must say 0.
                yield book.amend(id, flow.price[i], open, sink) ? 1 : 0;
            }
            default -> throw new IllegalStateException("unknown type " + flow.type[i]);
        };
    }

    private static String describe(SyntheticFlow flow, int i) {
        String[] types = {"GTC", "IOC", "CANCEL", "MOVE"};
        return "row " + i + " (" + types[flow.type[i]] + " " + (flow.buy[i] ? "B" : "S") + " order " + flow.orderId[i] + " uid "
                + flow.uid[i] + " price " + flow.price[i] + " size " + flow.size[i] + ")";
    }
}
