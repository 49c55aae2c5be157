package io.fulcrum.orderbook;

/**
 * How an {@link OrderBook} shares an incoming order among the resting orders it can trade with.
 * Every policy trades the best price first and fills at the maker's price; they differ in who,
 * at one price, gets how much. Chosen per book with {@link OrderBook.Builder#matchingPolicy}.
 *
 * <ul>
 *   <li>{@link #priceTime()}, the default: first come, first served. Makers of 6, 3 and 1 lots (in
 *       time order) and a taker of 5: fills 5, 0, 0.
 *   <li>{@link #proRata()}: shared in proportion to size, with the rounding remainder first come,
 *       first served. The same makers and taker: fills 4, 1, 0 (see {@link #proRata()}).
 *   <li>{@link #batchAuction(long)}: no matching on arrival; every interval the book clears at one
 *       uniform price that maximises the matched volume (see {@link #batchAuction(long)}).
 * </ul>
 *
 * <p>Example: {@code OrderBook.builder(spec).matchingPolicy(MatchingPolicy.proRata()).build()}.
 */
public sealed interface MatchingPolicy permits BuiltInPolicy, BatchAuctionPolicy {
    /**
     * Price-time priority (FIFO): at one price the order that rested first trades first, and
     * takes all the taker wants before the next one gets anything. An iceberg shows one slice at
     * a time and goes to the back of its level each time the slice is refilled.
     */
    static MatchingPolicy priceTime() {
        return BuiltInPolicy.PRICE_TIME;
    }

    /**
     * Pro-rata with a FIFO remainder, as on CME's pro-rata markets: at each price, the taker's
     * quantity (at most what the level shows) is shared among the makers in proportion to what
     * each shows, every share rounded down to whole lots; what the rounding leaves goes to the
     * makers in time order, each up to what it still shows. Fills are reported in the makers'
     * time order. If the taker has some left and the level still shows some (a refilled iceberg
     * slice), the level is shared again.
     *
     * <p>Worked example, lots of 1: makers of 6, 3 and 1 (in time order), so the level shows 10;
     * a taker of 5. Shares 5 × 6/10 = 3, 5 × 3/10 = 1.5 → 1, 5 × 1/10 = 0.5 → 0: 4 in all. The
     * remaining 1 goes to the first maker with size left over its share, the first one: fills
     * 4, 1 and 0. A maker whose share rounds to 0 gets nothing unless the remainder reaches it.
     */
    static MatchingPolicy proRata() {
        return BuiltInPolicy.PRO_RATA;
    }

    /**
     * A periodic batch auction: orders are collected for {@code intervalMillis} and cleared
     * together at one uniform price that maximises the matched volume, as on frequent-batch
     * auction venues. The book's clock is the {@code now} of {@link OrderBook#onTime}.
     *
     * <p><b>Between auctions nothing matches.</b> {@code place} with GTC or IOC rests the order as
     * it is, even if it crosses the book (best bid at or above best ask is normal between
     * auctions), and reports {@code onRested}. An iceberg rests showing its slice in the depth, but
     * its whole open size, hidden reserve included, takes part in the auction: nothing of an
     * auction's orders is executed before it clears, so hiding only changes what others see, not
     * what the order is willing to trade. FOK and budget orders cannot wait for an auction:
     * {@code place(.., FOK, ..)} returns the whole size and {@code placeWithBudget} the whole
     * budget, with no callbacks (the venue reports them cancelled). {@code amend} follows the usual
     * priority rule (a smaller size at the same price keeps the order's place; a new price or a
     * larger size re-rests it at the back of its level, reported with {@code onRested}) and never
     * matches. An amended IOC order stays IOC.
     *
     * <p><b>Snapshots.</b> {@code forEachRestingOrder} reports an IOC order waiting for the auction
     * with {@code TimeInForce.IOC} (every other order GTC), and {@code restore} accepts crossed
     * orders and brings an IOC one back as IOC, so it leaves after the next auction as the
     * original would have. The auction clock is not part of a snapshot: a restored book, like a
     * new one, learns it from its first {@code onTime} call, which only notes its bucket. The venue
     * re-seeds it by calling {@code onTime(lastNow, sink)} once on the restored book with the
     * {@code now} of the original's last {@code onTime}; that call reports nothing, and the next
     * auction then comes when the original's would have.
     *
     * <p><b>When.</b> Auctions happen when the clock enters a new interval: {@code onTime(now)}
     * computes the bucket {@code floorDiv(now, intervalMillis)} and clears the book if that bucket
     * is later than the one of the previous {@code onTime} call; the first call only notes its
     * bucket (the book has no clock before it). One call clears once, however many intervals
     * passed; a call in the same or an earlier bucket does nothing.
     *
     * <p><b>Clearing price.</b> Among the prices of the resting orders, the price {@code p} that
     * maximises the matched volume {@code min(B(p), S(p))}, where {@code B(p)} is the open size of
     * the bids priced at or above {@code p} and {@code S(p)} that of the asks at or below it. Ties
     * go to the smallest imbalance {@code |B(p) - S(p)|}, then to the lowest price. If no price
     * has a positive volume (the book is not crossed), nothing happens but the IOC removal below.
     *
     * <p><b>Pairing.</b> Bids at or above {@code p} in price-time priority (highest price first,
     * then oldest) are paired greedily with asks at or below {@code p} (lowest price first, then
     * oldest), each pair crossing {@code min} of the two open sizes, all at {@code p}, reported as
     * {@code onCross(buyId, sellId, p, quantity)}. Self-trades never happen in an auction, whatever
     * the book's {@link SelfTradePrevention} mode: an ask of the bid's own owner is skipped and the
     * bid is paired with the next eligible ask (the skipped ask stays for later bids), so the
     * volume traded can fall short of the computed maximum. If the sink answers
     * {@code REMOVE_BUY}, {@code REMOVE_SELL} or {@code REMOVE_BOTH}, that order leaves the book
     * whole and unreported (the venue decided it) and pairing goes on at the same price. A partly
     * crossed order keeps its place; an iceberg gives up its hidden reserve first and keeps its
     * slice. After pairing, every immediate-or-cancel order still resting leaves, reported as
     * {@code onReduced(id, open, 0, UNFILLED_IOC)}, in priority order (bids, then asks).
     *
     * <p><b>Worked example</b>, lots of 1: bids 1 at 101 (the oldest), 1 at 100, 1 at 99; asks 1 at
     * 98, 1 at 100, 2 at 102. Volumes: at 98 {@code min(3, 1) = 1}; at 99 {@code min(3, 1) = 1}; at
     * 100 {@code min(2, 2) = 2}; at 101 {@code min(1, 2) = 1}; at 102 {@code min(0, 4) = 0}. The
     * clearing price is 100 for a volume of 2: {@code onCross(bid at 101, ask at 98, 100, 1)}, then
     * {@code onCross(bid at 100, ask at 100, 100, 1)}. Left: the bid at 99 and the asks of 2 at
     * 102. Tie example: bids 2 at 101, asks 1 at 100 and 1 at 101: at 100 the volume is
     * {@code min(2, 1) = 1}, at 101 {@code min(2, 2) = 2}: 101. Bids 1 at 101, asks 1 at 100:
     * volume 1 at both 100 and 101, imbalance 0 at both: the lower, 100.
     *
     * <p>Cost: placing rests the order and allocates nothing; an auction walks the levels twice
     * (plus the orders of levels holding icebergs) and the crossed orders, and allocates nothing.
     *
     * @throws IllegalArgumentException if {@code intervalMillis} is not positive
     */
    static MatchingPolicy batchAuction(long intervalMillis) {
        return new BatchAuctionPolicy(intervalMillis);
    }
}
