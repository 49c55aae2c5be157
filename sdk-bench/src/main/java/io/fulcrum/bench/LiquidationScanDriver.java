package io.fulcrum.bench;

import io.fulcrum.margin.ThresholdIndex;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * One way of finding the accounts a move of market 0 took below maintenance, over a
 * {@link LiquidationScanPopulation}: {@link #rescan} evaluates every account; {@link #indexed}
 * asks a {@link ThresholdIndex} which thresholds the move reached, evaluates only those accounts,
 * and re-tracks the ones still above maintenance with thresholds at the new price (as a venue
 * does). Accounts found below maintenance are reported and left as they are: the benchmark has no
 * liquidation engine, so they stay tracked at their old thresholds and are found again by the
 * next fall, exactly as the rescan finds them again.
 *
 * <p>Account {@code a} of the population is account {@code a + 1} in the index. Nothing here
 * allocates once the candidate buffers have grown to the largest move's size.
 */
final class LiquidationScanDriver {
    /** The market that moves. */
    static final int MARKET = 0;

    private final LiquidationScanPopulation population;
    private final ThresholdIndex index;
    /** Market 0's starting price, where every tracked threshold was computed. */
    private final long level;

    private long[] candidates = new long[1_024];
    private int candidateCount;
    private final LongConsumer collect = this::collect;
    /** The accounts the last move re-tracked, so a first-move benchmark can put them back. */
    private int[] retracked = new int[1_024];
    private int retrackedCount;

    private final int[] instruments = new int[LiquidationScanPopulation.MAX_POSITIONS];
    private final long[] thresholds = new long[LiquidationScanPopulation.MAX_POSITIONS];
    private final boolean[] triggersOnFall = new boolean[LiquidationScanPopulation.MAX_POSITIONS];

    private LiquidationScanDriver(LiquidationScanPopulation population, ThresholdIndex index) {
        this.population = population;
        this.index = index;
        this.level = population.marks[MARKET];
    }

    /** A driver that evaluates every account on every move. */
    static LiquidationScanDriver rescan(LiquidationScanPopulation population) {
        return new LiquidationScanDriver(population, null);
    }

    /** A driver with every account of {@code population} tracked at the current marks. */
    static LiquidationScanDriver indexed(LiquidationScanPopulation population) {
        LiquidationScanDriver driver = new LiquidationScanDriver(population, ThresholdIndex.create(population.accounts));
        for (int a = 0; a < population.accounts; a++) {
            driver.retrack(a);
        }
        return driver;
    }

    /** Market 0's starting price. */
    long level() {
        return level;
    }

    /** Market 0's current price. */
    long price() {
        return population.marks[MARKET];
    }

    /** The index, or null for a rescan. */
    ThresholdIndex index() {
        return index;
    }

    /** How many accounts the last indexed move evaluated. */
    int lastCandidates() {
        return candidateCount;
    }

    /**
     * Moves market 0 to {@code price} and reports (as population indexes) every account now below
     * maintenance; returns how many.
     */
    int move(long price, LongConsumer breached) {
        return index == null ? rescanMove(price, breached) : indexedMove(price, breached);
    }

    private int rescanMove(long price, LongConsumer breached) {
        population.marks[MARKET] = price;
        int found = 0;
        for (int a = 0; a < population.accounts; a++) {
            if (population.breached(a)) {
                breached.accept(a);
                found++;
            }
        }
        return found;
    }

    private int indexedMove(long price, LongConsumer breached) {
        long from = population.marks[MARKET];
        population.marks[MARKET] = price;
        candidateCount = 0;
        retrackedCount = 0;
        index.reached(MARKET, from, price, collect);
        int found = 0;
        for (int i = 0; i < candidateCount; i++) {
            int a = (int) (candidates[i] - 1);
            if (population.breached(a)) {
                breached.accept(a);
                found++;
            } else {
                retrack(a);
                if (retrackedCount == retracked.length) {
                    retracked = Arrays.copyOf(retracked, 2 * retracked.length);
                }
                retracked[retrackedCount++] = a;
            }
        }
        return found;
    }

    /**
     * Puts market 0 back at its starting price and the accounts the last move re-tracked back at
     * their starting thresholds, so the next fall is again the first one from the starting state.
     */
    void restoreStart() {
        population.marks[MARKET] = level;
        if (index != null) {
            for (int i = 0; i < retrackedCount; i++) {
                retrack(retracked[i]);
            }
            retrackedCount = 0;
        }
    }

    private void retrack(int account) {
        int count = population.thresholds(account, instruments, thresholds, triggersOnFall);
        index.track(account + 1L, count, instruments, thresholds, triggersOnFall);
    }

    private void collect(long account) {
        if (candidateCount == candidates.length) {
            candidates = Arrays.copyOf(candidates, 2 * candidates.length);
        }
        candidates[candidateCount++] = account;
    }
}
