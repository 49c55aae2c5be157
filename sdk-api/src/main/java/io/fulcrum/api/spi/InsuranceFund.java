package io.fulcrum.api.spi;

import io.fulcrum.api.MarketId;

/**
 * Says which insurance fund backs a market and how much of it one shortfall may draw. The
 * money itself stays in the venue's ledger (so it is conserved and snapshotted with
 * everything else); this interface is the policy around it. dYdX v4 has one fund for cross
 * markets and one per isolated market; Binance has funds per contract group (MECHANISMS.md §9).
 *
 * <p>Example: a shared fund "insurance" that may pay at most 1,000,000 USDC per account and block
 * (dYdX v4, §2.3).
 */
public interface InsuranceFund {
    /** Every market shares one fund, {@code name}, which pays any shortfall in full while it can and earns no fees. */
    static InsuranceFund shared(String name) {
        java.util.Objects.requireNonNull(name, "name");
        return new InsuranceFund() {
            @Override
            public String fundFor(MarketId market) {
                return name;
            }

            @Override
            public long drawFor(InsuranceClaim claim) {
                return claim.payable();
            }

            @Override
            public long feeSharePpm(MarketId market) {
                return 0;
            }

            @Override
            public String toString() {
                return "InsuranceFund.shared(" + name + ")";
            }
        };
    }

    /** The name of the fund that covers shortfalls in {@code market}. */
    String fundFor(MarketId market);

    /**
     * How much the fund pays towards the claim's shortfall: at most {@link InsuranceClaim#payable()}
     * (the venue never pays more, whatever this returns), and the policy may pay less, for example
     * because of a cap per account and block, per block, or per market.
     */
    long drawFor(InsuranceClaim claim);

    /** The share of trading fees paid into the market's fund, in ppm. */
    long feeSharePpm(MarketId market);
}
