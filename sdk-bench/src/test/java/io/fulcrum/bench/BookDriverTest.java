package io.fulcrum.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The drivers map the four row types onto each engine the same way, and the check the benchmarks
 * run before timing fails loudly, naming the engine and the numbers.
 */
class BookDriverTest {
    /**
     * Asks 5 at 101 (order 1), 3 at 101 (order 2), 4 at 103 (order 3), a bid 2 at 99 (order 4);
     * then a buy IOC of 6 at 101 fills 5 from order 1 and 1 from order 2; order 3 moves to 101,
     * behind order 2; order 4 is cancelled; a sell GTC of 1 at 99 rests, the best ask now that no
     * bid is left; a buy GTC of 4 at 102 fills 1 from order 6 at 99, 2 from order 2 and 1 from
     * order 3, which keeps 3. Five fills, 10 lots, one ask of 3 lots left.
     */
    private static OrderFlow smallFlow(OrderFlow.Expected expected) {
        return new OrderFlow.Builder()
                .add(OrderFlow.GTC, false, 1, 7, 101, 5)
                .add(OrderFlow.GTC, false, 2, 8, 101, 3)
                .add(OrderFlow.GTC, false, 3, 9, 103, 4)
                .add(OrderFlow.GTC, true, 4, 7, 99, 2)
                .endPrefill()
                .add(OrderFlow.IOC, true, 5, 9, 101, 6)
                .add(OrderFlow.MOVE, false, 3, 9, 101, 0)
                .add(OrderFlow.CANCEL, true, 4, 7, 0, 0)
                .add(OrderFlow.GTC, false, 6, 8, 99, 1)
                .add(OrderFlow.GTC, true, 7, 7, 102, 4)
                .build("small", expected);
    }

    private static final OrderFlow.Expected SMALL = new OrderFlow.Expected(5, 10, 0, 0, 1, 3);

    @Test
    void everyEngineMakesTheWorkedFills() {
        OrderFlow flow = smallFlow(SMALL);
        for (String engine : BookDriver.ENGINES) {
            assertEquals(SMALL, BookDriver.verify(engine, flow).result(), engine);
        }
    }

    @Test
    void aWrongResultFailsTheCheckNamingEngineAndNumbers() {
        OrderFlow.Expected wrong = new OrderFlow.Expected(6, 10, 0, 0, 1, 3);
        OrderFlow flow = smallFlow(wrong);
        for (String engine : BookDriver.ENGINES) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> BookDriver.verify(engine, flow));
            assertTrue(e.getMessage().startsWith(engine + " does not reproduce"), e.getMessage());
            assertTrue(e.getMessage().contains("expected 6 trades"), e.getMessage());
            assertTrue(e.getMessage().contains("got 5 trades"), e.getMessage());
        }
    }

    @Test
    void aCancelOfAnOrderThatDoesNotRestIsOutOfStep() {
        OrderFlow flow = new OrderFlow.Builder()
                .add(OrderFlow.GTC, true, 1, 7, 99, 2)
                .endPrefill()
                .add(OrderFlow.CANCEL, true, 2, 7, 0, 0)
                .build("bad cancel", new OrderFlow.Expected(0, 0, 1, 2, 0, 0));
        for (String engine : BookDriver.ENGINES) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> BookDriver.verify(engine, flow));
            assertTrue(e.getMessage().startsWith(engine + ": row 1 (CANCEL order 2)"), e.getMessage());
        }
    }

    @Test
    void anUnknownEngineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BookDriver.factory("liquibook", smallFlow(SMALL)));
    }

    @Test
    void theFootprintFlowRestsEveryOrder() {
        OrderFlow flow = RestingOrderFootprint.restingOrders(10_000, 100);
        for (String engine : BookDriver.ENGINES) {
            BookDriver book = BookDriver.factory(engine, flow).get();
            book.replay(0, flow.rows());
            assertEquals(flow.expected(), book.result(), engine);
        }
    }
}
