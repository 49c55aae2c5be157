package io.fulcrum.venue.internal;

import io.fulcrum.api.Event;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.OrderId;
import io.fulcrum.api.Side;
import io.fulcrum.api.spi.PoolFill;
import java.math.RoundingMode;
import java.util.List;

/**
 * Settles fills into the ledger and keeps resting orders' margin reservations. A fill moves
 * the same notional between maker and taker (so it nets to zero), charges each its fee into the
 * fee pool, and realises PnL on any part that closes a position.
 */
final class Settlement {
    private final Ledger ledger;

    Settlement(Ledger ledger) {
        this.ledger = ledger;
    }

    void settleFill(MarketRuntime market, OpenOrder maker, AccountState taker, int takerSlot, long takerOrderId,
            Side takerSide, long price, long quantity, List<Event> events) {
        MarketSpec spec = market.spec;
        long notional = spec.notional(quantity, price, RoundingMode.HALF_EVEN);
        long makerFee = ledger.config.feeSchedule().makerFee(maker.account.id, spec, notional);
        long takerFee = ledger.config.feeSchedule().takerFee(taker.id, spec, notional);

        release(maker);
        maker.openSize -= quantity;
        maker.filled += quantity;
        maker.visibleSize -= quantity;
        ledger.bookLevels.add(maker.market, maker.side, maker.price, -quantity);
        if (maker.openSize == 0) {
            forget(maker);
        } else {
            reserve(maker);
        }
        market.lastTradePrice = price;

        events.add(new Event.Trade(spec.id(), OrderId.of(maker.orderId), OrderId.of(takerOrderId), maker.account.id,
                taker.id, takerSide, price, quantity, notional, makerFee, takerFee));
        applyToPosition(market, maker.account, maker.slot, maker.side, price, quantity, notional, makerFee, events);
        applyToPosition(market, taker, takerSlot, takerSide, price, quantity, notional, takerFee, events);
    }

    /**
     * Settles a pool fill: the taker against the market's pool account, which pays no fee (a pool
     * prices its costs into the fill price) and earns the taker's. The market's pool fee rule, if
     * it has one, decides that fee (and may make it a rebate the pool pays); otherwise the fee
     * schedule's taker fee applies.
     */
    void settlePoolFill(MarketRuntime market, AccountState taker, int takerSlot, long takerOrderId, Side takerSide,
            long price, long quantity, List<Event> events) {
        MarketSpec spec = market.spec;
        AccountState pool = market.vault.account;
        long notional = spec.notional(quantity, price, RoundingMode.HALF_EVEN);
        PositionState position = taker.position(takerSlot, market);
        long takerFee;
        long memo = position.poolMemo;
        if (market.poolFees == null) {
            takerFee = ledger.config.feeSchedule().takerFee(taker.id, spec, notional);
        } else {
            PoolFill fill = poolFill(market, taker, takerSlot, takerSide, price, quantity, notional);
            takerFee = market.poolFees.fee(fill);
            if (fill.opens()) {
                memo = market.poolFees.memoOnOpen(fill);
            }
        }
        events.add(new Event.Trade(spec.id(), null, OrderId.of(takerOrderId), pool.id, taker.id, takerSide, price,
                quantity, notional, 0, takerFee));
        applyToPosition(market, pool, market.index, takerSide.opposite(), price, quantity, notional, 0, events);
        applyToPosition(market, taker, takerSlot, takerSide, price, quantity, notional, takerFee, events);
        position.poolMemo = position.size == 0 ? 0 : memo;
    }

    /**
     * Reduces {@code trader}'s position by {@code quantity} at {@code price} against its
     * market's pool, without an order and without a fee: the pool's auto-deleveraging.
     */
    void settleDeleveraging(MarketRuntime market, AccountState trader, int slot, Side side, long price, long quantity,
            List<Event> events) {
        MarketSpec spec = market.spec;
        AccountState pool = market.vault.account;
        long notional = spec.notional(quantity, price, RoundingMode.HALF_EVEN);
        events.add(new Event.Deleveraged(trader.id, spec.id(), side, quantity, price, pool.id));
        applyToPosition(market, pool, market.index, side.opposite(), price, quantity, notional, 0, events);
        applyToPosition(market, trader, slot, side, price, quantity, notional, 0, events);
        PositionState position = trader.positions[slot];
        if (position.size == 0) {
            position.poolMemo = 0;
        }
    }

    /** A fill of {@code quantity} at {@code price} by {@code account}'s slot, as a pool fee rule sees it now. */
    PoolFill poolFill(MarketRuntime market, AccountState account, int slot, Side side, long price, long quantity,
            long notional) {
        PositionState position = account.positions[slot]; // read only: a pre-trade check creates nothing
        if (position == null) {
            return new PoolFill(market.spec, account.id, side, quantity, price, notional,
                    ledger.tradersOpenInterest(market, Side.BUY), ledger.tradersOpenInterest(market, Side.SELL), 0, 0, 0, 0);
        }
        return new PoolFill(market.spec, account.id, side, quantity, price, notional,
                ledger.tradersOpenInterest(market, Side.BUY), ledger.tradersOpenInterest(market, Side.SELL),
                position.size, position.costBasis, collateralOf(account, market, position), position.poolMemo);
    }

    /**
     * Closes {@code quantity} of {@code bankrupt}'s position against {@code counterparty}'s
     * opposite one at {@code price}, without orders or fees: auto-deleveraging. The
     * counterparty trades on {@code counterpartySide} (BUY closes its short).
     */
    void settleAutoDeleveraging(MarketRuntime market, AccountState bankrupt, int bankruptSlot, AccountState counterparty,
            int counterpartySlot, Side counterpartySide, long price, long quantity, List<Event> events) {
        events.add(new Event.Deleveraged(counterparty.id, market.spec.id(), counterpartySide, quantity, price,
                bankrupt.id));
        settleTransfer(market, bankrupt, bankruptSlot, counterparty, counterpartySlot, counterpartySide, price, quantity,
                events);
    }

    /**
     * Moves {@code quantity} from {@code giver}'s position to {@code receiver}'s at {@code price},
     * without an order, a trade or a fee: the receiver trades {@code receiverSide}, the giver the
     * other side. Auto-deleveraging and the insurance takeover close bankrupt positions this way.
     */
    void settleTransfer(MarketRuntime market, AccountState giver, int giverSlot, AccountState receiver, int receiverSlot,
            Side receiverSide, long price, long quantity, List<Event> events) {
        long notional = market.spec.notional(quantity, price, RoundingMode.HALF_EVEN);
        applyToPosition(market, giver, giverSlot, receiverSide.opposite(), price, quantity, notional, 0, events);
        applyToPosition(market, receiver, receiverSlot, receiverSide, price, quantity, notional, 0, events);
    }

    /**
     * The margin behind a position, as a pool fee rule measures a trade's return on it (Avantis
     * charges and rebates per trade's collateral): an isolated account's cash, otherwise the entry
     * notional over the leverage the trader chose, or the market's initial requirement on it.
     */
    private long collateralOf(AccountState account, MarketRuntime market, PositionState position) {
        if (position.size == 0) {
            return 0;
        }
        if (account.marginMode.isIsolated()) {
            return Math.max(account.balances[ledger.settlementIndex], 0);
        }
        long entry = Math.abs(position.costBasis);
        long leverage = account.leverage[market.index];
        return leverage > 0 ? Fixed.divide(entry, leverage, RoundingMode.CEILING) : market.spec.initialRequirement(entry);
    }

    /**
     * Settles an auction cross between two resting orders at the clearing price. Neither took
     * liquidity, so both pay the maker fee; the event names the order that rested first as the
     * maker and the later one as the taker.
     */
    void settleCross(MarketRuntime market, OpenOrder buy, OpenOrder sell, long price, long quantity,
            List<Event> events) {
        MarketSpec spec = market.spec;
        long notional = spec.notional(quantity, price, RoundingMode.HALF_EVEN);
        OpenOrder first = buy.orderId < sell.orderId ? buy : sell;
        OpenOrder second = first == buy ? sell : buy;
        long firstFee = ledger.config.feeSchedule().makerFee(first.account.id, spec, notional);
        long secondFee = ledger.config.feeSchedule().makerFee(second.account.id, spec, notional);
        consume(first, quantity);
        consume(second, quantity);
        market.lastTradePrice = price;
        events.add(new Event.Trade(spec.id(), OrderId.of(first.orderId), OrderId.of(second.orderId), first.account.id,
                second.account.id, second.side, price, quantity, notional, firstFee, secondFee));
        applyToPosition(market, first.account, first.slot, first.side, price, quantity, notional, firstFee, events);
        applyToPosition(market, second.account, second.slot, second.side, price, quantity, notional, secondFee, events);
    }

    /**
     * Takes {@code quantity} off a resting order crossed in an auction: an iceberg gives up its
     * hidden reserve first and keeps its slice (and its place), as the book does.
     */
    private void consume(OpenOrder order, long quantity) {
        release(order);
        long hidden = order.openSize - order.visibleSize;
        order.openSize -= quantity;
        order.filled += quantity;
        long shown = order.openSize == 0 ? order.visibleSize : quantity - Math.min(quantity, hidden);
        order.visibleSize -= shown;
        ledger.bookLevels.add(order.market, order.side, order.price, -shown);
        if (order.openSize == 0) {
            forget(order);
        } else {
            reserve(order);
        }
    }

    private void applyToPosition(MarketRuntime market, AccountState account, int slot, Side side, long price,
            long quantity, long notional, long fee, List<Event> events) {
        PositionState position = account.position(slot, market);
        ledger.funding.settle(account, slot, market, events); // at the size it held until now
        long sizeBefore = position.size;
        long realized = position.applyFill(side.sign(), quantity, notional, price);
        ledger.openInterest[market.index] += Math.max(position.size, 0) - Math.max(sizeBefore, 0);
        account.balances[ledger.settlementIndex] += realized;
        position.fees += fee;
        if (market.vault != null && account == market.vault.account) {
            market.vault.tradersRealizedPnl -= realized;
            market.vault.onTradersRealized(-realized);
        } else if (market.vault != null) {
            // On a pool market the fee is the liquidity providers' income (GMX pays position fees
            // into the pool, Avantis a share of them): the pool account earns it, not the venue.
            long treasury = market.vault.treasuryPart(fee);
            account.balances[ledger.settlementIndex] -= fee - treasury;
            market.vault.account.balances[ledger.settlementIndex] += fee - treasury;
            market.vault.onFee(fee - treasury);
            ledger.chargeFee(account, treasury, market, events);
        } else {
            ledger.chargeFee(account, fee, market, events);
        }
        events.add(new Event.PositionChanged(account.id, market.spec.id(), position.size, position.costBasis, realized,
                fee, account.balances[ledger.settlementIndex], account.legOf(slot)));
        if (account.marginMode.isIsolated()) {
            releaseIsolatedMargin(account, sizeBefore, position.size, events);
        }
    }

    /**
     * What an isolated account gives back to its owner's main account as its position shrinks:
     * everything once the position is closed (and no order rests), and, strictly isolated, the
     * share {@code balance · reduced / |size before|} of each reduction (Hyperliquid's strict
     * isolated margin, MECHANISMS.md §1.3), rounded down. A main account that does not exist
     * receives nothing; the margin stays where it is.
     */
    private void releaseIsolatedMargin(AccountState account, long sizeBefore, long sizeAfter, List<Event> events) {
        long reduced = Math.abs(sizeBefore) - Math.abs(sizeAfter);
        boolean shrank = reduced > 0 && Long.signum(sizeBefore) * Long.signum(sizeAfter) >= 0;
        if (!shrank) {
            return;
        }
        AccountState main = ledger.accounts.get(io.fulcrum.api.AccountId.main(account.id.owner()));
        int cash = ledger.settlementIndex;
        long balance = account.balances[cash];
        if (main == null || balance <= 0) {
            return;
        }
        long release;
        if (sizeAfter == 0 && !account.hasRisk()) {
            release = balance;
        } else if (account.marginMode == io.fulcrum.api.MarginMode.STRICT_ISOLATED) {
            release = io.fulcrum.api.Fixed.mulDiv(balance, reduced, Math.abs(sizeBefore), RoundingMode.FLOOR);
        } else {
            return;
        }
        if (release <= 0) {
            return;
        }
        account.balances[cash] -= release;
        main.balances[cash] += release;
        events.add(new Event.Transferred(account.id, main.id, ledger.settlement().id(), release));
    }

    /** Records a newly resting order, reserves its margin exposure and shows its visible part. */
    void register(OpenOrder order) {
        ledger.openOrders.put(order.orderId, order);
        order.account.position(order.slot, ledger.markets[order.market]).openOrders++;
        reserve(order);
        ledger.bookLevels.add(order.market, order.side, order.price, order.visibleSize);
    }

    /** Forgets a resting order that left the book, releasing its exposure. */
    void unregister(OpenOrder order) {
        release(order);
        ledger.bookLevels.add(order.market, order.side, order.price, -order.visibleSize);
        forget(order);
    }

    /** An iceberg's slice was cut anew: {@code visible} now shows. */
    void replenish(OpenOrder order, long visible) {
        ledger.bookLevels.add(order.market, order.side, order.price, visible - order.visibleSize);
        order.visibleSize = visible;
    }

    /**
     * Self-trade prevention took {@code by} off a resting order without a trade: from its visible
     * slice first (an iceberg's hidden reserve goes only when the whole order is cancelled; a new
     * slice, if any, is reported separately).
     */
    void reduce(OpenOrder order, long by) {
        release(order);
        order.openSize -= by;
        order.size -= by;
        long shown = order.openSize == 0 ? order.visibleSize : Math.min(by, order.visibleSize);
        order.visibleSize -= shown;
        ledger.bookLevels.add(order.market, order.side, order.price, -shown);
        if (order.openSize == 0) {
            forget(order);
        } else {
            reserve(order);
        }
    }

    private void forget(OpenOrder order) {
        ledger.openOrders.remove(order.orderId);
        order.account.positions[order.slot].openOrders--;
    }

    /**
     * Adds a resting order's open size and notional to its owner's exposure, the notional rounded
     * against the owner: up for a buy (what it would pay), down for a sell (what it would receive).
     */
    void reserve(OpenOrder order) {
        MarketRuntime market = ledger.markets[order.market];
        PositionState position = order.account.position(order.slot, market);
        order.reservedNotional = reservedNotional(market.spec, order.side, order.openSize, order.price);
        if (order.side == Side.BUY) {
            position.openBuySize += order.openSize;
            position.openBuyNotional += order.reservedNotional;
        } else {
            position.openSellSize += order.openSize;
            position.openSellNotional += order.reservedNotional;
        }
    }

    static long reservedNotional(MarketSpec spec, Side side, long size, long price) {
        return spec.notional(size, price, side == Side.BUY ? RoundingMode.CEILING : RoundingMode.FLOOR);
    }

    /** Removes what {@link #reserve} added. */
    void release(OpenOrder order) {
        PositionState position = order.account.positions[order.slot];
        if (order.side == Side.BUY) {
            position.openBuySize -= order.openSize;
            position.openBuyNotional -= order.reservedNotional;
        } else {
            position.openSellSize -= order.openSize;
            position.openSellNotional -= order.reservedNotional;
        }
        order.reservedNotional = 0;
    }
}
