package io.fulcrum.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.spi.MatchingEngine;
import org.junit.jupiter.api.Test;

/**
 * The two sides of {@link VenueKernelBenchmark} do the same matching work: the venue and the bare
 * book make the same fills, operation by operation, segment after segment, and both end each
 * segment with an empty book. Otherwise the ratio would compare different work.
 */
class EqualWorkTest {
    private static final int OPERATIONS = 300;
    private static final int SEGMENTS = 3;

    @Test
    void aSegmentEndsEmptyAndHasExactlyTheRequestedOperations() {
        OrderStream stream = OrderStream.generate(42, 4, OPERATIONS);

        assertEquals(OPERATIONS, stream.size());
        assertTrue(stream.tradeCount() > 50, "the stream must trade: " + stream.tradeCount() + " fills");
        assertTrue(stream.placeCount() < OPERATIONS, "the stream must cancel as well as place");
    }

    @Test
    void theVenueAndTheBareBookMakeTheSameFillsForEveryOperation() {
        OrderStream stream = OrderStream.generate(42, 4, OPERATIONS);
        KernelReplay kernel = new KernelReplay(stream);
        BookReplay book = new BookReplay(stream);

        for (int segment = 0; segment < SEGMENTS; segment++) {
            int kernelFills = 0;
            int bookFills = 0;
            for (int i = 0; i < stream.size(); i++) {
                int k = kernel.apply(i);
                int b = book.apply(i);
                assertEquals(b, k, "fills of operation " + i + " in segment " + segment);
                kernelFills += k;
                bookFills += b;
            }
            kernel.nextSegment();
            book.nextSegment();

            assertEquals(stream.tradeCount(), kernelFills, "venue fills in segment " + segment);
            assertEquals(stream.tradeCount(), bookFills, "book fills in segment " + segment);
            assertEquals(MatchingEngine.NO_PRICE, kernel.venue().bestBid(OrderStream.MARKET.id()));
            assertEquals(MatchingEngine.NO_PRICE, kernel.venue().bestAsk(OrderStream.MARKET.id()));
            assertEquals(0, book.book().restingOrderCount());
        }
        assertTrue(kernel.venue().audit().isConserved());
    }

    @Test
    void theSameSeedGivesTheSameStream() {
        OrderStream a = OrderStream.generate(7, 3, OPERATIONS);
        OrderStream b = OrderStream.generate(7, 3, OPERATIONS);

        assertEquals(a.tradeCount(), b.tradeCount());
        for (int i = 0; i < OPERATIONS; i++) {
            assertEquals(a.isCancel(i), b.isCancel(i));
            assertEquals(a.order(i), b.order(i));
            assertEquals(a.price(i), b.price(i));
            assertEquals(a.size(i), b.size(i));
        }
    }
}
