package io.fulcrum.examples;

import static io.fulcrum.examples.LiquidationCrashReplay.BTC;
import static io.fulcrum.examples.LiquidationCrashReplay.BTC_SPEC;
import static io.fulcrum.examples.LiquidationCrashReplay.LIQUIDATION_BAND_PPM;
import static io.fulcrum.examples.LiquidationCrashReplay.USDC;

import io.fulcrum.api.AdlPrice;
import io.fulcrum.api.AdlTrigger;
import io.fulcrum.api.LossAbsorber;
import io.fulcrum.api.spi.InsuranceFund;
import io.fulcrum.margin.AdlRankings;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.DydxLiquidation;
import io.fulcrum.margin.FlatFeeSchedule;
import io.fulcrum.margin.FullCloseLiquidation;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.margin.HyperliquidLiquidation;
import io.fulcrum.margin.HyperliquidLiquidationRule;
import io.fulcrum.margin.InsuranceDraw;
import io.fulcrum.margin.InsuranceFunds;
import io.fulcrum.margin.PartialLiquidation;
import io.fulcrum.oracle.PushedPriceSource;
import io.fulcrum.orderbook.OrderBook;
import io.fulcrum.venue.Venue;
import java.util.Map;

/**
 * The four ways the {@link LiquidationCrashReplay} deals with an account below maintenance, each
 * an order-book venue built only from public SDK parts. The market, index, margin, fees, book,
 * traders and maker are the replay's and the same in all four; so is the backstop capital. What
 * differs is the liquidation policy, the penalty, the insurance fund's policy and the loss
 * waterfall (MECHANISMS.md §9's table, one row each).
 *
 * <pre>{@code
 * Venue binance = LiquidationCrashDesign.BINANCE_LIKE.newVenue();
 * binance.insuranceFundAccount(LiquidationCrashDesign.FUND);  // the desk that holds what the fund takes over
 * }</pre>
 */
public enum LiquidationCrashDesign {
    /**
     * Binance (MECHANISMS.md §5.3, §9): the whole position goes to the book within 5 % of the mark
     * ({@link FullCloseLiquidation}); a 0.5 % clearance fee, never more than the equity left, goes
     * to the insurance fund; a position the book could not take once the account is bankrupt is
     * taken over by the fund at its bankruptcy price, as far as the fund's net notional stays within
     * 100 % of its balance, and sold into the book at later price moves no worse than 2 % from the
     * mark; what the fund cannot take is auto-deleveraged against the profitable shorts ranked by
     * Binance's {@code PnlPercent × MarginRatio}, at the bankruptcy price; the fund pays what is left.
     */
    BINANCE_LIKE("Binance-like"),
    /**
     * dYdX v4 (MECHANISMS.md §2.3–2.4): each block (1 s; here one price a minute, so one block a
     * minute) a position is sent to the book no worse than its fillable price, a tenth of it but at
     * least 1,000 USDC, within 100,000 USDC per account ({@link DydxLiquidation#mainnet}); the fee
     * is 1.5 %, capped by what is left above bankruptcy, to the fund; once a bankrupt account's
     * liquidation order finds no fill at all, its positions are deleveraged against opposite positions
     * taken from a seeded offset (not ranked), at the bankruptcy price; the fund, capped at 1,000,000
     * USDC per account per block, pays what is left.
     */
    DYDX_LIKE("dYdX-like"),
    /**
     * Hyperliquid (MECHANISMS.md §1.4–1.5): a position above 100,000 USDC goes to the book 20 % at a
     * time, whole within 30 s of a partial liquidation, within 5 % of the mark; no penalty; an account
     * below 2/3 of its maintenance is taken over whole, positions and margin, by the backstop vault
     * (HLP's liquidator vault), which holds what it takes; a bankrupt account's positions left after
     * the book are auto-deleveraged at the mark against profitable shorts ranked by
     * {@code (mark / entry) × (notional / account value)}, and the vault's cash pays the deficit.
     * There is no insurance fund: the backstop capital is the vault's.
     */
    HYPERLIQUID_LIKE("Hyperliquid-like"),
    /**
     * Drift v2 (MECHANISMS.md §9): liquidation closes only enough of the position to restore
     * maintenance plus a {@link #DRIFT_BUFFER_PPM 10 %} buffer, within 5 % of the mark, everything
     * once equity is gone ({@link PartialLiquidation}); a 0.25 % fee to the fund; a bankruptcy is
     * paid by the insurance fund up to the market's cap of {@link #DRIFT_MARKET_CAP_USDC} USDC in all,
     * then by the fee pool, then socialised over every open position, long or short, per unit of size.
     */
    DRIFT_LIKE("Drift-like");

    /** The insurance fund's name, where the design has one. */
    public static final String FUND = "insurance-fund";
    /** Binance's clearance fee: 0.5 % of the notional liquidated. */
    public static final long BINANCE_PENALTY_PPM = 5_000;
    /** The Binance-like fund may hold positions of net notional up to 100 % of its balance. */
    public static final long TAKEOVER_MAX_NET_NOTIONAL_PPM = 1_000_000;
    /** The Binance-like fund sells what it took over no worse than 2 % from the mark. */
    public static final long TAKEOVER_UNWIND_BAND_PPM = 20_000;
    /** dYdX's mainnet maximum liquidation fee: 1.5 %. */
    public static final long DYDX_PENALTY_PPM = 15_000;
    /** dYdX v4 makes a block about every second. */
    public static final long DYDX_BLOCK_MS = 1_000;
    /** Drift-like liquidations restore maintenance plus 10 %. */
    public static final long DRIFT_BUFFER_PPM = 100_000;
    /** The Drift-like fee: 0.25 %. */
    public static final long DRIFT_PENALTY_PPM = 2_500;
    /** What BTC-PERP's bankruptcies may draw from the Drift-like fund, in all, USDC. */
    public static final String DRIFT_MARKET_CAP_USDC = "10000";
    /**
     * The insurance funds' share of trading fees: none, so that a fund changes only by what the
     * crash makes it earn (penalties, takeovers) and pay.
     */
    public static final long FUND_FEE_SHARE_PPM = 0;

    private final String label;

    LiquidationCrashDesign(String label) {
        this.label = label;
    }

    /** A short name for tables, e.g. "dYdX-like". */
    public String label() {
        return label;
    }

    /** Whether the design has an insurance fund (all but the Hyperliquid-like vault). */
    public boolean hasInsuranceFund() {
        return this != HYPERLIQUID_LIKE;
    }

    /** A fresh venue built as this design. */
    public Venue newVenue() {
        Venue.Builder builder = Venue.builder().settlementAsset(USDC)
                .market(BTC_SPEC, OrderBook::new, PushedPriceSource.of(PoolCrashData.BTC_FEED,
                        LiquidationCrashReplay.BTC_MAX_AGE_MS))
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .feeSchedule(FlatFeeSchedule.of(LiquidationCrashReplay.MAKER_FEE_PPM, LiquidationCrashReplay.TAKER_FEE_PPM));
        InsuranceFund shared = InsuranceFunds.shared(FUND, InsuranceDraw.NO_CAP, FUND_FEE_SHARE_PPM);
        switch (this) {
            case BINANCE_LIKE -> builder
                    .liquidationPolicy(FullCloseLiquidation.withBand(LIQUIDATION_BAND_PPM))
                    .liquidationPenalty(BINANCE_PENALTY_PPM)
                    .insuranceFund(shared)
                    .lossWaterfall(LossAbsorber.INSURANCE_TAKEOVER, LossAbsorber.AUTO_DELEVERAGING,
                            LossAbsorber.INSURANCE_FUND)
                    .insuranceTakeover(TAKEOVER_MAX_NET_NOTIONAL_PPM, TAKEOVER_UNWIND_BAND_PPM)
                    .deleveraging(AdlRankings.binance(USDC.decimals()), AdlPrice.BANKRUPTCY);
            case DYDX_LIKE -> builder
                    .liquidationPolicy(DydxLiquidation.mainnet(USDC))
                    .blockMillis(DYDX_BLOCK_MS)
                    .liquidationPenalty(DYDX_PENALTY_PPM)
                    .insuranceFund(InsuranceFunds.withBlockCaps(shared, InsuranceDraw.dydxBlockCap(USDC),
                            InsuranceDraw.NO_CAP))
                    .lossWaterfall(LossAbsorber.AUTO_DELEVERAGING, LossAbsorber.INSURANCE_FUND)
                    .deleveraging(AdlRankings.dydx(), AdlPrice.BANKRUPTCY, AdlTrigger.UNFILLED);
            case HYPERLIQUID_LIKE -> builder
                    .liquidationPolicy(HyperliquidLiquidation.of(HyperliquidLiquidationRule.hyperliquid(USDC),
                            LIQUIDATION_BAND_PPM))
                    .backstopVault()
                    .lossWaterfall(LossAbsorber.BACKSTOP_VAULT, LossAbsorber.AUTO_DELEVERAGING)
                    .deleveraging(AdlRankings.hyperliquid(), AdlPrice.MARK);
            case DRIFT_LIKE -> builder
                    .liquidationPolicy(PartialLiquidation.of(DRIFT_BUFFER_PPM, LIQUIDATION_BAND_PPM))
                    .liquidationPenalty(DRIFT_PENALTY_PPM)
                    .insuranceFund(InsuranceFunds.withMarketCaps(shared, Map.of(BTC, USDC.toUnits(DRIFT_MARKET_CAP_USDC))))
                    .lossWaterfall(LossAbsorber.INSURANCE_FUND, LossAbsorber.FEE_POOL, LossAbsorber.SOCIALISED_LOSS);
            default -> throw new AssertionError(this);
        }
        return builder.build();
    }
}
