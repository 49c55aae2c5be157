package io.fulcrum.examples;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Describes the notable events of one command in one readable line each: deposits and
 * withdrawals, prices, orders resting and cancelled, trades with their fees, maintenance breaches
 * and liquidation orders, and a refused command with its typed reason and message. Position
 * updates are left to {@link AccountTable}, which shows their result.
 *
 * <p>Example: {@code trade: Alice buys 1.0000 BTC @ 50010.0 from Maker (notional 50010.000000,
 * fees: maker 10.002000, taker 25.005000)}.
 */
public final class EventNotes {
    private final Map<AccountId, String> names;
    private final MarketSpec market;
    private final AssetSpec settlement;
    private final String base;

    /**
     * Notes naming accounts by {@code names} (others by their id), for a venue with the one market
     * {@code market}, whose sizes are counted in {@code base} (e.g. "BTC").
     */
    public EventNotes(Map<AccountId, String> names, MarketSpec market, String base) {
        this.names = Map.copyOf(names);
        this.market = market;
        this.settlement = market.settlement();
        this.base = base;
    }

    /** One line per notable event of {@code result}, the outcome of {@code command}. */
    public List<String> lines(Command command, CommandResult result) {
        List<String> lines = new ArrayList<>();
        if (result.isRejected()) {
            lines.add("REFUSED " + describe(command) + ": " + result.reason() + ": " + result.message());
            return lines;
        }
        for (Event event : result.events()) {
            String line = line(command, event);
            if (line != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private String line(Command command, Event event) {
        if (event instanceof Event.AccountOpened e) {
            return name(e.account()) + " opens account " + e.account();
        } else if (event instanceof Event.Deposited e) {
            return name(e.account()) + " deposits " + usdc(e.amount()) + " " + e.asset();
        } else if (event instanceof Event.Withdrawn e) {
            return name(e.account()) + " withdraws " + usdc(e.amount()) + " " + e.asset();
        } else if (event instanceof Event.PricePublished e) {
            return "oracle: " + e.feed() + " publishes " + price(e.price());
        } else if (event instanceof Event.MarkPriceChanged e) {
            return e.market() + " index " + price(e.indexPrice()) + ", mark " + price(e.markPrice());
        } else if (event instanceof Event.OrderAccepted e && !(command instanceof Command.PlaceOrder)) {
            // Orders not sent by a client come from the liquidation policy.
            return "liquidation: " + e.side() + " " + size(e.size()) + " " + base + " of " + name(e.account()) + " "
                    + e.timeInForce() + ", no worse than " + price(e.price());
        } else if (event instanceof Event.OrderRested e) {
            return name(e.account()) + " rests " + e.side() + " " + size(e.size()) + " " + base + " @ " + price(e.price())
                    + " (order " + e.order() + ")";
        } else if (event instanceof Event.Trade e) {
            boolean buys = e.takerSide() == Side.BUY;
            return "trade: " + name(e.taker()) + (buys ? " buys " : " sells ") + size(e.quantity()) + " " + base + " @ "
                    + price(e.price()) + (buys ? " from " : " to ") + name(e.maker()) + " (notional "
                    + usdc(e.notional()) + ", fees: maker " + usdc(e.makerFee()) + ", taker " + usdc(e.takerFee()) + ")";
        } else if (event instanceof Event.OrderCancelled e) {
            return "cancelled: order " + e.order() + " of " + name(e.account()) + ", " + size(e.unfilledSize())
                    + " " + base + " unfilled (" + e.reason() + ")";
        } else if (event instanceof Event.MaintenanceBreached e) {
            return "MAINTENANCE BREACHED: " + name(e.account()) + " has equity " + usdc(e.equity())
                    + " below its maintenance requirement " + usdc(e.maintenanceRequirement());
        }
        return null;
    }

    private String describe(Command command) {
        String who;
        String what;
        if (command instanceof Command.Withdraw c) {
            who = name(c.account());
            what = "withdrawal of " + usdc(c.amount()) + " " + c.asset();
        } else if (command instanceof Command.PlaceOrder c) {
            who = name(c.account());
            what = c.side() + " " + size(c.size()) + " " + base + " @ " + price(c.price()) + " " + c.timeInForce();
        } else if (command instanceof Command.CancelOrder c) {
            who = name(c.account());
            what = "cancel of order " + c.order();
        } else {
            return command.getClass().getSimpleName() + " " + command.id();
        }
        return who + "'s " + what;
    }

    private String name(AccountId id) {
        return names.getOrDefault(id, id.toString());
    }

    private String usdc(long units) {
        return settlement.format(units);
    }

    private String size(long units) {
        return Fixed.format(units, market.sizeDecimals());
    }

    private String price(long units) {
        return Fixed.format(units, market.priceDecimals());
    }
}
