package io.fulcrum.margin;

import io.fulcrum.api.AssetId;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.spi.AccountView;
import io.fulcrum.api.spi.CollateralPolicy;
import io.fulcrum.api.spi.MarginModel;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import io.fulcrum.api.spi.PriceView;
import io.fulcrum.margin.internal.Valuation;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Margin that liquidates a position once a fixed fraction of the collateral it was opened with is
 * lost, as Avantis does (MECHANISMS.md §4: liquidation at 85 % collateral loss, with
 * {@code distance = P_open · (collateral · 0.85 − rollover − funding) / (collateral · leverage)}).
 *
 * <ul>
 *   <li><b>Leverage</b> in a market is the one the account chose there ({@link AccountView#leverage}),
 *       or the model's default leverage if it chose none (0); a choice above the model's maximum
 *       counts as the maximum, so an account can never ask for less margin than the maximum allows.
 *   <li><b>Collateral</b> of a position (its initial requirement) = entry notional / leverage,
 *       rounded up, where the entry notional is the magnitude of the position's cost basis. It is
 *       fixed at entry: a price move changes the position's PnL, never its requirement.
 *   <li><b>Maintenance</b> = {@code (1 − lossFraction) ×} that collateral, computed from the entry
 *       notional in one step and rounded up: 15 % of {@code entry / leverage} at 85 % loss.
 *   <li><b>Equity</b> is counted as {@link CrossMargin} counts it: Σ collateral value of the balances
 *       (by the {@link CollateralPolicy}) + Σ unrealised PnL at mark (a long's value rounded down, a
 *       short's liability rounded up) − the account's loan ({@link AccountView#loan}).
 *   <li><b>Resting orders</b> count in the initial requirement as {@link CrossMargin} counts them:
 *       per market the worst of three scenarios (no fill, every buy fills at its limit, every sell
 *       fills at its limit), each needing the collateral of the position it leads to plus the PnL
 *       it loses at once against mark. A fill that adds to the position adds its notional to the
 *       entry; one that reduces it keeps the remaining part's share of the entry; one that flips it
 *       enters the new side at the orders' average limit price. Resting orders need no maintenance.
 *   <li>Both requirements of a market are multiplied by {@link PriceView#marginScalePpm}, rounded up.
 * </ul>
 *
 * <p>Why this is §4's rule: an account that holds one position and exactly its collateral {@code C}
 * has equity {@code C − loss}, which is below {@code (1 − 0.85) · C} exactly when the loss exceeds
 * {@code 0.85 · C}. Rollover and funding, once the venue charges them to the balance, lower the
 * equity by what they cost, which is the formula's {@code − rollover − funding}. Equity is shared
 * between the account's positions; to margin each position on its own, as Avantis does, hold it in
 * an isolated sub-account ({@code MarginMode.ISOLATED}).
 *
 * <p>Worked example (§4): open long at 2,000 with $100 at 50x, entry notional 5,000 (2.5 units).
 * Initial 100, maintenance 15. At 1,966 the loss is {@code 2.5 × 34 = 85}: equity 15 equals the
 * requirement, the boundary; at 1,965.5 the loss is 86.25, equity 13.75 and the account is below
 * maintenance. The short opened at 2,000 reaches the boundary at 2,034.
 *
 * <p>Every market of the account must settle in one asset, the asset the collateral policy values
 * in. Arithmetic is checked: a value that does not fit in a {@code long} throws
 * {@link io.fulcrum.api.FixedPointOverflowException}.
 */
public final class CollateralLossMargin implements MarginModel {
    /**
     * The highest leverage this model accepts, 500x: the most that third parties state for Avantis
     * (MECHANISMS.md §4 tags it [3P, UNVERIFIED]; its zero-fee perps launched at 75–250x).
     */
    public static final long MAX_LEVERAGE = 500;

    /** Avantis' liquidation threshold, 85 % of the collateral lost (MECHANISMS.md §4), in ppm. */
    public static final long AVANTIS_LOSS_PPM = 850_000;

    /**
     * The leverage {@link #avantis} assumes in a market where the account chose none: 50x, the
     * leverage of §4's worked examples.
     */
    public static final long AVANTIS_DEFAULT_LEVERAGE = 50;

    private final CollateralPolicy collateral;
    private final long lossPpm;
    private final long defaultLeverage;
    private final long maxLeverage;

    private CollateralLossMargin(CollateralPolicy collateral, long lossPpm, long defaultLeverage, long maxLeverage) {
        this.collateral = collateral;
        this.lossPpm = lossPpm;
        this.defaultLeverage = defaultLeverage;
        this.maxLeverage = maxLeverage;
    }

    /**
     * Avantis' parameters: liquidation at 85 % collateral loss, leverage up to 500x, 50x where the
     * account chose none.
     *
     * <p>Example: a long of entry notional 5,000 at the default 50x needs 100 of initial margin and
     * 15 of maintenance.
     */
    public static CollateralLossMargin avantis(CollateralPolicy collateral) {
        return of(collateral, AVANTIS_LOSS_PPM, AVANTIS_DEFAULT_LEVERAGE, MAX_LEVERAGE);
    }

    /**
     * A model liquidating at {@code lossPpm} of the collateral lost.
     *
     * <p>Example: {@code of(collateral, 900_000, 10, 100)} liquidates at 90 % loss; a position of entry
     * notional 1,000 at the default 10x needs 100 of initial margin and 10 of maintenance.
     *
     * @param collateral values the account's balances
     * @param lossPpm the fraction of the collateral whose loss liquidates, in ppm, in (0, 1,000,000)
     * @param defaultLeverage the leverage where the account chose none, from 1 to {@code maxLeverage}
     * @param maxLeverage the highest leverage counted, from {@code defaultLeverage} to {@link #MAX_LEVERAGE}
     * @throws NullPointerException if {@code collateral} is null
     * @throws IllegalArgumentException if a number is out of its range
     */
    public static CollateralLossMargin of(CollateralPolicy collateral, long lossPpm, long defaultLeverage,
            long maxLeverage) {
        Objects.requireNonNull(collateral, "collateral");
        if (lossPpm <= 0 || lossPpm >= Fixed.PPM) {
            throw new IllegalArgumentException("lossPpm must be in (0, 1,000,000): " + lossPpm);
        }
        if (maxLeverage < 1 || maxLeverage > MAX_LEVERAGE) {
            throw new IllegalArgumentException("maxLeverage must be in [1, " + MAX_LEVERAGE + "]x: " + maxLeverage);
        }
        if (defaultLeverage < 1 || defaultLeverage > maxLeverage) {
            throw new IllegalArgumentException("defaultLeverage must be in [1, maxLeverage = " + maxLeverage + "]x: "
                    + defaultLeverage);
        }
        return new CollateralLossMargin(collateral, lossPpm, defaultLeverage, maxLeverage);
    }

    /** The policy that values the account's balances. */
    public CollateralPolicy collateralPolicy() {
        return collateral;
    }

    /** The fraction of a position's collateral whose loss liquidates it, in ppm: 850,000 for Avantis. */
    public long lossPpm() {
        return lossPpm;
    }

    /** The leverage counted where the account chose none: 50 for {@link #avantis}. */
    public long defaultLeverage() {
        return defaultLeverage;
    }

    /** The highest leverage counted; a higher choice counts as this: 500 for {@link #avantis}. */
    public long maxLeverage() {
        return maxLeverage;
    }

    /**
     * The leverage counted for a choice of {@code chosen} (0 or less: none): with {@link #avantis},
     * 0 counts as 50, 100 as 100 and 1,000 as 500.
     */
    public long effectiveLeverage(long chosen) {
        return chosen <= 0 ? defaultLeverage : Math.min(chosen, maxLeverage);
    }

    /**
     * 0: the maintenance requirement is fixed by the entry notional, so no price move makes it grow;
     * only a change of the position (which the venue re-evaluates anyway) does. The threshold a
     * {@link io.fulcrum.api.spi.HealthIndex} places is then exactly where the PnL alone uses up the
     * buffer: with buffer 85 on long 2.5 units, 34 below the current price.
     */
    @Override
    public long maintenanceGrowthPpm(MarketSpec market) {
        return 0;
    }

    /**
     * Evaluates {@code account} at {@code prices}.
     *
     * <p>Example ({@link #avantis}, §4): 100 USDC and long 2.5 ETH entered at 2,000, at mark 1,966:
     * equity 15, initial 100, maintenance 15.
     *
     * @throws IllegalStateException if a market of the account has no mark price, or the account's
     *     markets settle in different assets
     * @throws IllegalArgumentException if a position reports negative open order sizes or notionals
     * @throws io.fulcrum.api.FixedPointOverflowException if a figure does not fit in a {@code long}
     */
    @Override
    public MarginState evaluate(AccountView account, PriceView prices) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(prices, "prices");
        long equity = CollateralEquity.of(account, collateral, prices);
        long initial = 0;
        long maintenance = 0;
        AssetId settlement = null;
        for (PositionView position : account.positions()) {
            MarketSpec market = position.market();
            settlement = CollateralEquity.oneSettlement(settlement, market, account, "collateral-loss margin");
            requireValidOrders(market.id(), position);
            long mark = Valuation.requireMark(prices, market);
            long pnl = Valuation.unrealisedPnl(market, position.size(), position.costBasis(), mark);
            equity = Fixed.add(equity, pnl);

            long leverage = effectiveLeverage(account.leverage(market.id()));
            long entry = position.size() == 0 ? 0 : magnitude(position.costBasis());
            long worst = collateralOf(entry, leverage);
            if (position.openBuySize() > 0) {
                worst = Math.max(worst, scenarioRequirement(market, mark, pnl, position, position.openBuySize(),
                        position.openBuyNotional(), leverage));
            }
            if (position.openSellSize() > 0) {
                worst = Math.max(worst, scenarioRequirement(market, mark, pnl, position, -position.openSellSize(),
                        position.openSellNotional(), leverage));
            }
            // A guard may widen this market's margin (a stock market out of hours): both
            // requirements scale, rounded up, so that the venue never asks for less.
            long scale = prices.marginScalePpm(market.id());
            initial = Fixed.add(initial, Fixed.ppm(worst, scale, RoundingMode.CEILING));
            maintenance = Fixed.add(maintenance, Fixed.ppm(maintenanceOf(entry, leverage), scale, RoundingMode.CEILING));
        }
        return new MarginState(equity, initial, maintenance);
    }

    /** {@code entry / leverage}, rounded up: the collateral a position of that entry notional needs. */
    private static long collateralOf(long entry, long leverage) {
        return Fixed.divide(entry, leverage, RoundingMode.CEILING);
    }

    /**
     * {@code (1 − loss) · entry / leverage} in one step, rounded up: rounding the collateral first
     * could ask a unit more than the rule, rounding once never asks less.
     */
    private long maintenanceOf(long entry, long leverage) {
        // PPM × 500 is far below 2^63, so the divisor cannot overflow.
        return Fixed.mulDiv(entry, Fixed.PPM - lossPpm, Fixed.PPM * leverage, RoundingMode.CEILING);
    }

    /**
     * The collateral of the position that filling {@code fill} (signed: + buy, − sell) for
     * {@code fillNotional} leads to, plus the PnL that fill loses at once against
     * {@code pnlWithoutFill} (never less than zero: a fill better than mark earns no credit).
     */
    private static long scenarioRequirement(MarketSpec market, long mark, long pnlWithoutFill, PositionView position,
            long fill, long fillNotional, long leverage) {
        long size = Fixed.add(position.size(), fill);
        long costBasis = Fixed.add(position.costBasis(), fill > 0 ? fillNotional : Fixed.negate(fillNotional));
        long pnl = Valuation.unrealisedPnl(market, size, costBasis, mark);
        long loss = Math.max(0, Fixed.subtract(pnlWithoutFill, pnl));
        long entry = entryAfterFill(position.size(), magnitude(position.costBasis()), fill, fillNotional);
        return Fixed.add(collateralOf(entry, leverage), loss);
    }

    /**
     * The entry notional after a fill: added to if the fill opens or adds, the remaining part's
     * share (rounded up) if it reduces, the flipped part's share of the fill's notional (rounded
     * up, at the orders' average price) if it reverses the position. Example: long 2.5 entered for
     * 5,000 and a sell of 10 for 20,000 leave short 7.5 entered for 15,000.
     */
    private static long entryAfterFill(long size, long entry, long fill, long fillNotional) {
        if (size == 0 || Long.signum(size) == Long.signum(fill)) {
            return Fixed.add(entry, fillNotional);
        }
        long held = magnitude(size);
        long filled = magnitude(fill);
        if (filled < held) {
            return Fixed.mulDiv(entry, held - filled, held, RoundingMode.CEILING);
        }
        return filled == held ? 0 : Fixed.mulDiv(fillNotional, filled - held, filled, RoundingMode.CEILING);
    }

    private static void requireValidOrders(MarketId market, PositionView position) {
        if (position.openBuySize() < 0 || position.openSellSize() < 0 || position.openBuyNotional() < 0
                || position.openSellNotional() < 0) {
            throw new IllegalArgumentException(market + ": open order sizes and notionals must be non-negative: buy "
                    + position.openBuySize() + " for " + position.openBuyNotional() + ", sell "
                    + position.openSellSize() + " for " + position.openSellNotional());
        }
    }

    /** {@code |value|}, checked: {@link Long#MIN_VALUE} has no magnitude in a {@code long}. */
    private static long magnitude(long value) {
        return value < 0 ? Fixed.negate(value) : value;
    }

    @Override
    public String toString() {
        return "CollateralLossMargin[loss " + lossPpm + " ppm, default " + defaultLeverage + "x, max " + maxLeverage
                + "x, " + collateral + "]";
    }
}
