package io.fulcrum.venue.internal;

import io.fulcrum.api.Command;
import io.fulcrum.api.Event;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.OrderId;
import io.fulcrum.api.OrderOptions;
import io.fulcrum.api.PositionMode;
import io.fulcrum.api.PositionSide;
import io.fulcrum.api.PostOnly;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.GuardVerdict;
import io.fulcrum.api.spi.LiquidationOrder;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.api.spi.PositionView;
import java.util.List;

/**
 * Places and amends orders: the market spec's rules, the order's own rules (reduce-only,
 * post-only, good-till-time, open-order limit), the pre-trade margin check, then matching.
 *
 * <p>The pre-trade check evaluates the account as if the new order rested in full next to its
 * other resting orders (the margin model then assumes the worst side fills at the limit
 * prices), with the taker fee on the whole order held back. An order that only reduces the
 * position (together with the account's other orders on its side) is always allowed, so an
 * account below initial margin can still close risk.
 */
final class OrderHandler {
    private final Ledger ledger;
    private final Settlement settlement;
    private final Matching matching;
    private final PoolCapacity poolCapacity;

    OrderHandler(Ledger ledger, Settlement settlement, Matching matching) {
        this.ledger = ledger;
        this.settlement = settlement;
        this.matching = matching;
        this.poolCapacity = new PoolCapacity(ledger);
    }

    void place(Command.PlaceOrder c, List<Event> out) {
        AccountState account = ledger.actingAccount(c.account());
        MarketRuntime market = ledger.market(c.market());
        submit(account, market, c.side(), c.price(), c.size(), c.timeInForce(), c.options(), c.time(), out);
    }

    /**
     * Validates an order of {@code account} and matches it: every check first, throwing a
     * {@link Rejection} before anything changes, then the order id, the events and matching.
     */
    void submit(AccountState account, MarketRuntime market, Side side, long limitPrice, long size, TimeInForce tif,
            OrderOptions options, long now, List<Event> out) {
        MarketSpec spec = market.spec;
        MarketAccess.requireAccountMayTrade(account, market);
        OrderRules.requireValidSize(spec, size);
        OrderRules.requireValidPrice(spec, limitPrice);
        requireRestingOptionsValid(tif, options, now);
        requireValidIceberg(spec, tif, size, options);
        long price = postOnlyPrice(market, side, limitPrice, options.postOnly());
        long notional = OrderRules.checkedNotional(spec, size, price);
        OrderRules.requireMinNotional(spec, notional);
        int slot = slotFor(account, market, options.positionSide());
        // A hedge-mode order that closes its leg may never exceed it: it is reduce-only by nature.
        boolean reduceOnly = options.reduceOnly() || account.positionMode == PositionMode.HEDGE
                && options.positionSide().isClosedBy(side);
        GuardVerdict verdict = MarketAccess.requireTradable(ledger, market, now);
        MarketAccess.requireWithinBand(market, verdict, price);
        requirePositionBound(account, slot, market, size);
        requireRoomForAnotherOrder(account, market, tif);
        boolean reduces = reducesOnly(account, slot, side, size);
        MarketAccess.requireAllowedByStatus(market, verdict, reduces, side + " " + size + " against "
                + describePosition(account, slot));
        if (reduceOnly && !reduces) {
            throw Rejection.of(RejectReason.REDUCE_ONLY_WOULD_INCREASE, side + " " + size + " against "
                    + describePosition(account, slot));
        }
        if (!reduces) {
            long reserved = Settlement.reservedNotional(spec, side, size, price);
            requireInitialMargin(account, market, slot, side, price, size, reserved, 0, 0);
        }
        poolCapacity.require(market, account, slot, side, size);
        requireRiskLimits(market, account, slot, side, size);
        long orderId = ledger.nextOrderId++;
        out.add(new Event.OrderAccepted(OrderId.of(orderId), account.id, spec.id(), side, price, size, tif, options));
        matching.place(market, account, slot, orderId, side, price, size, tif, reduceOnly,
                options.postOnly() != PostOnly.NO, options.expiresAt(), options.displaySize(), now, out);
    }

    /**
     * A market order: by size it is an IOC at its protection price; by quote budget its
     * worst-case size (what the budget buys at the best opposite price for a buy, or at the
     * protection price for a sale) is what the margin check and the events count.
     */
    void placeMarket(Command.PlaceMarketOrder c, List<Event> out) {
        AccountState account = ledger.actingAccount(c.account());
        MarketRuntime market = ledger.market(c.market());
        MarketAccess.requireAccountMayTrade(account, market);
        boolean bySize = c.size() > 0 && c.quoteBudget() == 0;
        boolean byBudget = c.quoteBudget() > 0 && c.size() == 0;
        if (!bySize && !byBudget) {
            throw Rejection.of(RejectReason.MARKET_ORDER_SIZE, "size " + c.size() + ", quote budget " + c.quoteBudget());
        }
        if (bySize) {
            submit(account, market, c.side(), c.protectionPrice(), c.size(), TimeInForce.IOC,
                    OrderOptions.NONE.onLeg(c.positionSide()), c.time(), out);
            return;
        }
        int slot = slotFor(account, market, c.positionSide());
        boolean closing = account.positionMode == PositionMode.HEDGE && c.positionSide().isClosedBy(c.side());
        MarketSpec spec = market.spec;
        OrderRules.requireValidPrice(spec, c.protectionPrice());
        if (c.quoteBudget() >= Ledger.MAX_AMOUNT) {
            throw Rejection.of(RejectReason.ARITHMETIC_OVERFLOW, "quote budget " + c.quoteBudget() + " is not below 2^60");
        }
        // A pool has no book: it quotes around the index.
        long best = market.engine.isPool() ? market.indexPrice
                : c.side() == Side.BUY ? market.engine.bestAsk() : market.engine.bestBid();
        if (best == MatchingEngine.NO_PRICE
                || (c.side() == Side.BUY ? best > c.protectionPrice() : best < c.protectionPrice())) {
            throw Rejection.of(RejectReason.NO_LIQUIDITY, c.side() + " within " + c.protectionPrice() + " in " + spec.id());
        }
        long maxSize = OrderRules.lotsWithin(spec, c.quoteBudget(), c.side() == Side.BUY ? best : c.protectionPrice());
        if (maxSize == 0) {
            throw Rejection.of(RejectReason.BELOW_MIN_NOTIONAL, "the budget buys less than one lot");
        }
        OrderRules.requireMinNotional(spec, OrderRules.checkedNotional(spec, maxSize, c.protectionPrice()));
        GuardVerdict verdict = MarketAccess.requireTradable(ledger, market, c.time());
        MarketAccess.requireWithinBand(market, verdict, c.protectionPrice());
        requirePositionBound(account, slot, market, maxSize);
        boolean reduces = reducesOnly(account, slot, c.side(), maxSize);
        MarketAccess.requireAllowedByStatus(market, verdict, reduces, c.side() + " up to " + maxSize + " against "
                + describePosition(account, slot));
        if (closing && !reduces) {
            throw Rejection.of(RejectReason.REDUCE_ONLY_WOULD_INCREASE, c.side() + " up to " + maxSize + " against "
                    + describePosition(account, slot));
        }
        if (!reduces) {
            long reserved = Settlement.reservedNotional(spec, c.side(), maxSize, c.protectionPrice());
            requireInitialMargin(account, market, slot, c.side(), c.protectionPrice(), maxSize, reserved, 0, 0);
        }
        poolCapacity.require(market, account, slot, c.side(), maxSize);
        requireRiskLimits(market, account, slot, c.side(), maxSize);
        long orderId = ledger.nextOrderId++;
        out.add(new Event.OrderAccepted(OrderId.of(orderId), account.id, spec.id(), c.side(), c.protectionPrice(),
                maxSize, TimeInForce.IOC, OrderOptions.NONE.onLeg(c.positionSide())));
        matching.placeWithBudget(market, account, slot, orderId, c.side(), c.protectionPrice(), c.quoteBudget(),
                maxSize, c.time(), out);
    }

    /**
     * Sends a liquidation policy's order into the book as an IOC, without the initial-margin check;
     * returns the notional it filled.
     */
    long liquidate(AccountState account, LiquidationOrder order, long now, List<Event> out) {
        MarketRuntime market = ledger.market(order.market());
        // In hedge mode a sale closes the long leg and a purchase the short one.
        PositionSide leg = account.positionMode == PositionMode.ONE_WAY ? PositionSide.BOTH
                : order.side() == Side.SELL ? PositionSide.LONG : PositionSide.SHORT;
        int slot = account.slot(market.index, leg);
        PositionState position = account.positions[slot];
        long size = position == null ? 0 : Math.min(order.size(), Math.abs(position.size));
        if (size == 0 || !market.spec.isOnLot(size) || !market.spec.isOnTick(order.worstPrice())
                || position.size * order.side().sign() > 0) {
            throw new IllegalStateException("liquidation policy produced an order that does not close a position: "
                    + order + " for " + account.id);
        }
        long orderId = ledger.nextOrderId++;
        OrderOptions options = OrderOptions.NONE.withReduceOnly().onLeg(leg);
        out.add(new Event.OrderAccepted(OrderId.of(orderId), account.id, market.spec.id(), order.side(),
                order.worstPrice(), size, TimeInForce.IOC, options));
        int from = out.size();
        matching.place(market, account, slot, orderId, order.side(), order.worstPrice(), size, TimeInForce.IOC, true,
                false, 0, 0, now, out);
        List<Event.Trade> fills = new java.util.ArrayList<>();
        long notional = 0;
        for (int i = from; i < out.size(); i++) {
            if (out.get(i) instanceof Event.Trade trade && trade.takerOrder() != null
                    && trade.takerOrder().value() == orderId) {
                notional = io.fulcrum.api.Fixed.add(notional, trade.notional());
                fills.add(trade);
            }
        }
        chargePenalty(account, market, fills, notional, out);
        return notional;
    }

    /**
     * The liquidation penalty on what order {@code orderId} closed: {@code ppm} of its filled
     * notional, capped by the account's equity left above zero, paid to the market's insurance
     * fund, or the fee pool if the venue has none.
     */
    private void chargePenalty(AccountState account, MarketRuntime market, List<Event.Trade> fills, long notional,
            List<Event> out) {
        long ppm = ledger.config.liquidationPenaltyPpm();
        if (ppm == 0 || account.isPool()) {
            return; // the venue's own accounts (an insurance desk unwinding) pay no penalty to themselves
        }
        long surplus = Math.max(0, ledger.evaluate(account).equity());
        long penalty = Math.min(io.fulcrum.api.Fixed.ppm(notional, ppm, java.math.RoundingMode.CEILING), surplus);
        if (penalty <= 0) {
            return;
        }
        int cash = ledger.settlementIndex;
        account.balances[cash] -= penalty;
        out.add(new Event.LiquidationPenaltyCharged(account.id, market.spec.id(), notional, penalty,
                ledger.config.insuranceFund() == null ? null : ledger.config.insuranceFund().fundFor(market.spec.id()),
                account.balances[cash]));
        long rest = penalty - rewardLiquidators(market, fills, notional, penalty, out);
        io.fulcrum.api.spi.InsuranceFund policy = ledger.config.insuranceFund();
        if (policy != null) {
            String fund = policy.fundFor(market.spec.id());
            long balance = ledger.insuranceFunds.merge(fund, rest, io.fulcrum.api.Fixed::add);
            out.add(new Event.InsuranceFundChanged(fund, rest, balance, account.id));
        } else {
            ledger.feePool += rest;
        }
    }

    /**
     * Pays the liquidators' and the vault's parts of a penalty: the makers of {@code fills} share
     * theirs by the notional each filled, rounded down; returns what was paid out.
     */
    private long rewardLiquidators(MarketRuntime market, List<Event.Trade> fills, long notional, long penalty,
            List<Event> out) {
        int cash = ledger.settlementIndex;
        long paid = 0;
        long liquidatorsPart = io.fulcrum.api.Fixed.ppm(penalty, ledger.config.penaltyLiquidatorSharePpm(),
                java.math.RoundingMode.FLOOR);
        if (liquidatorsPart > 0 && notional > 0) {
            for (Event.Trade fill : fills) {
                long share = io.fulcrum.api.Fixed.mulDiv(liquidatorsPart, fill.notional(), notional,
                        java.math.RoundingMode.FLOOR);
                AccountState maker = ledger.accounts.get(fill.maker());
                if (share > 0 && maker != null) {
                    maker.balances[cash] += share;
                    paid += share;
                    out.add(new Event.LiquidatorRewarded(maker.id, market.spec.id(), share, maker.balances[cash]));
                }
            }
        }
        long vaultPart = io.fulcrum.api.Fixed.ppm(penalty, ledger.config.penaltyVaultSharePpm(),
                java.math.RoundingMode.FLOOR);
        if (vaultPart > 0 && ledger.backstop != null) {
            ledger.backstop.balances[cash] += vaultPart;
            paid += vaultPart;
            out.add(new Event.LiquidatorRewarded(ledger.backstop.id, market.spec.id(), vaultPart,
                    ledger.backstop.balances[cash]));
        }
        return paid;
    }

    void amend(Command.AmendOrder c, List<Event> out) {
        AccountState account = ledger.actingAccount(c.account());
        MarketRuntime market = ledger.market(c.market());
        MarketSpec spec = market.spec;
        OpenOrder order = CancelHandler.ownedOrder(ledger, account, market, c.order());
        if (order.displaySize > 0) {
            throw Rejection.of(RejectReason.INVALID_ICEBERG, "an iceberg cannot be amended; cancel it and place another");
        }
        OrderRules.requireValidSize(spec, c.newSize());
        OrderRules.requireValidPrice(spec, c.newPrice());
        if (c.newPrice() == order.price && c.newSize() == order.size) {
            throw Rejection.of(RejectReason.NOTHING_TO_AMEND, c.order().toString());
        }
        if (c.newSize() <= order.filled) {
            throw Rejection.of(RejectReason.AMEND_BELOW_FILLED,
                    "new size " + c.newSize() + ", already filled " + order.filled);
        }
        long newOpen = c.newSize() - order.filled;
        OrderRules.checkedNotional(spec, newOpen, c.newPrice()); // bounds the open notional before anything moves
        OrderRules.requireMinNotional(spec, OrderRules.checkedNotional(spec, c.newSize(), c.newPrice()));
        boolean keepsPriority = c.newPrice() == order.price && newOpen <= order.openSize;
        if (!keepsPriority) {
            if (order.postOnly && crosses(market, order.side, c.newPrice())) {
                throw Rejection.of(RejectReason.POST_ONLY_WOULD_TAKE, "amended price " + c.newPrice());
            }
            GuardVerdict verdict = MarketAccess.requireTradable(ledger, market, c.time());
            MarketAccess.requireWithinBand(market, verdict, c.newPrice());
            requirePositionBound(account, order.slot, market, newOpen);
            boolean reduces = reducesOnly(account, order.slot, order.side, newOpen - order.openSize);
            MarketAccess.requireAllowedByStatus(market, verdict, reduces, "amended size " + c.newSize() + " against "
                    + describePosition(account, order.slot));
            if (order.reduceOnly && !reduces) {
                throw Rejection.of(RejectReason.REDUCE_ONLY_WOULD_INCREASE, "amended size " + c.newSize() + " against "
                        + describePosition(account, order.slot));
            }
            if (!reduces) {
                long reserved = Settlement.reservedNotional(spec, order.side, newOpen, c.newPrice());
                requireInitialMargin(account, market, order.slot, order.side, c.newPrice(), newOpen, reserved,
                        order.openSize, order.reservedNotional);
            }
        }
        out.add(new Event.OrderAmended(c.order(), c.account(), c.market(), c.newPrice(), c.newSize(), newOpen,
                keepsPriority));
        settlement.unregister(order);
        boolean kept = matching.amend(market, order, c.newPrice(), c.newSize(), newOpen, c.time(), out);
        if (kept != keepsPriority) {
            throw new IllegalStateException("engine priority decision differs from the amend rule for " + c.order());
        }
        if (kept) {
            order.price = c.newPrice();
            order.size = c.newSize();
            order.openSize = newOpen;
            order.visibleSize = newOpen;
            settlement.register(order);
        }
    }

    /** An iceberg rests (GTC) and shows a positive number of lots, fewer than its size. */
    private static void requireValidIceberg(MarketSpec spec, TimeInForce tif, long size, OrderOptions options) {
        if (!options.isIceberg()) {
            return;
        }
        long display = options.displaySize();
        if (tif != TimeInForce.GTC || !spec.isOnLot(display) || display >= size) {
            throw Rejection.of(RejectReason.INVALID_ICEBERG, "display " + display + " of " + size + ", " + tif
                    + ", lot " + spec.lotSize());
        }
    }

    /** Post-only and good-till-time orders must be GTC, and an expiry must lie ahead. */
    private static void requireRestingOptionsValid(TimeInForce tif, OrderOptions options, long now) {
        boolean restingOnly = options.postOnly() != PostOnly.NO || options.expiresAt() != 0;
        if (restingOnly && tif != TimeInForce.GTC) {
            throw Rejection.of(RejectReason.OPTION_NEEDS_GTC, tif.toString());
        }
        if (options.expiresAt() != 0 && options.expiresAt() <= now) {
            throw Rejection.of(RejectReason.EXPIRY_NOT_IN_FUTURE,
                    "expires at " + options.expiresAt() + ", command time " + now);
        }
    }

    /**
     * The price a post-only order enters at: unchanged if it does not cross; otherwise refused
     * ({@link PostOnly#REJECT}) or moved one tick behind the best opposite price
     * ({@link PostOnly#REPRICE}).
     */
    private static long postOnlyPrice(MarketRuntime market, Side side, long price, PostOnly mode) {
        if (mode == PostOnly.NO || !crosses(market, side, price)) {
            return price;
        }
        if (mode == PostOnly.REJECT) {
            throw Rejection.of(RejectReason.POST_ONLY_WOULD_TAKE, side + " at " + price + " against best "
                    + (side == Side.BUY ? "ask " + market.engine.bestAsk() : "bid " + market.engine.bestBid()));
        }
        long tick = market.spec.tickSize();
        long repriced = side == Side.BUY ? market.engine.bestAsk() - tick : market.engine.bestBid() + tick;
        if (repriced <= 0) {
            throw Rejection.of(RejectReason.POST_ONLY_WOULD_TAKE, "no price one tick behind the best ask exists");
        }
        return repriced;
    }

    private static boolean crosses(MarketRuntime market, Side side, long price) {
        long opposite = side == Side.BUY ? market.engine.bestAsk() : market.engine.bestBid();
        return opposite != MatchingEngine.NO_PRICE && (side == Side.BUY ? price >= opposite : price <= opposite);
    }

    /**
     * The position slot an order on {@code leg} acts on: a one-way account names
     * {@link PositionSide#BOTH}, a hedge-mode account {@code LONG} or {@code SHORT}.
     */
    static int slotFor(AccountState account, MarketRuntime market, PositionSide leg) {
        boolean oneWay = account.positionMode == PositionMode.ONE_WAY;
        if (oneWay != (leg == PositionSide.BOTH)) {
            throw Rejection.of(RejectReason.POSITION_SIDE_MISMATCH, account.id + " is " + account.positionMode
                    + "; the order names " + leg);
        }
        return account.slot(market.index, leg);
    }

    /** True if the order, with the account's other orders on its side, can only shrink the position. */
    private static boolean reducesOnly(AccountState account, int slot, Side side, long addedSize) {
        PositionState p = account.positions[slot];
        if (p == null || p.size == 0 || Long.signum(p.size) == side.sign()) {
            return false;
        }
        long sameSideOpen = side == Side.BUY ? p.openBuySize : p.openSellSize;
        return sameSideOpen + addedSize <= Math.abs(p.size);
    }

    private static String describePosition(AccountState account, int slot) {
        PositionState p = account.positions[slot];
        return p == null ? "no position" : "position " + p.size + " with " + p.openBuySize + " open to buy and "
                + p.openSellSize + " open to sell";
    }

    private static void requireRoomForAnotherOrder(AccountState account, MarketRuntime market, TimeInForce tif) {
        // Both legs of a hedge-mode account count against the market's limit.
        int open = 0;
        for (PositionSide leg : new PositionSide[] {PositionSide.LONG, PositionSide.SHORT}) {
            PositionState p = account.positions[account.slot(market.index, leg)];
            open += p == null ? 0 : p.openOrders;
        }
        if (tif == TimeInForce.GTC && open >= market.spec.maxOpenOrdersPerAccount()) {
            throw Rejection.of(RejectReason.TOO_MANY_OPEN_ORDERS,
                    open + " open in " + market.spec.id() + ", limit " + market.spec.maxOpenOrdersPerAccount());
        }
    }

    private static void requirePositionBound(AccountState account, int slot, MarketRuntime market, long size) {
        PositionState p = account.positions[slot];
        long exposure = p == null ? 0 : Math.abs(p.size) + p.openBuySize + p.openSellSize;
        if (exposure + size >= Ledger.MAX_AMOUNT) {
            throw Rejection.of(RejectReason.ARITHMETIC_OVERFLOW,
                    "position plus open orders would reach 2^60 size units in " + market.spec.id());
        }
    }

    /**
     * Refuses an order whose opening part would take the market's open interest (its longs, at
     * the index) over the cap a risk control has set; reducing is always allowed.
     */
    private void requireRiskLimits(MarketRuntime market, AccountState account, int slot, Side side, long size) {
        long cap = market.riskLimits.maxOpenInterest();
        if (cap == Long.MAX_VALUE) {
            return;
        }
        PositionState position = account.positions[slot];
        long held = position == null ? 0 : position.size;
        long closing = held != 0 && Long.signum(held) != side.sign() ? Math.min(size, Math.abs(held)) : 0;
        long opening = size - closing;
        if (opening == 0) {
            return;
        }
        long price = Math.max(1, market.indexPrice);
        long after = market.spec.notional(io.fulcrum.api.Fixed.add(ledger.openInterest[market.index], opening), price,
                java.math.RoundingMode.CEILING);
        if (after > cap) {
            throw Rejection.of(RejectReason.OPEN_INTEREST_CAP_EXCEEDED, market.spec.id() + ": open interest would be "
                    + ledger.settlement().format(after) + ", the cap is " + ledger.settlement().format(cap) + " ("
                    + market.riskLimits.reason() + ")");
        }
    }

    /**
     * The taker fee an order of {@code size} and {@code notional} may cost: the fee schedule's,
     * or on a pool market with a fee rule, what the rule would charge a fill of the whole order
     * at its limit now (never below 0: a rebate is not counted on).
     */
    private long feeReserve(AccountState account, MarketRuntime market, int slot, Side side, long price, long size,
            long notional) {
        if (market.poolFees == null || size <= 0) {
            return ledger.config.feeSchedule().takerFee(account.id, market.spec, notional);
        }
        return Math.max(0, market.poolFees.fee(settlement.poolFill(market, account, slot, side, price, size, notional)));
    }

    private void requireInitialMargin(AccountState account, MarketRuntime market, int slot, Side side, long price,
            long size, long notional, long replacedSize, long replacedNotional) {
        PositionState p = account.positions[slot];
        PositionView now = p == null ? PositionView.of(market.spec, 0, 0) : p.view();
        long buySize = now.openBuySize();
        long buyNotional = now.openBuyNotional();
        long sellSize = now.openSellSize();
        long sellNotional = now.openSellNotional();
        if (side == Side.BUY) {
            buySize += size - replacedSize;
            buyNotional += notional - replacedNotional;
        } else {
            sellSize += size - replacedSize;
            sellNotional += notional - replacedNotional;
        }
        PositionView hypothetical = new PositionView(market.spec, now.size(), now.costBasis(), buySize, buyNotional,
                sellSize, sellNotional);
        LedgerAccountView view = new LedgerAccountView(ledger, account).withPosition(slot, hypothetical);
        long maxLeverage = market.riskLimits.maxLeverage();
        long chosen = account.leverage[market.index];
        if (maxLeverage > 0 && (chosen == 0 || chosen > maxLeverage)) {
            view.withLeverage(market.index, maxLeverage); // a risk control caps the leverage of new risk
        }
        MarginState state = ledger.evaluate(view);
        long feeReserve = feeReserve(account, market, slot, side, price, size, notional);
        if (state.equity() - feeReserve < state.initialRequirement()) {
            var usd = ledger.settlement();
            throw Rejection.of(RejectReason.INSUFFICIENT_MARGIN, "needs " + usd.format(state.initialRequirement() + feeReserve)
                    + " " + usd.id() + " of equity (initial margin and taker fee), has " + usd.format(state.equity()));
        }
    }
}
