package io.fulcrum.margin.internal;

/**
 * A position whose value is not linear in its underlying's price, such as an option, as the
 * scenario engine revalues it. The SDK has no option instruments yet; this is the seam through
 * which the grid is tested with an option leg (MECHANISMS.md §6.1, §6.4), and through which an
 * option market would be margined later. Values are IEEE doubles in settlement units, as §6.4
 * specifies for Black-Scholes values; the engine rounds each scenario's loss up to a whole unit.
 *
 * <p>Example: a short call's {@code value()} is {@code −2,275.43} and its value after a −16 %
 * move with volatility 10 points higher is {@code −413.44}: the scenario gains 1,861.99.
 */
public interface ScenarioLeg {
    /** The leg's value now, settlement units (negative for a written option). */
    double value();

    /**
     * The leg's value after its underlying's price moves by the fraction {@code priceMove}
     * (−0.16 is a 16 % fall) and its volatility by {@code volShift} (0.10 is ten points up),
     * settlement units.
     */
    double value(double priceMove, double volShift);
}
