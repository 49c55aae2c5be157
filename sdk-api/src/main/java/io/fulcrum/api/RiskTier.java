package io.fulcrum.api;

/**
 * One bracket of a market's risk ladder: from {@code notionalFloor} upwards, a position's
 * initial margin rate is {@code initialMarginPpm} and its maintenance rate
 * {@code maintenanceMarginPpm} (parts per million of notional).
 *
 * <p>Maintenance across brackets uses the Binance / Hyperliquid "maintenance amount"
 * (cumulative deduction, MECHANISMS.md §1.3 and §5.1), which {@link MarketSpec} derives from the
 * floors: {@code MM = N * MMR(n) - deduction(n)}, {@code deduction(n) = deduction(n-1) +
 * floor(n) * (MMR(n) - MMR(n-1))}, so the requirement is continuous at each floor.
 *
 * <p>Example: Hyperliquid mainnet BTC, 40x below 150M and 20x above, is
 * {@code new RiskTier(0, 25_000, 12_500)} and {@code new RiskTier(150_000_000 USDC, 50_000, 25_000)}.
 *
 * @param notionalFloor the notional (settlement units) at which this bracket starts; 0 for the first
 * @param initialMarginPpm initial margin rate, 1 to 1,000,000 ppm (1,000,000 = 1x leverage)
 * @param maintenanceMarginPpm maintenance rate, 1 ppm up to the initial rate
 */
public record RiskTier(long notionalFloor, long initialMarginPpm, long maintenanceMarginPpm) {
    public RiskTier {
        if (notionalFloor < 0) {
            throw new IllegalArgumentException("notional floor must be non-negative: " + notionalFloor);
        }
        if (initialMarginPpm <= 0 || initialMarginPpm > Fixed.PPM) {
            throw new IllegalArgumentException("initial margin must be in (0, 1,000,000] ppm: " + initialMarginPpm);
        }
        if (maintenanceMarginPpm <= 0 || maintenanceMarginPpm > initialMarginPpm) {
            throw new IllegalArgumentException("maintenance margin must be in (0, initial margin " + initialMarginPpm
                    + "] ppm: " + maintenanceMarginPpm);
        }
    }

    /** A single bracket covering every notional: one initial and one maintenance fraction. */
    public static RiskTier flat(long initialMarginPpm, long maintenanceMarginPpm) {
        return new RiskTier(0, initialMarginPpm, maintenanceMarginPpm);
    }

    /**
     * A bracket for a venue that publishes maximum leverage, as Hyperliquid does (MECHANISMS.md
     * §1.3): initial rate {@code 1 / maxLeverage} and maintenance rate half of it, each rounded up
     * to the ppm. 40x gives 25,000 / 12,500 ppm; 3x gives 333,334 / 166,667 ppm.
     */
    public static RiskTier forMaxLeverage(long notionalFloor, long maxLeverage) {
        if (maxLeverage < 1 || maxLeverage > Fixed.PPM) {
            throw new IllegalArgumentException("maximum leverage must be 1 to 1,000,000: " + maxLeverage);
        }
        long initial = (Fixed.PPM + maxLeverage - 1) / maxLeverage;
        return new RiskTier(notionalFloor, initial, (Fixed.PPM + 2 * maxLeverage - 1) / (2 * maxLeverage));
    }

    /**
     * The highest whole leverage {@code L} this bracket allows: the largest whose initial rate
     * {@code 1 / L}, rounded up to the ppm as {@link #forMaxLeverage} writes it, is at least the
     * bracket's. 50,000 ppm gives 20x, 150,000 ppm 6x, and 333,334 ppm (a third, rounded up) 3x.
     */
    public long maxLeverage() {
        if (initialMarginPpm == 1) {
            return Fixed.PPM;
        }
        // ceil(10^6 / L) >= I  <=>  10^6 / L > I - 1  <=>  L < 10^6 / (I - 1)
        long bound = Fixed.PPM / (initialMarginPpm - 1);
        return Fixed.PPM % (initialMarginPpm - 1) == 0 ? bound - 1 : bound;
    }
}
