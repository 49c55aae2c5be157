package io.fulcrum.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorrelationGroupTest {
    @Test
    void aGroupKeepsItsUnderlyingsInOrder() {
        assertEquals(List.of("BTC", "WBTC"), CorrelationGroup.of("BTC", "BTC", "WBTC").underlyings());
    }

    @Test
    void anUnderlyingListedTwiceIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CorrelationGroup.of("MAJORS", "BTC", "BTC"));
        assertEquals("correlation group MAJORS lists BTC twice", e.getMessage());
    }

    @Test
    void aLowerCaseNameIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CorrelationGroup.of("majors", "BTC"));
        assertEquals("correlation group name must be 1-32 upper-case letters, digits, '.', '_' or '-': 'majors'",
                e.getMessage());
    }

    @Test
    void anEmptyGroupIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CorrelationGroup.of("EMPTY"));
    }

    @Test
    void aCreditFromAGroupToItselfIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CorrelationGroup.OffsetCredit("BTC", "BTC", 500_000));
    }

    @Test
    void aCreditRateAbove100PercentIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CorrelationGroup.OffsetCredit("BTC", "ETH", 1_000_001));
        assertEquals("offset credit rate between BTC and ETH must be in [0, 1,000,000] ppm: 1000001", e.getMessage());
    }
}
