package io.fulcrum.margin;

import io.fulcrum.api.AssetId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.spi.CollateralPolicy;
import io.fulcrum.api.spi.PriceView;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an account's holdings count for as margin: the settlement asset in full, each listed
 * asset at its oracle price less a haircut, anything else not at all. A collateral's price drop
 * (a depeg) therefore flows straight into every holder's equity. This is the collateral-ratio
 * scheme of unified and portfolio-margin accounts: Binance's {@code Equity(asset) = min(amount ×
 * indexPrice × collateralRate, amount × indexPrice)}, haircut only when positive (MECHANISMS.md
 * §5.4). dYdX v4 (§2.2) and Avantis (§4) take the settlement asset only ({@link #settlementOnly}).
 *
 * <p>The rules, all in settlement units:
 * <ul>
 *   <li>the settlement asset counts 100 %, unit for unit;
 *   <li>a positive holding of a listed asset is worth {@code amount × assetPrice / 10^decimals},
 *       rounded down, then each band of that value ({@link HaircutTier}) counts at
 *       {@code 1 − haircut}, rounded down per band: the result is never above the exact value and
 *       at most one unit per band below it;
 *   <li>a positive holding of an unlisted asset counts 0;
 *   <li>a positive holding whose asset has no price ({@link PriceView#NO_PRICE}) counts 0: the
 *       safe reading of a missing price for something the account owns;
 *   <li>a negative holding (a debt) of any asset counts in full, never haircut, its magnitude
 *       rounded up; a debt cannot be valued without a price, so a missing price for it throws
 *       {@link IllegalStateException} rather than letting the debt count as 0.
 * </ul>
 *
 * <p>Example: with USDC (6 decimals) as settlement asset and BTC (8 decimals) listed at a 5 %
 * haircut, 1 BTC ({@code 100_000_000}) at 60,000 USDC ({@code assetPrice = 60_000_000_000}) is
 * worth 57,000 USDC ({@code 57_000_000_000}); 1,000 USDC counts 1,000 USDC.
 */
public final class HaircutCollateral implements CollateralPolicy {
    private final AssetSpec settlement;
    private final Map<AssetId, List<HaircutTier>> haircuts;

    private HaircutCollateral(AssetSpec settlement, Map<AssetId, List<HaircutTier>> haircuts) {
        this.settlement = settlement;
        this.haircuts = haircuts;
    }

    /** Only {@code settlement} counts; every other holding is worth 0 (debts still count in full). */
    public static HaircutCollateral settlementOnly(AssetSpec settlement) {
        return builder(settlement).build();
    }

    /** Starts a policy that counts {@code settlement} in full and lists other assets with haircuts. */
    public static Builder builder(AssetSpec settlement) {
        return new Builder(settlement);
    }

    /** The asset values are expressed in. */
    public AssetSpec settlement() {
        return settlement;
    }

    /** The haircut bands of {@code asset}, or an empty list if it is not listed. */
    public List<HaircutTier> haircuts(AssetId asset) {
        return haircuts.getOrDefault(asset, List.of());
    }

    /**
     * The collateral value of {@code amount} of {@code asset}, rounded down.
     *
     * @throws IllegalArgumentException if {@code asset} is the settlement asset with other decimals
     * @throws IllegalStateException if {@code amount} is a debt of an asset that has no price
     * @throws io.fulcrum.api.FixedPointOverflowException if the value does not fit in a {@code long}
     */
    @Override
    public long collateralValue(AssetSpec asset, long amount, PriceView prices) {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(prices, "prices");
        if (asset.id().equals(settlement.id())) {
            if (asset.decimals() != settlement.decimals()) {
                throw new IllegalArgumentException("settlement asset " + settlement.id() + " has " + settlement.decimals()
                        + " decimals, not " + asset.decimals());
            }
            return amount;
        }
        if (amount == 0) {
            return 0;
        }
        long price = prices.assetPrice(asset.id());
        long unit = Fixed.pow10(asset.decimals());
        if (amount < 0) {
            if (price <= 0) {
                throw new IllegalStateException("a debt of " + asset.format(amount) + " " + asset.id()
                        + " cannot be valued: the asset has no price (" + price + ")");
            }
            return Fixed.mulDiv(amount, price, unit, RoundingMode.FLOOR);
        }
        List<HaircutTier> tiers = haircuts.get(asset.id());
        if (tiers == null || price <= 0) {
            return 0;
        }
        long gross = Fixed.mulDiv(amount, price, unit, RoundingMode.FLOOR);
        long value = 0;
        for (int i = 0; i < tiers.size(); i++) {
            HaircutTier tier = tiers.get(i);
            if (gross <= tier.valueFloor()) {
                break;
            }
            long top = i + 1 < tiers.size() ? Math.min(gross, tiers.get(i + 1).valueFloor()) : gross;
            long band = top - tier.valueFloor();
            value = Fixed.add(value, Fixed.ppm(band, Fixed.PPM - tier.haircutPpm(), RoundingMode.FLOOR));
        }
        return value;
    }

    @Override
    public String toString() {
        return "HaircutCollateral[" + settlement.id() + " 100 %, haircuts " + haircuts + "]";
    }

    /**
     * Builds a {@link HaircutCollateral}. Each asset may be listed once; the settlement asset may
     * not be listed (it always counts in full).
     */
    public static final class Builder {
        private final AssetSpec settlement;
        private final Map<AssetId, List<HaircutTier>> haircuts = new TreeMap<>();

        private Builder(AssetSpec settlement) {
            this.settlement = Objects.requireNonNull(settlement, "settlement");
        }

        /** Lists {@code asset} with one haircut on its whole value, e.g. 50,000 ppm = counts 95 %. */
        public Builder haircut(AssetId asset, long haircutPpm) {
            return tieredHaircut(asset, List.of(HaircutTier.flat(haircutPpm)));
        }

        /**
         * Lists {@code asset} with haircut bands by value: floors strictly increasing from 0,
         * haircuts not decreasing (a larger holding never counts a larger share).
         */
        public Builder tieredHaircut(AssetId asset, List<HaircutTier> tiers) {
            Objects.requireNonNull(asset, "asset");
            Objects.requireNonNull(tiers, "tiers");
            if (asset.equals(settlement.id())) {
                throw new IllegalArgumentException(asset + " is the settlement asset: it always counts in full");
            }
            if (haircuts.containsKey(asset)) {
                throw new IllegalStateException(asset + " is already listed");
            }
            if (tiers.isEmpty()) {
                throw new IllegalArgumentException(asset + ": at least one haircut band is needed");
            }
            List<HaircutTier> copy = new ArrayList<>(tiers);
            for (int i = 0; i < copy.size(); i++) {
                HaircutTier tier = copy.get(i);
                if (tier == null) {
                    throw new IllegalArgumentException(asset + ": haircut band " + i + " is null");
                }
                if (i == 0 && tier.valueFloor() != 0) {
                    throw new IllegalArgumentException(asset + ": the first haircut band must start at value 0");
                }
                if (i > 0) {
                    HaircutTier prev = copy.get(i - 1);
                    if (tier.valueFloor() <= prev.valueFloor()) {
                        throw new IllegalArgumentException(asset + ": haircut band floors must increase strictly: "
                                + prev.valueFloor() + " then " + tier.valueFloor());
                    }
                    if (tier.haircutPpm() < prev.haircutPpm()) {
                        throw new IllegalArgumentException(asset + ": haircuts must not decrease with value: band " + i
                                + " has " + tier.haircutPpm() + " ppm after " + prev.haircutPpm() + " ppm");
                    }
                }
            }
            haircuts.put(asset, List.copyOf(copy));
            return this;
        }

        /** Builds the policy. */
        public HaircutCollateral build() {
            return new HaircutCollateral(settlement, Collections.unmodifiableMap(new TreeMap<>(haircuts)));
        }
    }
}
