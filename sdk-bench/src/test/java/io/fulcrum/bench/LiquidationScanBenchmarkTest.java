package io.fulcrum.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Both methods of {@link LiquidationScanBenchmark} find the same accounts below maintenance, move
 * after move, so the ratio compares equal work; and the thresholds the population computes are
 * the hand-worked ones.
 */
class LiquidationScanBenchmarkTest {

    /**
     * Runs both drivers over the same moves on two copies of one population and compares every
     * answer. With {@code liquidate}, every account found below maintenance is then closed in both
     * copies and untracked, as a venue would: needed when a rise can follow a fall without going
     * back to the level, since an account a fall left below maintenance is still below it after a
     * partial rise, which the rescan sees again but no threshold reports (it was reported once).
     */
    private static void assertSameBreaches(long seed, int accounts, long[] prices, boolean liquidate) {
        LiquidationScanPopulation indexedPopulation = LiquidationScanPopulation.generate(seed, accounts);
        LiquidationScanPopulation rescanPopulation = LiquidationScanPopulation.generate(seed, accounts);
        LiquidationScanDriver indexed = LiquidationScanDriver.indexed(indexedPopulation);
        LiquidationScanDriver rescan = LiquidationScanDriver.rescan(rescanPopulation);
        int breaches = 0;
        for (int i = 0; i < prices.length; i++) {
            TreeSet<Long> byIndex = new TreeSet<>();
            TreeSet<Long> byRescan = new TreeSet<>();
            int foundByIndex = indexed.move(prices[i], byIndex::add);
            int foundByRescan = rescan.move(prices[i], byRescan::add);
            String where = "seed " + seed + ", " + accounts + " accounts, move " + i + " to " + prices[i];
            assertEquals(byRescan, byIndex, where);
            assertEquals(foundByRescan, foundByIndex, where);
            assertTrue(indexed.lastCandidates() < accounts / 10, where + ": " + indexed.lastCandidates()
                    + " candidates is not a small fraction");
            breaches += byIndex.size();
            if (!liquidate && prices[i] < indexed.level()) {
                assertFalse(byIndex.isEmpty(), where + ": a fall must breach someone, or the comparison is empty");
            }
            if (liquidate) {
                for (long account : byIndex) {
                    close(indexedPopulation, (int) account);
                    close(rescanPopulation, (int) account);
                    indexed.index().untrack(account + 1);
                }
            }
        }
        assertTrue(breaches > 0, "seed " + seed + ": the moves breach someone, or the comparison is empty");
    }

    private static void close(LiquidationScanPopulation population, int account) {
        for (int p = population.firstPosition[account]; p < population.firstPosition[account + 1]; p++) {
            population.positionSize[p] = 0;
        }
    }

    /** The benchmark's own sequence: fall 1 %, back, fall, back, … */
    private static long[] alternating(long level, int moves) {
        long[] prices = new long[moves];
        for (int i = 0; i < moves; i++) {
            prices[i] = i % 2 == 0 ? LiquidationScanBenchmark.fallByOnePercent(level) : level;
        }
        return prices;
    }

    @Test
    void bothMethodsFindTheSameBreachesOnTheSteadyMovesOfASmallPopulation() {
        assertSameBreaches(42, 50_000, alternating(LiquidationScanPopulation.START_PRICES[0], 6), false);
    }

    @Test
    void bothMethodsFindTheSameBreachesOnRandomWalksWhenBreachedAccountsAreLiquidated() {
        for (long seed = 1; seed <= 3; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            long[] prices = new long[40];
            long price = LiquidationScanPopulation.START_PRICES[0];
            for (int i = 0; i < prices.length; i++) {
                price += price * (random.nextInt(401) - 220) / 10_000;   // -2.2 % to +1.8 %: drifts down
                prices[i] = price;
            }
            assertSameBreaches(seed, 20_000, prices, true);
        }
    }

    @Test
    void bothMethodsFindTheSameBreachesOnTheBenchmarksRealSetup() {
        // The benchmark's defaults: @Param seed 42, accounts 1,000,000.
        assertSameBreaches(42, 1_000_000,
                alternating(LiquidationScanPopulation.START_PRICES[0], 4), false);
    }

    @Test
    void undoingAFirstFallRestoresTheStartingThresholds() {
        LiquidationScanDriver driver = LiquidationScanDriver.indexed(LiquidationScanPopulation.generate(7, 20_000));
        long low = LiquidationScanBenchmark.fallByOnePercent(driver.level());
        TreeSet<Long> first = new TreeSet<>();
        driver.move(low, first::add);
        int firstCandidates = driver.lastCandidates();

        driver.restoreStart();
        TreeSet<Long> again = new TreeSet<>();
        driver.move(low, again::add);

        assertEquals(driver.level(), LiquidationScanPopulation.START_PRICES[0]);
        assertEquals(first, again);
        assertEquals(firstCandidates, driver.lastCandidates(), "the same candidates as the first time");
        assertTrue(firstCandidates > first.size(),
                firstCandidates + " candidates for " + first.size() + " breaches: the first fall re-tracks some");
    }

    @Test
    void aLongsThresholdUsesUpItsBufferWhenThePriceFalls() {
        // Balance 5,000, long 1 contract at 50,000, mark 50,000, mmr 0.4 % (market 0):
        // equity 5,000; maintenance ⌈50,000 × 0.004⌉ = 200; buffer 4,800; less 1 for rounding: 4,799;
        // one position holds all the notional, so the distance is 4,799: threshold 45,201.
        LiquidationScanPopulation one = single(5_000, 1, 50_000);
        int[] instruments = new int[5];
        long[] thresholds = new long[5];
        boolean[] falls = new boolean[5];

        assertEquals(1, one.thresholds(0, instruments, thresholds, falls));
        assertEquals(45_201, thresholds[0]);
        assertTrue(falls[0]);
        // At 45,201: equity 5,000 − 4,799 = 201, maintenance ⌈180.804⌉ = 181: still 20 above.
        one.marks[0] = 45_201;
        assertEquals(20, one.buffer(0));
    }

    @Test
    void aShortsThresholdAllowsForItsGrowingMaintenance() {
        // Short 1 at 50,000, same balance: buffer 4,800, distributable 4,799; a rise uses up
        // 1 + 0.004 per unit: 4,799 / 1.004 = 4,779.88…, down to 4,779: threshold 54,779.
        LiquidationScanPopulation one = single(5_000, -1, 50_000);
        int[] instruments = new int[5];
        long[] thresholds = new long[5];
        boolean[] falls = new boolean[5];

        assertEquals(1, one.thresholds(0, instruments, thresholds, falls));
        assertEquals(54_779, thresholds[0]);
        assertFalse(falls[0]);
        // At 54,779: equity 5,000 − 4,779 = 221, maintenance ⌈219.116⌉ = 220: still 1 above.
        one.marks[0] = 54_779;
        assertEquals(1, one.buffer(0));
    }

    @Test
    void aLongThatCannotBreachOnItsOwnIsNotTracked() {
        // Balance 100,000 against a long of 1 at 50,000: buffer 100,000 − 200 = 99,800 exceeds the
        // price, so no fall of this market alone reaches maintenance.
        LiquidationScanPopulation one = single(100_000, 1, 50_000);

        assertEquals(0, one.thresholds(0, new int[5], new long[5], new boolean[5]));
    }

    private static LiquidationScanPopulation single(long balance, long size, long price) {
        long[] marks = LiquidationScanPopulation.START_PRICES.clone();
        marks[0] = price;
        return new LiquidationScanPopulation(new long[] {balance}, new int[] {0, 1}, new int[] {0}, new long[] {size},
                new long[] {price}, marks);
    }
}
