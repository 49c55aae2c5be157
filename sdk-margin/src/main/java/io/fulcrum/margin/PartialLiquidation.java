package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import io.fulcrum.margin.internal.Valuation;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.spi.AccountView;
import io.fulcrum.api.spi.LiquidationOrder;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import io.fulcrum.api.spi.PriceView;
import java.math.RoundingMode;
import java.util.List;

/**
 * Closes only enough of an account's largest position to bring it back above maintenance with
 * a buffer ({@link PartialLiquidationSize}), with one immediate-or-cancel order no worse than a
 * band around the mark; an account whose equity is gone (at or below zero) cannot be restored
 * that way and has every position closed, as {@link FullCloseLiquidation} would. Whatever the
 * book cannot fill, or a fill worse than the mark leaves undone, is taken up at the next price
 * move. Selling less into a thin book moves its price less, which is why partial liquidation
 * leaves less bad debt in a cascade (MECHANISMS.md §1.4, §2.3; DESIGN.md's "only enough to restore
 * health plus a buffer").
 *
 * <p>Example: equity 4,000, maintenance 5,000, long 1 BTC worth 100,000 at a 5 % maintenance
 * rate, buffer 10 %: it sells 0.2728 BTC, which leaves maintenance 3,636 and 1.1 × 3,636 ≤ 4,000.
 */
public final class PartialLiquidation implements LiquidationPolicy {
    private final PartialLiquidationSize sizing;
    private final long bandPpm;

    private PartialLiquidation(long bufferPpm, long bandPpm) {
        if (bandPpm <= 0 || bandPpm >= Fixed.PPM) {
            throw new IllegalArgumentException("the worst-price band must be in (0, 1,000,000) ppm: " + bandPpm);
        }
        this.sizing = new PartialLiquidationSize(bufferPpm, 0);
        this.bandPpm = bandPpm;
    }

    /** Restores equity to maintenance × (1 + {@code bufferPpm}), selling no worse than {@code bandPpm} from the mark. */
    public static PartialLiquidation of(long bufferPpm, long bandPpm) {
        return new PartialLiquidation(bufferPpm, bandPpm);
    }

    @Override
    public List<LiquidationOrder> liquidationOrders(AccountView account, MarginState state, PriceView prices) {
        if (state.equity() <= 0) {
            return FullCloseLiquidation.withBand(bandPpm).liquidationOrders(account, state, prices);
        }
        PositionView largest = null;
        long largestNotional = 0;
        for (PositionView position : account.positions()) {
            if (position.size() == 0) {
                continue;
            }
            long notional = notionalAtMark(position, prices);
            if (largest == null || notional > largestNotional) {
                largest = position;
                largestNotional = notional;
            }
        }
        if (largest == null || largestNotional == 0) {
            return List.of();
        }
        MarketSpec market = largest.market();
        long ratePpm = Fixed.mulDiv(market.maintenanceRequirement(largestNotional), Fixed.PPM, largestNotional,
                RoundingMode.CEILING);
        long quantity = sizing.sizeToClose(state.equity(), state.maintenanceRequirement(), largest.size(),
                largestNotional, Math.min(ratePpm, Fixed.PPM), market.lotSize());
        if (quantity == 0) {
            return List.of();
        }
        return List.of(FullCloseLiquidation.closing(market, largest.size(), quantity, prices, bandPpm));
    }

    private static long notionalAtMark(PositionView position, PriceView prices) {
        long mark = Valuation.requireMark(prices, position.market());
        return position.market().notional(Math.abs(position.size()), mark, RoundingMode.HALF_EVEN);
    }

    @Override
    public String toString() {
        return "PartialLiquidation[" + sizing + ", band " + bandPpm + " ppm]";
    }
}
