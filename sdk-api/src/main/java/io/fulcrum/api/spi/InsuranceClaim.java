package io.fulcrum.api.spi;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.MarketId;
import java.util.Objects;

/**
 * A shortfall put to an insurance fund, with what the venue remembers of earlier draws, so a
 * policy can cap per account, per block and per market (MECHANISMS.md §2.3, §9). A <b>block</b>
 * is the venue's unit of time for limits ({@code Venue.Builder.blockMillis}): dYdX v4 lets one
 * subaccount cost its fund at most 1,000,000 USDC per block; Drift v2 lets a market cost the fund
 * at most its {@code quote_max_insurance} in all.
 *
 * <p>Example: Alice's 1,500,000 USDC shortfall in BTC-PERP, a fund of 10,000,000, Alice already
 * covered for 700,000 this block: a dYdX-capped fund pays 300,000.
 *
 * @param market the market whose liquidation left the shortfall
 * @param account the bankrupt account
 * @param shortfall what is to be covered, positive
 * @param balance the fund's balance, settlement units (may be below zero only if the venue let
 *     the fund's own positions lose more than it held)
 * @param drawnByAccountThisBlock what this fund already paid for {@code account} in this block
 * @param drawnFromFundThisBlock what this fund already paid, for anyone, in this block
 * @param drawnForMarket what every fund already paid for shortfalls in {@code market}, since the venue started
 */
public record InsuranceClaim(MarketId market, AccountId account, long shortfall, long balance,
        long drawnByAccountThisBlock, long drawnFromFundThisBlock, long drawnForMarket) {
    public InsuranceClaim {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(account, "account");
        if (shortfall <= 0) {
            throw new IllegalArgumentException("shortfall must be positive: " + shortfall);
        }
        if (drawnByAccountThisBlock < 0 || drawnFromFundThisBlock < 0 || drawnForMarket < 0) {
            throw new IllegalArgumentException("earlier draws must not be negative: " + drawnByAccountThisBlock
                    + ", " + drawnFromFundThisBlock + ", " + drawnForMarket);
        }
    }

    /** A claim with no earlier draws: the first of its block and of its market. */
    public static InsuranceClaim first(MarketId market, AccountId account, long shortfall, long balance) {
        return new InsuranceClaim(market, account, shortfall, balance, 0, 0, 0);
    }

    /** What the fund can pay at most, whatever its policy: {@code min(shortfall, max(balance, 0))}. */
    public long payable() {
        return Math.min(shortfall, Math.max(balance, 0));
    }
}
