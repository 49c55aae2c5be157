package io.fulcrum.api;

/**
 * Why a venue refused a command. A refused command changes nothing; the reason is typed so
 * that a client can react to it, and carries a readable message for people.
 *
 * <p>Example: an order at 50,000.05 in a market with a 0.1 tick is refused with
 * {@link #PRICE_NOT_ON_TICK}, "the price is not a positive multiple of the market's tick size".
 */
public enum RejectReason {
    DUPLICATE_COMMAND("a command with this id was already applied; this is its first outcome"),
    COMMAND_TIME_REGRESSED("the command's time is earlier than the venue's clock"),
    UNKNOWN_ACCOUNT("no account with this id exists; open it first"),
    ACCOUNT_EXISTS("an account with this id is already open"),
    UNKNOWN_ASSET("the venue does not list this asset"),
    UNKNOWN_MARKET("the venue does not list this market"),
    UNKNOWN_ORDER("no open order with this id belongs to this account in this market"),
    UNKNOWN_PRICE_FEED("no market or asset of this venue reads this price feed"),
    NON_POSITIVE_AMOUNT("the amount must be positive"),
    NON_POSITIVE_PRICE("the price must be positive"),
    SIZE_NOT_ON_LOT("the size is not a positive multiple of the market's lot size"),
    PRICE_NOT_ON_TICK("the price is not a positive multiple of the market's tick size"),
    BELOW_MIN_NOTIONAL("the order's notional is below the market's minimum"),
    ABOVE_MAX_ORDER_SIZE("the order's size is above the market's maximum"),
    ARITHMETIC_OVERFLOW("a value is too large: an amount, notional or balance would not fit in 64 bits"),
    INSUFFICIENT_BALANCE("the account does not hold this much of the asset"),
    INSUFFICIENT_FREE_COLLATERAL("the amount exceeds the account's free collateral (equity above initial margin)"),
    INSUFFICIENT_MARGIN("the order would leave the account below its initial margin requirement"),
    NOT_SAME_OWNER("transfers move funds only between sub-accounts of one owner"),
    SAME_ACCOUNT("a transfer needs two different accounts"),
    NO_PRICE("the market or asset has no usable price yet"),
    STALE_ORACLE("the market's oracle price is stale"),
    REDUCE_ONLY_WOULD_INCREASE("a reduce-only order may only shrink the position, counting the account's other orders on that side"),
    POST_ONLY_WOULD_TAKE("a post-only order would have crossed the book"),
    OPTION_NEEDS_GTC("post-only and good-till-time orders must be GTC: they are meant to rest"),
    EXPIRY_NOT_IN_FUTURE("the order's good-till time is not after the command's time"),
    TOO_MANY_OPEN_ORDERS("the account already has the most open orders the market allows"),
    TRIGGER_WOULD_FIRE_NOW("the reference price has already reached the trigger price"),
    INVALID_ICEBERG("an iceberg's display size must be on lot and below its size, and the order GTC"),
    MARKET_ORDER_SIZE("a market order needs exactly one of a size and a quote budget, positive"),
    NO_LIQUIDITY("no opposite order lies within the protection price"),
    NOTHING_TO_AMEND("the amendment changes neither price nor size"),
    AMEND_BELOW_FILLED("the new size is not above what has already been filled"),
    MARKET_HALTED("the market is halted: no new orders until a guard reopens it"),
    MARKET_REDUCE_ONLY("the market accepts only orders that shrink the account's position"),
    PRICE_OUTSIDE_BAND("the limit price lies outside the band the market allows around its mark price"),
    ORACLE_UNRELIABLE("the market's oracle sources are fresh but disagree or are too uncertain to use"),
    MARGIN_MODE_LOCKED("the margin mode cannot change while the account holds a position or a resting order"),
    ISOLATION_NEEDS_SUBACCOUNT("only a sub-account can be isolated: the main account backs the owner's cross positions"),
    ISOLATED_TO_ANOTHER_MARKET("an isolated account trades only the market it is isolated to"),
    MARGIN_LOCKED_BY_STRICT_ISOLATION("a strictly isolated account's margin stays in it while its position is open"),
    LEVERAGE_OUT_OF_RANGE("the leverage must be at least 1 and at most what the position's risk tier allows"),
    NOTHING_TO_CHANGE("the command would change nothing"),
    RESERVED_ACCOUNT("owner 0 is the venue's own: it holds the pool accounts of pool markets"),
    NOT_A_POOL_MARKET("the market is matched by a book, not a pool: it takes no liquidity deposits"),
    INSUFFICIENT_SHARES("the account does not hold this many shares of the pool"),
    POOL_PNL_ABOVE_WITHDRAWAL_CAP("traders' unrealised profit exceeds the pool's withdrawal cap: withdrawals wait"),
    POOL_RESERVE_EXCEEDED("the pool would back less than its open interest needs"),
    POOL_INSOLVENT("the pool's value is not positive: no shares can be priced"),
    NO_INSURANCE_FUND("the venue has no insurance fund policy, or the fund has no name"),
    POOL_ASSET_SHORT("the pool does not hold enough of the asset asked for: redeem in another asset or fewer shares"),
    NO_INSURANCE_TRANCHE("the pool behind this market has no insurance tranche"),
    POOL_CURVE_NOT_ADJUSTABLE("the pool has no curve to re-tune, or the new curve could not close the traders' net position"),
    OPEN_INTEREST_CAP_EXCEEDED("the order would take open interest over a cap of its pool (vault, asset class or pair)"),
    POSITION_MODE_LOCKED("the position mode cannot change while the account holds a position or a resting order"),
    POSITION_SIDE_MISMATCH("a one-way account's orders act on BOTH; a hedge-mode account's name LONG or SHORT"),
    BORROWING_NOT_OFFERED("this venue does not lend"),
    ABOVE_BORROW_LIMIT("the loan would exceed what the account's collateral may back at its loan-to-value"),
    REPAY_ABOVE_LOAN("the repayment is larger than the loan"),
    BORROWED_FUNDS_NOT_WITHDRAWABLE("borrowed funds back margin but cannot leave the account");

    private final String message;

    RejectReason(String message) {
        this.message = message;
    }

    /** A sentence that explains the reason to a person. */
    public String message() {
        return message;
    }
}
