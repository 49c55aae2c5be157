package io.fulcrum.margin;

import io.fulcrum.api.AssetId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.FixedPointOverflowException;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.spi.AccountView;
import io.fulcrum.api.spi.Balance;
import io.fulcrum.api.spi.CollateralPolicy;
import io.fulcrum.api.spi.MarginModel;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import io.fulcrum.api.spi.PriceView;
import io.fulcrum.margin.internal.Valuation;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Binance-style unified account margin (Portfolio Margin, MECHANISMS.md §5.4): one ratio,
 * {@code uniMMR = Σ adjusted equity / Σ maintenance margin}, decides what the account may do
 * ({@link UnifiedMarginStatus}).
 *
 * <ul>
 *   <li><b>Adjusted equity</b> = Σ over assets of the collateral value of
 *       {@code (holding − margin loans of it [+ futures PnL for the settlement asset])}, by the
 *       {@link CollateralPolicy}: Binance's {@code min(net × index × collateralRate, net × index)},
 *       a haircut only on a positive net (a {@link HaircutCollateral} does exactly this).
 *   <li><b>Maintenance margin</b> = Σ futures MM ({@link MarketSpec#maintenanceRequirement} at
 *       mark: {@code |MMR · q · mark| − cum}, widened by {@link PriceView#marginScalePpm}) +
 *       Σ margin-loan MM ({@code |loan| × index × loan MMR}, rounded up).
 *   <li>A margin loan is held as a negative balance of a <i>loan asset</i> declared with
 *       {@link Builder#loan}: {@code BTC-LOAN} −0.04 is 0.04 BTC owed. It is netted against the
 *       borrowed asset before the haircut and priced at the borrowed asset's price. (A negative
 *       balance of the asset itself would net the loan away and lose its maintenance margin.)
 * </ul>
 *
 * <p>As a {@link MarginModel}: equity = adjusted equity; maintenance = the least equity above
 * 105 % of Σ MM, so {@link MarginState#isBelowMaintenance()} is exactly "uniMMR ≤ 105 %"
 * (liquidation); initial = the least equity above 120 % of Σ MM with every market's resting
 * orders counted as {@link CrossMargin} counts them (the worse of all buys or all sells filling
 * at their limits, plus the immediate loss of a fill worse than mark), so
 * {@link MarginState#meetsInitial()} is "uniMMR above the reduce-only band after the fills".
 * Binance's open-order loss term is this initial rule's immediate loss. Every market must settle
 * in the settlement asset (USDⓈ-M); coin-margined futures are out of scope.
 *
 * <p>Example (§5.4, collateral rates USDT 100 %, BTC 95 %): USDT 6,000; short 0.05 BTCUSDT perp
 * (52,000 → 40,000, PnL +600), long 0.04 quarterly (52,350 → 42,000, PnL −414), both MMR 0.5 %;
 * BTC 0.1 with a 0.04 loan at 10 % loan MMR, index 40,000. Adjusted equity 6,186 + min(0.06 ×
 * 40,000 × 0.95, 2,400) = 8,466; MM 10 + 8.4 + 160 = 178.4; uniMMR 47.46 (4,745.5 %): free.
 */
public final class UnifiedMarginRatio implements MarginModel {
    /** Liquidation starts at or below 105 %: maintenance is met above the reduce-only band's floor. */
    private static final long MAINTENANCE_ABOVE_PPM = UnifiedMarginStatus.REDUCE_ONLY.abovePpm();
    /** Risk may grow above 120 %: the reminder band's floor. */
    private static final long INITIAL_ABOVE_PPM = UnifiedMarginStatus.REMINDER.abovePpm();

    private final AssetSpec settlement;
    private final CollateralPolicy collateral;
    private final Map<AssetId, Loan> loans;

    /**
     * A margin loan asset: a negative balance of {@code loan} is that much {@code borrowed} owed,
     * needing {@code maintenanceRatePpm} of its value as maintenance margin (Binance: 10 % at 3×,
     * 8 % at 5×, 5 % at 10× margin, §5.4).
     *
     * @param loan the loan asset, with the borrowed asset's decimals
     * @param borrowed the asset owed
     * @param maintenanceRatePpm 0 to 1,000,000 ppm
     */
    public record Loan(AssetSpec loan, AssetSpec borrowed, long maintenanceRatePpm) {
        public Loan {
            Objects.requireNonNull(loan, "loan");
            Objects.requireNonNull(borrowed, "borrowed");
            if (loan.id().equals(borrowed.id())) {
                throw new IllegalArgumentException("loan asset " + loan.id() + " must differ from the asset it borrows");
            }
            if (loan.decimals() != borrowed.decimals()) {
                throw new IllegalArgumentException("loan asset " + loan.id() + " has " + loan.decimals()
                        + " decimals but borrows " + borrowed.id() + " with " + borrowed.decimals());
            }
            if (maintenanceRatePpm < 0 || maintenanceRatePpm > Fixed.PPM) {
                throw new IllegalArgumentException("maintenance rate of loan " + loan.id()
                        + " must be in [0, 1,000,000] ppm: " + maintenanceRatePpm);
            }
        }
    }

    /**
     * One reading of the ratio.
     *
     * @param adjustedEquity Σ adjusted equity, settlement units
     * @param maintenanceMargin Σ MM, settlement units
     * @param ratioPpm uniMMR in ppm, rounded down ({@link Long#MAX_VALUE} with no maintenance margin;
     *     saturated at {@link Long#MIN_VALUE} / {@link Long#MAX_VALUE})
     * @param status the band
     */
    public record Reading(long adjustedEquity, long maintenanceMargin, long ratioPpm, UnifiedMarginStatus status) {}

    private UnifiedMarginRatio(AssetSpec settlement, CollateralPolicy collateral, Map<AssetId, Loan> loans) {
        this.settlement = settlement;
        this.collateral = collateral;
        this.loans = loans;
    }

    /** Starts a model settling in {@code settlement}, valuing assets by {@code collateral}. */
    public static Builder builder(AssetSpec settlement, CollateralPolicy collateral) {
        return new Builder(settlement, collateral);
    }

    /** The declared loan assets, by loan asset. */
    public Map<AssetId, Loan> loans() {
        return loans;
    }

    /**
     * Reads {@code account}'s ratio and band at {@code prices}.
     *
     * @throws IllegalStateException if a market has no mark price or settles in another asset, or
     *     an owed asset has no price
     */
    public Reading read(AccountView account, PriceView prices) {
        long[] figures = figures(account, prices);
        long equity = figures[0];
        long maintenance = figures[1];
        return new Reading(equity, maintenance, ratioPpm(equity, maintenance), UnifiedMarginStatus.of(equity, maintenance));
    }

    @Override
    public long maintenanceGrowthPpm(MarketSpec market) {
        // Maintenance is met above 105 % of Σ MM: the tiers' rate, 1.05 times.
        return Fixed.ppm(MarginModel.super.maintenanceGrowthPpm(market), MAINTENANCE_ABOVE_PPM, RoundingMode.CEILING);
    }

    @Override
    public long maintenanceGrowthPpm(AssetSpec asset) {
        Loan loan = loans.get(asset.id());
        return loan == null ? 0 : Fixed.ppm(loan.maintenanceRatePpm(), MAINTENANCE_ABOVE_PPM, RoundingMode.CEILING);
    }

    @Override
    public MarginState evaluate(AccountView account, PriceView prices) {
        long[] figures = figures(account, prices);
        return new MarginState(figures[0], leastEquityAbove(figures[2], INITIAL_ABOVE_PPM),
                leastEquityAbove(figures[1], MAINTENANCE_ABOVE_PPM));
    }

    /** The least integer equity strictly above {@code margin × ppm}; 0 with no margin. */
    private static long leastEquityAbove(long margin, long ppm) {
        return margin == 0 ? 0 : Fixed.add(UnifiedMarginStatus.threshold(margin, ppm), 1);
    }

    private static long ratioPpm(long equity, long maintenance) {
        if (maintenance == 0) {
            return Long.MAX_VALUE;
        }
        try {
            return Fixed.mulDiv(equity, Fixed.PPM, maintenance, RoundingMode.FLOOR);
        } catch (FixedPointOverflowException e) {
            return equity < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** {adjusted equity, Σ MM, Σ MM with resting orders filled}. */
    private long[] figures(AccountView account, PriceView prices) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(prices, "prices");
        Map<AssetId, AssetSpec> specs = new TreeMap<>();
        Map<AssetId, Long> net = new TreeMap<>();
        long loanMargin = 0;
        for (Balance balance : account.balances()) {
            AssetSpec asset = balance.asset();
            Loan loan = loans.get(asset.id());
            AssetSpec owner = loan == null ? asset : loan.borrowed();
            if (loan != null && asset.decimals() != loan.loan().decimals()) {
                throw new IllegalStateException("loan asset " + asset.id() + " is declared with " + loan.loan().decimals()
                        + " decimals but held with " + asset.decimals());
            }
            specs.putIfAbsent(owner.id(), owner);
            net.merge(owner.id(), balance.amount(), Fixed::add);
            if (loan != null && balance.amount() < 0) {
                long price = prices.assetPrice(owner.id());
                if (price <= 0) {
                    throw new IllegalStateException("a loan of " + owner.id() + " cannot be valued: the asset has no price ("
                            + price + ")");
                }
                long owed = Fixed.mulDiv(-balance.amount(), price, Fixed.pow10(owner.decimals()), RoundingMode.CEILING);
                loanMargin = Fixed.add(loanMargin, Fixed.ppm(owed, loan.maintenanceRatePpm(), RoundingMode.CEILING));
            }
        }
        long futuresMargin = 0;
        long futuresMarginWithOrders = 0;
        long pnl = 0;
        for (PositionView position : account.positions()) {
            MarketSpec market = position.market();
            if (!market.settlement().id().equals(settlement.id())) {
                throw new IllegalStateException("the unified account settles in " + settlement.id() + ", but " + market.id()
                        + " of account " + account.id() + " settles in " + market.settlement().id());
            }
            if (position.openBuySize() < 0 || position.openSellSize() < 0) {
                throw new IllegalArgumentException(market.id() + ": open order sizes must be non-negative: buy "
                        + position.openBuySize() + ", sell " + position.openSellSize());
            }
            long mark = Valuation.requireMark(prices, market);
            long positionPnl = Valuation.unrealisedPnl(market, position.size(), position.costBasis(), mark);
            pnl = Fixed.add(pnl, positionPnl);
            long scale = prices.marginScalePpm(market.id());
            long mm = market.maintenanceRequirement(Valuation.requirementNotional(market, position.size(), mark));
            long worst = mm;
            if (position.openBuySize() > 0) {
                worst = Math.max(worst, filled(market, mark, positionPnl, Fixed.add(position.size(), position.openBuySize()),
                        Fixed.add(position.costBasis(), position.openBuyNotional())));
            }
            if (position.openSellSize() > 0) {
                worst = Math.max(worst, filled(market, mark, positionPnl,
                        Fixed.subtract(position.size(), position.openSellSize()),
                        Fixed.subtract(position.costBasis(), position.openSellNotional())));
            }
            futuresMargin = Fixed.add(futuresMargin, Fixed.ppm(mm, scale, RoundingMode.CEILING));
            futuresMarginWithOrders = Fixed.add(futuresMarginWithOrders, Fixed.ppm(worst, scale, RoundingMode.CEILING));
        }
        specs.putIfAbsent(settlement.id(), settlement);
        net.merge(settlement.id(), pnl, Fixed::add);
        // A loan of the settlement asset (AccountView.loan) counts against equity in full.
        long equity = Fixed.negate(account.loan());
        for (Map.Entry<AssetId, Long> entry : net.entrySet()) {
            equity = Fixed.add(equity, collateral.collateralValue(specs.get(entry.getKey()), entry.getValue(), prices));
        }
        return new long[] {equity, Fixed.add(futuresMargin, loanMargin), Fixed.add(futuresMarginWithOrders, loanMargin)};
    }

    /** Maintenance margin of the position a fill leads to, plus what the fill loses against mark at once. */
    private static long filled(MarketSpec market, long mark, long pnlWithoutFill, long size, long costBasis) {
        long loss = Math.max(0, Fixed.subtract(pnlWithoutFill, Valuation.unrealisedPnl(market, size, costBasis, mark)));
        return Fixed.add(market.maintenanceRequirement(Valuation.requirementNotional(market, size, mark)), loss);
    }

    @Override
    public String toString() {
        return "UnifiedMarginRatio[" + settlement.id() + ", loans " + loans.values() + ", " + collateral + "]";
    }

    /** Builds a {@link UnifiedMarginRatio}. */
    public static final class Builder {
        private final AssetSpec settlement;
        private final CollateralPolicy collateral;
        private final Map<AssetId, Loan> loans = new LinkedHashMap<>();

        private Builder(AssetSpec settlement, CollateralPolicy collateral) {
            this.settlement = Objects.requireNonNull(settlement, "settlement");
            this.collateral = Objects.requireNonNull(collateral, "collateral");
        }

        /** Declares {@code loan} as the loan asset of {@code borrowed}, maintenance {@code maintenanceRatePpm} of the debt. */
        public Builder loan(AssetSpec loan, AssetSpec borrowed, long maintenanceRatePpm) {
            Loan declared = new Loan(loan, borrowed, maintenanceRatePpm);
            if (loan.id().equals(settlement.id())) {
                throw new IllegalArgumentException("the settlement asset " + loan.id() + " cannot be a loan asset");
            }
            if (loans.containsKey(borrowed.id())) {
                throw new IllegalArgumentException(borrowed.id() + " is a loan asset itself; it cannot be borrowed");
            }
            for (Loan existing : loans.values()) {
                if (existing.borrowed().id().equals(loan.id())) {
                    throw new IllegalArgumentException(loan.id() + " is borrowed by loan " + existing.loan().id()
                            + "; it cannot be a loan asset");
                }
            }
            if (loans.putIfAbsent(loan.id(), declared) != null) {
                throw new IllegalStateException("loan asset " + loan.id() + " is already declared");
            }
            return this;
        }

        /** Builds the model. */
        public UnifiedMarginRatio build() {
            return new UnifiedMarginRatio(settlement, collateral, Collections.unmodifiableMap(new LinkedHashMap<>(loans)));
        }
    }
}
