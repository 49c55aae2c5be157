package io.fulcrum.api.spi;

import io.fulcrum.api.AssetId;
import io.fulcrum.api.MarketId;

/**
 * The prices a venue currently uses.
 *
 * <p>Market prices are in the market's price units. An asset price is in settlement-asset
 * smallest units per whole unit of the asset: with USDC at 6 decimals, USDe at 0.65 is
 * {@code 650_000}. The settlement asset's own price is always one whole unit.
 */
public interface PriceView {
    /** Returned when a price is not known. Real prices are positive. */
    long NO_PRICE = 0L;

    /** The price margin and PnL are computed at, or {@link #NO_PRICE}. */
    long markPrice(MarketId market);

    /** The oracle (index) price, or {@link #NO_PRICE}. */
    long indexPrice(MarketId market);

    /** The price of a whole unit of {@code asset} in settlement units, or {@link #NO_PRICE}. */
    long assetPrice(AssetId asset);

    /**
     * The factor, in ppm, by which margin requirements on {@code market} are widened now: a
     * tokenized stock whose exchange is closed may ask for 1.5× (1,500,000). 1,000,000 means
     * unchanged, and is the default.
     */
    default long marginScalePpm(MarketId market) {
        return 1_000_000L;
    }

    /**
     * The open interest of {@code market} in size units: the sum of every long position (equal
     * to the sum of every short). dYdX scales initial margin with it (MECHANISMS.md §2.1). 0 if
     * unknown, the default.
     */
    default long openInterest(MarketId market) {
        return 0;
    }
}
