package io.fulcrum.api.spi;

import io.fulcrum.api.AssetSpec;
import java.util.Objects;

/**
 * An account's holding of one asset, in the asset's smallest units. Negative for the
 * settlement asset when realised losses and fees exceed what was deposited.
 *
 * <p>Example: {@code new Balance(AssetSpec.of("USDC", 6), 2_500_000)} is 2.5 USDC.
 */
public record Balance(AssetSpec asset, long amount) {
    public Balance {
        Objects.requireNonNull(asset, "asset");
    }
}
