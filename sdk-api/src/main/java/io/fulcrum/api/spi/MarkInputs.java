package io.fulcrum.api.spi;

import io.fulcrum.api.MarketSpec;
import java.util.Objects;

/**
 * What a {@link MarkPriceRule} may look at: the oracle index, the market's own book, and the
 * latest observation of every feed (for external perp mids).
 *
 * @param market the market
 * @param time the command time, epoch ms
 * @param indexPrice the oracle index price (positive)
 * @param bestBid the best bid, or {@link MatchingEngine#NO_PRICE}
 * @param bestAsk the best ask, or {@link MatchingEngine#NO_PRICE}
 * @param lastTradePrice the last trade's price, or {@link MatchingEngine#NO_PRICE}
 * @param observations the latest observation of each feed
 * @param book the market's book, for impact prices
 */
public record MarkInputs(MarketSpec market, long time, long indexPrice, long bestBid, long bestAsk,
        long lastTradePrice, FeedObservations observations, BookDepth book) {
    public MarkInputs {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(book, "book");
    }

    /** Inputs without feeds or depth: only the index and the top of the book. */
    public MarkInputs(MarketSpec market, long time, long indexPrice, long bestBid, long bestAsk, long lastTradePrice) {
        this(market, time, indexPrice, bestBid, bestAsk, lastTradePrice, feed -> null, BookDepth.EMPTY);
    }
}
