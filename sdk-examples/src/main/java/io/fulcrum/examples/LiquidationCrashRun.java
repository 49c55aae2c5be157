package io.fulcrum.examples;

import static io.fulcrum.examples.LiquidationCrashReplay.BTC;
import static io.fulcrum.examples.LiquidationCrashReplay.BTC_SPEC;
import static io.fulcrum.examples.LiquidationCrashReplay.MAKER;
import static io.fulcrum.examples.LiquidationCrashReplay.TRADERS;
import static io.fulcrum.examples.LiquidationCrashReplay.USDC;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AccountReport;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandId;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.LossAbsorber;
import io.fulcrum.api.PositionReport;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.venue.Venue;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives one venue of the {@link LiquidationCrashReplay} through the recorded closes and keeps
 * score: opens the accounts and seeds the backstop at 20:00, opens the traders' positions against
 * the maker just after the first close is published, then, every minute, has the maker requote
 * around the close and publishes it, following what the venue does to each account (breaches,
 * liquidation orders and their fills, takeovers, deleveragings, penalties, the waterfall). A
 * refused command stops the run: the comparison only means something if every command counted.
 * Used once; not thread-safe.
 */
final class LiquidationCrashRun {
    private final LiquidationCrashDesign design;
    private final Venue venue;
    private final List<Command.PublishPrice> prices;
    private final List<CommandResult> results = new ArrayList<>();
    private final Map<AccountId, Integer> traderIndex = new HashMap<>();
    private final Tally[] tallies = new Tally[TRADERS.size()];
    private final Map<AccountId, Long> adlHits = new LinkedHashMap<>();
    private final Map<LossAbsorber, Long> covered = new EnumMap<>(LossAbsorber.class);
    private final List<Long> pulledAt = new ArrayList<>();
    private long socialised;
    private long adlCost;
    private long unwound;
    private long sentWhilePulled;
    private long filledWhilePulled;
    private boolean pulled;
    private long nextCommandId;

    LiquidationCrashRun(LiquidationCrashDesign design, Venue venue, List<Command.PublishPrice> prices) {
        this.design = design;
        this.venue = venue;
        this.prices = List.copyOf(prices);
        // Fresh ids after the recorded prices' own.
        this.nextCommandId = prices.stream().mapToLong(p -> p.id().value()).max().orElse(0) + 1;
        for (int i = 0; i < TRADERS.size(); i++) {
            traderIndex.put(LiquidationCrashReplay.account(i), i);
            tallies[i] = new Tally();
        }
    }

    LiquidationCrashOutcome run() {
        long start = PoolCrashData.WINDOW_START;
        openAccounts(start);
        long backstop = seedBackstop(start);
        Command.PublishPrice previous = null;
        for (Command.PublishPrice price : prices) {
            if (previous == null) {
                // Orders need an index: the first close is published before anyone quotes or trades.
                apply(price);
                openPositions(price.time(), price.price());
            } else {
                pulled = fellFast(previous.price(), price.price());
                if (pulled) {
                    pulledAt.add(price.time());
                }
                quote(price.time(), price.price(), pulled);
                apply(price);
                pulled = false;
            }
            previous = price;
        }
        return outcome(backstop);
    }

    /** Whether the minute's close is {@link LiquidationCrashReplay#PULL_AT_PPM} or more below the one before. */
    static boolean fellFast(long before, long close) {
        return Fixed.mulDiv(before - close, Fixed.PPM, before, RoundingMode.FLOOR) >= LiquidationCrashReplay.PULL_AT_PPM;
    }

    private void openAccounts(long time) {
        apply(new Command.OpenAccount(nextId(), time, MAKER));
        apply(new Command.Deposit(nextId(), time, MAKER, USDC.id(), USDC.toUnits(LiquidationCrashReplay.MAKER_USDC)));
        apply(new Command.OpenAccount(nextId(), time, LiquidationCrashReplay.SAVER));
        apply(new Command.Deposit(nextId(), time, LiquidationCrashReplay.SAVER, USDC.id(),
                USDC.toUnits(LiquidationCrashReplay.TRADER_USDC)));
        for (int i = 0; i < TRADERS.size(); i++) {
            AccountId account = LiquidationCrashReplay.account(i);
            apply(new Command.OpenAccount(nextId(), time, account));
            apply(new Command.Deposit(nextId(), time, account, USDC.id(), USDC.toUnits(LiquidationCrashReplay.TRADER_USDC)));
            apply(new Command.SetLeverage(nextId(), time, account, BTC, TRADERS.get(i).leverage()));
        }
    }

    /** The same capital in every venue: the fund's seed, or the vault's where there is no fund. */
    private long seedBackstop(long time) {
        long capital = USDC.toUnits(LiquidationCrashReplay.BACKSTOP_USDC);
        if (design.hasInsuranceFund()) {
            apply(new Command.DepositInsurance(nextId(), time, LiquidationCrashDesign.FUND, capital));
        } else {
            apply(new Command.Deposit(nextId(), time, Venue.BACKSTOP_VAULT, USDC.id(), capital));
        }
        return capital;
    }

    /** Each trader takes its size from the maker's fresh quotes, immediate-or-cancel, within 0.3 % of the index. */
    private void openPositions(long time, long index) {
        long slippage = Fixed.ppm(index, LiquidationCrashReplay.SLIPPAGE_PPM, RoundingMode.FLOOR);
        for (int i = 0; i < TRADERS.size(); i++) {
            quote(time, index, false);
            CrashTrader trader = TRADERS.get(i);
            AccountId account = LiquidationCrashReplay.account(i);
            long size = LiquidationCrashReplay.positionSize(trader.leverage(), index);
            long limit = trader.isLong() ? index + slippage : index - slippage;
            apply(new Command.PlaceOrder(nextId(), time, account, BTC, trader.side(), limit, size, TimeInForce.IOC));
            PositionReport position = venue.account(account).orElseThrow().position(BTC).orElseThrow();
            if (Math.abs(position.size()) != size) {
                throw new IllegalStateException(design + ": " + trader.name() + " opened " + position.size() + " of "
                        + size + " size units");
            }
            tallies[i].opened(position.size(), position.entryPrice());
        }
    }

    /**
     * The maker's ladder around {@code index}: {@link LiquidationCrashReplay#QUOTE_LEVELS} bids
     * and asks, the k-th {@code k × 0.05 %} away (bids rounded down to the tick, asks up), each of
     * {@link LiquidationCrashReplay#QUOTE_BTC} BTC, the bids cut to 5 % if {@code pullBids}.
     */
    private void quote(long time, long index, boolean pullBids) {
        apply(new Command.CancelAll(nextId(), time, MAKER, BTC));
        long size = Fixed.parse(LiquidationCrashReplay.QUOTE_BTC, BTC_SPEC.sizeDecimals());
        long bidSize = pullBids ? Fixed.ppm(size, LiquidationCrashReplay.PULLED_SHARE_PPM, RoundingMode.FLOOR) : size;
        bidSize -= bidSize % BTC_SPEC.lotSize();
        for (int k = 1; k <= LiquidationCrashReplay.QUOTE_LEVELS; k++) {
            long away = k * LiquidationCrashReplay.QUOTE_STEP_PPM;
            long bid = Fixed.mulDiv(index, Fixed.PPM - away, Fixed.PPM, RoundingMode.FLOOR);
            long ask = Fixed.mulDiv(index, Fixed.PPM + away, Fixed.PPM, RoundingMode.CEILING);
            apply(new Command.PlaceOrder(nextId(), time, MAKER, BTC, Side.BUY, bid, bidSize, TimeInForce.GTC));
            apply(new Command.PlaceOrder(nextId(), time, MAKER, BTC, Side.SELL, ask, size, TimeInForce.GTC));
        }
    }

    private void apply(Command command) {
        CommandResult result = venue.apply(command);
        if (!result.isAccepted()) {
            throw new IllegalStateException(design + " venue refused " + command + ": " + result.reason() + ": "
                    + result.message());
        }
        results.add(result);
        if (command instanceof Command.PublishPrice) {
            for (Event event : result.events()) {
                observe(command.time(), event);
            }
        }
    }

    /** What a price update did; the policy's orders, takeovers and the waterfall all happen inside one. */
    private void observe(long time, Event event) {
        if (event instanceof Event.LossSocialised e) {
            socialised = Fixed.add(socialised, e.amount());
        } else if (event instanceof Event.ShortfallCovered e) {
            covered.merge(e.absorber(), e.amount(), Fixed::add);
        } else if (event instanceof Event.Deleveraged e) {
            adlHits.merge(e.account(), notional(e.quantity(), e.price()), Fixed::add);
            // What the closed account gave up against closing at the mark (the index here): 0 at the mark.
            long atMark = notional(e.quantity(), venue.markPrice(BTC));
            long atPrice = notional(e.quantity(), e.price());
            adlCost = Fixed.add(adlCost, e.side() == Side.BUY ? atPrice - atMark : atMark - atPrice);
        } else if (event instanceof Event.Trade e && !traderIndex.containsKey(e.taker())) {
            unwound = Fixed.add(unwound, e.notional()); // a fund desk selling what it took over
        }
        if (pulled && event instanceof Event.OrderAccepted e && traderIndex.containsKey(e.account())) {
            sentWhilePulled = Fixed.add(sentWhilePulled, e.size());
        } else if (pulled && event instanceof Event.Trade e && traderIndex.containsKey(e.taker())) {
            filledWhilePulled = Fixed.add(filledWhilePulled, e.quantity());
        }
        for (AccountId account : accountsOf(event)) {
            Integer i = traderIndex.get(account);
            if (i != null) {
                tallies[i].observe(time, account, event, venue.indexPrice(BTC));
            }
        }
    }

    /** The accounts whose tally {@code event} may change: the one it names, and a deleveraging's bankrupt party. */
    private static List<AccountId> accountsOf(Event event) {
        if (event instanceof Event.Deleveraged e) {
            return List.of(e.account(), e.counterparty());
        } else if (event instanceof Event.Trade e) {
            return List.of(e.taker());
        } else if (event instanceof Event.MaintenanceBreached e) {
            return List.of(e.account());
        } else if (event instanceof Event.OrderAccepted e) {
            return List.of(e.account());
        } else if (event instanceof Event.PositionChanged e) {
            return List.of(e.account());
        } else if (event instanceof Event.TakenOverByInsurance e) {
            return List.of(e.account());
        } else if (event instanceof Event.TakenOverByBackstop e) {
            return List.of(e.account());
        } else if (event instanceof Event.LiquidationPenaltyCharged e) {
            return List.of(e.account());
        } else if (event instanceof Event.ShortfallCovered e) {
            return List.of(e.account());
        } else if (event instanceof Event.ShortfallUncovered e) {
            return List.of(e.account());
        }
        return List.of();
    }

    static long notional(long quantity, long price) {
        return BTC_SPEC.notional(quantity, price, RoundingMode.HALF_EVEN);
    }

    private LiquidationCrashOutcome outcome(long backstopAtStart) {
        List<LiquidationCrashOutcome.Trader> traders = new ArrayList<>();
        for (int i = 0; i < TRADERS.size(); i++) {
            AccountId account = LiquidationCrashReplay.account(i);
            AccountReport report = venue.account(account).orElseThrow();
            traders.add(tallies[i].toTrader(TRADERS.get(i), account, USDC.toUnits(LiquidationCrashReplay.TRADER_USDC),
                    report.equity(), report.balance(USDC.id()), report.position(BTC).map(PositionReport::size).orElse(0L)));
        }
        AccountId holder = design.hasInsuranceFund()
                ? venue.insuranceFundAccount(LiquidationCrashDesign.FUND).orElse(null) : Venue.BACKSTOP_VAULT;
        List<PositionReport> held = holder == null ? List.of() : venue.account(holder).orElseThrow().positions();
        long backstopCash = design.hasInsuranceFund() ? venue.insuranceFund(LiquidationCrashDesign.FUND)
                : venue.account(Venue.BACKSTOP_VAULT).orElseThrow().balance(USDC.id());
        LiquidationCrashOutcome.Backstop backstop = new LiquidationCrashOutcome.Backstop(backstopAtStart, backstopCash,
                held.stream().mapToLong(PositionReport::size).sum(),
                held.stream().mapToLong(PositionReport::unrealizedPnl).sum(), unwound);
        LiquidationCrashOutcome.Book book = new LiquidationCrashOutcome.Book(pulledAt, sentWhilePulled, filledWhilePulled);
        return new LiquidationCrashOutcome(design, venue, results, traders, backstop, book, adlHits, adlCost, covered,
                socialised, equity(MAKER) - USDC.toUnits(LiquidationCrashReplay.MAKER_USDC));
    }

    private long equity(AccountId account) {
        return venue.margin(account).orElseThrow().equity();
    }

    private CommandId nextId() {
        return CommandId.of(nextCommandId++);
    }

    /** One trader's running score. */
    private static final class Tally {
        private long size;
        private long entryPrice;
        private long lastSize;
        private long breachedAt = LiquidationCrashOutcome.NEVER;
        private long liquidatedAt = LiquidationCrashOutcome.NEVER;
        private long sent;
        private long filled;
        private long bookNotional;
        private long takenOver;
        private long deleveraged;
        private long adlHit;
        private long penalty;
        private long covered;
        private long uncovered;

        void opened(long signedSize, long entryPrice) {
            this.size = Math.abs(signedSize);
            this.lastSize = signedSize;
            this.entryPrice = entryPrice;
        }

        void observe(long time, AccountId account, Event event, long index) {
            if (event instanceof Event.MaintenanceBreached) {
                breachedAt = breachedAt == LiquidationCrashOutcome.NEVER ? time : breachedAt;
            } else if (event instanceof Event.OrderAccepted e) {
                sent = Fixed.add(sent, e.size()); // a price update's orders are the liquidation policy's
            } else if (event instanceof Event.PositionChanged e) {
                lastSize = e.size();
            } else if (event instanceof Event.Trade e) {
                filled = Fixed.add(filled, e.quantity());
                bookNotional = Fixed.add(bookNotional, e.notional());
                liquidated(time);
            } else if (event instanceof Event.TakenOverByInsurance e) {
                takenOver = Fixed.add(takenOver, notional(e.quantity(), e.price()));
                liquidated(time);
            } else if (event instanceof Event.TakenOverByBackstop) {
                // The vault takes the position at its cost; what it is worth then is its size at the index.
                takenOver = Fixed.add(takenOver, notional(Math.abs(lastSize), index));
                liquidated(time);
            } else if (event instanceof Event.Deleveraged e && account.equals(e.counterparty())) {
                deleveraged = Fixed.add(deleveraged, notional(e.quantity(), e.price()));
                liquidated(time);
            } else if (event instanceof Event.Deleveraged e) {
                adlHit = Fixed.add(adlHit, notional(e.quantity(), e.price()));
            } else if (event instanceof Event.LiquidationPenaltyCharged e) {
                penalty = Fixed.add(penalty, e.amount());
            } else if (event instanceof Event.ShortfallCovered e) {
                covered = Fixed.add(covered, e.amount());
            } else if (event instanceof Event.ShortfallUncovered e) {
                uncovered = Fixed.add(uncovered, e.amount());
            }
        }

        private void liquidated(long time) {
            liquidatedAt = liquidatedAt == LiquidationCrashOutcome.NEVER ? time : liquidatedAt;
        }

        LiquidationCrashOutcome.Trader toTrader(CrashTrader trader, AccountId account, long deposit,
                long endEquity, long endBalance, long endSize) {
            return new LiquidationCrashOutcome.Trader(trader, account, deposit, size, entryPrice, breachedAt,
                    liquidatedAt, sent, filled, bookNotional, takenOver, deleveraged, adlHit, penalty, covered, uncovered,
                    endEquity, endBalance, endSize);
        }
    }
}
