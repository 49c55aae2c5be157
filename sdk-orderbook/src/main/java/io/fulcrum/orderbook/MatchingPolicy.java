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
 * </ul>
 *
 * <p>Example: {@code OrderBook.builder(spec).matchingPolicy(MatchingPolicy.proRata()).build()}.
 */
public sealed interface MatchingPolicy permits BuiltInPolicy {
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
}
