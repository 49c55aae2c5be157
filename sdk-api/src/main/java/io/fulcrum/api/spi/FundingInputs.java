package io.fulcrum.api.spi;

import io.fulcrum.api.MarketSpec;
import java.util.Objects;

/**
 * What a {@link FundingModel} may look at when it sets a market's funding rate for an interval.
 *
 * <p>Example: BTC-PERP at 13:00, one hour after the last payment, index 100,000.0, mark
 * 100,050.0, 120 BTC long and 120 BTC short.
 *
 * @param market the market
 * @param time the end of the interval, epoch ms
 * @param elapsedMillis the interval's length, ms (the time since the last payment)
 * @param indexPrice the oracle index price
 * @param markPrice the mark price
 * @param longOpenInterest the traders' long size, size units (a pool's own position excluded)
 * @param shortOpenInterest the traders' short size, size units (a pool's own position excluded)
 */
public record FundingInputs(MarketSpec market, long time, long elapsedMillis, long indexPrice, long markPrice,
        long longOpenInterest, long shortOpenInterest) {
    public FundingInputs {
        Objects.requireNonNull(market, "market");
    }
}
