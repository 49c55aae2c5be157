package io.fulcrum.venue.internal;

import io.fulcrum.api.CancelReason;
import io.fulcrum.api.Command;
import io.fulcrum.api.Event;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketStatus;
import io.fulcrum.api.PositionSide;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.spi.LiquidationContext;
import io.fulcrum.api.spi.LiquidationOrder;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PriceObservation;
import io.fulcrum.api.spi.PriceReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records a price feed's observation, re-prices the collateral assets and markets that read it
 * (through their sources, guards and mark rules), then re-examines accounts: each one below
 * maintenance is reported and handed to the liquidation policy, whose orders go to the book;
 * then pools whose traders' profit crossed their trigger deleverage them.
 * Time ticks re-price the markets whose guards or mark rules depend on time.
 */
final class PriceHandler {
    private final Ledger ledger;
    private final OrderHandler orders;
    private final CancelHandler cancels;
    private final MarketPricing pricing;
    private final PoolDeleveraging deleveraging;
    private final LossWaterfall waterfall;
    private final InsuranceTakeover takeover;
    private final Backstop backstop;
    private final Map<String, List<MarketRuntime>> marketsByFeed;
    private final Map<String, List<Integer>> assetsByFeed;

    PriceHandler(Ledger ledger, OrderHandler orders, CancelHandler cancels, PoolDeleveraging deleveraging,
            LossWaterfall waterfall, InsuranceTakeover takeover, Map<String, List<MarketRuntime>> marketsByFeed,
            Map<String, List<Integer>> assetsByFeed) {
        this.ledger = ledger;
        this.takeover = takeover;
        this.deleveraging = deleveraging;
        this.waterfall = waterfall;
        this.backstop = new Backstop(ledger);
        this.orders = orders;
        this.cancels = cancels;
        this.pricing = new MarketPricing(ledger);
        this.marketsByFeed = marketsByFeed;
        this.assetsByFeed = assetsByFeed;
    }

    void publish(Command.PublishPrice c, List<Event> events) {
        List<MarketRuntime> markets = marketsByFeed.getOrDefault(c.feed(), List.of());
        List<Integer> assets = assetsByFeed.getOrDefault(c.feed(), List.of());
        if (markets.isEmpty() && assets.isEmpty()) {
            throw Rejection.of(RejectReason.UNKNOWN_PRICE_FEED, c.feed());
        }
        if (c.price() <= 0) {
            throw Rejection.of(RejectReason.NON_POSITIVE_PRICE, c.feed() + " at " + c.price());
        }
        if (c.confidence() < 0) {
            throw Rejection.of(RejectReason.NON_POSITIVE_AMOUNT, "confidence must not be negative: " + c.confidence());
        }
        if (c.price() >= Ledger.MAX_AMOUNT || c.confidence() >= Ledger.MAX_AMOUNT) {
            throw Rejection.of(RejectReason.ARITHMETIC_OVERFLOW,
                    "price " + c.price() + " and confidence " + c.confidence() + " must be below 2^60");
        }
        ledger.observations.put(c.feed(), new PriceObservation(c.feed(), c.price(), c.confidence(), c.time()));
        events.add(new Event.PricePublished(c.feed(), c.price(), c.confidence(), c.time()));
        Moves moves = new Moves();
        for (int asset : assets) {
            long before = ledger.assetPrices[asset];
            repriceAsset(asset, c.time(), events);
            moves.note(ledger.markets.length + asset, before, ledger.assetPrices[asset]);
        }
        for (MarketRuntime market : markets) {
            long before = market.markPrice;
            long scale = market.marginScalePpm;
            pricing.reprice(market, c.time(), true, events);
            moves.note(market.index, before, market.markPrice);
            moves.rescanIf(scale != market.marginScalePpm);
        }
        examineAccounts(c.time(), moves, events);
        deleveraging.run(events);
        unwindTakenOver(c.time(), moves, events);
    }

    /** After a move, the insurance funds send what they took over into the books (see InsuranceTakeover). */
    private void unwindTakenOver(long now, Moves moves, List<Event> events) {
        if (takeover.isEnabled() && !moves.moved.isEmpty()) {
            takeover.unwind(orders, now, events);
        }
    }

    /**
     * The instruments whose price a command moved, as {instrument, from, to}, and whether
     * something else changed every account's health at once (a guard's margin scale), which
     * calls for examining every account.
     */
    private static final class Moves {
        final List<long[]> moved = new ArrayList<>();
        boolean rescan;

        void note(int instrument, long from, long to) {
            if (from != to) {
                // A first price (from 0) is a move like any other: thresholds were computed without it.
                moved.add(new long[] {instrument, from == 0 ? to : from, to});
                rescan |= from == 0;
            }
        }

        void rescanIf(boolean condition) {
            rescan |= condition;
        }
    }

    /**
     * Re-prices, at a time tick, every market whose guards or mark rule depend on time (a
     * calendar closing, a breaker's cool-down ending, an EMA decaying); re-examines accounts if
     * a price moved or funding was paid.
     */
    void advanceTime(long now, boolean fundingMoved, List<Event> events) {
        Moves moves = new Moves();
        moves.rescanIf(fundingMoved); // pending funding changed every holder's equity at once
        for (MarketRuntime market : ledger.markets) {
            if (market.isTimeSensitive()) {
                long before = market.markPrice;
                long scale = market.marginScalePpm;
                pricing.reprice(market, now, false, events);
                moves.note(market.index, before, market.markPrice);
                moves.rescanIf(scale != market.marginScalePpm);
            }
        }
        if (!moves.moved.isEmpty() || moves.rescan) {
            examineAccounts(now, moves, events);
            deleveraging.run(events);
            unwindTakenOver(now, moves, events);
        }
    }

    /** The markets of {@code usage}'s block in which the account was already liquidated. */
    private java.util.Set<io.fulcrum.api.MarketId> liquidatedMarkets(BlockUsage usage) {
        if (usage.liquidatedMarkets.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.Set<io.fulcrum.api.MarketId> markets = new java.util.HashSet<>();
        usage.liquidatedMarkets.stream().forEach(m -> markets.add(ledger.markets[m].spec.id()));
        return markets;
    }

    /** Whether {@code order} closes less than the position it acts on (a partial liquidation). */
    private static boolean closesOnlyPart(AccountState account, MarketRuntime market, LiquidationOrder order) {
        PositionSide leg = account.positionMode == io.fulcrum.api.PositionMode.ONE_WAY ? PositionSide.BOTH
                : order.side() == io.fulcrum.api.Side.SELL ? PositionSide.LONG : PositionSide.SHORT;
        PositionState p = account.positions[account.slot(market.index, leg)];
        return p != null && order.size() < Math.abs(p.size);
    }

    /** A collateral asset takes its source's reading when it is usable and keeps its last price otherwise. */
    private void repriceAsset(int asset, long now, List<Event> events) {
        PriceReading reading = ledger.assetSources[asset].read(ledger.observations::get, now);
        ledger.assetAlerts[asset].observe(ledger.assets[asset].id().symbol(), reading, events);
        if (reading.isOk()) {
            ledger.assetPrices[asset] = reading.price();
        }
    }

    /**
     * Checks the accounts a move can have pushed below maintenance, in account order: every
     * account holding risk, or, with a {@link HealthTracker}, only those whose thresholds the
     * moves reached and those already below maintenance (the same outcome, see HealthTracker).
     */
    private void examineAccounts(long now, Moves moves, List<Event> events) {
        List<AccountState> breached = new ArrayList<>();
        HealthTracker health = ledger.health;
        Iterable<AccountState> candidates = health == null || moves.rescan ? ledger.accounts.values()
                : health.candidates(moves.moved);
        for (AccountState account : candidates) {
            if (!account.hasRisk() || account.isPool()) {
                continue; // a pool is every trader's counterparty: its limits are the pool's own (reserve, ADL)
            }
            if (health != null) {
                health.touch(account.id); // its thresholds were reached: place new ones after this command
            }
            MarginState state = ledger.evaluate(account);
            if (state.isBelowMaintenance()) {
                events.add(new Event.MaintenanceBreached(account.id, state.equity(), state.maintenanceRequirement()));
                breached.add(account);
            }
        }
        for (AccountState account : breached) {
            MarginState state = ledger.evaluate(account);
            if (!state.isBelowMaintenance()) {
                continue; // an earlier liquidation's fills restored it
            }
            BlockUsage usage = account.blockUsage;
            usage.enter(ledger.blockOf(now));
            LiquidationContext context = new LiquidationContext(new LedgerAccountView(ledger, account), state, ledger,
                    now, account.lastPartialLiquidation, usage.liquidatedNotional, liquidatedMarkets(usage));
            LiquidationPolicy policy = ledger.config.liquidationPolicy();
            if (backstop.isEnabled() && policy.toBackstop(context)) {
                for (MarketRuntime market : ledger.markets) {
                    cancels.cancelAllOf(account, market, CancelReason.LIQUIDATION, events);
                }
                backstop.takeOver(account, events);
                continue;
            }
            List<LiquidationOrder> plan = policy.liquidationOrders(context);
            MarketRuntime first = null;
            long filledNow = 0;
            for (LiquidationOrder order : plan) {
                MarketRuntime market = ledger.market(order.market());
                if (market.status == MarketStatus.HALTED) {
                    continue; // a halted market takes no orders, a liquidation's neither
                }
                if (closesOnlyPart(account, market, order)) {
                    account.lastPartialLiquidation = now;
                }
                // Its resting orders go first, so they cannot fill against the liquidation.
                cancels.cancelAllOf(account, market, CancelReason.LIQUIDATION, events);
                long filled = orders.liquidate(account, order, now, events);
                filledNow = Fixed.add(filledNow, filled);
                usage.liquidatedNotional = Fixed.add(usage.liquidatedNotional, filled);
                usage.liquidatedMarkets.set(market.index);
                first = first == null ? market : first;
            }
            if (first != null && waterfall.isEnabled()) {
                // What the book could not take, ADL may; a shortfall is charged to the market of the first order.
                waterfall.actOnPositions(account, filledNow > 0, events);
                waterfall.cover(account, first, events);
            }
        }
    }
}
