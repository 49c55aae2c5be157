package io.fulcrum.margin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BlackScholesTest {
    @Test
    void normalCdfMatchesTabulatedValues() {
        // Φ(0) = 1/2; Φ(1.96) = 0.9750021048517795; Φ(−1) = 0.15865525393145707 (tables).
        assertEquals(0.5, BlackScholes.normalCdf(0), 0);
        assertEquals(0.9750021048517795, BlackScholes.normalCdf(1.96), 1e-15);
        assertEquals(0.15865525393145707, BlackScholes.normalCdf(-1), 1e-15);
    }

    @Test
    void section64CallIsWorth2275Point4338() {
        // MECHANISMS.md §6.4: K 110,000, S 100,000, 30 days, σ 50 %.
        assertEquals(2_275.4338, BlackScholes.call(100_000, 110_000, 0.50, 30 / 365.0), 0.00005);
    }

    @Test
    void section61CallIsWorth1Point0836() {
        assertEquals(1.0836, BlackScholes.call(100, 105, 0.25, 30 / 365.0), 0.00005);
    }

    @Test
    void aPutIsWorthTheCallLessTheForwardPlusTheStrike() {
        double call = BlackScholes.call(100, 95, 0.3, 0.25);
        assertEquals(call - 100 + 95, BlackScholes.put(100, 95, 0.3, 0.25), 0);
    }

    @Test
    void atExpiryACallIsWorthItsIntrinsicValue() {
        assertEquals(5.0, BlackScholes.call(110, 105, 0.25, 0), 0);
        assertEquals(0.0, BlackScholes.call(100, 105, 0.25, 0), 0);
    }

    @Test
    void aLegsScenarioValueUsesTheShiftedSpotVolatilityAndTime() {
        // Short 1 call: −c(84,000, 60 %, 30 d) after a −16 % move with +10 volatility points.
        BlackScholesLeg leg = new BlackScholesLeg(-1, true, 100_000, 110_000, 0.5, 30 / 365.0, 0);
        assertEquals(-BlackScholes.call(84_000, 110_000, 0.6, 30 / 365.0), leg.value(-0.16, 0.10), 0);
        assertEquals(-413.44, leg.value(-0.16, 0.10), 0.005);
    }
}
