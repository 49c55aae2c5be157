package io.fulcrum.margin;

import io.fulcrum.api.MarketId;
import io.fulcrum.api.spi.InsuranceClaim;
import io.fulcrum.api.spi.InsuranceFund;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The policy behind {@link InsuranceFunds#shared}, {@link InsuranceFunds#perMarket} and
 * {@link InsuranceFunds#byGroup}: markets in {@code funds} use the fund named there, the others
 * {@code defaultFund}; every fund pays {@code min(shortfall, balance, maxPerShortfall)} and earns
 * {@code feeSharePpm} of fees (MECHANISMS.md §2.4, §5.3, §9). The factories validate; the map is
 * sorted so that {@link #toString} is the same on every run.
 */
record RoutedInsuranceFund(String defaultFund, SortedMap<MarketId, String> funds, long maxPerShortfall,
        long feeSharePpm) implements InsuranceFund {
    RoutedInsuranceFund {
        funds = Collections.unmodifiableSortedMap(new TreeMap<>(funds));
    }

    @Override
    public String fundFor(MarketId market) {
        Objects.requireNonNull(market, "market");
        return funds.getOrDefault(market, defaultFund);
    }

    /**
     * {@code min(shortfall, balance, maxPerShortfall)}. A fund below zero draws nothing rather than
     * throwing: the venue calls this in the middle of a liquidation, where an exception would
     * abandon it.
     */
    @Override
    public long drawFor(InsuranceClaim claim) {
        return InsuranceDraw.amount(claim.shortfall(), Math.max(0, claim.balance()), maxPerShortfall,
                InsuranceDraw.NO_CAP);
    }

    @Override
    public long feeSharePpm(MarketId market) {
        Objects.requireNonNull(market, "market");
        return feeSharePpm;
    }

    /** Example: {@code InsuranceFunds[ETH-PERP -> insurance-fund:ETH-PERP, others -> insurance-fund, at most 1000000 per shortfall, fee share 100000 ppm]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("InsuranceFunds[");
        for (Map.Entry<MarketId, String> e : funds.entrySet()) {
            s.append(e.getKey()).append(" -> ").append(e.getValue()).append(", ");
        }
        s.append(funds.isEmpty() ? "all markets -> " : "others -> ").append(defaultFund);
        s.append(maxPerShortfall == InsuranceDraw.NO_CAP ? ", no cap per shortfall"
                : ", at most " + maxPerShortfall + " per shortfall");
        return s.append(", fee share ").append(feeSharePpm).append(" ppm]").toString();
    }
}
