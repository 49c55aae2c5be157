package io.fulcrum.margin.internal;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * The thresholds of one instrument in one direction: a set of {@code (threshold, account)} pairs
 * kept in ascending order (by threshold, then account), so that the accounts a move reached are a
 * prefix or a suffix and are read without looking at any other entry.
 *
 * <p>Layout: a two-level sorted list. Entries live in fixed-capacity <em>blocks</em>, each a
 * sorted run of pairs stored as a contiguous stretch of a shared thresholds array and the same
 * stretch of a shared accounts array; a small directory lists the blocks in key order with each
 * block's first key. Adding or removing binary-searches the directory, then the block's thresholds,
 * and shifts at most one block's tail ({@code System.arraycopy} of at most 1 KiB per array). A full
 * block splits in two; a block left empty, or small enough to fit with a neighbour into half a
 * block, is merged away and its storage reused. Why not a tree: with blocks of
 * {@value #DEFAULT_BLOCK} pairs the directory of even a million-entry ladder has under 16,000 rows,
 * so two binary searches and one short memmove beat a pointer-chasing tree, and reports scan
 * contiguous memory.
 *
 * <p>Costs, for {@code n} entries and block capacity {@code B}: add and remove
 * {@code O(log n + B)} with a small constant, plus {@code O(n / B)} (a directory shift) on the
 * rare split or merge; a report {@code O(1 + k)} for {@code k} reported entries. Memory: 16 bytes
 * per pair divided by the blocks' fill, which merging keeps above a quarter and is about
 * two-thirds under random updates, so about 24 bytes per entry. Nothing is allocated except when
 * the storage grows past its high-water mark.
 *
 * <p>Not thread-safe.
 */
public final class ThresholdLadder {
    /** Pairs per block: 1 KiB of thresholds, a short memmove, a small directory (64 measured no faster). */
    public static final int DEFAULT_BLOCK = 128;

    private final int blockCapacity;
    /**
     * Block {@code b}'s entry {@code j} is at {@code b B + j} in both arrays. Thresholds apart from
     * accounts: a search reads only thresholds, half the cache lines of interleaved pairs.
     */
    private long[] thresholds;
    private long[] accounts;
    /** Entries in use per block id. */
    private int[] blockSizes;
    /** Block ids that hold no entries and can be reused. */
    private int[] freeBlocks;
    private int freeCount;
    /** Block ids handed out so far (the storage's high-water mark). */
    private int createdBlocks;

    /** Block ids in key order; rows {@code [0, rows)} are in use. */
    private int[] directory;
    private long[] firstThresholds;
    private long[] firstAccounts;
    private int rows;

    private int size;

    /** An empty ladder with blocks of {@code blockCapacity} pairs (at least 4, even). */
    public ThresholdLadder(int blockCapacity) {
        if (blockCapacity < 4 || blockCapacity % 2 != 0) {
            throw new IllegalArgumentException("blockCapacity must be an even number of at least 4: " + blockCapacity);
        }
        this.blockCapacity = blockCapacity;
        int blocks = 2;
        thresholds = new long[blocks * blockCapacity];
        accounts = new long[blocks * blockCapacity];
        blockSizes = new int[blocks];
        freeBlocks = new int[blocks];
        directory = new int[blocks];
        firstThresholds = new long[blocks];
        firstAccounts = new long[blocks];
    }

    /** An empty ladder with blocks of {@value #DEFAULT_BLOCK} pairs. */
    public ThresholdLadder() {
        this(DEFAULT_BLOCK);
    }

    /** How many pairs the ladder holds. */
    public int size() {
        return size;
    }

    /** How many blocks are in use (for tests of splitting and merging). */
    public int blocks() {
        return rows;
    }

    /**
     * Adds the pair; it must not be present (the caller keeps one pair per account).
     *
     * @throws IllegalStateException if the pair is already present
     */
    public void add(long threshold, long account) {
        if (rows == 0) {
            insertRow(0, newBlock());
        }
        int row = rowFor(threshold, account);
        int block = directory[row];
        if (blockSizes[block] == blockCapacity) {
            split(row);
            if (compare(threshold, account, firstThresholds[row + 1], firstAccounts[row + 1]) >= 0) {
                row++;
                block = directory[row];
            }
        }
        int blockSize = blockSizes[block];
        int at = lowerBound(block, threshold, account);
        int base = block * blockCapacity;
        if (at < blockSize && thresholds[base + at] == threshold && accounts[base + at] == account) {
            throw new IllegalStateException("pair already present: threshold " + threshold + ", account " + account);
        }
        System.arraycopy(thresholds, base + at, thresholds, base + at + 1, blockSize - at);
        System.arraycopy(accounts, base + at, accounts, base + at + 1, blockSize - at);
        thresholds[base + at] = threshold;
        accounts[base + at] = account;
        blockSizes[block] = blockSize + 1;
        if (at == 0) {
            firstThresholds[row] = threshold;
            firstAccounts[row] = account;
        }
        size++;
    }

    /** Removes the pair; returns whether it was present. */
    public boolean remove(long threshold, long account) {
        if (rows == 0) {
            return false;
        }
        int row = rowFor(threshold, account);
        int block = directory[row];
        int blockSize = blockSizes[block];
        int at = lowerBound(block, threshold, account);
        int base = block * blockCapacity;
        if (at == blockSize || thresholds[base + at] != threshold || accounts[base + at] != account) {
            return false;
        }
        System.arraycopy(thresholds, base + at + 1, thresholds, base + at, blockSize - at - 1);
        System.arraycopy(accounts, base + at + 1, accounts, base + at, blockSize - at - 1);
        blockSizes[block] = --blockSize;
        size--;
        if (blockSize == 0) {
            removeRow(row);
            releaseBlock(block);
            return true;
        }
        if (at == 0) {
            firstThresholds[row] = thresholds[base];
            firstAccounts[row] = accounts[base];
        }
        mergeIfSmall(row);
        return true;
    }

    /** Reports the account of every pair whose threshold is {@code threshold} or more, highest first. */
    public void reportAtOrAbove(long threshold, LongConsumer reported) {
        for (int row = rows - 1; row >= 0; row--) {
            int base = directory[row] * blockCapacity;
            for (int at = base + blockSizes[directory[row]] - 1; at >= base; at--) {
                if (thresholds[at] < threshold) {
                    return;
                }
                reported.accept(accounts[at]);
            }
        }
    }

    /** Reports the account of every pair whose threshold is {@code threshold} or less, lowest first. */
    public void reportAtOrBelow(long threshold, LongConsumer reported) {
        for (int row = 0; row < rows; row++) {
            int base = directory[row] * blockCapacity;
            for (int at = base, end = base + blockSizes[directory[row]]; at < end; at++) {
                if (thresholds[at] > threshold) {
                    return;
                }
                reported.accept(accounts[at]);
            }
        }
    }

    /**
     * Checks the structure's invariants (for tests): entries strictly ascending across blocks,
     * directory keys equal to each block's first entry, no empty block, sizes adding up.
     *
     * @throws IllegalStateException naming the first violation
     */
    public void checkInvariants() {
        int counted = 0;
        boolean first = true;
        long previousThreshold = 0;
        long previousAccount = 0;
        for (int row = 0; row < rows; row++) {
            int block = directory[row];
            int base = block * blockCapacity;
            int blockSize = blockSizes[block];
            if (blockSize == 0) {
                throw new IllegalStateException("row " + row + " holds an empty block");
            }
            if (thresholds[base] != firstThresholds[row] || accounts[base] != firstAccounts[row]) {
                throw new IllegalStateException("row " + row + "'s directory key is not its block's first entry");
            }
            for (int j = 0; j < blockSize; j++) {
                long threshold = thresholds[base + j];
                long account = accounts[base + j];
                if (!first && compare(previousThreshold, previousAccount, threshold, account) >= 0) {
                    throw new IllegalStateException("entries out of order at row " + row + ", entry " + j);
                }
                first = false;
                previousThreshold = threshold;
                previousAccount = account;
            }
            counted += blockSize;
        }
        if (counted != size) {
            throw new IllegalStateException("blocks hold " + counted + " entries, size says " + size);
        }
    }

    private static int compare(long threshold, long account, long otherThreshold, long otherAccount) {
        int byThreshold = Long.compare(threshold, otherThreshold);
        return byThreshold != 0 ? byThreshold : Long.compare(account, otherAccount);
    }

    /** The last row whose first key is at or below the key, or row 0 if the key precedes them all. */
    private int rowFor(long threshold, long account) {
        int low = 1;
        int high = rows - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long t = firstThresholds[mid];
            if (t < threshold || (t == threshold && firstAccounts[mid] <= account)) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return low - 1;
    }

    /**
     * The first position in {@code block} whose pair is at or above the key: a binary search over
     * the thresholds alone, reading an account only where the thresholds are equal.
     */
    private int lowerBound(int block, long threshold, long account) {
        int base = block * blockCapacity;
        int low = base;
        int high = base + blockSizes[block] - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long t = thresholds[mid];
            if (t < threshold || (t == threshold && accounts[mid] < account)) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return low - base;
    }

    /** Moves the upper half of the full block at {@code row} into a new block just after it. */
    private void split(int row) {
        int block = directory[row];
        int fresh = newBlock();
        int half = blockCapacity / 2;
        System.arraycopy(thresholds, block * blockCapacity + half, thresholds, fresh * blockCapacity, half);
        System.arraycopy(accounts, block * blockCapacity + half, accounts, fresh * blockCapacity, half);
        blockSizes[block] = half;
        blockSizes[fresh] = blockCapacity - half;
        insertRow(row + 1, fresh);
    }

    /**
     * Folds the block at {@code row} into a neighbour when the two fit in half a block, so blocks
     * stay at least a quarter full on average and a merged block has room before it splits again.
     */
    private void mergeIfSmall(int row) {
        int block = directory[row];
        int limit = blockCapacity / 2;
        if (row > 0 && blockSizes[directory[row - 1]] + blockSizes[block] <= limit) {
            appendInto(directory[row - 1], block);
            removeRow(row);
            releaseBlock(block);
        } else if (row + 1 < rows && blockSizes[block] + blockSizes[directory[row + 1]] <= limit) {
            int next = directory[row + 1];
            appendInto(block, next);
            removeRow(row + 1);
            releaseBlock(next);
        }
    }

    private void appendInto(int target, int source) {
        int targetSize = blockSizes[target];
        int sourceSize = blockSizes[source];
        System.arraycopy(thresholds, source * blockCapacity, thresholds, target * blockCapacity + targetSize,
                sourceSize);
        System.arraycopy(accounts, source * blockCapacity, accounts, target * blockCapacity + targetSize, sourceSize);
        blockSizes[target] = targetSize + sourceSize;
        blockSizes[source] = 0;
    }

    /** A block id with no entries, reusing a released one before growing the storage. */
    private int newBlock() {
        if (freeCount > 0) {
            return freeBlocks[--freeCount];
        }
        if (createdBlocks == blockSizes.length) {
            int grown = blockSizes.length * 2;
            thresholds = Arrays.copyOf(thresholds, grown * blockCapacity);
            accounts = Arrays.copyOf(accounts, grown * blockCapacity);
            blockSizes = Arrays.copyOf(blockSizes, grown);
            freeBlocks = Arrays.copyOf(freeBlocks, grown);
        }
        return createdBlocks++;
    }

    private void releaseBlock(int block) {
        blockSizes[block] = 0;
        freeBlocks[freeCount++] = block;
    }

    private void insertRow(int row, int block) {
        if (rows == directory.length) {
            int grown = directory.length * 2;
            directory = Arrays.copyOf(directory, grown);
            firstThresholds = Arrays.copyOf(firstThresholds, grown);
            firstAccounts = Arrays.copyOf(firstAccounts, grown);
        }
        System.arraycopy(directory, row, directory, row + 1, rows - row);
        System.arraycopy(firstThresholds, row, firstThresholds, row + 1, rows - row);
        System.arraycopy(firstAccounts, row, firstAccounts, row + 1, rows - row);
        directory[row] = block;
        int base = block * blockCapacity;
        firstThresholds[row] = thresholds[base];
        firstAccounts[row] = accounts[base];
        rows++;
    }

    private void removeRow(int row) {
        System.arraycopy(directory, row + 1, directory, row, rows - row - 1);
        System.arraycopy(firstThresholds, row + 1, firstThresholds, row, rows - row - 1);
        System.arraycopy(firstAccounts, row + 1, firstAccounts, row, rows - row - 1);
        rows--;
    }
}
