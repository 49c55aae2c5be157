package io.fulcrum.amm;

import io.fulcrum.api.AssetId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Fixed;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One token a liquidity pool holds, and how its oracle price is written: the price is settlement units per
 * <i>whole</i> token, with {@code priceDecimals} extra decimals, so the value of {@code amount} smallest units is
 * {@code amount * price / 10^(decimals + priceDecimals)}.
 *
 * <p>Example: WETH with 8 decimals, settlement in USDC units (6 decimals), {@code priceDecimals} 0: at 3,000 USD the
 * price is 3,000,000,000 and 0.5 WETH (50,000,000 units) is worth 50,000,000 × 3,000,000,000 / 10^8 =
 * 1,500,000,000 USDC units (1,500 USD). A memecoin at 0.000123 USD needs {@code priceDecimals} ≥ 3.
 *
 * @param asset the token and its decimals
 * @param priceDecimals extra decimals of the price, so that {@code asset.decimals() + priceDecimals <= 18}
 */
public record LpAsset(AssetSpec asset, int priceDecimals) {
    public LpAsset {
        Objects.requireNonNull(asset, "asset");
        if (priceDecimals < 0 || asset.decimals() + priceDecimals > 18) {
            throw new IllegalArgumentException("priceDecimals of " + asset.id() + " must be in [0, "
                    + (18 - asset.decimals()) + "] (decimals + priceDecimals <= 18): " + priceDecimals);
        }
    }

    /** The token's id. */
    public AssetId id() {
        return asset.id();
    }

    /** Settlement value of {@code amount} smallest units at {@code price}, rounded by {@code mode}. */
    public long valueOf(long amount, long price, RoundingMode mode) {
        return Fixed.mulDiv(amount, price, Fixed.pow10(asset.decimals() + priceDecimals), mode);
    }

    /** Smallest units worth {@code value} settlement units at {@code price} (positive), rounded by {@code mode}. */
    public long amountFor(long value, long price, RoundingMode mode) {
        return Fixed.mulDiv(value, Fixed.pow10(asset.decimals() + priceDecimals), price, mode);
    }
}
