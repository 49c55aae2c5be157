package io.fulcrum.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.spi.PriceObservation;
import io.fulcrum.api.spi.PriceReading;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixedPriceSourceTest {
    @Test
    void readsItsPriceAtAnyTime() {
        FixedPriceSource source = FixedPriceSource.of(500_000);
        assertEquals(PriceReading.ok(500_000), source.read(feed -> null, 0));
        assertEquals(PriceReading.ok(500_000), source.read(feed -> null, Long.MAX_VALUE));
    }

    @Test
    void ignoresWhateverIsPublished() {
        FixedPriceSource source = FixedPriceSource.of(500_000);
        assertEquals(PriceReading.ok(500_000), source.read(feed -> new PriceObservation(feed, 1, 0, 0), 10));
    }

    @Test
    void readsNoFeeds() {
        assertEquals(List.of(), FixedPriceSource.of(1).feeds());
    }

    @Test
    void aNonPositivePriceIsRefused() {
        assertEquals("a fixed price must be positive: 0",
                assertThrows(IllegalArgumentException.class, () -> FixedPriceSource.of(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> FixedPriceSource.of(-1));
    }
}
