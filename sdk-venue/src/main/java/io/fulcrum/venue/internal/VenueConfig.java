package io.fulcrum.venue.internal;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.BorrowTerms;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.spi.FeeSchedule;
import io.fulcrum.api.spi.HealthIndex;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.api.spi.MarginModel;
import io.fulcrum.api.spi.MarkPriceRule;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.api.spi.OpenInterestLimit;
import io.fulcrum.api.spi.OracleGuard;
import io.fulcrum.api.spi.PoolFeeRule;
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
        BorrowTerms borrowTerms,
        List<PoolSetup> pools,
        io.fulcrum.api.spi.InsuranceFund insuranceFund,
        List<io.fulcrum.api.LossAbsorber> lossWaterfall,
        io.fulcrum.api.spi.DeleveragingRanking deleveragingRanking,
        io.fulcrum.api.AdlPrice adlPrice,
        io.fulcrum.api.AdlTrigger adlTrigger,
        long liquidationPenaltyPpm,
        long penaltyLiquidatorSharePpm,
        long penaltyVaultSharePpm,
        boolean backstopVault,
        long blockMillis,
        long takeoverMaxNetNotionalPpm,
        long takeoverUnwindBandPpm) {

    /** A non-settlement asset accounts may hold, priced by {@code priceSource}. */
    public record CollateralAsset(AssetSpec asset, PriceSource priceSource) {}

    /**
     * A market with its engine factory and price wiring: index source, mark rule and oracle
     * guards; for a pool market, the rule its fees follow (null: the venue's fee schedule); and
     * its funding model (null: no funding).
     */
    public record MarketSetup(MarketSpec spec, Function<MarketSpec, MatchingEngine> engineFactory,
            PriceSource priceSource, MarkPriceRule markPriceRule, List<OracleGuard> guards, PoolFeeRule poolFees,
            io.fulcrum.api.spi.FundingModel funding, io.fulcrum.api.spi.RiskControl riskControl,
            io.fulcrum.api.spi.BorrowingRule borrowing) {
        public MarketSetup {
            guards = List.copyOf(guards);
        }

        /** The same market with {@code guard} added after its other guards. */
        public MarketSetup withGuard(OracleGuard guard) {
            List<OracleGuard> more = new java.util.ArrayList<>(guards);
            more.add(guard);
            return new MarketSetup(spec, engineFactory, priceSource, markPriceRule, more, poolFees, funding, riskControl, borrowing);
        }

        /** The same market with its pool fees decided by {@code rule}. */
        public MarketSetup withPoolFees(PoolFeeRule rule) {
            return new MarketSetup(spec, engineFactory, priceSource, markPriceRule, guards, rule, funding, riskControl, borrowing);
        }

        /** The same market paying funding as {@code model} says. */
        public MarketSetup withFunding(io.fulcrum.api.spi.FundingModel model) {
            return new MarketSetup(spec, engineFactory, priceSource, markPriceRule, guards, poolFees, model, riskControl, borrowing);
        }

        /** The same pool market charging its traders borrowing as {@code rule} says. */
        public MarketSetup withBorrowing(io.fulcrum.api.spi.BorrowingRule rule) {
            return new MarketSetup(spec, engineFactory, priceSource, markPriceRule, guards, poolFees, funding, riskControl,
                    rule);
        }

        /** The same market tightened by {@code control} when its risk concentrates. */
        public MarketSetup withRiskControl(io.fulcrum.api.spi.RiskControl control) {
            return new MarketSetup(spec, engineFactory, priceSource, markPriceRule, guards, poolFees, funding, control, borrowing);
        }
    }

    /**
     * Pool markets that share one pool account and one set of liquidity shares (Avantis' single
     * vault), the open-interest limit that vault applies (null: none beyond the reserve), and its
     * auto-deleveraging thresholds as shares of its token value (0, 0: none), and the share of
     * its fees its insurance tranche earns (-1: no insurance tranche), and the share of its fees
     * the venue keeps (its treasury, 0: none).
     */
    public record PoolSetup(List<MarketId> markets, OpenInterestLimit limit, long adlTriggerPpm, long adlTargetPpm,
            long insuranceFeeSharePpm, long treasuryFeeSharePpm) {
        public PoolSetup {
            markets = List.copyOf(markets);
        }
    }

    public VenueConfig {
        collateralAssets = List.copyOf(collateralAssets);
        markets = List.copyOf(markets);
        pools = List.copyOf(pools);
        lossWaterfall = List.copyOf(lossWaterfall);
    }
}
