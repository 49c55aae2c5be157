package io.fulcrum.api.spi;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.MarketSpec;

/**
 * Trading fees: what the maker and the taker of a fill pay, in settlement units. A negative
 * maker fee is a rebate. Fees go to the venue's fee pool.
 *
 * <p>Example: 2 bps maker / 5 bps taker on a 50,000 USDC fill charges 10 and 25 USDC.
 */
public interface FeeSchedule {
    /** No fees at all. */
    FeeSchedule NONE = new FeeSchedule() {
        @Override
        public long makerFee(AccountId maker, MarketSpec market, long notional) {
            return 0;
        }

        @Override
        public long takerFee(AccountId taker, MarketSpec market, long notional) {
            return 0;
        }

        @Override
        public String toString() {
            return "FeeSchedule.NONE";
        }
    };

    /** The maker's fee on a fill of {@code notional}; negative for a rebate. */
    long makerFee(AccountId maker, MarketSpec market, long notional);

    /** The taker's fee on a fill of {@code notional}; never negative. */
    long takerFee(AccountId taker, MarketSpec market, long notional);
}
