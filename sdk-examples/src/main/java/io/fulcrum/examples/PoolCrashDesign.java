package io.fulcrum.examples;

import static io.fulcrum.examples.PoolCrashReplay.BTC;
import static io.fulcrum.examples.PoolCrashReplay.BTC_SPEC;
import static io.fulcrum.examples.PoolCrashReplay.USDC;

import io.fulcrum.amm.AvantisFees;
import io.fulcrum.amm.GmxPositionFees;
import io.fulcrum.amm.LossRebate;
import io.fulcrum.amm.OracleConfidence;
import io.fulcrum.amm.OraclePool;
import io.fulcrum.amm.PoolImpact;
import io.fulcrum.amm.PriceImpact;
import io.fulcrum.amm.SkewFeeTable;
import io.fulcrum.amm.VirtualAmmPool;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.spi.PoolFeeRule;
import io.fulcrum.margin.CollateralLossMargin;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.FullCloseLiquidation;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.oracle.PushedPriceSource;
import io.fulcrum.venue.Venue;
import java.math.RoundingMode;

/**
 * The three ways the {@link PoolCrashReplay} matches BTC-PERP against a pool, each a venue built
 * only from public SDK parts. Everything else (market, index, traders, liquidation policy, the
 * liquidity) is the replay's and the same in all three; the margin too, but for the Avantis-like
 * vault, which liquidates by its own rule (85 % of the collateral lost, §4) instead of the
 * market's 1 % maintenance, because that rule is part of its design.
 *
 * <pre>{@code
 * Venue vamm = PoolCrashDesign.VIRTUAL_AMM.newVenue(1_166_771);  // its curve starts at 116,677.1
 * Venue gmx = PoolCrashDesign.GMX_LIKE.newVenue(1_166_771);      // an oracle pool: the price is not used
 * }</pre>
 */
public enum PoolCrashDesign {
    /**
     * GMX v2 (MECHANISMS.md §3.1, §3.4): the pool trades at the index moved by a price impact on
     * the traders' long/short imbalance ({@link #GMX_IMPACT}), at the top of the oracle's
     * confidence interval for a buy and its bottom for a sale ({@link OracleConfidence#GMX}; the
     * recorded closes have none, so that is the close); the position fee is 0.04 % when the fill's
     * impact is positive, else 0.06 % ({@link GmxPositionFees#defaults}); the pool deleverages
     * its most profitable traders when their profit passes 85 % of its tokens, down to 77 %.
     * Cross margin, 1 % maintenance.
     */
    GMX_LIKE("GMX-like pool"),
    /**
     * Avantis (MECHANISMS.md §4): the vault trades at the index with no impact; 6 bps to open and
     * 6 bps to close on the adjusted size ({@link AvantisFees#fixed} with a flat
     * {@link SkewFeeTable}), 10 % of a loss paid back to trades opened on the less crowded side
     * ({@link LossRebate}); a position is liquidated once 85 % of its collateral (its notional over
     * its leverage) is lost ({@link CollateralLossMargin#avantis}). Of the same liquidity,
     * {@link #INSURANCE_TRANCHE_USDC} is a first-loss insurance tranche earning 30 % of the fees
     * (§4, §9).
     */
    AVANTIS_LIKE("Avantis-like vault"),
    /**
     * Perpetual Protocol v1: a virtual constant-product curve {@code x·y = k} sets the price,
     * moved only by the traders' net position; the index marks positions (and so decides
     * liquidations) but never enters a trade's price. The curve starts at the first close with
     * {@link #VAMM_BASE_BTC} BTC of virtual depth; fees are a flat 6 bps, as the oracle pools
     * charge, so that fees do not explain the difference. Cross margin, 1 % maintenance.
     */
    VIRTUAL_AMM("virtual AMM");

    /**
     * GMX's position impact for this pool: f⁻ = 1e-9, f⁺ = 5e-10 (applied as min(f⁺, f⁻)), exponent 2
     * both ways, caps 0.5 % / 0.4 %, USD at 6 decimals. GMX's ETH pool uses f⁻ = 9e-11 on a pool
     * of hundreds of millions; the impact's share of a trade grows with the imbalance, so a pool of
     * 1 M with the same factors would charge nothing. At 1e-9: a 100,000 long into a balanced pool
     * pays 1e-9 × 100,000² = 10 USD (1 bp); a 225,000 long into a 200,000 long imbalance pays
     * 1e-9 × (425,000² − 200,000²) = 140.6 USD (6 bps), inside the traders' 0.3 % limit.
     */
    public static final PriceImpact GMX_IMPACT = new PriceImpact(1_000_000_000L, 500_000_000L, 2, 2, 5_000, 4_000,
            USDC.decimals());

    /** GMX's ADL trigger: traders' profit above 85 % of the pool's tokens (§3.4). */
    public static final long GMX_ADL_TRIGGER_PPM = 850_000;
    /** GMX's ADL target: down to 77 %. */
    public static final long GMX_ADL_TARGET_PPM = 770_000;

    /** Avantis' crypto fees: 6 bps to open, 6 bps to close. */
    public static final long AVANTIS_FEE_PPM = 600;
    /** Avantis' loss rebate for trades on the less crowded side: 10 %. */
    public static final long AVANTIS_LOSS_REBATE_PPM = 100_000;
    /** The insurance tranche's share of the pool's fees: 30 %. */
    public static final long INSURANCE_FEE_SHARE_PPM = 300_000;
    /** The part of {@link PoolCrashReplay#LP_CAPITAL} the Avantis-like vault keeps as its insurance tranche, USDC. */
    public static final String INSURANCE_TRANCHE_USDC = "100000";

    /**
     * The virtual AMM's depth: 4,000 BTC against 4,000 × the first close of quote, about 467 M USDC.
     * Deep enough that the largest opening (25x: 225,000 USDC, 1.928 BTC) moves the price by about
     * 2 × 1.928 / 4,000 ≈ 0.1 %, and the traders' whole net long (about 3.6 BTC) by about 0.18 %,
     * so that every trader's order fills within its 0.3 % limit; a shallower curve would refuse the
     * late longs. The depth is also why it barely moves in the crash.
     */
    public static final String VAMM_BASE_BTC = "4000";
    /** The virtual AMM's fee, 6 bps of every fill. */
    public static final long VAMM_FEE_PPM = 600;

    private final String label;

    PoolCrashDesign(String label) {
        this.label = label;
    }

    /** A short name for tables, e.g. "GMX-like pool". */
    public String label() {
        return label;
    }

    /** Whether the design's pool has an insurance tranche carved out of its liquidity. */
    public boolean hasInsuranceTranche() {
        return this == AVANTIS_LIKE;
    }

    /**
     * A fresh venue built as this design. {@code startPrice} (price units) is where a virtual AMM's
     * curve starts; the oracle pools ignore it.
     */
    public Venue newVenue(long startPrice) {
        if (startPrice <= 0) {
            throw new IllegalArgumentException("the start price must be positive: " + startPrice);
        }
        Venue.Builder builder = Venue.builder().settlementAsset(USDC);
        PushedPriceSource index = PushedPriceSource.of(PoolCrashData.BTC_FEED, PoolCrashReplay.BTC_MAX_AGE_MS);
        HaircutCollateral usdcOnly = HaircutCollateral.settlementOnly(USDC);
        switch (this) {
            case GMX_LIKE -> builder
                    .market(BTC_SPEC, OraclePool.factory(GMX_IMPACT::impactUsd, 0, OracleConfidence.GMX), index)
                    .poolFees(BTC, GmxPositionFees.defaults(GMX_IMPACT))
                    .poolAutoDeleveraging(BTC, GMX_ADL_TRIGGER_PPM, GMX_ADL_TARGET_PPM)
                    .marginModel(CrossMargin.with(usdcOnly));
            case AVANTIS_LIKE -> builder
                    .market(BTC_SPEC, OraclePool.factory(PoolImpact.NONE, 0), index)
                    .poolFees(BTC, AvantisFees.fixed(SkewFeeTable.flat(AVANTIS_FEE_PPM, AVANTIS_FEE_PPM))
                            .withLossRebate(LossRebate.of(AVANTIS_LOSS_REBATE_PPM)))
                    .poolInsuranceTranche(BTC, INSURANCE_FEE_SHARE_PPM)
                    .marginModel(CollateralLossMargin.avantis(usdcOnly));
            case VIRTUAL_AMM -> {
                long base = Fixed.parse(VAMM_BASE_BTC, BTC_SPEC.sizeDecimals());
                long quote = BTC_SPEC.notional(base, startPrice, RoundingMode.HALF_EVEN);
                builder.market(BTC_SPEC, VirtualAmmPool.factory(base, quote, Fixed.PPM), index)
                        .poolFees(BTC, flatFee(VAMM_FEE_PPM))
                        .marginModel(CrossMargin.with(usdcOnly));
            }
            default -> throw new AssertionError(this);
        }
        return builder.liquidationPolicy(FullCloseLiquidation.withBand(PoolCrashReplay.LIQUIDATION_BAND_PPM)).build();
    }

    /** {@code ratePpm} of every fill's notional, rounded up (in the pool's favour). */
    private static PoolFeeRule flatFee(long ratePpm) {
        return fill -> Fixed.ppm(fill.notional(), ratePpm, RoundingMode.CEILING);
    }
}
