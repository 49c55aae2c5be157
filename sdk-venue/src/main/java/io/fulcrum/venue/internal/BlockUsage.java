package io.fulcrum.venue.internal;

import java.util.BitSet;

/**
 * What one account has used, in the current block, of the venue's per-block limits: the notional
 * its liquidation orders filled, the markets they were sent in, and what insurance funds paid for
 * it (dYdX v4's subaccount block limits, MECHANISMS.md §2.3). A block is {@code blockMillis} of
 * the venue's time; the counters start again in each new block.
 */
final class BlockUsage {
    /** The block the counters belong to; -1 before any. */
    long block = -1;
    long liquidatedNotional;
    long insuranceDrawn;
    /** The indexes of the markets a liquidation order was sent in. */
    final BitSet liquidatedMarkets = new BitSet();

    /** Moves to {@code block}, clearing the counters if it is a new one. */
    void enter(long block) {
        if (block != this.block) {
            this.block = block;
            liquidatedNotional = 0;
            insuranceDrawn = 0;
            liquidatedMarkets.clear();
        }
    }
}
