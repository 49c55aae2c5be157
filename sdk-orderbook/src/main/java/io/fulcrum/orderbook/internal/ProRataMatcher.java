package io.fulcrum.orderbook.internal;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.spi.MatchSink;
import java.math.RoundingMode;

/**
 * Pro-rata with a FIFO remainder (CME style): at each price level, best first, the taker's
 * quantity, capped by what the level shows, is shared among the level's makers in proportion to
 * what each shows, each share rounded down to whole lots; what the rounding leaves goes to the
 * makers in time order, each taking up to what it still shows. Fills are reported in the
 * makers' time order. Example, lots of 1: makers of 6, 3 and 1 (in time order), taker of 5:
 * shares 3, 1 (1.5 rounded down) and 0 (0.5), 4 in all; the remaining 1 goes to the first maker
 * with size left, so the fills are 4, 1 and 0.
 *
 * <p>One such round takes the taker's whole quantity or everything the level shows. If the
 * taker has some left and the level does not empty (refilled icebergs, refused fills), another
 * round shares what the level shows then.
 *
 * <p>Self-trade prevention: the taker meets all makers of a level at once, so before sharing, the
 * rule is applied to the taker's own makers at the level, one at a time in time order, and they
 * get no share. "Cancel taker" therefore stops the taker before it trades at that level.
 *
 * <p>The shares are computed twice rather than stored, once to total them and once to fill, so
 * a round needs no scratch array and allocates nothing: about two walks of the level's queue.
 */
public final class ProRataMatcher extends Matcher {
    private final long lot;

    /** A pro-rata matcher for {@code book} of {@code spec}, rounding shares down to its lots. */
    public ProRataMatcher(Book book, SelfTradeRule selfTrade, MarketSpec spec) {
        super(book, selfTrade, spec);
        this.lot = spec.lotSize();
    }

    /**
     * Each step applies self-trade prevention to one own maker or runs one round, and each round
     * fills or removes at least one maker (the first share is always affordable), so it ends.
     */
    @Override
    void match(Taker taker, MatchSink sink) {
        BookSide makers = book.makersFor(taker.side());
        long limitKey = makers.keyOf(taker.limit());
        while (!taker.done()) {
            int level = makers.bestWithin(limitKey);
            if (level == Book.NONE) {
                break;
            }
            long price = levels.price(level);
            int own = preventsSelfTrades ? firstOwn(level, taker) : Book.NONE;
            if (own != Book.NONE) {
                long quantity = taker.quantityAt(price, orders.openSize(own));
                if (quantity == 0) {
                    break;
                }
                preventSelfTrade(own, price, quantity, taker, sink);
                continue;
            }
            long shown = levels.totalSize(level);
            long quantity = taker.quantityAt(price, shown);
            if (quantity == 0) {
                break;
            }
            // A budget short of what the level shows shares what it has, once.
            taker.endIfShort(quantity, shown);
            share(level, price, quantity, shown, taker, sink);
        }
    }

    /**
     * Walks the levels within the limit best first; each level gives all it holds, hidden reserves
     * included, unless it holds an order of the taker's own that stops or decrements it there
     * (then nothing more is to be had: it meets all of the level at once).
     */
    @Override
    boolean canFillWhole(Taker taker) {
        BookSide makers = book.makersFor(taker.side());
        long limitKey = makers.keyOf(taker.limit());
        long need = taker.remaining();
        long have = 0;
        for (int rank = 0; rank < makers.size(); rank++) {
            int level = makers.levelAtRank(rank);
            if (makers.keyOf(levels.price(level)) < limitKey) {
                return false;
            }
            for (int slot = levels.head(level); slot != Book.NONE; slot = orders.next(slot)) {
                if (isOwn(slot, taker)) {
                    if (!selfTrade.letsTakerPass()) {
                        return false;
                    }
                    continue;
                }
                have += book.openSize(slot);
            }
            if (have >= need) {
                return true;
            }
        }
        return false;
    }

    /** The taker's first own maker in time order at {@code level}, or {@link Book#NONE}. */
    private int firstOwn(int level, Taker taker) {
        for (int slot = levels.head(level); slot != Book.NONE; slot = orders.next(slot)) {
            if (orders.owner(slot) == taker.owner()) {
                return slot;
            }
        }
        return Book.NONE;
    }

    /**
     * One round: shares {@code quantity} among the makers of {@code level}, which show
     * {@code shown} in all, and fills them in time order. Makers that a refill moves to the back
     * during the round are behind the tail it started with, and wait for the next round.
     */
    private void share(int level, long price, long quantity, long shown, Taker taker, MatchSink sink) {
        long shared = 0;
        for (int slot = levels.head(level); slot != Book.NONE; slot = orders.next(slot)) {
            shared += shareOf(quantity, orders.openSize(slot), shown);
        }
        long remainder = quantity - shared;
        int last = levels.tail(level);
        for (int slot = levels.head(level);;) {
            int next = orders.next(slot);
            long open = orders.openSize(slot);
            long share = shareOf(quantity, open, shown);
            long extra = Math.min(remainder, open - share);
            remainder -= extra;
            if (share + extra > 0) {
                // Rounding each fill's notional can leave a budget short of a later share.
                long fill = taker.quantityAt(price, share + extra);
                if (fill == 0) {
                    return;
                }
                fill(slot, price, fill, share + extra, taker, sink);
            }
            if (slot == last) {
                return;
            }
            slot = next;
        }
    }

    /** {@code quantity × open / shown}, rounded down to whole lots; no overflow (128-bit product). */
    private long shareOf(long quantity, long open, long shown) {
        long exact = Fixed.mulDiv(quantity, open, shown, RoundingMode.FLOOR);
        return exact - exact % lot;
    }
}
