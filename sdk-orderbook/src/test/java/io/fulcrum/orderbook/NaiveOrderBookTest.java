package io.fulcrum.orderbook;

import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.spi.MatchingEngine;

/** The reference book passes the same contract, so disagreements in the random test point at a real bug. */
class NaiveOrderBookTest extends OrderBookContract {
    @Override
    protected MatchingEngine newBook(MarketSpec spec) {
        return new NaiveOrderBook(spec);
    }

    @Override
    protected void checkInvariants(MatchingEngine book) {
        ((NaiveOrderBook) book).checkInvariants();
    }
}
