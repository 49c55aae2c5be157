package io.fulcrum.margin;

import io.fulcrum.api.AssetId;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.spi.AccountView;
import io.fulcrum.api.spi.Balance;
import io.fulcrum.api.spi.CollateralPolicy;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import io.fulcrum.api.spi.PriceView;
import io.fulcrum.margin.internal.LiquidationLine;
import io.fulcrum.margin.internal.LiquidationScale;
import io.fulcrum.margin.internal.Valuation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The prices of one market at which a position's account reaches its maintenance requirement, all
 * else held still: the account is liquidated when the price <b>falls to {@link #fallsTo()} or
 * lower</b>, or <b>rises to {@link #risesTo()} or higher</b>. A long has only the first, a short
 * only the second; a hedged pair of legs (Binance hedge mode) can have both.
 *
 * <p><b>Rounding: the venue is never late.</b> The exact price is a fraction; a long's is rounded
 * <i>up</i> to a whole price unit and a short's <i>down</i>, so the returned price is reached no
 * later than the exact one: at the returned price the formula's margin buffer may still be a
 * fraction of a unit above zero, one price unit beyond it the buffer is negative. So a price can
 * differ in its last digit from a venue's display, which rounds half up: Hyperliquid's isolated
 * long below is 91,139.2405… and shown as 91,139.24; here it is 91,139.25.
 *
 * <p>The formulas use the exact maintenance line {@code N * MMR - deduction}, while a margin model
 * rounds equity down and the requirement up (by under a unit each): the margin model, not this
 * price, decides an actual liquidation. The price is what to display, or to watch (a
 * {@code HealthIndex} threshold).
 *
 * <p><b>Hyperliquid</b> (MECHANISMS.md §1.4): {@code liq = price - side * margin_available / |q|
 * / (1 - l * side)}, with {@code margin_available = account value - maintenance required} (cross:
 * the whole account's; isolated: the position's margin and requirement) and {@code l} the
 * maintenance rate of the position's current risk tier. Example: isolated long 1 BTC at 100,000
 * with 10,000 margin at 40x ({@code l} = 1.25 %): 100,000 − 8,750 / 0.9875 = 91,139.2405… →
 * falls to 91,139.25; the same short: 100,000 + 8,750 / 1.0125 = 108,641.9753… → rises to
 * 108,641.97.
 *
 * <p><b>Binance one-way</b> (§5.1): {@code LP = (WB - TMM1 + UPNL1 + cum - side * |q| * EP) /
 * (|q| * MMR - side * |q|)}, with the wallet balance, the maintenance and unrealised PnL of the
 * account's <i>other</i> positions (both 0 for isolated margin) and the bracket's rate and
 * cumulative amount. Example: isolated short 1 BTC at 20,000, wallet 1,000, MMR 0.4 %:
 * (1,000 + 20,000) / 1.004 = 20,916.3346… → rises to 20,916.33. <b>Hedge mode</b> adds the other
 * leg's terms ({@code + cumL + cumS - |qL| EPL + |qS| EPS} above, {@code + |qL| MMRL + |qS| MMRS -
 * |qL| + |qS|} below).
 *
 * <p>Binance recomputes with another bracket when the price lands outside the one it started
 * from. Here every bracket is tried at once: because maintenance rates grow with notional and the
 * cumulative amounts keep the requirement continuous, the requirement at any notional is the
 * largest of the brackets' lines {@code N * MMR(i) - cum(i)}, so the account is at risk exactly
 * where some bracket's line says so; the liquidation price is the most demanding bracket's
 * (the bracket the recomputation settles on), found without iterating and always ending.
 *
 * <p>Positions are a {@link PositionView}: the market's scales, the signed size in size units and
 * the signed cost basis (entry notional) in settlement units; money is in settlement units and
 * prices in price units. Resting orders are ignored. Arithmetic is exact ({@link BigInteger}); a
 * price beyond {@link Long#MAX_VALUE} is clamped (a long at risk at every price, a short at none).
 *
 * @param fallsTo the price at or below which the account is at risk; {@link #NO_FALL} (0) if none
 * @param risesTo the price at or above which the account is at risk; {@link #NO_RISE} if none
 */
public record LiquidationPrice(long fallsTo, long risesTo) {
    /** {@link #fallsTo()} when no fall liquidates the account. */
    public static final long NO_FALL = LiquidationLine.NO_FALL;
    /** {@link #risesTo()} when no rise liquidates the account. */
    public static final long NO_RISE = LiquidationLine.NO_RISE;
    /** No price liquidates the account. */
    public static final LiquidationPrice NEVER = new LiquidationPrice(NO_FALL, NO_RISE);
    /** Every price liquidates the account: it is below maintenance whatever the price. */
    public static final LiquidationPrice ALWAYS = new LiquidationPrice(Long.MAX_VALUE, 1);

    private static final BigInteger PPM = BigInteger.valueOf(Fixed.PPM);

    public LiquidationPrice {
        if (fallsTo < 0) {
            throw new IllegalArgumentException("fallsTo must be a price or NO_FALL (0): " + fallsTo);
        }
        if (risesTo < 1) {
            throw new IllegalArgumentException("risesTo must be a positive price or NO_RISE: " + risesTo);
        }
    }

    /** A liquidation on a fall to {@code price} or lower, none on a rise (a long's). */
    public static LiquidationPrice onFall(long price) {
        return new LiquidationPrice(price, NO_RISE);
    }

    /** A liquidation on a rise to {@code price} or higher, none on a fall (a short's). */
    public static LiquidationPrice onRise(long price) {
        return new LiquidationPrice(NO_FALL, price);
    }

    /** True if a fall can liquidate the account. */
    public boolean triggersOnFall() {
        return fallsTo != NO_FALL;
    }

    /** True if a rise can liquidate the account. */
    public boolean triggersOnRise() {
        return risesTo != NO_RISE;
    }

    /** True if the account is at risk at {@code price}: at or below {@link #fallsTo()}, or at or above {@link #risesTo()}. */
    public boolean isReachedAt(long price) {
        return price <= fallsTo || (triggersOnRise() && price >= risesTo);
    }

    /**
     * Hyperliquid's liquidation price (MECHANISMS.md §1.4) of {@code position} now at {@code mark}.
     *
     * @param accountValue the account value at mark (cross) or the isolated margin including its PnL
     * @param maintenanceRequirement the maintenance required of the same scope (cross: every position)
     * @throws IllegalArgumentException if {@code mark} is not positive
     */
    public static LiquidationPrice hyperliquid(PositionView position, long mark, long accountValue,
            long maintenanceRequirement) {
        Objects.requireNonNull(position, "position");
        if (mark <= 0) {
            throw new IllegalArgumentException(position.market().id() + ": the mark price must be positive: " + mark);
        }
        MarketSpec market = position.market();
        LiquidationScale scale = LiquidationScale.of(market);
        long notional = Valuation.requirementNotional(market, position.size(), mark);
        long rate = market.tierFor(notional).maintenanceMarginPpm();
        // buffer(p) = available + |q| (side - l) (p - mark), scaled by 1e6 * denominator.
        BigInteger slope = legSlope(scale, position.size(), rate);
        BigInteger available = BigInteger.valueOf(accountValue).subtract(BigInteger.valueOf(maintenanceRequirement));
        BigInteger intercept = money(scale, available).subtract(slope.multiply(BigInteger.valueOf(mark)));
        return atRiskWhereAnyLineIs(List.of(new LiquidationLine(intercept, slope)));
    }

    /**
     * Hyperliquid's liquidation price of {@code position} from a {@link MarginState} a margin model
     * computed at {@code mark}: its equity is the account value and its maintenance the requirement.
     */
    public static LiquidationPrice hyperliquid(PositionView position, long mark, MarginState state) {
        Objects.requireNonNull(state, "state");
        return hyperliquid(position, mark, state.equity(), state.maintenanceRequirement());
    }

    /**
     * Binance's one-way liquidation price (MECHANISMS.md §5.1) of {@code position}, with the
     * market's risk tiers as brackets. For isolated margin pass the isolated wallet and zeros.
     *
     * @param walletBalance WB: the cross wallet balance, or the position's isolated wallet
     * @param otherMaintenance TMM1: the maintenance of the account's other cross positions
     * @param otherUnrealisedPnl UPNL1: the unrealised PnL of the account's other cross positions
     */
    public static LiquidationPrice binance(PositionView position, long walletBalance, long otherMaintenance,
            long otherUnrealisedPnl) {
        Objects.requireNonNull(position, "position");
        return binanceLegs(List.of(position), walletBalance, otherMaintenance, otherUnrealisedPnl);
    }

    /**
     * Binance's hedge-mode liquidation price (MECHANISMS.md §5.1) of a long and a short leg held at
     * once in one market, each in its own bracket.
     *
     * @throws IllegalArgumentException if the legs are in different markets, the long leg is short
     *     or the short leg long
     */
    public static LiquidationPrice binanceHedge(PositionView longLeg, PositionView shortLeg, long walletBalance,
            long otherMaintenance, long otherUnrealisedPnl) {
        Objects.requireNonNull(longLeg, "longLeg");
        Objects.requireNonNull(shortLeg, "shortLeg");
        if (!longLeg.market().equals(shortLeg.market())) {
            throw new IllegalArgumentException("hedge legs must be in one market: " + longLeg.market().id() + " and "
                    + shortLeg.market().id());
        }
        if (longLeg.size() < 0) {
            throw new IllegalArgumentException(longLeg.market().id() + ": the long leg's size must not be negative: "
                    + longLeg.size());
        }
        if (shortLeg.size() > 0) {
            throw new IllegalArgumentException(shortLeg.market().id() + ": the short leg's size must not be positive: "
                    + shortLeg.size());
        }
        return binanceLegs(List.of(longLeg, shortLeg), walletBalance, otherMaintenance, otherUnrealisedPnl);
    }

    /**
     * Binance's cross-margin liquidation price of {@code account}'s position in {@code market}:
     * WB is the collateral value of its balances, TMM1 and UPNL1 come from its other positions at
     * their marks (maintenance rounded up, PnL rounded against the account, as {@link CrossMargin}
     * does; {@link PriceView#marginScalePpm} is not applied).
     *
     * @throws IllegalArgumentException if the account has no position in {@code market}
     * @throws IllegalStateException if another position has no mark price, or the positions settle
     *     in different assets
     */
    public static LiquidationPrice binanceCross(AccountView account, PriceView prices, CollateralPolicy collateral,
            MarketId market) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(collateral, "collateral");
        Objects.requireNonNull(market, "market");
        PositionView target = null;
        for (PositionView position : account.positions()) {
            if (position.market().id().equals(market)) {
                target = position;
            }
        }
        if (target == null) {
            throw new IllegalArgumentException("account " + account.id() + " has no position in " + market);
        }
        AssetId settlement = target.market().settlement().id();
        long wallet = 0;
        for (Balance balance : account.balances()) {
            wallet = Fixed.add(wallet, collateral.collateralValue(balance.asset(), balance.amount(), prices));
        }
        long otherMaintenance = 0;
        long otherPnl = 0;
        for (PositionView other : account.positions()) {
            MarketSpec spec = other.market();
            if (other == target || (other.size() == 0 && other.costBasis() == 0)) {
                continue;
            }
            if (!spec.settlement().id().equals(settlement)) {
                throw new IllegalStateException("cross margin needs one settlement asset, but account " + account.id()
                        + " has " + market + " settled in " + settlement + " and " + spec.id() + " in "
                        + spec.settlement().id());
            }
            long mark = Valuation.requireMark(prices, spec);
            otherPnl = Fixed.add(otherPnl, Valuation.unrealisedPnl(spec, other.size(), other.costBasis(), mark));
            otherMaintenance = Fixed.add(otherMaintenance,
                    spec.maintenanceRequirement(Valuation.requirementNotional(spec, other.size(), mark)));
        }
        return binance(target, wallet, otherMaintenance, otherPnl);
    }

    /**
     * One line per choice of bracket for each leg: buffer(p) = WB - TMM1 + UPNL1 + Σ legs
     * (size * p - cost - (|size| * p * MMR - cum)), with notionals in settlement units.
     */
    private static LiquidationPrice binanceLegs(List<PositionView> legs, long walletBalance, long otherMaintenance,
            long otherUnrealisedPnl) {
        MarketSpec market = legs.get(0).market();
        LiquidationScale scale = LiquidationScale.of(market);
        BigInteger rest = BigInteger.valueOf(walletBalance).subtract(BigInteger.valueOf(otherMaintenance))
                .add(BigInteger.valueOf(otherUnrealisedPnl));
        List<LiquidationLine> lines = List.of(new LiquidationLine(money(scale, rest), BigInteger.ZERO));
        List<RiskTier> tiers = market.riskTiers();
        for (PositionView leg : legs) {
            List<LiquidationLine> next = new ArrayList<>(lines.size() * tiers.size());
            for (LiquidationLine line : lines) {
                for (int i = 0; i < tiers.size(); i++) {
                    BigInteger cumMinusCost = BigInteger.valueOf(market.maintenanceDeduction(i))
                            .subtract(BigInteger.valueOf(leg.costBasis()));
                    next.add(new LiquidationLine(line.intercept().add(money(scale, cumMinusCost)),
                            line.slope().add(legSlope(scale, leg.size(), tiers.get(i).maintenanceMarginPpm()))));
                }
            }
            lines = next;
        }
        return atRiskWhereAnyLineIs(lines);
    }

    /** The scaled buffer change per price unit of one leg: (size * 1e6 - |size| * rate) * numerator. */
    private static BigInteger legSlope(LiquidationScale scale, long size, long maintenancePpm) {
        BigInteger q = BigInteger.valueOf(size);
        return q.multiply(PPM).subtract(q.abs().multiply(BigInteger.valueOf(maintenancePpm)))
                .multiply(scale.numerator());
    }

    /** An amount of settlement units on the lines' scale (times 1e6 and the scale's denominator). */
    private static BigInteger money(LiquidationScale scale, BigInteger amount) {
        return amount.multiply(PPM).multiply(scale.denominator());
    }

    /**
     * The account's buffer is the least of the lines (the requirement is the largest bracket line),
     * so it is at risk wherever any one line is: at or below the highest fall root, at or above the
     * lowest rise root, everywhere if a flat line is at or below zero.
     */
    private static LiquidationPrice atRiskWhereAnyLineIs(List<LiquidationLine> lines) {
        long fallsTo = NO_FALL;
        long risesTo = NO_RISE;
        for (LiquidationLine line : lines) {
            if (line.flatAtRisk()) {
                return ALWAYS;
            }
            if (line.rises()) {
                fallsTo = Math.max(fallsTo, line.fallsTo());
            } else if (line.falls()) {
                risesTo = Math.min(risesTo, line.risesTo());
            }
        }
        boolean covers = fallsTo == Long.MAX_VALUE || risesTo == 1 || (risesTo != NO_RISE && fallsTo >= risesTo - 1);
        return covers ? ALWAYS : new LiquidationPrice(fallsTo, risesTo);
    }
}
