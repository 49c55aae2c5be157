package io.fulcrum.api.spi;

import io.fulcrum.api.AssetSpec;

/**
 * Says what a holding is worth as margin. The settlement asset counts in full; other assets
 * count at their oracle price less a haircut (or not at all), so a collateral's depeg flows
 * straight into every holder's equity.
 *
 * <p>Example: 1 BTC at 60,000 USDC with a 5 % haircut is worth 57,000 USDC of collateral.
 */
public interface CollateralPolicy {
    /**
     * The collateral value, in settlement units, of holding {@code amount} of {@code asset};
     * rounded down. A negative amount (a debt) counts in full, never haircut.
     */
    long collateralValue(AssetSpec asset, long amount, PriceView prices);
}
