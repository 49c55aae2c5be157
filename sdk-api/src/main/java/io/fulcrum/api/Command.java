package io.fulcrum.api;

import java.util.Objects;

/**
 * An instruction to a venue. Every command carries an id chosen by the sender (applied at
 * most once) and a time in epoch milliseconds (the venue's only clock: nothing inside reads
 * the wall clock). A venue applies commands one at a time, in the order it receives them.
 *
 * <p>Example: {@code new Command.Deposit(CommandId.of(1), 1_000, AccountId.main(7),
 * AssetId.of("USDC"), 10_000_000_000L)} credits 10,000 USDC (6 decimals) to owner 7.
 */
public sealed interface Command {
    /** The sender's id of this command. */
    CommandId id();

    /** When the command was issued, in epoch milliseconds; the venue's clock never goes back. */
    long time();

    /** Opens an empty margin account. */
    record OpenAccount(CommandId id, long time, AccountId account) implements Command {
        public OpenAccount {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
        }
    }

    /** Credits {@code amount} smallest units of {@code asset} to {@code account}. */
    record Deposit(CommandId id, long time, AccountId account, AssetId asset, long amount) implements Command {
        public Deposit {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(asset, "asset");
        }
    }

    /** Debits {@code amount} of {@code asset}; never more than the account's free collateral. */
    record Withdraw(CommandId id, long time, AccountId account, AssetId asset, long amount) implements Command {
        public Withdraw {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(asset, "asset");
        }
    }

    /** Moves {@code amount} of {@code asset} between two sub-accounts of one owner. */
    record Transfer(CommandId id, long time, AccountId from, AccountId to, AssetId asset, long amount)
            implements Command {
        public Transfer {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(asset, "asset");
        }
    }

    /**
     * Sets how {@code account}'s margin backs its positions: {@link MarginMode#CROSS} (no
     * {@code market}), or isolated to {@code market} (a sub-account only). Allowed only while the
     * account holds no position and no resting order.
     */
    record SetMarginMode(CommandId id, long time, AccountId account, MarginMode mode, MarketId market)
            implements Command {
        public SetMarginMode {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(mode, "mode");
        }
    }

    /**
     * Switches {@code account} between one net position per market and hedge mode's separate
     * long and short legs ({@link PositionMode}). Allowed only while the account holds no position
     * and no resting order.
     */
    record SetPositionMode(CommandId id, long time, AccountId account, PositionMode mode) implements Command {
        public SetPositionMode {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(mode, "mode");
        }
    }

    /**
     * Chooses {@code account}'s leverage in {@code market}: its initial requirement there becomes
     * {@code notional / leverage} (never less than the risk tier's). From 1 up to the highest
     * leverage the tier of the current position allows; rejected if the account would then miss
     * its initial requirement.
     */
    record SetLeverage(CommandId id, long time, AccountId account, MarketId market, long leverage) implements Command {
        public SetLeverage {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(market, "market");
        }
    }

    /**
     * Adds {@code amount} of {@code asset} (the settlement asset, or any collateral asset the
     * venue lists: GMX pools hold a long and a short token) to the liquidity of the pool behind
     * pool market {@code market}, for shares priced at the pool's value (its tokens at their
     * prices, less the traders' PnL with profit capped at 90 % of it for deposits, GMX's rule,
     * MECHANISMS.md §3.4). The first deposit mints one share per settlement unit of value.
     */
    record AddLiquidity(CommandId id, long time, AccountId account, MarketId market, AssetId asset, long amount)
            implements Command {
        public AddLiquidity {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(market, "market");
            Objects.requireNonNull(asset, "asset");
        }
    }

    /**
     * Redeems {@code shares} of the pool behind pool market {@code market} for their part of the
     * pool's value (trader profit capped at 70 % for withdrawals), paid in {@code asset} at its
     * price from what the pool holds of it; refused while traders' profit is above that cap, or
     * if the pool would then back less than its open interest allows.
     */
    record RemoveLiquidity(CommandId id, long time, AccountId account, MarketId market, long shares, AssetId asset)
            implements Command {
        public RemoveLiquidity {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(market, "market");
            Objects.requireNonNull(asset, "asset");
        }
    }

    /**
     * Pays {@code amount} of the settlement asset into insurance fund {@code fund} (a venue's
     * operator seeding or topping up the fund); counted as a deposit into the venue.
     */
    record DepositInsurance(CommandId id, long time, String fund, long amount) implements Command {
        public DepositInsurance {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(fund, "fund");
        }
    }

    /**
     * Settles the funding every position of {@code account} has accrued since it last changed
     * (positions settle by themselves whenever they trade; margin counts the pending amount).
     */
    record SettleFunding(CommandId id, long time, AccountId account) implements Command {
        public SettleFunding {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
        }
    }

    /**
     * Re-tunes the curve of pool market {@code market} (a virtual AMM) where the traders' net
     * position now stands: peg {@code pegPpm} (0 keeps it) and depth scaled by
     * {@code depthPpm} / 1,000,000 (1,000,000 keeps it), as Perpetual Protocol v1's repeg and
     * k-adjustment did. The venue marks positions at its mark price, so no money moves; the event
     * reports what a venue settling on the curve would have paid.
     */
    record RetunePool(CommandId id, long time, MarketId market, long pegPpm, long depthPpm) implements Command {
        public RetunePool {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(market, "market");
        }
    }

    /**
     * Adds {@code amount} of the settlement asset to the insurance tranche of the pool behind
     * pool market {@code market}: a first-loss layer in front of the main liquidity that pays
     * traders' profits first, recovers from their losses first, and earns a share of the pool's
     * fees for it (the junior/senior vault of MECHANISMS.md §4 and §9). Shares are priced at the
     * tranche's value; the first deposit mints one per unit.
     */
    record AddInsuranceLiquidity(CommandId id, long time, AccountId account, MarketId market, long amount)
            implements Command {
        public AddInsuranceLiquidity {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(market, "market");
        }
    }

    /**
     * Redeems {@code shares} of the insurance tranche of the pool behind pool market
     * {@code market} for their part of the tranche's value, in the settlement asset; refused, as
     * a main withdrawal is, while traders' profit is above the withdrawal cap or if the pool
     * would back less than its open interest needs.
     */
    record RemoveInsuranceLiquidity(CommandId id, long time, AccountId account, MarketId market, long shares)
            implements Command {
        public RemoveInsuranceLiquidity {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(market, "market");
        }
    }

    /**
     * Borrows {@code amount} of the settlement asset against the account's collateral, on the
     * venue's {@link BorrowTerms}; the funds back margin but cannot be withdrawn.
     */
    record Borrow(CommandId id, long time, AccountId account, long amount) implements Command {
        public Borrow {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
        }
    }

    /** Pays back {@code amount} of the account's loan (interest first accrued) from its settlement balance. */
    record Repay(CommandId id, long time, AccountId account, long amount) implements Command {
        public Repay {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
        }
    }

    /**
     * Places a limit order of {@code size} size units at {@code price} price units, with
     * optional rules ({@link OrderOptions}: reduce-only, post-only, good-till-time). The venue
     * assigns its {@link OrderId} (reported in {@link Event.OrderAccepted}).
     */
    record PlaceOrder(CommandId id, long time, AccountId account, MarketId market, Side side, long price, long size,
            TimeInForce timeInForce, OrderOptions options) implements Command {
        public PlaceOrder {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(market, "market");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(timeInForce, "timeInForce");
            options = options == null ? OrderOptions.NONE : options;
        }

        /** An ordinary limit order, without options. */
        public PlaceOrder(CommandId id, long time, AccountId account, MarketId market, Side side, long price, long size,
                TimeInForce timeInForce) {
            this(id, time, account, market, side, price, size, timeInForce, OrderOptions.NONE);
        }
    }

    /**
     * Places a conditional order: when the {@code reference} price reaches {@code triggerPrice}
     * (in the direction {@code type} says), the venue places a limit order of {@code size} at
     * {@code limitPrice} with {@code timeInForce}. IOC gives a stop-market (or take-profit-market)
     * whose limit is its protection price, the worst price it may fill at; GTC gives a stop-limit.
     * Until it fires it reserves no margin; when it fires it is checked like any new order. Its id
     * comes from the order id sequence, and {@link CancelOrder} cancels it.
     */
    record PlaceTrigger(CommandId id, long time, AccountId account, MarketId market, Side side, TriggerType type,
            TriggerPrice reference, long triggerPrice, long limitPrice, long size, TimeInForce timeInForce,
            boolean reduceOnly, PositionSide positionSide) implements Command {
        /** A trigger on a one-way account's net position ({@link PositionSide#BOTH}). */
        public PlaceTrigger(CommandId id, long time, AccountId account, MarketId market, Side side, TriggerType type,
                TriggerPrice reference, long triggerPrice, long limitPrice, long size, TimeInForce timeInForce,
                boolean reduceOnly) {
            this(id, time, account, market, side, type, reference, triggerPrice, limitPrice, size, timeInForce, reduceOnly,
                    PositionSide.BOTH);
        }

        public PlaceTrigger {
            positionSide = positionSide == null ? PositionSide.BOTH : positionSide;
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(market, "market");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(timeInForce, "timeInForce");
        }
    }

    /**
     * Cancels every open order and untriggered conditional order of {@code account} in
     * {@code market}, or in every market if it is null.
     */
    record CancelAll(CommandId id, long time, AccountId account, MarketId market) implements Command {
        public CancelAll {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
        }
    }

    /**
     * Advances the venue's clock to {@code time} with nothing else to do, so that orders whose
     * good-till time has come leave the book. A host sends it on its own timer (say each second).
     */
    record AdvanceTime(CommandId id, long time) implements Command {
        public AdvanceTime {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * Places a market order that takes liquidity at once and never rests: either {@code size}
     * size units, or as many whole lots as {@code quoteBudget} settlement units buy (or a sale
     * raises), fees not included; exactly one of the two is positive. It trades no worse than
     * {@code protectionPrice} (the worst acceptable price), and what it cannot fill is cancelled.
     *
     * <p>Example: buy with a budget of 1,000 USDC, protection 50,500.0: with asks at 50,000.0 it
     * buys 0.019 BTC (lot 0.001: 950 USDC) and leaves 50 USDC unspent.
     */
    record PlaceMarketOrder(CommandId id, long time, AccountId account, MarketId market, Side side, long size,
            long quoteBudget, long protectionPrice, PositionSide positionSide) implements Command {
        /** A market order on a one-way account's net position ({@link PositionSide#BOTH}). */
        public PlaceMarketOrder(CommandId id, long time, AccountId account, MarketId market, Side side, long size,
                long quoteBudget, long protectionPrice) {
            this(id, time, account, market, side, size, quoteBudget, protectionPrice, PositionSide.BOTH);
        }

        public PlaceMarketOrder {
            positionSide = positionSide == null ? PositionSide.BOTH : positionSide;
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(market, "market");
            Objects.requireNonNull(side, "side");
        }
    }

    /** Cancels an open order of {@code account}. */
    record CancelOrder(CommandId id, long time, AccountId account, MarketId market, OrderId order) implements Command {
        public CancelOrder {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(market, "market");
            Objects.requireNonNull(order, "order");
        }
    }

    /**
     * Changes an open order's price and/or total size ({@code newSize} counts what has already
     * filled, as exchanges do). Reducing the size keeps the order's place in the queue; a new
     * price or a larger size sends it to the back (and may match at once).
     */
    record AmendOrder(CommandId id, long time, AccountId account, MarketId market, OrderId order, long newPrice,
            long newSize) implements Command {
        public AmendOrder {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(market, "market");
            Objects.requireNonNull(order, "order");
        }
    }

    /**
     * Publishes an observation of an external price feed (an oracle update). For a market's
     * feed the price is in the market's price units; for a collateral asset's feed it is in
     * settlement-asset smallest units per whole unit of the asset.
     *
     * @param confidence the publisher's uncertainty, in the same units (0 if unknown)
     */
    record PublishPrice(CommandId id, long time, String feed, long price, long confidence) implements Command {
        public PublishPrice {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(feed, "feed");
        }
    }
}
