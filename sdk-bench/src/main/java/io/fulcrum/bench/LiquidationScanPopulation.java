package io.fulcrum.bench;

import io.fulcrum.api.Fixed;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The accounts of {@link LiquidationScanBenchmark}: cross-margined accounts with 1 to 5 positions
 * in 20 markets, held as struct-of-arrays (one primitive array per field, positions laid out
 * account after account), so that a full rescan walks memory in order and is a fair, fast peer
 * for the index.
 *
 * <p>Money is in micro-USDC. Each market's price is the price of one contract in micro-USDC,
 * with contract sizes picked so a 1 % move is thousands of price units (BTC at 65,000 USDC in
 * contracts of 0.0001 BTC is 6,500,000). Then a position's notional is {@code |size| × mark} and
 * its PnL {@code size × (mark − entry)}, with no scaling.
 *
 * <p>The margin model is a simple cross margin: {@code equity = balance + Σ size·(mark − entry)},
 * {@code maintenance = Σ ⌈|size|·mark·mmr⌉} (rounded up per position, as requirements round
 * against the account), and an account is below maintenance when {@code equity < maintenance}.
 *
 * <p>Thresholds (the {@code HealthIndex} SPI's scheme): the buffer {@code equity − maintenance},
 * less one unit per position for the rounding of the maintenance terms, is split between the
 * positions in proportion to notional. A long's share {@code σ} is used up when the price falls
 * by {@code σ / |size|}; a short's when it rises by {@code σ / (|size| (1 + mmr))}, since its
 * maintenance grows as the price rises (the same {@code 1 ± mmr} denominators as the
 * single-position liquidation prices of MECHANISMS.md §1.4 and §5.1). With shares in proportion to
 * notional, {@code σ / |size| = buffer × mark / Σ notional}. Each distance rounds down, so each
 * threshold rounds toward the current price: conservative. A long whose threshold would be at or
 * below 0 cannot take the account under maintenance on its own and is not tracked.
 */
public final class LiquidationScanPopulation {
    /** The markets' names, for reports. */
    static final String[] MARKET_NAMES = {"BTC", "ETH", "SOL", "BNB", "XRP", "DOGE", "ADA", "AVAX", "LINK", "DOT",
        "TRX", "LTC", "BCH", "NEAR", "APT", "ARB", "OP", "SUI", "TON", "PEPE"};
    /**
     * Price of one contract in micro-USDC: a late-2024-like USD price times a contract size
     * (BTC 65,000 × 0.0001, ETH 3,400 × 0.001, SOL 150 × 0.01, …, PEPE 0.0000095 × 100,000).
     */
    static final long[] START_PRICES = {6_500_000, 3_400_000, 1_500_000, 5_800_000, 520_000, 1_200_000, 450_000,
        280_000, 1_400_000, 620_000, 1_200_000, 720_000, 380_000, 500_000, 850_000, 800_000, 1_700_000, 1_100_000,
        550_000, 950_000};
    /** Maintenance margin rates, ppm: 0.4 % for BTC up to 2.5 % for the most volatile. */
    static final long[] MMR_PPM = {4_000, 5_000, 10_000, 10_000, 10_000, 10_000, 10_000, 15_000, 15_000, 15_000,
        15_000, 15_000, 15_000, 20_000, 20_000, 20_000, 20_000, 20_000, 20_000, 25_000};
    static final int MARKETS = START_PRICES.length;
    /** The most positions an account holds. */
    static final int MAX_POSITIONS = 5;

    final int accounts;
    /** Settlement balance per account. */
    final long[] balance;
    /** Account {@code a}'s positions are {@code [firstPosition[a], firstPosition[a + 1])}. */
    final int[] firstPosition;
    final int[] positionMarket;
    /** Signed contracts: positive long, negative short. */
    final long[] positionSize;
    final long[] positionEntry;
    /** Current mark per market; the benchmark moves market 0. */
    final long[] marks;

    LiquidationScanPopulation(long[] balance, int[] firstPosition, int[] positionMarket, long[] positionSize,
            long[] positionEntry, long[] marks) {
        this.accounts = balance.length;
        this.balance = balance;
        this.firstPosition = firstPosition;
        this.positionMarket = positionMarket;
        this.positionSize = positionSize;
        this.positionEntry = positionEntry;
        this.marks = marks;
    }

    /**
     * {@code accounts} accounts from {@code seed}, every one above maintenance at the starting
     * prices. Each holds 1 to 5 positions in distinct markets, long or short, of 200 to about
     * 630,000 USDC notional (log-uniform), entered up to 8 % away from the current mark, with a
     * balance of its entry notional over a leverage of 2× to 20×. An account that would start
     * below maintenance (adverse PnL larger than its margin) is drawn again.
     */
    static LiquidationScanPopulation generate(long seed, int accounts) {
        if (accounts < 1) {
            throw new IllegalArgumentException("accounts must be positive: " + accounts);
        }
        SplittableRandom random = new SplittableRandom(seed);
        long[] balance = new long[accounts];
        int[] first = new int[accounts + 1];
        int capacity = accounts * 3 + MAX_POSITIONS;
        int[] market = new int[capacity];
        long[] size = new long[capacity];
        long[] entry = new long[capacity];
        long[] marks = START_PRICES.clone();
        int[] shuffled = new int[MARKETS];
        int positions = 0;
        for (int a = 0; a < accounts; a++) {
            if (positions + MAX_POSITIONS > market.length) {
                int grown = market.length + market.length / 2;
                market = Arrays.copyOf(market, grown);
                size = Arrays.copyOf(size, grown);
                entry = Arrays.copyOf(entry, grown);
            }
            first[a] = positions;
            do {
                int count = 1 + random.nextInt(MAX_POSITIONS);
                for (int i = 0; i < MARKETS; i++) {
                    shuffled[i] = i;
                }
                long entryNotional = 0;
                for (int i = 0; i < count; i++) {
                    int pick = i + random.nextInt(MARKETS - i);
                    int m = shuffled[pick];
                    shuffled[pick] = shuffled[i];
                    shuffled[i] = m;
                    long notional = (long) (200e6 * StrictMath.pow(10, 3.5 * random.nextDouble()));
                    long contracts = Math.max(1, notional / marks[m]);
                    long entryPrice = marks[m] + marks[m] * (random.nextInt(16_001) - 8_000) / 100_000;
                    market[positions + i] = m;
                    size[positions + i] = random.nextBoolean() ? contracts : -contracts;
                    entry[positions + i] = entryPrice;
                    entryNotional += contracts * entryPrice;
                }
                long leverage = 2 + random.nextInt(19);
                balance[a] = entryNotional / leverage;
                first[a + 1] = positions + count;
            } while (buffer(balance, first, market, size, entry, marks, a) < 0);
            positions = first[a + 1];
        }
        return new LiquidationScanPopulation(balance, first, Arrays.copyOf(market, positions),
                Arrays.copyOf(size, positions), Arrays.copyOf(entry, positions), marks);
    }

    /** Total positions. */
    int positions() {
        return firstPosition[accounts];
    }

    /** Equity minus maintenance at the current marks; negative means below maintenance. */
    long buffer(int account) {
        return buffer(balance, firstPosition, positionMarket, positionSize, positionEntry, marks, account);
    }

    /** Whether the account is below maintenance at the current marks. */
    boolean breached(int account) {
        return buffer(account) < 0;
    }

    private static long buffer(long[] balance, int[] first, int[] market, long[] size, long[] entry, long[] marks,
            int account) {
        long equity = balance[account];
        long maintenance = 0;
        for (int p = first[account], end = first[account + 1]; p < end; p++) {
            int m = market[p];
            long mark = marks[m];
            long s = size[p];
            equity += s * (mark - entry[p]);
            maintenance += (Math.abs(s) * mark * MMR_PPM[m] + (Fixed.PPM - 1)) / Fixed.PPM;
        }
        return equity - maintenance;
    }

    /**
     * Writes the account's thresholds at the current marks into the arrays (market number as the
     * instrument) and returns how many there are; 0 if none of its positions can take it under
     * maintenance on its own. The account must be at or above maintenance.
     */
    int thresholds(int account, int[] instruments, long[] thresholds, boolean[] triggersOnFall) {
        int from = firstPosition[account];
        int to = firstPosition[account + 1];
        long totalNotional = 0;
        for (int p = from; p < to; p++) {
            totalNotional += Math.abs(positionSize[p]) * marks[positionMarket[p]];
        }
        // Each ⌈⌉ in the maintenance can add up to one unit more than its exact value.
        long distributable = Math.max(0, buffer(account) - (to - from));
        int count = 0;
        for (int p = from; p < to; p++) {
            int m = positionMarket[p];
            long mark = marks[m];
            long distance = Fixed.mulDiv(distributable, mark, totalNotional, RoundingMode.DOWN);
            if (positionSize[p] > 0) {
                if (mark - distance < 1) {
                    continue;
                }
                thresholds[count] = mark - distance;
                triggersOnFall[count] = true;
            } else {
                thresholds[count] = mark + Fixed.mulDiv(distance, Fixed.PPM, Fixed.PPM + MMR_PPM[m], RoundingMode.DOWN);
                triggersOnFall[count] = false;
            }
            instruments[count] = m;
            count++;
        }
        return count;
    }
}
