package io.fulcrum.examples;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.PoolReport;
import io.fulcrum.venue.Venue;
import java.util.List;
import java.util.Objects;

/**
 * What one venue of the {@link PoolCrashReplay} did: its pool at the start and the end of the
 * window, what became of each trader, the deleveragings, and how far from the index the pool
 * traded. Example: in the GMX-like venue the 25x long T20 is liquidated at 21:14, when the index
 * first falls below its liquidation price.
 *
 * @param design the venue's design
 * @param venue the venue after the last command
 * @param results every command's outcome, in the order applied
 * @param poolAtStart the pool just after the liquidity was added, before any trade
 * @param poolAtEnd the pool after the last price
 * @param deleveraged every {@link Event.Deleveraged} the venue emitted, in order
 * @param poolEdgeVersusIndex Σ over the pool's fills of what it earned against trading at the index
 *     then: {@code notional − quantity × index} when a trader bought from it, the opposite when a
 *     trader sold to it, USDC units (negative: the pool traded worse than the index)
 * @param peakProfitPpm the highest share of the pool's token value the traders' open PnL reached
 *     after a price update, ppm (what GMX's ADL compares with its trigger, §3.4; negative if
 *     traders were never up)
 * @param traders each trader's story, in table order
 */
public record PoolCrashOutcome(PoolCrashDesign design, Venue venue, List<CommandResult> results, PoolReport poolAtStart,
        PoolReport poolAtEnd, List<Event.Deleveraged> deleveraged, long poolEdgeVersusIndex, long peakProfitPpm,
        List<Trader> traders) {
    /** The time of something that did not happen. */
    public static final long NEVER = -1;

    public PoolCrashOutcome {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(poolAtStart, "poolAtStart");
        Objects.requireNonNull(poolAtEnd, "poolAtEnd");
        results = List.copyOf(results);
        deleveraged = List.copyOf(deleveraged);
        traders = List.copyOf(traders);
    }

    /** The liquidity providers' PnL over the window and where it came from (MECHANISMS.md §3.4). */
    public PoolReport.Period lpPeriod() {
        return poolAtEnd.periodSince(poolAtStart);
    }

    /** The traders whose position a liquidation order closed. */
    public long liquidated() {
        return traders.stream().filter(Trader::wasLiquidated).count();
    }

    /** The traders that fell below maintenance at least once. */
    public long breached() {
        return traders.stream().filter(Trader::wasBreached).count();
    }

    /** The traders' equity at the end less their deposits, summed, USDC units. */
    public long tradersPnl() {
        return traders.stream().mapToLong(Trader::pnl).sum();
    }

    /** What traders with negative equity owe and cannot pay, summed, USDC units (0 or more). */
    public long badDebt() {
        return traders.stream().mapToLong(t -> Math.max(0, -t.endEquity())).sum();
    }

    /**
     * One trader's replay. Example: the 10x long T11 of the Avantis-like vault opens 0.771 BTC at
     * 116,677.1 and is liquidated at 21:20 at the index, 103,441.3, with less than nothing left
     * ({@code endEquity < 0}: bad debt; one minute's fall jumped past both its §4 liquidation price,
     * 105,527.1, and its bankruptcy price).
     *
     * @param trader its line of {@link PoolCrashReplay#TRADERS}
     * @param account its account
     * @param deposit what it deposited, USDC units
     * @param size the size it opened, size units (positive)
     * @param entryPrice the price it opened at, price units
     * @param breachedAt when it first fell below maintenance, or {@link #NEVER}
     * @param liquidatedAt when a liquidation order first closed its position, or {@link #NEVER}
     * @param liquidationPrice the price the liquidation closed at, price units (0 if never)
     * @param indexAtLiquidation the index when it was liquidated, price units (0 if never)
     * @param deleveragedSize how much of its position the pool's ADL closed, size units
     * @param endEquity its equity at the end, USDC units
     */
    public record Trader(CrashTrader trader, AccountId account, long deposit, long size, long entryPrice,
            long breachedAt, long liquidatedAt, long liquidationPrice, long indexAtLiquidation, long deleveragedSize,
            long endEquity) {
        public Trader {
            Objects.requireNonNull(trader, "trader");
            Objects.requireNonNull(account, "account");
        }

        /** Whether it fell below maintenance. */
        public boolean wasBreached() {
            return breachedAt != NEVER;
        }

        /** Whether its position was liquidated. */
        public boolean wasLiquidated() {
            return liquidatedAt != NEVER;
        }

        /** Its equity at the end less its deposit, USDC units. */
        public long pnl() {
            return endEquity - deposit;
        }
    }
}
