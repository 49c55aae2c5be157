package io.fulcrum.margin;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import io.fulcrum.api.spi.AccountView;
import io.fulcrum.api.spi.LiquidationContext;
import io.fulcrum.api.spi.LiquidationOrder;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import io.fulcrum.api.spi.PriceView;
import io.fulcrum.margin.internal.Valuation;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * dYdX v4's liquidation (MECHANISMS.md §2.3): each position is sent to the book no worse than its
 * <b>fillable price</b>, which lies between the oracle (while the account still has its whole
 * maintenance) and the oracle minus the full liquidation spread, {@code SMMR × PMMR} (once its
 * collateral is gone); and only a slice of it per liquidation: a tenth of the position but at
 * least 1,000 USDC, within 100,000 USDC for the whole account, per block. The venue's block
 * ({@code Venue.Builder.blockMillis}) carries the limits: a position liquidated once in a block waits
 * for the next one, and what the account's liquidations filled earlier in the block comes off its
 * budget ({@link LiquidationContext}). Positions go in the account's order.
 *
 * <p>Example (mainnet, §2.3): 1 BTC long at oracle 50,000 with a 1,500 maintenance and 1,000 of
 * collateral: fillable 49,250, and 0.1 BTC (5,000) this block; if 97,000 of the account's other
 * positions were liquidated earlier in the block, 0.06 BTC (the 3,000 left).
 */
public final class DydxLiquidation implements LiquidationPolicy {
    private final long bankruptcyAdjustmentPpm;
    private final long spreadToMaintenancePpm;
    private final long minNotional;
    private final long maxPortionPpm;
    private final long accountBudget;

    private DydxLiquidation(long bankruptcyAdjustmentPpm, long spreadToMaintenancePpm, long minNotional,
            long maxPortionPpm, long accountBudget) {
        if (bankruptcyAdjustmentPpm < 0 || spreadToMaintenancePpm < 0 || minNotional < 0 || accountBudget <= 0
                || maxPortionPpm <= 0 || maxPortionPpm > Fixed.PPM) {
            throw new IllegalArgumentException("dYdX liquidation parameters out of range: BA " + bankruptcyAdjustmentPpm
                    + ", SMMR " + spreadToMaintenancePpm + ", min notional " + minNotional + ", max portion "
                    + maxPortionPpm + ", account budget " + accountBudget);
        }
        this.bankruptcyAdjustmentPpm = bankruptcyAdjustmentPpm;
        this.spreadToMaintenancePpm = spreadToMaintenancePpm;
        this.minNotional = minNotional;
        this.maxPortionPpm = maxPortionPpm;
        this.accountBudget = accountBudget;
    }

    /** Mainnet's genesis: BA 100 %, SMMR 150 %, 1,000 minimum, 10 % a block, 100,000 per account. */
    public static DydxLiquidation mainnet(AssetSpec settlement) {
        Objects.requireNonNull(settlement, "settlement");
        long unit = Fixed.pow10(settlement.decimals());
        return new DydxLiquidation(DydxLiquidationMath.MAINNET_BANKRUPTCY_ADJUSTMENT_PPM,
                DydxLiquidationMath.MAINNET_SPREAD_TO_MAINTENANCE_PPM, 1_000 * unit,
                DydxLiquidationMath.MAINNET_MAX_POSITION_PORTION_PPM, 100_000 * unit);
    }

    /** Custom parameters: amounts in settlement units, shares in ppm. */
    public static DydxLiquidation of(long bankruptcyAdjustmentPpm, long spreadToMaintenancePpm, long minNotional,
            long maxPortionPpm, long accountBudget) {
        return new DydxLiquidation(bankruptcyAdjustmentPpm, spreadToMaintenancePpm, minNotional, maxPortionPpm,
                accountBudget);
    }

    /** The orders at the start of a block: the whole budget, every position. */
    @Override
    public List<LiquidationOrder> liquidationOrders(AccountView account, MarginState state, PriceView prices) {
        return liquidationOrders(new LiquidationContext(account, state, prices, 0, LiquidationContext.NEVER));
    }

    /**
     * The orders for what is left of the block: the budget less what the account's liquidations
     * already filled in it, and only positions not yet liquidated in it.
     */
    @Override
    public List<LiquidationOrder> liquidationOrders(LiquidationContext context) {
        AccountView account = context.account();
        PriceView prices = context.prices();
        MarginState state = context.state();
        List<LiquidationOrder> orders = new ArrayList<>();
        long budget = Math.max(0, accountBudget - context.liquidatedNotionalThisBlock());
        for (PositionView position : account.positions()) {
            long size = position.size();
            if (size == 0 || budget == 0 || context.liquidatedThisBlock().contains(position.market().id())) {
                continue;
            }
            MarketSpec market = position.market();
            long mark = Valuation.requireMark(prices, market);
            long notional = market.notional(Math.abs(size), mark, RoundingMode.HALF_EVEN);
            long limit = DydxLiquidationMath.sizePerBlock(notional, minNotional, maxPortionPpm, budget);
            long quantity = DydxLiquidationMath.blockSize(size, notional, limit, market.lotSize());
            if (quantity == 0) {
                continue;
            }
            budget -= Math.min(budget, market.notional(quantity, mark, RoundingMode.HALF_EVEN));
            orders.add(new LiquidationOrder(market.id(), size > 0 ? Side.SELL : Side.BUY, quantity,
                    worstPrice(market, size, notional, mark, state)));
        }
        return List.copyOf(orders);
    }

    /** The fillable price, moved onto the tick toward the mark (a sale's up, a purchase's down). */
    private long worstPrice(MarketSpec market, long size, long notional, long mark, MarginState state) {
        long total = state.maintenanceRequirement();
        long own = Math.min(market.maintenanceRequirement(notional), total);
        long fillable = total <= 0 ? mark : DydxLiquidationMath.fillablePrice(market, size, size > 0 ? notional : -notional,
                own, state.equity(), total, bankruptcyAdjustmentPpm, spreadToMaintenancePpm);
        long tick = market.tickSize();
        long onTick = size > 0 ? Fixed.multiply(Fixed.divide(fillable, tick, RoundingMode.CEILING), tick)
                : Fixed.multiply(Fixed.divide(fillable, tick, RoundingMode.FLOOR), tick);
        return Math.max(tick, onTick);
    }

    @Override
    public String toString() {
        return "DydxLiquidation[BA " + bankruptcyAdjustmentPpm + ", SMMR " + spreadToMaintenancePpm + ", min "
                + minNotional + ", portion " + maxPortionPpm + ", budget " + accountBudget + "]";
    }
}
