package io.fulcrum.margin;

import io.fulcrum.api.MarketId;
import io.fulcrum.api.spi.InsuranceFund;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The policy behind {@link InsuranceFunds#withMarketCaps}: {@code base}'s routing and fee shares,
 * and its draw cut to the market's cap in {@code caps}, per shortfall (Drift v2's per-market
 * insurance limit without its running total, MECHANISMS.md §9). Example: base draw 80,000, cap
 * 50,000 → 50,000; cap 0 → 0; no cap → 80,000.
 */
record MarketCappedInsuranceFund(InsuranceFund base, SortedMap<MarketId, Long> caps) implements InsuranceFund {
    MarketCappedInsuranceFund {
        Objects.requireNonNull(base, "base");
        caps = Collections.unmodifiableSortedMap(new TreeMap<>(caps));
    }

    @Override
    public String fundFor(MarketId market) {
        return base.fundFor(Objects.requireNonNull(market, "market"));
    }

    @Override
    public long drawFor(MarketId market, long shortfall, long balance) {
        long draw = base.drawFor(Objects.requireNonNull(market, "market"), shortfall, balance);
        Long cap = caps.get(market);
        // Never negative, whatever base says: a draw pays into the account, it never takes out.
        return Math.max(0, cap == null ? draw : Math.min(draw, cap));
    }

    @Override
    public long feeSharePpm(MarketId market) {
        return base.feeSharePpm(Objects.requireNonNull(market, "market"));
    }

    /** Example: {@code InsuranceFunds.withMarketCaps(InsuranceFunds[all markets -> insurance-fund, ...], {MEME-PERP=0})}. */
    @Override
    public String toString() {
        return "InsuranceFunds.withMarketCaps(" + base + ", caps per shortfall " + caps + ")";
    }
}
