package io.fulcrum.venue.internal;

import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.spi.MarkPriceRule;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.api.spi.PriceSource;

/** A listed market: its rules, its matching engine, its price wiring and current prices. */
final class MarketRuntime {
    final int index;
    final MarketSpec spec;
    final MatchingEngine engine;
    final PriceSource priceSource;
    final MarkPriceRule markPriceRule;
    long indexPrice;
    long markPrice;
    long lastTradePrice;

    MarketRuntime(int index, MarketSpec spec, MatchingEngine engine, PriceSource priceSource, MarkPriceRule rule) {
        this.index = index;
        this.spec = spec;
        this.engine = engine;
        this.priceSource = priceSource;
        this.markPriceRule = rule;
    }
}
