package io.fulcrum.api.spi;

import io.fulcrum.api.MarketSpec;
import java.util.Objects;

/**
 * What a {@link MarkPriceRule} may look at: the oracle index and the market's own book.
 *
 * @param market the market
 * @param time the command time, epoch ms
 * @param indexPrice the oracle index price (positive)
 * @param bestBid the best bid, or {@link MatchingEngine#NO_PRICE}
 * @param bestAsk the best ask, or {@link MatchingEngine#NO_PRICE}
 * @param lastTradePrice the last trade's price, or {@link MatchingEngine#NO_PRICE}
 */
public record MarkInputs(MarketSpec market, long time, long indexPrice, long bestBid, long bestAsk,
        long lastTradePrice) {
    public MarkInputs {
        Objects.requireNonNull(market, "market");
    }
}
