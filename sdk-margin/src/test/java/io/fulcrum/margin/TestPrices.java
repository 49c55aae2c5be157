package io.fulcrum.margin;

import io.fulcrum.api.AssetId;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.spi.PriceView;
import java.util.HashMap;
import java.util.Map;

/** Prices for tests; anything not set is {@link PriceView#NO_PRICE}. Marks double as index prices. */
final class TestPrices implements PriceView {
    private final Map<MarketId, Long> marks = new HashMap<>();
    private final Map<AssetId, Long> assets = new HashMap<>();
    private final Map<MarketId, Long> openInterest = new HashMap<>();

    TestPrices openInterest(MarketId market, long size) {
        openInterest.put(market, size);
        return this;
    }

    @Override
    public long openInterest(MarketId market) {
        return openInterest.getOrDefault(market, 0L);
    }

    TestPrices mark(MarketId market, long price) {
        marks.put(market, price);
        return this;
    }

    TestPrices asset(AssetId asset, long price) {
        assets.put(asset, price);
        return this;
    }

    @Override
    public long markPrice(MarketId market) {
        return marks.getOrDefault(market, NO_PRICE);
    }

    @Override
    public long indexPrice(MarketId market) {
        return marks.getOrDefault(market, NO_PRICE);
    }

    @Override
    public long assetPrice(AssetId asset) {
        return assets.getOrDefault(asset, NO_PRICE);
    }
}
