package io.fulcrum.api.spi;

import io.fulcrum.api.MarketSpec;
import java.util.Objects;

/**
 * What a {@link FundingModel} may look at when it sets a market's funding rate for an interval.
 *
 * @param market the market
 * @param time the end of the interval, epoch ms
 * @param indexPrice the oracle index price
 * @param markPrice the mark price
 * @param averagePremiumPpm the interval's average premium of the book over the index, ppm
 * @param longOpenInterest total long size, size units
 * @param shortOpenInterest total short size, size units
 */
public record FundingInputs(MarketSpec market, long time, long indexPrice, long markPrice, long averagePremiumPpm,
        long longOpenInterest, long shortOpenInterest) {
    public FundingInputs {
        Objects.requireNonNull(market, "market");
    }
}
