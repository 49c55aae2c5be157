package io.fulcrum.oracle.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CalendarTextTest {
    @Test
    void percentagesKeepOneDecimalAndDropTrailingZeros() {
        assertEquals("3.0%", CalendarText.percent(30_000));
        assertEquals("2.5%", CalendarText.percent(25_000));
        assertEquals("0.0001%", CalendarText.percent(1));
        assertEquals("0.0%", CalendarText.percent(0));
        assertEquals("110.25%", CalendarText.percent(1_102_500));
    }

    @Test
    void marginScalesAreMultipliers() {
        assertEquals("1.5x", CalendarText.multiplier(1_500_000));
        assertEquals("1.0x", CalendarText.multiplier(1_000_000));
        assertEquals("2.000001x", CalendarText.multiplier(2_000_001));
    }

    @Test
    void instantsAreIsoUtc() {
        // 2025-10-10T20:00:00Z = 1,760,126,400 s after the epoch.
        assertEquals("2025-10-10T20:00:00Z", CalendarText.instant(1_760_126_400_000L));
    }
}
