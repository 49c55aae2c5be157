package io.fulcrum.examples;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.LossAbsorber;
import io.fulcrum.venue.Venue;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one venue of the {@link LiquidationCrashReplay} did with the crash: what became of each
 * trader, what its backstop (insurance fund or vault) started and ended with, how the maker's
 * thinned book took the liquidation orders, whom auto-deleveraging closed, and who paid the
 * shortfalls. USDC amounts are in USDC units, sizes in size units. Example: in the dYdX-like venue
 * {@code deleveragedNotional()} is what the bankrupt longs' positions were closed for against the
 * shorts, and {@code adlHits()} names those shorts.
 *
 * @param design the venue's design
 * @param venue the venue after the last command
 * @param results every command's outcome, in the order applied
 * @param traders each trader's story, in table order
 * @param backstop the insurance fund (or, Hyperliquid-like, the backstop vault) from start to end
 * @param book how the book took liquidation orders in the minutes the maker pulled its bids
 * @param adlHits for each account a deleveraging closed a profitable position of, the notional
 *     closed, at the deleveraging's price, in the order first hit
 * @param adlCost what those accounts gave up by being closed at the deleveraging's price rather than
 *     at the mark: the bankrupt accounts' deficits they absorbed (0 when ADL closes at the mark)
 * @param covered for each absorber of the waterfall, what it paid of shortfalls in all
 * @param socialisedLoss the shortfalls spread over every open position ({@code LossSocialised})
 * @param makerPnl the maker's equity at the end less its deposit
 */
public record LiquidationCrashOutcome(LiquidationCrashDesign design, Venue venue, List<CommandResult> results,
        List<Trader> traders, Backstop backstop, Book book, Map<AccountId, Long> adlHits, long adlCost,
        Map<LossAbsorber, Long> covered, long socialisedLoss, long makerPnl) {
    /** The time of something that did not happen. */
    public static final long NEVER = -1;

    public LiquidationCrashOutcome {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(backstop, "backstop");
        Objects.requireNonNull(book, "book");
        results = List.copyOf(results);
        traders = List.copyOf(traders);
        adlHits = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(adlHits));
        covered = Map.copyOf(covered);
    }

    /** The traders that fell below maintenance at least once. */
    public long breached() {
        return traders.stream().filter(Trader::wasBreached).count();
    }

    /** The traders a liquidation acted on: a fill in the book, a takeover, or a deleveraging. */
    public long liquidated() {
        return traders.stream().filter(Trader::wasLiquidated).count();
    }

    /** What the traders' liquidation orders closed in the book, notional. */
    public long bookNotional() {
        return traders.stream().mapToLong(Trader::bookNotional).sum();
    }

    /** What the insurance fund or the backstop vault took over from the traders, notional. */
    public long takenOverNotional() {
        return traders.stream().mapToLong(Trader::takenOverNotional).sum();
    }

    /** What auto-deleveraging closed of the traders' bankrupt positions, notional at its price. */
    public long deleveragedNotional() {
        return traders.stream().mapToLong(Trader::deleveragedNotional).sum();
    }

    /** The liquidation penalties the traders paid. */
    public long penalties() {
        return traders.stream().mapToLong(Trader::penalty).sum();
    }

    /** What {@code absorber} paid of shortfalls, 0 if nothing. */
    public long coveredBy(LossAbsorber absorber) {
        return covered.getOrDefault(absorber, 0L);
    }

    /** The shortfalls nobody paid ({@code ShortfallUncovered}): the bad debt left in the traders' accounts. */
    public long uncovered() {
        return traders.stream().mapToLong(Trader::uncovered).sum();
    }

    /** The traders' equity at the end less their deposits, summed. */
    public long tradersPnl() {
        return traders.stream().mapToLong(Trader::pnl).sum();
    }

    /** The same for the long traders, or the short ones. */
    public long tradersPnl(boolean longs) {
        return traders.stream().filter(t -> t.trader().isLong() == longs).mapToLong(Trader::pnl).sum();
    }

    /**
     * The insurance fund, or the Hyperliquid-like backstop vault, over the window. Example: a fund
     * seeded with 50,000 that earned 900 of penalties and holds a long it took over, now 300 in
     * profit: {@code start} 50,000, {@code cashAtEnd} 50,900, {@code heldPnl} 300, {@code pnl()} 1,200.
     *
     * @param start the capital at 20:00
     * @param cashAtEnd the fund's balance ({@code Venue.insuranceFund}) or the vault's cash at the end
     * @param heldSize the position it still holds at the end (the fund's desk, or the vault), size units
     * @param heldPnl that position's open PnL at the end
     * @param unwoundNotional what the fund's desk sold into the book of what it took over
     */
    public record Backstop(long start, long cashAtEnd, long heldSize, long heldPnl, long unwoundNotional) {
        /** What it made (negative: lost) over the window, its open position marked at the end. */
        public long pnl() {
            return cashAtEnd + heldPnl - start;
        }
    }

    /**
     * The book in the minutes the maker pulled its bids. Example: in a minute when four liquidation
     * orders for 6 BTC met 0.25 BTC of bids, {@code sent} is 60,000 and {@code filled} 2,500.
     *
     * @param pulledAt when the maker pulled its bids (the publication time of each such close)
     * @param sent the size the traders' liquidation orders asked for in those minutes, size units
     * @param filled the size the book filled of them, size units
     */
    public record Book(List<Long> pulledAt, long sent, long filled) {
        public Book {
            pulledAt = List.copyOf(pulledAt);
        }
    }

    /**
     * One trader's replay. Example: a 25x long opened at the first close, taken over whole by the
     * Hyperliquid-like vault at 21:14: {@code takenOverNotional} is its size at that index and its
     * end equity 0.
     *
     * @param trader its line of {@link LiquidationCrashReplay#TRADERS}
     * @param account its account
     * @param deposit what it deposited
     * @param size the size it opened, size units (positive)
     * @param entryPrice the price it opened at, price units
     * @param breachedAt when it first fell below maintenance, or {@link #NEVER}
     * @param liquidatedAt when a liquidation first acted on it (a fill, a takeover, a deleveraging), or {@link #NEVER}
     * @param sentSize what its liquidation orders asked for in all, size units
     * @param filledSize what the book filled of them, size units
     * @param bookNotional the notional of those fills
     * @param takenOverNotional what the fund or the vault took over from it, notional
     * @param deleveragedNotional what deleveraging closed of its bankrupt position, notional at the ADL price
     * @param adlHitNotional what deleveraging closed of its profitable position against a bankrupt one
     * @param penalty the liquidation penalties it paid
     * @param covered what the waterfall paid of its shortfalls
     * @param uncovered what nobody paid: its debt
     * @param endEquity its equity at the end
     * @param endBalance its cash balance at the end
     * @param endSize its position at the end, signed size units
     */
    public record Trader(CrashTrader trader, AccountId account, long deposit, long size,
            long entryPrice, long breachedAt, long liquidatedAt, long sentSize, long filledSize, long bookNotional,
            long takenOverNotional, long deleveragedNotional, long adlHitNotional, long penalty, long covered,
            long uncovered, long endEquity, long endBalance, long endSize) {
        public Trader {
            Objects.requireNonNull(trader, "trader");
            Objects.requireNonNull(account, "account");
        }

        /** Whether it fell below maintenance. */
        public boolean wasBreached() {
            return breachedAt != NEVER;
        }

        /** Whether a liquidation acted on it. */
        public boolean wasLiquidated() {
            return liquidatedAt != NEVER;
        }

        /** Its equity at the end less its deposit. */
        public long pnl() {
            return endEquity - deposit;
        }
    }
}
