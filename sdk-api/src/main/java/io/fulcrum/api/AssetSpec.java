package io.fulcrum.api;

import java.util.Objects;

/**
 * An asset and the number of decimals of its smallest unit. Every amount of the asset in
 * Fulcrum is a {@code long} count of smallest units.
 *
 * <p>Example: {@code new AssetSpec(AssetId.of("USDC"), 6)}: 1 USDC is 1,000,000 units, and
 * {@code toUnits("12.5")} is 12,500,000.
 *
 * @param id the asset
 * @param decimals decimals of the smallest unit, 0 to 18
 */
public record AssetSpec(AssetId id, int decimals) {
    public AssetSpec {
        Objects.requireNonNull(id, "id");
        if (decimals < 0 || decimals > 18) {
            throw new IllegalArgumentException("decimals of " + id + " must be in [0, 18]: " + decimals);
        }
    }

    /** Returns the asset {@code symbol} with {@code decimals} decimals. */
    public static AssetSpec of(String symbol, int decimals) {
        return new AssetSpec(AssetId.of(symbol), decimals);
    }

    /** Converts a decimal amount such as {@code "12.5"} to smallest units; rejects excess decimals. */
    public long toUnits(String decimal) {
        return Fixed.parse(decimal, decimals);
    }

    /** Formats {@code units} as a decimal amount of this asset, e.g. {@code 12.500000}. */
    public String format(long units) {
        return Fixed.format(units, decimals);
    }
}
