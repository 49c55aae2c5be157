package io.fulcrum.examples;

import static io.fulcrum.examples.PoolCrashReplay.BTC;
import static io.fulcrum.examples.PoolCrashReplay.BTC_SPEC;
import static io.fulcrum.examples.PoolCrashReplay.USDC;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandId;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.PoolReport;
import io.fulcrum.api.PositionReport;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.venue.Venue;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives one venue of the {@link PoolCrashReplay} through the recorded closes and keeps score:
 * adds the liquidity and opens the traders' accounts at 20:00, opens their positions just after the
 * first close is published, then publishes every later close, following the events (maintenance
 * breaches, liquidation fills, deleveragings) and the price of every fill against the index. A
 * refused command stops the run: the comparison only means something if every command counted.
 * Used once; not thread-safe.
 */
final class PoolCrashRun {
    private final PoolCrashDesign design;
    private final Venue venue;
    private final List<Command.PublishPrice> prices;
    private final List<CommandResult> results = new ArrayList<>();
    private final Map<AccountId, Integer> traderIndex = new HashMap<>();
    private final long[] sizes = new long[PoolCrashReplay.TRADERS.size()];
    private final long[] entries = new long[PoolCrashReplay.TRADERS.size()];
    private final long[] breachedAt = new long[PoolCrashReplay.TRADERS.size()];
    private final long[] liquidatedAt = new long[PoolCrashReplay.TRADERS.size()];
    private final long[] liquidationPrice = new long[PoolCrashReplay.TRADERS.size()];
    private final long[] indexAtLiquidation = new long[PoolCrashReplay.TRADERS.size()];
    private final long[] deleveragedSize = new long[PoolCrashReplay.TRADERS.size()];
    private final List<Event.Deleveraged> deleveraged = new ArrayList<>();
    private AccountId poolAccount;
    private long poolEdge;
    private long peakProfitPpm = Long.MIN_VALUE;
    private long nextCommandId;

    PoolCrashRun(PoolCrashDesign design, Venue venue, List<Command.PublishPrice> prices) {
        this.design = design;
        this.venue = venue;
        this.prices = List.copyOf(prices);
        // Fresh ids after the recorded prices' own.
        this.nextCommandId = prices.stream().mapToLong(p -> p.id().value()).max().orElse(0) + 1;
        Arrays.fill(breachedAt, PoolCrashOutcome.NEVER);
        Arrays.fill(liquidatedAt, PoolCrashOutcome.NEVER);
        for (int i = 0; i < PoolCrashReplay.TRADERS.size(); i++) {
            traderIndex.put(PoolCrashReplay.account(i), i);
        }
    }

    PoolCrashOutcome run() {
        long start = PoolCrashData.WINDOW_START;
        addLiquidity(start);
        PoolReport poolAtStart = venue.pool(BTC).orElseThrow();
        poolAccount = poolAtStart.poolAccount();
        openAccounts(start);
        boolean tradersIn = false;
        for (Command.PublishPrice price : prices) {
            apply(price);
            if (!tradersIn) {
                // Orders need an index: the first close is published before anyone trades.
                openPositions(price.time(), price.price());
                tradersIn = true;
            }
        }
        return outcome(poolAtStart);
    }

    /** The same capital in every venue; the Avantis-like vault takes its insurance tranche out of it. */
    private void addLiquidity(long time) {
        long capital = USDC.toUnits(PoolCrashReplay.LP_CAPITAL);
        long insurance = design.hasInsuranceTranche() ? USDC.toUnits(PoolCrashDesign.INSURANCE_TRANCHE_USDC) : 0;
        apply(new Command.OpenAccount(nextId(), time, PoolCrashReplay.LP));
        apply(new Command.Deposit(nextId(), time, PoolCrashReplay.LP, USDC.id(), capital - insurance));
        apply(new Command.AddLiquidity(nextId(), time, PoolCrashReplay.LP, BTC, USDC.id(), capital - insurance));
        if (insurance > 0) {
            apply(new Command.OpenAccount(nextId(), time, PoolCrashReplay.INSURER));
            apply(new Command.Deposit(nextId(), time, PoolCrashReplay.INSURER, USDC.id(), insurance));
            apply(new Command.AddInsuranceLiquidity(nextId(), time, PoolCrashReplay.INSURER, BTC, insurance));
        }
    }

    private void openAccounts(long time) {
        for (int i = 0; i < PoolCrashReplay.TRADERS.size(); i++) {
            AccountId account = PoolCrashReplay.account(i);
            apply(new Command.OpenAccount(nextId(), time, account));
            apply(new Command.Deposit(nextId(), time, account, USDC.id(), USDC.toUnits(PoolCrashReplay.TRADER_USDC)));
            apply(new Command.SetLeverage(nextId(), time, account, BTC, PoolCrashReplay.TRADERS.get(i).leverage()));
        }
    }

    /** Each trader takes its size from the pool, immediate-or-cancel, within 0.3 % of the index. */
    private void openPositions(long time, long index) {
        long slippage = Fixed.ppm(index, PoolCrashReplay.SLIPPAGE_PPM, RoundingMode.FLOOR);
        for (int i = 0; i < PoolCrashReplay.TRADERS.size(); i++) {
            CrashTrader trader = PoolCrashReplay.TRADERS.get(i);
            AccountId account = PoolCrashReplay.account(i);
            long size = PoolCrashReplay.positionSize(trader.leverage(), index);
            long limit = trader.isLong() ? index + slippage : index - slippage;
            apply(new Command.PlaceOrder(nextId(), time, account, BTC, trader.side(), limit, size, TimeInForce.IOC));
            PositionReport position = venue.account(account).orElseThrow().position(BTC).orElseThrow();
            if (Math.abs(position.size()) != size) {
                throw new IllegalStateException(design + ": " + trader.name() + " opened " + position.size() + " of "
                        + size + " size units");
            }
            sizes[i] = size;
            entries[i] = position.entryPrice();
        }
    }

    private void apply(Command command) {
        CommandResult result = venue.apply(command);
        if (!result.isAccepted()) {
            throw new IllegalStateException(design + " venue refused " + command + ": " + result.reason() + ": "
                    + result.message());
        }
        results.add(result);
        long index = venue.indexPrice(BTC);
        for (Event event : result.events()) {
            observe(command, event, index);
        }
        if (command instanceof Command.PublishPrice) {
            PoolReport pool = venue.pool(BTC).orElseThrow();
            if (pool.tokenValue() > 0) {
                peakProfitPpm = Math.max(peakProfitPpm,
                        Fixed.mulDiv(pool.tradersUnrealizedPnl(), Fixed.PPM, pool.tokenValue(), RoundingMode.FLOOR));
            }
        }
    }

    private void observe(Command command, Event event, long index) {
        if (event instanceof Event.MaintenanceBreached e) {
            Integer i = traderIndex.get(e.account());
            if (i != null && breachedAt[i] == PoolCrashOutcome.NEVER) {
                breachedAt[i] = command.time();
            }
        } else if (event instanceof Event.Deleveraged e) {
            deleveraged.add(e);
            Integer i = traderIndex.get(e.account());
            if (i != null) {
                deleveragedSize[i] = Fixed.add(deleveragedSize[i], e.quantity());
            }
        } else if (event instanceof Event.Trade e && e.maker().equals(poolAccount)) {
            // What the pool earned against trading the same quantity at the index of the moment.
            long atIndex = BTC_SPEC.notional(e.quantity(), index, RoundingMode.HALF_EVEN);
            poolEdge = Fixed.add(poolEdge, e.takerSide() == Side.BUY ? e.notional() - atIndex : atIndex - e.notional());
            Integer i = traderIndex.get(e.taker());
            if (command instanceof Command.PublishPrice && i != null && liquidatedAt[i] == PoolCrashOutcome.NEVER) {
                // Orders a price update sends are the liquidation policy's; a full close is one fill.
                liquidatedAt[i] = command.time();
                liquidationPrice[i] = e.price();
                indexAtLiquidation[i] = index;
            }
        }
    }

    private PoolCrashOutcome outcome(PoolReport poolAtStart) {
        List<PoolCrashOutcome.Trader> traders = new ArrayList<>();
        for (int i = 0; i < PoolCrashReplay.TRADERS.size(); i++) {
            AccountId account = PoolCrashReplay.account(i);
            traders.add(new PoolCrashOutcome.Trader(PoolCrashReplay.TRADERS.get(i), account,
                    USDC.toUnits(PoolCrashReplay.TRADER_USDC), sizes[i], entries[i], breachedAt[i], liquidatedAt[i],
                    liquidationPrice[i], indexAtLiquidation[i], deleveragedSize[i],
                    venue.margin(account).orElseThrow().equity()));
        }
        return new PoolCrashOutcome(design, venue, results, poolAtStart, venue.pool(BTC).orElseThrow(), deleveraged,
                poolEdge, peakProfitPpm, traders);
    }

    private CommandId nextId() {
        return CommandId.of(nextCommandId++);
    }
}
