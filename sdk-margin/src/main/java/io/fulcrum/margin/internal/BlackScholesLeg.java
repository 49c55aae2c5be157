package io.fulcrum.margin.internal;

/**
 * A European option position valued with {@link BlackScholes} (zero rate): {@code quantity}
 * options (negative when written) on an underlying now at {@code spot}, struck at
 * {@code strike}, with volatility {@code sigma} and {@code years} to expiry now; scenarios value
 * it {@code lookAheadYears} later (SPAN's one-day look-ahead, MECHANISMS.md §6.1; 0 in §6.4).
 *
 * <p>Example (§6.4): short 1 call K 110,000, 30 days, σ 50 %, S 100,000 is
 * {@code new BlackScholesLeg(-1, true, 100_000, 110_000, 0.50, 30 / 365.0, 0)}: worth −2,275.43
 * now and −413.44 after a −16 % move with volatility +10 points.
 *
 * @param quantity options held, negative when written
 * @param call true for a call, false for a put
 * @param spot the underlying's price now, settlement units per option
 * @param strike the strike, settlement units
 * @param sigma the volatility now (0.5 = 50 %)
 * @param years time to expiry now, years
 * @param lookAheadYears how much sooner expiry is in every scenario, years
 */
public record BlackScholesLeg(double quantity, boolean call, double spot, double strike, double sigma, double years,
        double lookAheadYears) implements ScenarioLeg {

    public BlackScholesLeg {
        if (!(spot > 0) || !(strike > 0) || !(sigma >= 0) || !(years >= 0) || !(lookAheadYears >= 0)
                || lookAheadYears > years || !Double.isFinite(quantity)) {
            throw new IllegalArgumentException("invalid option leg: quantity " + quantity + ", spot " + spot + ", strike "
                    + strike + ", sigma " + sigma + ", years " + years + ", look-ahead " + lookAheadYears);
        }
    }

    @Override
    public double value() {
        return quantity * price(spot, sigma, years);
    }

    @Override
    public double value(double priceMove, double volShift) {
        // A volatility shock cannot take volatility below zero.
        return quantity * price(spot * (1 + priceMove), Math.max(0.0, sigma + volShift), years - lookAheadYears);
    }

    private double price(double forward, double volatility, double time) {
        return call ? BlackScholes.call(forward, strike, volatility, time) : BlackScholes.put(forward, strike, volatility, time);
    }
}
