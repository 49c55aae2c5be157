package io.fulcrum.margin;

import io.fulcrum.api.MarketId;
import io.fulcrum.api.spi.InsuranceClaim;
import io.fulcrum.api.spi.InsuranceFund;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The policy behind {@link InsuranceFunds#withMarketCaps}: {@code base}'s routing and fee shares,
 * and its draw cut to what is left of the market's cap in {@code caps} after everything the market
 * has drawn so far (Drift v2's {@code quote_max_insurance − quote_settled_insurance}, MECHANISMS.md
 * §9). Example: base draw 80,000, cap 50,000 → 50,000, and 20,000 next time if the market had
 * drawn 30,000; cap 0 → 0; no cap → 80,000.
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
    public long drawFor(InsuranceClaim claim) {
        long draw = base.drawFor(claim);
        Long cap = caps.get(claim.market());
        long left = cap == null ? InsuranceDraw.NO_CAP : InsuranceDraw.remainingCap(cap, claim.drawnForMarket());
        // Never negative, whatever base says: a draw pays into the account, it never takes out.
        return Math.max(0, Math.min(draw, left));
    }

    @Override
    public long feeSharePpm(MarketId market) {
        return base.feeSharePpm(Objects.requireNonNull(market, "market"));
    }

    /** Example: {@code InsuranceFunds.withMarketCaps(InsuranceFunds[all markets -> insurance-fund, ...], {MEME-PERP=0})}. */
    @Override
    public String toString() {
        return "InsuranceFunds.withMarketCaps(" + base + ", caps per market " + caps + ")";
    }
}
