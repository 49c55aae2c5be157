package io.fulcrum.api.spi;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;

/**
 * Computes an account's equity and its initial and maintenance requirements from its balances,
 * positions and resting orders at the venue's prices. Isolated, cross and portfolio margin are
 * different implementations.
 *
 * <p>The venue asks before an order (is the initial requirement met if it and every resting
 * order filled at their limit prices?), before a withdrawal (is it met afterwards?), at each
 * fill (the maker's post-trade check) and after each price move (is maintenance breached?).
 *
 * <p>Example, cross margin at 5 % initial / 3 % maintenance: long 1 BTC at mark 48,000 with a
 * cash balance of 10,000 and cost 50,000 has equity 8,000, initial 2,400, maintenance 1,440.
 */
public interface MarginModel {
    /** Evaluates {@code account} at {@code prices}. */
    MarginState evaluate(AccountView account, PriceView prices);

    /**
     * An upper bound, in ppm, on how fast this model's maintenance requirement can grow with a
     * position's notional in {@code market} (per unit of notional, before any guard's margin
     * scale). The venue's {@link HealthIndex} relies on it to place thresholds that no account
     * can cross unnoticed. The default is the market's highest maintenance rate, which bounds the
     * tiered requirement of {@link io.fulcrum.api.MarketSpec#maintenanceRequirement}; a model
     * whose requirement moves faster (a scenario grid with wide shocks) must say so.
     */
    default long maintenanceGrowthPpm(MarketSpec market) {
        long highest = 0;
        for (RiskTier tier : market.riskTiers()) {
            highest = Math.max(highest, tier.maintenanceMarginPpm());
        }
        return highest;
    }

    /**
     * The same bound for a holding of {@code asset} per unit of its value: 0 by default, as
     * holdings count as collateral but carry no maintenance requirement of their own.
     */
    default long maintenanceGrowthPpm(AssetSpec asset) {
        return 0;
    }
}
