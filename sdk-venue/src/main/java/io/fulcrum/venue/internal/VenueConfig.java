package io.fulcrum.venue.internal;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.BorrowTerms;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.spi.FeeSchedule;
import io.fulcrum.api.spi.HealthIndex;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.api.spi.MarginModel;
import io.fulcrum.api.spi.MarkPriceRule;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.api.spi.OracleGuard;
import io.fulcrum.api.spi.PriceSource;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything a venue is assembled from, validated by the public builder. Building a kernel
 * from it twice gives two independent venues (fresh matching engines), which is how replay
 * works.
 */
public record VenueConfig(
        AssetSpec settlementAsset,
        List<CollateralAsset> collateralAssets,
        List<MarketSetup> markets,
        MarginModel marginModel,
        FeeSchedule feeSchedule,
        LiquidationPolicy liquidationPolicy,
        Supplier<HealthIndex> healthIndex,
        BorrowTerms borrowTerms) {

    /** A non-settlement asset accounts may hold, priced by {@code priceSource}. */
    public record CollateralAsset(AssetSpec asset, PriceSource priceSource) {}

    /** A market with its engine factory and price wiring: index source, mark rule and oracle guards. */
    public record MarketSetup(MarketSpec spec, Function<MarketSpec, MatchingEngine> engineFactory,
            PriceSource priceSource, MarkPriceRule markPriceRule, List<OracleGuard> guards) {
        public MarketSetup {
            guards = List.copyOf(guards);
        }

        /** The same market with {@code guard} added after its other guards. */
        public MarketSetup withGuard(OracleGuard guard) {
            List<OracleGuard> more = new java.util.ArrayList<>(guards);
            more.add(guard);
            return new MarketSetup(spec, engineFactory, priceSource, markPriceRule, more);
        }
    }

    public VenueConfig {
        collateralAssets = List.copyOf(collateralAssets);
        markets = List.copyOf(markets);
    }
}
