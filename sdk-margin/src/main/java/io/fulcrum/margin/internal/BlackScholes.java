package io.fulcrum.margin.internal;

/**
 * Black-76 option values with a zero interest rate (equivalently Black-Scholes on a forward),
 * in IEEE doubles as MECHANISMS.md §6.4 specifies: {@code call = F·N(d1) − K·N(d2)},
 * {@code d1 = (ln(F/K) + σ²T/2) / (σ√T)}, {@code d2 = d1 − σ√T}; a put follows from put-call
 * parity, {@code put = call − F + K}. {@link StrictMath} keeps every value identical on every
 * platform.
 *
 * <p>Example (§6.4): {@code call(100_000, 110_000, 0.50, 30 / 365.0)} is 2,275.4338.
 */
public final class BlackScholes {
    private static final double INV_SQRT_2PI = 1.0 / StrictMath.sqrt(2.0 * StrictMath.PI);

    private BlackScholes() {}

    /**
     * The value of a call on forward {@code forward} (0 or more) struck at {@code strike} with volatility
     * {@code sigma} (0.5 = 50 %) and {@code years} to expiry. At expiry, or with no volatility
     * left, the call is worth its intrinsic value.
     */
    public static double call(double forward, double strike, double sigma, double years) {
        if (!(forward >= 0) || !(strike > 0) || !(sigma >= 0) || !(years >= 0)) {
            throw new IllegalArgumentException("a call needs a non-negative forward, a positive strike and non-negative"
                    + " volatility and time: F " + forward + ", K " + strike + ", sigma " + sigma + ", T " + years);
        }
        if (forward == 0) {
            return 0.0; // a scenario that takes the price to zero
        }
        double deviation = sigma * StrictMath.sqrt(years);
        if (deviation == 0) {
            return Math.max(forward - strike, 0.0);
        }
        double d1 = (StrictMath.log(forward / strike) + 0.5 * deviation * deviation) / deviation;
        double d2 = d1 - deviation;
        return forward * normalCdf(d1) - strike * normalCdf(d2);
    }

    /** The value of a put, by put-call parity with a zero rate: {@code call − F + K}. */
    public static double put(double forward, double strike, double sigma, double years) {
        return call(forward, strike, sigma, years) - forward + strike;
    }

    /**
     * The standard normal distribution function. For |x| ≤ 9 it sums the everywhere-convergent
     * series {@code Φ(x) = 1/2 + φ(x)·(x + x³/3 + x⁵/(3·5) + …)}, whose terms all share the sign
     * of x, so nothing cancels and the sum is accurate to a few ulps; beyond 9 standard
     * deviations Φ is 0 or 1 to within 10⁻¹⁸, far below a settlement unit.
     */
    public static double normalCdf(double x) {
        if (x < -9) {
            return 0.0;
        }
        if (x > 9) {
            return 1.0;
        }
        double term = x;
        double sum = x;
        double square = x * x;
        for (int n = 1; n < 400; n++) {
            term *= square / (2 * n + 1);
            double next = sum + term;
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return 0.5 + INV_SQRT_2PI * StrictMath.exp(-0.5 * square) * sum;
    }
}
