package io.fulcrum.orderbook;

/**
 * The periodic batch auction of {@link MatchingPolicy#batchAuction(long)}, with its interval.
 * Package-private like {@link BuiltInPolicy}; equal when the intervals are.
 */
record BatchAuctionPolicy(long intervalMillis) implements MatchingPolicy {
    BatchAuctionPolicy {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("a batch auction's interval must be positive: " + intervalMillis + " ms");
        }
    }

    @Override
    public String toString() {
        return "batch-auction(" + intervalMillis + " ms)";
    }
}
