package io.fulcrum.venue.internal;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.Event;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketStatus;
import io.fulcrum.api.Side;
import io.fulcrum.api.spi.LiquidationOrder;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Binance's insurance fund taking over bankrupt positions (MECHANISMS.md §5.3, §9). Each fund has
 * an account of its own, its <b>desk</b> (owner 0, after the pool accounts), that holds the
 * positions it takes. A position a liquidation could not close, while the account's equity is
 * below zero, moves to the desk at the bankruptcy price, as far as the desk's net notional stays
 * within {@code maxNetNotionalPpm} of the fund's balance (Binance: 100 %); what the desk cannot
 * take is left to the next absorber (ADL). At every price move the desk sends each position it
 * holds into the book, no worse than the mark by {@code unwindBandPpm}. The desk keeps no cash:
 * after every command whatever it gained or paid (realised PnL, fees, funding) is moved into its
 * fund, so the fund's balance is the fund's money and the desk's open PnL is its risk.
 *
 * <p>Example: Alice's 1 BTC long is bankrupt at 43,000 with the index at 41,000 and no bid;
 * the fund holds 100,000, so the desk may hold 100,000 of notional: it buys her 1 BTC at 43,000
 * (41,000 of notional), and she ends at 0. When bids return at 41,500 the desk sells there, and
 * the fund has lost 1,500.
 */
final class InsuranceTakeover {
    private final Ledger ledger;
    private final Settlement settlement;

    InsuranceTakeover(Ledger ledger, Settlement settlement) {
        this.ledger = ledger;
        this.settlement = settlement;
    }

    /**
     * Opens each fund's desk: one account per fund the venue's markets use, in name order, at
     * sub-accounts {@code markets + 1, markets + 2, ...} of owner 0.
     */
    static void openDesks(Ledger ledger) {
        TreeSet<String> funds = new TreeSet<>();
        for (MarketRuntime market : ledger.markets) {
            funds.add(ledger.config.insuranceFund().fundFor(market.spec.id()));
        }
        int sub = ledger.markets.length + 1;
        for (String fund : funds) {
            AccountId id = AccountId.of(0, sub++);
            AccountState desk = new AccountState(id, ledger.nextAccountKey++, ledger.assets.length, ledger.markets.length);
            ledger.accounts.put(id, desk);
            ledger.accountsByKey.put(desk.key, desk);
            ledger.desks.put(fund, desk);
        }
    }

    boolean isEnabled() {
        return !ledger.desks.isEmpty();
    }

    /**
     * Moves {@code account}'s positions to their funds' desks at their bankruptcy prices, as far
     * as each desk's limit allows, if the account's equity is below zero.
     */
    void takeOver(AccountState account, List<Event> events) {
        BankruptcyPrices.forEachPosition(ledger, account, (slot, market, position, price) -> {
            String fund = ledger.config.insuranceFund().fundFor(market.spec.id());
            AccountState desk = ledger.desks.get(fund);
            long quantity = Math.min(Math.abs(position.size), room(fund, desk, market, position.size > 0));
            if (quantity > 0) {
                Side deskSide = position.size > 0 ? Side.BUY : Side.SELL;
                events.add(new Event.TakenOverByInsurance(account.id, market.spec.id(), fund, desk.id, deskSide,
                        quantity, price));
                settlement.settleTransfer(market, account, slot, desk, market.index, deskSide, price, quantity, events);
            }
        });
    }

    /**
     * How much more of a position the desk may take in {@code market} (taking a long if
     * {@code long}), in size units on the lot: the most that keeps its net notional at mark, over
     * all its markets, within the limit on the fund's balance.
     */
    private long room(String fund, AccountState desk, MarketRuntime market, boolean takingLong) {
        long balance = ledger.insuranceFunds.getOrDefault(fund, 0L);
        long limit = balance <= 0 ? 0 : Fixed.ppm(balance, ledger.config.takeoverMaxNetNotionalPpm(), RoundingMode.FLOOR);
        long elsewhere = 0;
        for (MarketRuntime other : ledger.markets) {
            PositionState p = desk.positions[other.index];
            if (other != market && p != null && p.size != 0) {
                elsewhere = Fixed.add(elsewhere, other.spec.notional(p.size, other.markPrice, RoundingMode.CEILING));
            }
        }
        long left = limit - elsewhere;
        if (left <= 0) {
            return 0;
        }
        long lot = market.spec.lotSize();
        long lotNotional = Math.max(1, market.spec.notional(lot, market.markPrice, RoundingMode.CEILING));
        long maxAbs = Fixed.multiply(left / lotNotional, lot); // the largest net size the limit allows here
        PositionState held = desk.positions[market.index];
        long size = held == null ? 0 : held.size;
        boolean sameSide = size == 0 || (size > 0) == takingLong;
        return sameSide ? Math.max(0, maxAbs - Math.abs(size)) : Fixed.add(Math.abs(size), maxAbs);
    }

    /** Sends every desk position into the book, no worse than the mark by the unwind band (not while a market is halted). */
    void unwind(OrderHandler orders, long now, List<Event> events) {
        for (AccountState desk : ledger.desks.values()) {
            for (MarketRuntime market : ledger.markets) {
                PositionState p = desk.positions[market.index];
                if (p == null || p.size == 0 || market.markPrice <= 0 || market.status == MarketStatus.HALTED) {
                    continue;
                }
                Side side = p.size > 0 ? Side.SELL : Side.BUY;
                orders.liquidate(desk, new LiquidationOrder(market.spec.id(), side, Math.abs(p.size),
                        worstPrice(market, side)), now, events);
            }
        }
    }

    /** The mark moved against the desk by the band, onto the tick (a sale's up, a purchase's down). */
    private long worstPrice(MarketRuntime market, Side side) {
        long band = Fixed.ppm(market.markPrice, ledger.config.takeoverUnwindBandPpm(), RoundingMode.FLOOR);
        long tick = market.spec.tickSize();
        if (side == Side.SELL) {
            long floor = Math.max(tick, market.markPrice - band);
            return Fixed.multiply(Fixed.divide(floor, tick, RoundingMode.CEILING), tick);
        }
        long cap = Fixed.add(market.markPrice, band);
        return Math.max(tick, Fixed.multiply(Fixed.divide(cap, tick, RoundingMode.FLOOR), tick));
    }

    /** Moves each desk's cash into its fund, so that the fund's balance is all of the fund's money. */
    void sweep(List<Event> events) {
        int cash = ledger.settlementIndex;
        for (Map.Entry<String, AccountState> e : ledger.desks.entrySet()) {
            AccountState desk = e.getValue();
            long amount = desk.balances[cash];
            if (amount == 0) {
                continue;
            }
            desk.balances[cash] = 0;
            long balance = ledger.insuranceFunds.merge(e.getKey(), amount, Fixed::add);
            events.add(new Event.InsuranceFundChanged(e.getKey(), amount, balance, desk.id));
        }
    }
}
