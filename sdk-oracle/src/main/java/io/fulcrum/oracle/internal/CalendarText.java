package io.fulcrum.oracle.internal;

import java.time.Instant;

/** How guards write instants, ppm ratios and margin scales in their reasons, for people. */
public final class CalendarText {
    private CalendarText() {
    }

    /** An epoch-millisecond instant in ISO-8601 UTC: {@code 2025-10-10T20:00:00Z}. */
    public static String instant(long epochMs) {
        return Instant.ofEpochMilli(epochMs).toString();
    }

    /**
     * A ppm ratio as a percentage with at least one decimal and no trailing zeros:
     * 30,000 ppm is {@code 3.0%}, 25,000 is {@code 2.5%}, 1 is {@code 0.0001%}.
     */
    public static String percent(long ppm) {
        return decimal(ppm, 10_000L, 4) + "%";
    }

    /** A ppm scale as a multiplier: 1,500,000 ppm is {@code 1.5x}. */
    public static String multiplier(long ppm) {
        return decimal(ppm, 1_000_000L, 6) + "x";
    }

    /** {@code value / unit} for a non-negative value, {@code unit = 10^digits}, exactly. */
    private static String decimal(long value, long unit, int digits) {
        String fraction = String.valueOf(value % unit);
        fraction = "0".repeat(digits - fraction.length()) + fraction;
        int end = fraction.length();
        while (end > 1 && fraction.charAt(end - 1) == '0') {
            end--;
        }
        return (value / unit) + "." + fraction.substring(0, end);
    }
}
