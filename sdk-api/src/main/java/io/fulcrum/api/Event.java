package io.fulcrum.api;

import java.util.Set;

/**
 * Something that happened in a venue. Applying a command emits zero or more events, in the
 * order they happened; together they describe every change of state, so a client can follow
 * balances, positions and the book from events alone.
 *
 * <p>Example: a taker buy that meets one resting sell emits {@link OrderAccepted},
 * {@link Trade}, then one {@link PositionChanged} for the maker and one for the taker.
 */
public sealed interface Event {

    /** An account was opened. */
    record AccountOpened(AccountId account) implements Event {}

    /** {@code amount} of {@code asset} was credited; {@code balance} is the balance after. */
    record Deposited(AccountId account, AssetId asset, long amount, long balance) implements Event {}

    /** {@code amount} of {@code asset} was debited; {@code balance} is the balance after. */
    record Withdrawn(AccountId account, AssetId asset, long amount, long balance) implements Event {}

    /** {@code amount} of {@code asset} moved between sub-accounts of one owner. */
    record Transferred(AccountId from, AccountId to, AssetId asset, long amount) implements Event {}

    /**
     * The venue accepted an order and gave it an id; matching follows. {@code price} is the price
     * it entered the book at (a repriced post-only order shows its new price).
     */
    record OrderAccepted(OrderId order, AccountId account, MarketId market, Side side, long price, long size,
            TimeInForce timeInForce, OrderOptions options) implements Event {}

    /** An order (or its unfilled remainder) now rests in the book with {@code size} open. */
    record OrderRested(OrderId order, AccountId account, MarketId market, Side side, long price, long size)
            implements Event {}

    /**
     * A taker order traded with a resting maker order at the maker's price, or with a pool market's
     * pool at the pool's price: then {@code makerOrder} is null and {@code maker} is the pool
     * account (owner 0).
     *
     * @param quantity the traded size, in size units
     * @param notional the settlement amount exchanged, in settlement units
     * @param makerFee the fee charged to the maker (negative: a rebate)
     * @param takerFee the fee charged to the taker
     */
    record Trade(MarketId market, OrderId makerOrder, OrderId takerOrder, AccountId maker, AccountId taker,
            Side takerSide, long price, long quantity, long notional, long makerFee, long takerFee) implements Event {}

    /**
     * An account's position changed through a fill.
     *
     * @param size the signed position after (positive long, negative short)
     * @param costBasis the signed entry notional of the position after (entry price = costBasis / size)
     * @param realizedPnl the profit or loss this fill realized into the balance
     * @param fee the fee this fill charged (negative: a rebate)
     * @param balance the settlement-asset balance after
     * @param leg the leg that changed: {@link PositionSide#BOTH} for a one-way account
     */
    record PositionChanged(AccountId account, MarketId market, long size, long costBasis, long realizedPnl, long fee,
            long balance, PositionSide leg) implements Event {
        /** A one-way account's net position changed. */
        public PositionChanged(AccountId account, MarketId market, long size, long costBasis, long realizedPnl, long fee,
                long balance) {
            this(account, market, size, costBasis, realizedPnl, fee, balance, PositionSide.BOTH);
        }
    }

    /** An open order's price or size changed; {@code keptPriority} says whether it kept its place. */
    record OrderAmended(OrderId order, AccountId account, MarketId market, long price, long size, long openSize,
            boolean keptPriority) implements Event {}

    /**
     * Self-trade prevention took {@code reducedBy} off an order without a trade; it stays open
     * with {@code openSize} (when nothing is left, {@link OrderCancelled} is emitted instead).
     */
    record OrderReduced(OrderId order, AccountId account, MarketId market, long reducedBy, long openSize,
            CancelReason reason) implements Event {}

    /** An iceberg order's visible slice was refilled from its hidden reserve; it lost its place. */
    record IcebergReplenished(OrderId order, AccountId account, MarketId market, long price, long visibleSize)
            implements Event {}

    /** An order left the book with {@code unfilledSize} unfilled. */
    record OrderCancelled(OrderId order, AccountId account, MarketId market, long unfilledSize, CancelReason reason)
            implements Event {}

    /** A conditional order was accepted and now watches its reference price. */
    record TriggerAccepted(OrderId trigger, AccountId account, MarketId market, Side side, TriggerType type,
            TriggerPrice reference, long triggerPrice, long limitPrice, long size) implements Event {}

    /**
     * A conditional order's reference price reached its trigger at {@code referencePrice}. The
     * order it places follows ({@link OrderAccepted}), or {@link TriggerFailed} if it is refused.
     */
    record TriggerFired(OrderId trigger, AccountId account, MarketId market, long referencePrice) implements Event {}

    /** A fired conditional order could not be placed, for {@code reason}. */
    record TriggerFailed(OrderId trigger, AccountId account, MarketId market, RejectReason reason, String message)
            implements Event {}

    /**
     * The total open size at one price level of a book changed; {@code size} is its size now (0:
     * the level is gone). A command emits one per changed level, after its other events, so an L2
     * snapshot plus these events rebuilds the aggregated book.
     */
    record BookLevelChanged(MarketId market, Side side, long price, long size) implements Event {}

    /** A price feed published an observation. */
    record PricePublished(String feed, long price, long confidence, long time) implements Event {}

    /** A market's index (oracle) and mark prices after a price update. */
    record MarkPriceChanged(MarketId market, long indexPrice, long markPrice) implements Event {}

    /**
     * An account's equity fell below its maintenance requirement after a price move. (What the
     * venue then does is its liquidation policy's business.)
     */
    record MaintenanceBreached(AccountId account, long equity, long maintenanceRequirement) implements Event {}

    /**
     * What the oracle guards allow on a market changed: its status (halted, reduce-only,
     * reopened), the band limit prices must keep around the mark (ppm, 0 for none), or the factor
     * its margin requirements are widened by (ppm, 1,000,000 for none). {@code reason} names the
     * guards and their numbers.
     */
    record MarketStatusChanged(MarketId market, MarketStatus status, long priceBandPpm, long marginScalePpm,
            String reason) implements Event {}

    /**
     * A price source gave a reading that is unusable, or usable with warnings. {@code subject} is
     * the market symbol or the collateral asset id; an unusable reading leaves it at its last
     * price.
     */
    record PriceAlert(String subject, PriceStatus status, Set<PriceFlag> flags, String detail)
            implements Event {
        public PriceAlert {
            flags = Set.copyOf(flags);
        }
    }

    /** {@code account}'s margin mode changed; {@code market} is the isolated market, or null for cross. */
    record MarginModeChanged(AccountId account, MarginMode mode, MarketId market) implements Event {}

    /** {@code account} switched between one-way and hedge mode. */
    record PositionModeChanged(AccountId account, PositionMode mode) implements Event {}

    /** {@code account}'s leverage in {@code market} changed. */
    record LeverageChanged(AccountId account, MarketId market, long leverage) implements Event {}

    /** {@code account} borrowed {@code amount}; it now owes {@code loan} and holds {@code balance} of the settlement asset. */
    record Borrowed(AccountId account, long amount, long loan, long balance) implements Event {}

    /** {@code account} repaid {@code amount}; it now owes {@code loan} and holds {@code balance}. */
    record Repaid(AccountId account, long amount, long loan, long balance) implements Event {}

    /** Interest of {@code interest} was added to {@code account}'s loan, now {@code loan}. */
    record InterestCharged(AccountId account, long interest, long loan) implements Event {}

    /**
     * {@code account}'s position in {@code market} was reduced by {@code quantity} at
     * {@code price}, without an order of its own, against {@code counterparty}: auto-deleveraging.
     * A pool deleverages its most profitable traders at mark when their profit reaches its
     * trigger share of the pool (GMX's ADL, MECHANISMS.md §3.4); the position's
     * {@link PositionChanged} follows.
     *
     * @param side the side the reduction traded on (SELL reduces a long)
     */
    record Deleveraged(AccountId account, MarketId market, Side side, long quantity, long price,
            AccountId counterparty) implements Event {}

    /**
     * {@code account} added {@code amount} of {@code asset} to the pool behind pool market
     * {@code market} for {@code shares}; the pool now has {@code supply} shares.
     */
    record LiquidityAdded(AccountId account, MarketId market, AssetId asset, long amount, long shares, long supply)
            implements Event {}

    /**
     * {@code account} redeemed {@code shares} of the pool behind pool market {@code market} for
     * {@code amount} of {@code asset}; the pool now has {@code supply} shares.
     */
    record LiquidityRemoved(AccountId account, MarketId market, long shares, AssetId asset, long amount, long supply)
            implements Event {}

    /**
     * {@code market}'s risk limits changed (a {@code RiskControl}): the most leverage on new risk
     * ({@code maxLeverage}, 0: the market's own), the most open interest an order may take it to
     * (settlement units), the funding multiplier (ppm), and why.
     */
    record RiskLimitsChanged(MarketId market, long maxLeverage, long maxOpenInterest, long fundingMultiplierPpm,
            String reason) implements Event {}

    /**
     * The venue's backstop vault {@code vault} took over {@code account}: its positions and its
     * margin ({@code equity} at the time) moved to the vault, leaving it with nothing (Hyperliquid's
     * liquidator vault, MECHANISMS.md §1.4). {@code PositionChanged} events for both follow.
     */
    record TakenOverByBackstop(AccountId account, AccountId vault, long equity) implements Event {}

    /**
     * The insurance fund {@code fund} took over {@code quantity} of bankrupt {@code account}'s
     * position in {@code market} at {@code price}, its bankruptcy price, into the fund's own
     * account {@code fundAccount}, which unwinds it into the book later (Binance, MECHANISMS.md
     * §5.3, §9). {@code PositionChanged} events for both follow.
     *
     * @param side the side the fund took (BUY: it took over a long)
     */
    record TakenOverByInsurance(AccountId account, MarketId market, String fund, AccountId fundAccount, Side side,
            long quantity, long price) implements Event {}

    /**
     * {@code account} paid a liquidation penalty (clearance fee) of {@code amount} on the
     * {@code notional} its liquidation closed in {@code market}, to insurance fund {@code fund}
     * (null: the venue's fee pool); its balance is now {@code balance}.
     */
    record LiquidationPenaltyCharged(AccountId account, MarketId market, long notional, long amount, String fund,
            long balance) implements Event {}

    /**
     * {@code liquidator} received {@code amount} of a liquidation penalty in {@code market}: the
     * accounts whose orders filled the liquidation share the liquidators' part by notional, the
     * backstop vault receives the vault's part; its balance is now {@code balance}.
     */
    record LiquidatorRewarded(AccountId liquidator, MarketId market, long amount, long balance) implements Event {}

    /**
     * Insurance fund {@code fund} changed by {@code delta} (positive: paid in) to {@code balance}:
     * a deposit, its share of a fee, or what it paid towards {@code account}'s shortfall
     * ({@code account} null when no account is involved).
     */
    record InsuranceFundChanged(String fund, long delta, long balance, AccountId account) implements Event {}

    /**
     * {@code absorber} paid {@code amount} of the shortfall {@code account} left when it was
     * liquidated in {@code market}; its balance is now {@code balance}.
     */
    record ShortfallCovered(AccountId account, MarketId market, LossAbsorber absorber, long amount, long balance)
            implements Event {}

    /**
     * {@code amount} of {@code account}'s shortfall in {@code market} is spread over every open
     * position there: {@code perUnit} millionths of a settlement unit per size unit, long or short,
     * which positions settle like funding; the market's loss index is now {@code cumulativeIndex}.
     */
    record LossSocialised(MarketId market, AccountId account, long amount, long perUnit, long cumulativeIndex)
            implements Event {}

    /** {@code amount} of {@code account}'s shortfall was paid by nobody: it stays as the account's debt. */
    record ShortfallUncovered(AccountId account, MarketId market, long amount) implements Event {}

    /**
     * Funding for the interval ending now was applied to {@code market}'s cumulative index:
     * {@code ratePpb} of notional at {@code indexPrice} (positive: longs pay shorts); the index,
     * what one long size unit has paid since the market opened in millionths of a settlement
     * unit, is now {@code cumulativeIndex}. No account is touched: positions settle against it.
     */
    record FundingRateApplied(MarketId market, long ratePpb, long indexPrice, long cumulativeIndex) implements Event {}

    /**
     * Borrowing for the interval ending now was applied to pool market {@code market}: longs pay
     * {@code longRatePpb} and shorts {@code shortRatePpb} of their notional at the index, accrued
     * into their indexes; the pool was credited {@code poolIncome} at once, which positions pay
     * back as they settle.
     */
    record BorrowingApplied(MarketId market, long longRatePpb, long shortRatePpb, long poolIncome) implements Event {}

    /**
     * {@code account}'s position (or leg) in {@code market} settled its funding since its last
     * settlement: {@code amount} paid (negative: received); its balance is now {@code balance}.
     */
    record FundingSettled(AccountId account, MarketId market, long amount, long balance, PositionSide leg)
            implements Event {}

    /**
     * Pool market {@code market}'s curve was re-tuned to peg {@code pegPpm} and depth scaled by
     * {@code depthPpm} / 1,000,000; {@code cost} is what a venue settling traders on the curve
     * would have paid for it (positive: the protocol pays).
     */
    record PoolRetuned(MarketId market, long pegPpm, long depthPpm, long cost) implements Event {}

    /**
     * {@code account} added {@code amount} of the settlement asset to the insurance tranche of the
     * pool behind {@code market} for {@code shares}; the tranche now has {@code supply} shares.
     */
    record InsuranceLiquidityAdded(AccountId account, MarketId market, long amount, long shares, long supply)
            implements Event {}

    /** {@code account} redeemed {@code shares} of that insurance tranche for {@code amount}. */
    record InsuranceLiquidityRemoved(AccountId account, MarketId market, long shares, long amount, long supply)
            implements Event {}
}
