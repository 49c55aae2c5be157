package io.fulcrum.margin;

import io.fulcrum.api.MarketSpec;
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
 * Hyperliquid's liquidation (MECHANISMS.md §1.4): a position worth more than 100,000 USDC goes to
 * the book 20 % at a time, and after a partial liquidation the account's liquidations are whole
 * for a 30 s cooldown; an account whose equity is below 2/3 of its maintenance goes to the
 * venue's backstop (liquidator) vault instead, positions and margin. The orders are
 * immediate-or-cancel within a band around the mark, as {@link FullCloseLiquidation}'s. No
 * clearance fee: what is left stays with the trader.
 *
 * <p>Example: a 500,000 USDC long first sends 100,000 of it; within 30 s a second breach sends the
 * rest; with maintenance 6,250 and equity 4,000 (below 4,166.67) the vault takes the account.
 */
public final class HyperliquidLiquidation implements LiquidationPolicy {
    private final HyperliquidLiquidationRule rule;
    private final long bandPpm;

    private HyperliquidLiquidation(HyperliquidLiquidationRule rule, long bandPpm) {
        this.rule = Objects.requireNonNull(rule, "rule");
        FullCloseLiquidation.withBand(bandPpm); // validates the band
        this.bandPpm = bandPpm;
    }

    /** The rule's chunks, cooldown and backstop, with orders limited to {@code bandPpm} from the mark. */
    public static HyperliquidLiquidation of(HyperliquidLiquidationRule rule, long bandPpm) {
        return new HyperliquidLiquidation(rule, bandPpm);
    }

    @Override
    public List<LiquidationOrder> liquidationOrders(AccountView account, MarginState state, PriceView prices) {
        return liquidationOrders(new LiquidationContext(account, state, prices, 0, LiquidationContext.NEVER));
    }

    @Override
    public List<LiquidationOrder> liquidationOrders(LiquidationContext context) {
        boolean inCooldown = context.lastPartialLiquidation() != LiquidationContext.NEVER
                && rule.isInCooldown(context.lastPartialLiquidation(), context.now());
        List<LiquidationOrder> orders = new ArrayList<>();
        for (PositionView position : context.account().positions()) {
            if (position.size() == 0) {
                continue;
            }
            MarketSpec market = position.market();
            long mark = Valuation.requireMark(context.prices(), market);
            long notional = market.notional(Math.abs(position.size()), mark, RoundingMode.HALF_EVEN);
            long quantity = rule.firstOrderSize(position.size(), notional, market.lotSize(), inCooldown);
            orders.add(FullCloseLiquidation.closing(market, position.size(), quantity, context.prices(), bandPpm));
        }
        return List.copyOf(orders);
    }

    @Override
    public boolean toBackstop(LiquidationContext context) {
        return rule.needsBackstop(context.state().equity(), context.state().maintenanceRequirement());
    }

    @Override
    public String toString() {
        return "HyperliquidLiquidation[" + rule + ", band " + bandPpm + " ppm]";
    }
}
