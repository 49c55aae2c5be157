package io.fulcrum.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.Command;
import io.fulcrum.api.CommandId;
import org.junit.jupiter.api.Test;

class PriceTickTest {
    @Test
    void becomesThePublishPriceCommandWithTheSameFields() {
        // 101,516.5 ± 0.5 at one price decimal.
        PriceTick tick = new PriceTick(1_760_131_200_000L, "BTC-USD", 1_015_165, 5);
        assertEquals(new Command.PublishPrice(CommandId.of(7), 1_760_131_200_000L, "BTC-USD", 1_015_165, 5),
                tick.toCommand(CommandId.of(7)));
    }

    @Test
    void aZeroConfidenceMeansNoneGiven() {
        assertEquals(0, new PriceTick(0, "BTC-USD", 1, 0).confidence());
    }

    @Test
    void aZeroPriceIsRefusedNamingTheFeedAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PriceTick(1_000, "BTC-USD", 0, 0));
        assertEquals("BTC-USD at 1000 ms: the price must be positive: 0", e.getMessage());
    }

    @Test
    void aNegativePriceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PriceTick(1_000, "BTC-USD", -5, 0));
    }

    @Test
    void aNegativeConfidenceIsRefusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PriceTick(1_000, "BTC-USD", 100, -1));
        assertEquals("BTC-USD at 1000 ms: the confidence must not be negative: -1", e.getMessage());
    }

    @Test
    void aBlankFeedIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PriceTick(1_000, " ", 100, 0));
        assertEquals("a price tick's feed must not be blank", e.getMessage());
    }

    @Test
    void aMissingFeedIsRefused() {
        assertThrows(NullPointerException.class, () -> new PriceTick(1_000, null, 100, 0));
    }

    @Test
    void aMissingCommandIdIsRefused() {
        assertThrows(NullPointerException.class, () -> new PriceTick(1_000, "BTC-USD", 100, 0).toCommand(null));
    }
}
