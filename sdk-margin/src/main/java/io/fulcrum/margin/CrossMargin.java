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
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Cross margin: one account value backs every position of the account, as in dYdX v4
 * (MECHANISMS.md §2.2) and Hyperliquid's cross mode (§1.3).
 *
 * <ul>
 *   <li><b>Equity</b> = Σ collateral value of the balances (by the {@link CollateralPolicy}) +
 *       Σ unrealised PnL at mark, where a position's PnL is its value at mark minus its signed
 *       cost basis. A long's value is {@code +notional}, rounded down; a short's is
 *       {@code -notional}, its magnitude rounded up: equity never rounds in the account's favour.
 *       (dYdX's "net collateral" moves cash at each trade instead of keeping a cost basis; the two
 *       give the same number.)
 *   <li><b>Maintenance</b> = Σ over positions of {@link MarketSpec#maintenanceRequirement} of the
 *       position's notional at mark (rounded up): each market's tiered ladder with its
 *       maintenance amount (§1.3, §5.1). Resting orders do not count.
 *   <li><b>Initial</b> counts resting orders as if they filled at their limit prices. Per market
 *       three scenarios are considered: none fill; every buy fills (size + openBuySize, cost +
 *       openBuyNotional); every sell fills (size − openSellSize, cost − openSellNotional). A
 *       scenario needs the market's initial requirement on its notional at mark plus its
 *       immediate loss: how much lower the market's PnL at mark is than with no fill (a bid above
 *       mark loses at once). A fill better than mark (a bid below mark) earns no credit. The
 *       market contributes its most demanding scenario; since contributions add up across markets,
 *       the sum is the whole account's worst case.
 *   <li>A loan of the settlement asset ({@link AccountView#loan}) is subtracted from equity in
 *       full: borrowed cash adds to the balance and to the loan alike, so borrowing never raises
 *       equity.
 *   <li>An account that chose a leverage in a market ({@link AccountView#leverage}) needs at
 *       least {@code notional / leverage} there as initial margin, rounded up.
 *   <li>Both requirements of a market are multiplied by {@link PriceView#marginScalePpm} (rounded
 *       up): an oracle guard widens margin on a tokenized stock while its exchange is closed.
 * </ul>
 *
 * <p>So {@code equity >= initialRequirement} says exactly: whichever side fills in each market,
 * every resting order of that side filling at its limit, the account's equity at mark, counting
 * no gain from fills better than mark, still covers the initial requirement of the resulting
 * positions. When no resting order is better than mark the "counting no gain" caveat vanishes and
 * the statement is an equivalence.
 *
 * <p>Example (§2.2, 5 % initial / 3 % maintenance): 10,000 USDC deposited, long 1 BTC bought at
 * 50,000 and short 10 ETH sold at 3,000; at BTC 48,000 and ETH 3,000 equity is 8,000, initial
 * 3,900 and maintenance 2,340. Add a bid for 1 BTC at 50,000 (above the mark): buying would lose
 * 2,000 at once and needs 2,400 more initial margin, so the initial requirement becomes 8,300.
 *
 * <p>Every market of the account must settle in one asset, which is the asset the collateral
 * policy values in. Arithmetic is checked: a value that does not fit in a {@code long} throws
 * {@link io.fulcrum.api.FixedPointOverflowException}.
 */
public final class CrossMargin implements MarginModel {
    private final CollateralPolicy collateral;
    private final Map<MarketId, OpenInterestMargin> openInterestMargins;

    private CrossMargin(CollateralPolicy collateral, Map<MarketId, OpenInterestMargin> openInterestMargins) {
        this.collateral = Objects.requireNonNull(collateral, "collateral");
        this.openInterestMargins = Map.copyOf(openInterestMargins);
    }

    /** Cross margin whose balances count as {@code collateral} says. */
    public static CrossMargin with(CollateralPolicy collateral) {
        return new CrossMargin(collateral, Map.of());
    }

    /**
     * The same model, margining {@code market} the dYdX v4 way (MECHANISMS.md §2.1): maintenance
     * {@code ⌈notional × IMF⌉ × MF}, and an initial fraction that grows from IMF to 100 % as the
     * market's open interest (the venue's {@link PriceView#openInterest}, valued at the index)
     * passes from the lower to the upper cap, instead of the market's risk ladder.
     *
     * <p>Example: Mid-Cap (IMF 5 %, MF 60 %, caps 40M–100M USDC) at 70M of open interest asks
     * 52.5 % initial and 3 % maintenance.
     */
    public CrossMargin withOpenInterestMargin(MarketId market, OpenInterestMargin margin) {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(margin, "margin");
        Map<MarketId, OpenInterestMargin> more = new HashMap<>(openInterestMargins);
        if (more.put(market, margin) != null) {
            throw new IllegalStateException(market + " already has an open-interest margin");
        }
        return new CrossMargin(collateral, more);
    }

    @Override
    public long maintenanceGrowthPpm(MarketSpec market) {
        OpenInterestMargin margin = openInterestMargins.get(market.id());
        return margin == null ? MarginModel.super.maintenanceGrowthPpm(market)
                : Fixed.ppm(margin.initialFractionPpm(), margin.maintenanceFractionPpm(), RoundingMode.CEILING);
    }

    /** The policy that values the account's balances. */
    public CollateralPolicy collateralPolicy() {
        return collateral;
    }

    /**
     * Evaluates {@code account} at {@code prices}.
     *
     * @throws IllegalStateException if a market of the account has no mark price, or the account's
     *     markets settle in different assets
     * @throws IllegalArgumentException if a position reports negative open order sizes
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
            settlement = CollateralEquity.oneSettlement(settlement, market, account, "cross margin");
            if (position.openBuySize() < 0 || position.openSellSize() < 0) {
                throw new IllegalArgumentException(market.id() + ": open order sizes must be non-negative: buy "
                        + position.openBuySize() + ", sell " + position.openSellSize());
            }
            long mark = Valuation.requireMark(prices, market);

            long pnl = Valuation.unrealisedPnl(market, position.size(), position.costBasis(), mark);
            long notional = Valuation.requirementNotional(market, position.size(), mark);
            equity = Fixed.add(equity, pnl);
            // A guard may widen this market's margin (a stock market out of hours): both
            // requirements scale, rounded up, so that the venue never asks for less.
            long scale = prices.marginScalePpm(market.id());
            OpenInterestMargin scaled = openInterestMargins.get(market.id());
            long openInterest = scaled == null ? 0 : openInterestNotional(market, prices);
            long maintenanceHere = scaled == null ? market.maintenanceRequirement(notional)
                    : scaled.maintenanceRequirement(notional);
            maintenance = Fixed.add(maintenance, Fixed.ppm(maintenanceHere, scale, RoundingMode.CEILING));

            long chosen = account.leverage(market.id());
            long worst = initialRequirement(market, notional, chosen, scaled, openInterest);
            if (position.openBuySize() > 0) {
                worst = Math.max(worst, scenarioRequirement(market, mark, pnl,
                        Fixed.add(position.size(), position.openBuySize()),
                        Fixed.add(position.costBasis(), position.openBuyNotional()), chosen, scaled, openInterest));
            }
            if (position.openSellSize() > 0) {
                worst = Math.max(worst, scenarioRequirement(market, mark, pnl,
                        Fixed.subtract(position.size(), position.openSellSize()),
                        Fixed.subtract(position.costBasis(), position.openSellNotional()), chosen, scaled,
                        openInterest));
            }
            initial = Fixed.add(initial, Fixed.ppm(worst, scale, RoundingMode.CEILING));
        }
        return new MarginState(equity, initial, maintenance);
    }

    /**
     * The initial requirement of the position {@code size}/{@code costBasis} a fill scenario leads
     * to, plus the PnL it loses at once against {@code pnlWithoutFill} (never less than zero).
     */
    /**
     * The tier's initial requirement, or {@code notional / leverage} (rounded up) if the account
     * chose a leverage that asks for more (MECHANISMS.md §1.3, §5.1: {@code IM = notional /
     * leverage}).
     */
    private static long initialRequirement(MarketSpec market, long notional, long leverage, OpenInterestMargin scaled,
            long openInterest) {
        if (scaled != null) {
            // dYdX: a chosen leverage is a custom initial fraction, max(IMF_eff, custom).
            return leverage <= 0 ? scaled.initialRequirement(notional, openInterest)
                    : scaled.initialRequirement(notional, openInterest, Fixed.divide(Fixed.PPM, leverage, RoundingMode.CEILING));
        }
        long tier = market.initialRequirement(notional);
        return leverage <= 0 ? tier : Math.max(tier, Fixed.divide(notional, leverage, RoundingMode.CEILING));
    }

    /** Open interest valued at the index (dYdX's oracle price), or at mark before an index exists. */
    private static long openInterestNotional(MarketSpec market, PriceView prices) {
        long price = prices.indexPrice(market.id());
        if (price <= 0) {
            price = prices.markPrice(market.id());
        }
        return market.notional(prices.openInterest(market.id()), Math.max(price, 0), RoundingMode.CEILING);
    }

    private static long scenarioRequirement(MarketSpec market, long mark, long pnlWithoutFill, long size,
            long costBasis, long leverage, OpenInterestMargin scaled, long openInterest) {
        long pnl = Valuation.unrealisedPnl(market, size, costBasis, mark);
        long loss = Math.max(0, Fixed.subtract(pnlWithoutFill, pnl));
        long requirement = initialRequirement(market, Valuation.requirementNotional(market, size, mark), leverage, scaled,
                openInterest);
        return Fixed.add(requirement, loss);
    }

    @Override
    public String toString() {
        return "CrossMargin[" + collateral + "]";
    }
}
