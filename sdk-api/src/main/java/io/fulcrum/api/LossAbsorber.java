package io.fulcrum.api;

/**
 * One step of a venue's loss waterfall: who pays what a liquidated account could not (its
 * shortfall), in the order the venue lists them (MECHANISMS.md §9). Each step pays what it can
 * and passes the rest to the next; what no step pays stays as the account's negative balance.
 *
 * <p>Example: {@code INSURANCE_FUND, FEE_POOL, SOCIALISED_LOSS} is Drift's order: the insurance
 * fund up to its cap, then the fee pool, then every open position of the market pays a share per
 * unit of size. {@code INSURANCE_TAKEOVER, AUTO_DELEVERAGING, INSURANCE_FUND} is Binance's: the
 * fund takes bankrupt positions while it can, ADL closes the rest, and the fund pays what is left.
 */
public enum LossAbsorber {
    /** The market's insurance fund, as far as the venue's {@code InsuranceFund} policy lets it draw. */
    INSURANCE_FUND,
    /** The venue's fee pool. */
    FEE_POOL,
    /**
     * The venue's backstop vault ({@code Venue.Builder.backstopVault}), out of its settlement
     * cash: the liquidity providers of Hyperliquid's HLP bear what the book and the fund could not.
     */
    BACKSTOP_VAULT,
    /**
     * Positions a liquidation could not close while the account's equity is below zero are
     * closed against the most highly ranked profitable positions on the other side
     * ({@code DeleveragingRanking}), at the bankruptcy price or the mark (the venue's
     * {@code AdlPrice}). Unlike the other absorbers it acts on positions, before a shortfall is
     * realised, wherever it is listed.
     */
    AUTO_DELEVERAGING,
    /**
     * Positions a liquidation could not close while the account's equity is below zero move to
     * the market's insurance fund at the bankruptcy price, as far as the fund's limit on open
     * positions allows (Binance: net notional at most the fund's balance); the fund then unwinds
     * them into the book, and what it gains or loses on them is its own (MECHANISMS.md §5.3, §9).
     * Like auto-deleveraging it acts on positions, before a shortfall is realised, in the order
     * listed; {@code Venue.Builder.insuranceTakeover} sets the limit and how the fund unwinds.
     */
    INSURANCE_TAKEOVER,
    /**
     * Every open position of the market, long or short, pays the same amount per unit of size
     * through a cumulative loss index, settled like funding (Drift's socialised loss). An account
     * with no open position never pays.
     */
    SOCIALISED_LOSS
}
