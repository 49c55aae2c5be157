package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.spi.AccountView;
import io.fulcrum.api.spi.MarginModel;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import io.fulcrum.api.spi.PriceView;
import io.fulcrum.margin.internal.Valuation;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How much margin must stay behind after a withdrawal or a transfer out, as on Hyperliquid
 * (MECHANISMS.md §1.3): the remaining margin must cover the larger of the initial requirement and
 * a floor of the total position notional (10 % on Hyperliquid), so an account at high leverage
 * cannot strip its margin down to the initial requirement.
 *
 * <p>Example: notional 100,000 at 20x needs initial margin 5,000, but the 10 % floor is 10,000,
 * so 10,000 must remain; at 10x both are 10,000. An account worth 12,500 may take out 2,500.
 *
 * <p>The floor is rounded up; "remaining margin" is equity at mark (collateral plus unrealised PnL),
 * the same figure the margin model's initial check uses.
 *
 * @param notionalFloorPpm the floor as a fraction of total position notional, in [0, 1,000,000] ppm
 */
public record TransferRule(long notionalFloorPpm) {
    public TransferRule {
        if (notionalFloorPpm < 0 || notionalFloorPpm > Fixed.PPM) {
            throw new IllegalArgumentException("notionalFloorPpm must be in [0, 1,000,000]: " + notionalFloorPpm);
        }
    }

    /** Hyperliquid's rule: a floor of 10 % of total position notional. */
    public static TransferRule hyperliquid() {
        return new TransferRule(100_000);
    }

    /**
     * The margin that must remain: {@code max(initialRequirement, ceil(totalNotional * floor))}.
     *
     * @throws IllegalArgumentException if {@code totalNotional} is negative
     */
    public long minimumRemaining(long initialRequirement, long totalNotional) {
        if (totalNotional < 0) {
            throw new IllegalArgumentException("totalNotional must be non-negative: " + totalNotional);
        }
        return Math.max(initialRequirement, Fixed.ppm(totalNotional, notionalFloorPpm, RoundingMode.CEILING));
    }

    /** True if {@code remainingMargin} left after a transfer satisfies the rule. */
    public boolean allows(long remainingMargin, long initialRequirement, long totalNotional) {
        return remainingMargin >= minimumRemaining(initialRequirement, totalNotional);
    }

    /** How much of {@code margin} may leave: what exceeds {@link #minimumRemaining}, never negative. */
    public long withdrawable(long margin, long initialRequirement, long totalNotional) {
        return Math.max(0, Fixed.subtract(margin, minimumRemaining(initialRequirement, totalNotional)));
    }

    /**
     * How much may leave {@code account}: its equity and initial requirement by {@code model}, its
     * total notional summed over its positions at mark (each rounded up).
     *
     * @throws IllegalStateException if a position's market has no mark price
     */
    public long withdrawable(AccountView account, PriceView prices, MarginModel model) {
        Objects.requireNonNull(model, "model");
        MarginState state = model.evaluate(account, prices);
        return withdrawable(state.equity(), state.initialRequirement(), totalNotional(account, prices));
    }

    /** The sum of {@code account}'s position notionals at mark, each rounded up. */
    public static long totalNotional(AccountView account, PriceView prices) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(prices, "prices");
        long total = 0;
        for (PositionView position : account.positions()) {
            if (position.size() != 0) {
                MarketSpec market = position.market();
                total = Fixed.add(total, Valuation.requirementNotional(market, position.size(),
                        Valuation.requireMark(prices, market)));
            }
        }
        return total;
    }
}
