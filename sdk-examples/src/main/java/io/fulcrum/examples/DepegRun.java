package io.fulcrum.examples;

import static io.fulcrum.examples.DepegReplay.BTC;
import static io.fulcrum.examples.DepegReplay.BTC_SPEC;
import static io.fulcrum.examples.DepegReplay.MAKER;
import static io.fulcrum.examples.DepegReplay.TRADERS;
import static io.fulcrum.examples.DepegReplay.USDC;
import static io.fulcrum.examples.DepegReplay.USDE;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandId;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.OrderId;
import io.fulcrum.api.PositionReport;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.oracle.DivergenceRule;
import io.fulcrum.venue.Venue;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives one venue of the {@link DepegReplay} through the recorded prices and keeps score: opens the
 * maker and the traders at the start of the window, opens the traders' longs at the first BTC close,
 * moves the maker's quotes to every later BTC close just before the index publishes it, and follows
 * the events (price alerts, maintenance breaches, liquidation fills) and USDe's price after every
 * command. A refused command stops the run: the replay is only meaningful if every command counted.
 * Used once; not thread-safe.
 */
final class DepegRun {
    private final DivergenceRule rule;
    private final Venue venue;
    private final List<Command.PublishPrice> prices;
    private final List<CommandResult> results = new ArrayList<>();
    /** The maker's resting orders and their open sizes, so that a re-quote knows what to cancel. */
    private final Map<OrderId, Long> makerOrders = new LinkedHashMap<>();
    private final Map<AccountId, Opening> openings = new HashMap<>();
    private final Map<AccountId, Long> breachedAt = new HashMap<>();
    private final Map<AccountId, Long> liquidatedAt = new HashMap<>();
    private final Map<AccountId, Fills> liquidationFills = new HashMap<>();
    private long nextCommandId;
    private long lowestUsde = Long.MAX_VALUE;
    private long lowestUsdeTime = DepegOutcome.NEVER;
    private final List<DepegOutcome.Alert> alerts = new ArrayList<>();

    DepegRun(DivergenceRule rule, Venue venue, List<Command.PublishPrice> prices) {
        this.rule = rule;
        this.venue = venue;
        this.prices = List.copyOf(prices);
        // Fresh ids after the recorded prices' own.
        this.nextCommandId = prices.stream().mapToLong(p -> p.id().value()).max().orElse(0) + 1;
    }

    DepegOutcome run() {
        openAccounts(DepegData.WINDOW_START);
        boolean tradersIn = false;
        for (Command.PublishPrice price : prices) {
            if (!price.feed().equals(DepegData.BTC_FEED)) {
                apply(price);
            } else if (tradersIn) {
                requote(price.time(), price.price());
                apply(price);
            } else {
                // Orders need a mark price: the first close is published before anyone quotes or buys.
                apply(price);
                requote(price.time(), price.price());
                openLongs(price.time(), price.price());
                tradersIn = true;
            }
        }
        return outcome();
    }

    private void openAccounts(long time) {
        apply(new Command.OpenAccount(nextId(), time, MAKER));
        apply(new Command.Deposit(nextId(), time, MAKER, USDC.id(), USDC.toUnits(DepegReplay.MAKER_USDC)));
        for (int i = 0; i < TRADERS; i++) {
            AccountId trader = DepegReplay.trader(i);
            apply(new Command.OpenAccount(nextId(), time, trader));
            apply(new Command.Deposit(nextId(), time, trader, USDE.id(), USDE.toUnits(DepegReplay.TRADER_USDE)));
        }
    }

    /** Each trader buys its size at the maker's ask, immediate-or-cancel. */
    private void openLongs(long time, long index) {
        long ask = index + price(DepegReplay.QUOTE_OFFSET);
        for (int i = 0; i < TRADERS; i++) {
            AccountId trader = DepegReplay.trader(i);
            long startEquity = venue.margin(trader).orElseThrow().equity();
            long size = DepegReplay.positionSize(DepegReplay.leverageTenths(i), ask);
            apply(new Command.PlaceOrder(nextId(), time, trader, BTC, Side.BUY, ask, size, TimeInForce.IOC));
            PositionReport position = venue.account(trader).orElseThrow().position(BTC).orElseThrow();
            if (position.size() != size) {
                throw new IllegalStateException(rule + ": trader " + trader + " bought " + position.size() + " of "
                        + size + " size units");
            }
            openings.put(trader, new Opening(size, position.entryPrice(), startEquity));
        }
    }

    /** The maker cancels what it has resting and quotes one ask and one bid around {@code centre}. */
    private void requote(long time, long centre) {
        for (OrderId order : List.copyOf(makerOrders.keySet())) {
            apply(new Command.CancelOrder(nextId(), time, MAKER, BTC, order));
        }
        long offset = price(DepegReplay.QUOTE_OFFSET);
        long size = Fixed.parse(DepegReplay.QUOTE_SIZE, BTC_SPEC.sizeDecimals());
        apply(new Command.PlaceOrder(nextId(), time, MAKER, BTC, Side.SELL, centre + offset, size, TimeInForce.GTC));
        apply(new Command.PlaceOrder(nextId(), time, MAKER, BTC, Side.BUY, centre - offset, size, TimeInForce.GTC));
    }

    private void apply(Command command) {
        CommandResult result = venue.apply(command);
        if (!result.isAccepted()) {
            throw new IllegalStateException(rule + " venue refused " + command + ": " + result.reason() + ": "
                    + result.message());
        }
        results.add(result);
        for (Event event : result.events()) {
            observe(command, event);
        }
        long usde = venue.assetPrice(USDE.id());
        if (usde > 0 && usde < lowestUsde) {
            lowestUsde = usde;
            lowestUsdeTime = command.time();
        }
    }

    private void observe(Command command, Event event) {
        if (event instanceof Event.PriceAlert e) {
            alerts.add(new DepegOutcome.Alert(command.time(), e.subject(), e.status(), e.flags()));
        } else if (event instanceof Event.MaintenanceBreached e) {
            breachedAt.putIfAbsent(e.account(), command.time());
        } else if (event instanceof Event.OrderRested e && e.account().equals(MAKER)) {
            makerOrders.put(e.order(), e.size());
        } else if (event instanceof Event.OrderCancelled e && e.account().equals(MAKER)) {
            makerOrders.remove(e.order());
        } else if (event instanceof Event.Trade e) {
            // A maker order filled in full leaves the book: the null removes it.
            makerOrders.computeIfPresent(e.makerOrder(), (order, open) -> open > e.quantity() ? open - e.quantity() : null);
            if (command instanceof Command.PublishPrice) {
                // Orders a price update sends are the liquidation policy's.
                liquidatedAt.putIfAbsent(e.taker(), command.time());
                liquidationFills.merge(e.taker(), new Fills(e.quantity(), Fixed.multiply(e.quantity(), e.price())),
                        Fills::plus);
            }
        }
    }

    private DepegOutcome outcome() {
        List<DepegOutcome.Trader> traders = new ArrayList<>();
        for (int i = 0; i < TRADERS; i++) {
            AccountId account = DepegReplay.trader(i);
            Opening open = openings.get(account);
            Fills fills = liquidationFills.get(account);
            long averagePrice = fills == null ? 0 : Fixed.divide(fills.priceTimesQuantity(), fills.quantity(),
                    RoundingMode.HALF_EVEN);
            traders.add(new DepegOutcome.Trader(account, DepegReplay.leverageTenths(i), open.size(),
                    open.entryPrice(), open.startEquity(),
                    venue.margin(account).orElseThrow().equity(),
                    breachedAt.getOrDefault(account, DepegOutcome.NEVER),
                    liquidatedAt.getOrDefault(account, DepegOutcome.NEVER), averagePrice));
        }
        return new DepegOutcome(rule, venue, results, lowestUsde, lowestUsdeTime, venue.assetPrice(USDE.id()),
                alerts, traders);
    }

    /** A trader's long as bought: size and entry price units, and its equity just before, USDC units. */
    private record Opening(long size, long entryPrice, long startEquity) {}

    /** Liquidation fills so far: total quantity and Σ price × quantity, for the average price. */
    private record Fills(long quantity, long priceTimesQuantity) {
        Fills plus(Fills other) {
            return new Fills(Fixed.add(quantity, other.quantity), Fixed.add(priceTimesQuantity, other.priceTimesQuantity));
        }
    }

    private CommandId nextId() {
        return CommandId.of(nextCommandId++);
    }

    private static long price(String decimal) {
        return Fixed.parse(decimal, BTC_SPEC.priceDecimals());
    }
}
