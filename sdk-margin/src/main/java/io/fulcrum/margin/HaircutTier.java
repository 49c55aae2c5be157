package io.fulcrum.margin;

import io.fulcrum.api.Fixed;

/**
 * One band of a tiered collateral haircut: the part of a holding's value (in settlement units)
 * from {@code valueFloor} up to the next band's floor counts at {@code 1 − haircutPpm / 1,000,000}.
 * Binance's cross-margin and Portfolio-Margin-Pro haircuts work this way (MECHANISMS.md §5.4):
 * BTC counts 100 % up to 100M USDT of value, 97.5 % from 100M to 120M, 95 % from 120M to 150M.
 *
 * <p>Example: {@code new HaircutTier(100_000_000_000_000L, 25_000)} is "from 100M (6-decimal
 * units) on, 2.5 % off".
 *
 * @param valueFloor the value, settlement units, at which the band starts; 0 for the first band
 * @param haircutPpm the share of the band's value that does not count, 0 to 1,000,000 ppm
 */
public record HaircutTier(long valueFloor, long haircutPpm) {
    public HaircutTier {
        if (valueFloor < 0) {
            throw new IllegalArgumentException("haircut value floor must be non-negative: " + valueFloor);
        }
        if (haircutPpm < 0 || haircutPpm > Fixed.PPM) {
            throw new IllegalArgumentException("haircut must be in [0, 1,000,000] ppm: " + haircutPpm);
        }
    }

    /** One band covering every value. */
    public static HaircutTier flat(long haircutPpm) {
        return new HaircutTier(0, haircutPpm);
    }
}
