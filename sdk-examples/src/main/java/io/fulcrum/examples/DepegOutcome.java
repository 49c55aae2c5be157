package io.fulcrum.examples;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.PriceFlag;
import io.fulcrum.api.PriceStatus;
import io.fulcrum.oracle.DivergenceRule;
import io.fulcrum.venue.Venue;
import java.util.List;
import java.util.Set;

/**
 * What one venue of the {@link DepegReplay} did: the lowest price it gave USDe, how many price
 * alerts it raised, and what became of each trader. Example: the {@code USE_WORST} venue valued
 * USDe at 0.650000 at 21:55 UTC, as Binance's book printed it.
 *
 * @param rule the venue's {@link DivergenceRule}
 * @param venue the venue after the last command
 * @param results every command's outcome, in the order the commands were applied
 * @param lowestUsdePrice the lowest {@link Venue#assetPrice} of USDe after any command, USDC units
 * @param lowestUsdeTime when USDe first reached that price, epoch milliseconds
 * @param finalUsdePrice USDe's price at the end of the replay, USDC units
 * @param alerts every {@link io.fulcrum.api.Event.PriceAlert} the venue raised, in order
 * @param traders each trader's story, in trader order
 */
public record DepegOutcome(DivergenceRule rule, Venue venue, List<CommandResult> results, long lowestUsdePrice,
        long lowestUsdeTime, long finalUsdePrice, List<Alert> alerts, List<Trader> traders) {
    /** The time of something that did not happen. */
    public static final long NEVER = -1;

    public DepegOutcome {
        results = List.copyOf(results);
        alerts = List.copyOf(alerts);
        traders = List.copyOf(traders);
    }

    /** The price alerts that report a problem, leaving out those saying a source is clean again. */
    public long priceAlerts() {
        return alerts.stream().filter(Alert::reportsAProblem).count();
    }

    /** The traders that fell below maintenance at least once. */
    public long breached() {
        return traders.stream().filter(Trader::wasBreached).count();
    }

    /** The traders whose position a liquidation order closed. */
    public long liquidated() {
        return traders.stream().filter(Trader::wasLiquidated).count();
    }

    /** The traders' equity at the start minus at the end, summed, USDC units. */
    public long equityLost() {
        return traders.stream().mapToLong(Trader::equityLost).sum();
    }

    /**
     * A price alert and when it was raised. Example: {@code Alert(21:21, "USDE", OK, [SOURCE_DIVERGED])}
     * under {@code USE_AGGREGATE} when Binance's 0.9000 lay more than 2 % from the median.
     *
     * @param time when, epoch milliseconds
     * @param subject the asset or market whose price source raised it
     * @param status the reading's status
     * @param flags the reading's flags; none, with status OK, when the source is clean again
     */
    public record Alert(long time, String subject, PriceStatus status, Set<PriceFlag> flags) {
        public Alert {
            flags = Set.copyOf(flags);
        }

        /** Whether it reports a problem rather than the end of one. */
        public boolean reportsAProblem() {
            return status != PriceStatus.OK || !flags.isEmpty();
        }
    }

    /**
     * One trader's replay.
     *
     * @param account the trader's account
     * @param leverageTenths the leverage it opened at, in tenths (55 = 5.5x)
     * @param size the BTC it bought, size units
     * @param entryPrice the price it bought at, price units
     * @param startEquity its equity just before buying, USDC units
     * @param endEquity its equity at the end, USDC units
     * @param breachedAt when it first fell below maintenance, or {@link #NEVER}
     * @param liquidatedAt when a liquidation order first sold its position, or {@link #NEVER}
     * @param liquidationPrice the average price the liquidation sold at, price units (0 if never)
     */
    public record Trader(AccountId account, long leverageTenths, long size, long entryPrice, long startEquity,
            long endEquity, long breachedAt, long liquidatedAt, long liquidationPrice) {
        /** Whether it fell below maintenance. */
        public boolean wasBreached() {
            return breachedAt != NEVER;
        }

        /** Whether its position was liquidated. */
        public boolean wasLiquidated() {
            return liquidatedAt != NEVER;
        }

        /** {@code startEquity − endEquity}: fees, realised and unrealised losses, collateral revaluation. */
        public long equityLost() {
            return startEquity - endEquity;
        }
    }
}
