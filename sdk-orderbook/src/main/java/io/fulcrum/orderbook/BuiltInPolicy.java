package io.fulcrum.orderbook;

import io.fulcrum.api.MarketSpec;
import io.fulcrum.orderbook.internal.Book;
import io.fulcrum.orderbook.internal.Matcher;
import io.fulcrum.orderbook.internal.PriceTimeMatcher;
import io.fulcrum.orderbook.internal.ProRataMatcher;
import io.fulcrum.orderbook.internal.SelfTradeRule;

/**
 * The matching policies the book ships, each knowing the internal {@link Matcher} it stands for.
 * Package-private so the matchers' types stay out of the public API, while
 * {@link MatchingPolicy} stays the one name users see.
 */
enum BuiltInPolicy implements MatchingPolicy {
    PRICE_TIME("price-time") {
        @Override
        Matcher newMatcher(Book book, SelfTradeRule selfTrade, MarketSpec spec) {
            return new PriceTimeMatcher(book, selfTrade, spec);
        }
    },
    PRO_RATA("pro-rata") {
        @Override
        Matcher newMatcher(Book book, SelfTradeRule selfTrade, MarketSpec spec) {
            return new ProRataMatcher(book, selfTrade, spec);
        }
    };

    private final String label;

    BuiltInPolicy(String label) {
        this.label = label;
    }

    /** A matcher of this policy over {@code book}. */
    abstract Matcher newMatcher(Book book, SelfTradeRule selfTrade, MarketSpec spec);

    @Override
    public String toString() {
        return label;
    }
}
