package io.fulcrum.margin;

import io.fulcrum.api.MarketId;
import io.fulcrum.api.spi.InsuranceClaim;
import io.fulcrum.api.spi.InsuranceFund;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The policy behind {@link InsuranceFunds#withMarketCaps} and {@link InsuranceFunds#withBlockCaps}:
 * {@code base}'s routing, fee shares and draw, cut to what is left of each cap given the draws the
 * venue remembers ({@link InsuranceClaim}): a market's cap after all its draws (Drift v2's
 * {@code quote_max_insurance − quote_settled_insurance}, MECHANISMS.md §9), and per block a cap per
 * account and one per fund (dYdX v4's "max insurance lost" per subaccount per block, §2.3).
 *
 * <p>Example: base draw 80,000, market cap 50,000 of which 30,000 drawn → 20,000; base draw
 * 1,500,000, per-account cap 1,000,000 of which the account used 700,000 this block → 300,000.
 */
record CappedInsuranceFund(InsuranceFund base, SortedMap<MarketId, Long> marketCaps, long perAccountPerBlock,
        long perFundPerBlock) implements InsuranceFund {
    CappedInsuranceFund {
        Objects.requireNonNull(base, "base");
        marketCaps = Collections.unmodifiableSortedMap(new TreeMap<>(marketCaps));
    }

    @Override
    public String fundFor(MarketId market) {
        return base.fundFor(Objects.requireNonNull(market, "market"));
    }

    @Override
    public long drawFor(InsuranceClaim claim) {
        long draw = base.drawFor(claim);
        Long marketCap = marketCaps.get(claim.market());
        long marketLeft = marketCap == null ? InsuranceDraw.NO_CAP
                : InsuranceDraw.remainingCap(marketCap, claim.drawnForMarket());
        long accountLeft = InsuranceDraw.remainingCap(perAccountPerBlock, claim.drawnByAccountThisBlock());
        long fundLeft = InsuranceDraw.remainingCap(perFundPerBlock, claim.drawnFromFundThisBlock());
        // Never negative, whatever base says: a draw pays into the account, it never takes out.
        return Math.max(0, Math.min(Math.min(draw, marketLeft), Math.min(accountLeft, fundLeft)));
    }

    @Override
    public long feeSharePpm(MarketId market) {
        return base.feeSharePpm(Objects.requireNonNull(market, "market"));
    }

    /**
     * Example: {@code InsuranceFunds.withMarketCaps(InsuranceFunds[all markets -> insurance-fund, ...], caps per
     * market {MEME-PERP=0})}, or {@code InsuranceFunds.withBlockCaps(..., per account 1000000000000, per fund no cap)}.
     */
    @Override
    public String toString() {
        return marketCaps.isEmpty()
                ? "InsuranceFunds.withBlockCaps(" + base + ", per account " + cap(perAccountPerBlock) + ", per fund "
                        + cap(perFundPerBlock) + ")"
                : "InsuranceFunds.withMarketCaps(" + base + ", caps per market " + marketCaps + ")";
    }

    private static String cap(long cap) {
        return cap == InsuranceDraw.NO_CAP ? "no cap" : Long.toString(cap);
    }
}
