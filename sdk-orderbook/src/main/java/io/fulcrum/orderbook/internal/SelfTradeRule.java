package io.fulcrum.orderbook.internal;

/**
 * What a {@link Matcher} does when a taker meets a resting order of its own owner: trade as with
 * anyone ({@link #NONE}), cancel the taker, cancel the maker, both, or decrement both by what
 * they would have traded. The public {@code SelfTradePrevention} names the modes and documents
 * them with examples; this is the same choice as the flags the matchers branch on, kept here
 * because this package must not depend on the public one.
 *
 * <p>Example: {@code cancelling(true, true)} is "cancel both": on meeting its own maker, the
 * maker is removed, then the taker's remaining size is, and matching stops.
 */
public final class SelfTradeRule {
    /** Self-trades happen like any other trade. */
    public static final SelfTradeRule NONE = new SelfTradeRule(false, false, false);

    final boolean active;
    final boolean cancelsTaker;
    final boolean cancelsMaker;
    final boolean decrements;

    private SelfTradeRule(boolean cancelsTaker, boolean cancelsMaker, boolean decrements) {
        this.active = cancelsTaker || cancelsMaker || decrements;
        this.cancelsTaker = cancelsTaker;
        this.cancelsMaker = cancelsMaker;
        this.decrements = decrements;
    }

    /** Removes the maker, the taker's remaining size, or both; at least one. */
    public static SelfTradeRule cancelling(boolean taker, boolean maker) {
        if (!taker && !maker) {
            throw new IllegalArgumentException("a cancelling rule cancels the taker, the maker or both");
        }
        return new SelfTradeRule(taker, maker, false);
    }

    /** Takes what they would have traded off both, without a trade; goes on while the taker has some left. */
    public static SelfTradeRule decrementing() {
        return new SelfTradeRule(false, false, true);
    }

    /**
     * True if a taker meeting its own maker can still complete from the liquidity that lies
     * beyond: only when the maker alone is cancelled. Otherwise the meeting ends the taker
     * (cancelled) or eats into it without a fill (decremented).
     */
    boolean letsTakerPass() {
        return !active || (cancelsMaker && !cancelsTaker);
    }
}
