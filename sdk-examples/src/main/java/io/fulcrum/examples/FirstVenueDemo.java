package io.fulcrum.examples;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandId;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.MoneyAudit;
import io.fulcrum.api.OrderId;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.FlatFeeSchedule;
import io.fulcrum.margin.FullCloseLiquidation;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.oracle.PushedPriceSource;
import io.fulcrum.orderbook.OrderBook;
import io.fulcrum.venue.Venue;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first Fulcrum venue, end to end: a market maker, Alice and Bob trade BTC-PERP through an
 * order book under cross margin; the index rises, then crashes, Alice is liquidated through the
 * book, Bob takes his profit, and a withdrawal beyond free collateral is refused. After each step
 * it prints what happened and a table of every account; at the end the money audit and the state
 * hash.
 *
 * <p>The venue: USDC settlement (6 decimals); BTC-PERP with sizes in 0.0001 BTC on a 0.001 BTC
 * lot, prices in 0.1 USDC on a 0.5 USDC tick, 10 USDC minimum notional; 10 % initial and 5 %
 * maintenance margin; 2 bps maker and 5 bps taker fees; the index pushed on feed {@code BTC-USD}
 * (stale after 60 s) and used as the mark; accounts below maintenance closed in full by an IOC no
 * worse than 5 % from the mark.
 *
 * <p>The script is the data in {@link #SCRIPT}; it is deterministic (command times are the step
 * numbers, in seconds), so every run prints the same text and ends in the same state hash. Run it
 * with {@code ./mvnw -pl sdk-examples exec:java}, or call {@link #run(PrintStream)}.
 */
public final class FirstVenueDemo {
    private static final Logger LOG = LoggerFactory.getLogger(FirstVenueDemo.class);

    /** The settlement asset. */
    public static final AssetSpec USDC = AssetSpec.of("USDC", 6);
    /** The market's id. */
    public static final MarketId BTC = MarketId.of("BTC-PERP");
    /** The market: 0.0001 BTC size units, 0.1 USDC price units, lot 0.001 BTC, tick 0.5 USDC. */
    public static final MarketSpec BTC_SPEC = MarketSpec.builder(BTC, USDC)
            .sizeDecimals(4).priceDecimals(1)
            .tickSize(5).lotSize(10)
            .minNotional(USDC.toUnits("10"))
            .riskTiers(List.of(RiskTier.flat(100_000, 50_000)))
            .build();
    /** The oracle feed the market's index is pushed on. */
    public static final String FEED = "BTC-USD";

    /** The market maker. */
    public static final AccountId MAKER = AccountId.main(1);
    /** The trader who goes long. */
    public static final AccountId ALICE = AccountId.main(2);
    /** The trader who goes short. */
    public static final AccountId BOB = AccountId.main(3);

    /** How each account is named in the output. */
    public static final Map<AccountId, String> NAMES = Map.of(MAKER, "Maker", ALICE, "Alice", BOB, "Bob");

    /** The maker's quotes: at each distance from the centre price, one ask above and one bid below. */
    static final List<Rung> LADDER = List.of(
            new Rung("10", "1.0"),
            new Rung("20", "1.0"),
            new Rung("50", "2.0"));

    /** The demo, step by step. Each step happens one second after the previous one. */
    public static final List<Step> SCRIPT = List.of(
            step("The maker, Alice and Bob open accounts and deposit USDC",
                    open(MAKER, "1000000"), open(ALICE, "10000"), open(BOB, "10000")),
            step("The oracle publishes the BTC index: 50,000",
                    publish("50000")),
            step("The market maker quotes a ladder around 50,000",
                    quote(MAKER, "50000")),
            step("Alice buys 1.5 BTC at market (IOC, limit 50,100): about 7.5x leverage",
                    trade(ALICE, Side.BUY, "1.5", "50100")),
            step("Bob sells 1 BTC at market (IOC, limit 49,900): about 5x leverage",
                    trade(BOB, Side.SELL, "1", "49900")),
            step("The index rises to 52,000: Alice gains, Bob loses",
                    publish("52000")),
            step("Spot crashes: the maker pulls its ladder and quotes around 44,000 (the oracle lags)",
                    requote(MAKER, "44000")),
            step("The oracle catches up at 44,000: Alice falls below maintenance and is liquidated",
                    publish("44000")),
            step("Bob buys back 1 BTC (IOC, limit 44,100), closing his short with a profit",
                    trade(BOB, Side.BUY, "1", "44100")),
            step("The maker asks to withdraw 1,000,000 USDC while its quotes still rest",
                    withdraw(MAKER, "1000000")));

    private FirstVenueDemo() {}

    /** Runs the demo, printing to standard output. */
    public static void main(String[] args) {
        run(System.out);
    }

    /** Runs the whole {@link #SCRIPT} on a fresh venue, printing to {@code out}. */
    public static Result run(PrintStream out) {
        Venue venue = newVenue();
        Runner runner = new Runner(venue, out);
        out.println("Fulcrum: the first venue. BTC-PERP settled in USDC, order book, cross margin,");
        out.println("10 % initial / 5 % maintenance, 2 bps maker / 5 bps taker, full-close liquidation (5 % band).");
        for (int i = 0; i < SCRIPT.size(); i++) {
            runner.runStep(i + 1, SCRIPT.get(i));
        }
        printAudit(venue, out);
        return new Result(venue, runner.results);
    }

    /** A fresh venue as described in the class comment. */
    public static Venue newVenue() {
        return Venue.builder()
                .settlementAsset(USDC)
                .market(BTC_SPEC, OrderBook::new, PushedPriceSource.of(FEED, 60_000))
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .feeSchedule(FlatFeeSchedule.of(200, 500))
                .liquidationPolicy(FullCloseLiquidation.withBand(50_000))
                .build();
    }

    private static void printAudit(Venue venue, PrintStream out) {
        out.println();
        out.println("== Money audit: net deposits = balances - position cost bases + fee pool");
        for (MoneyAudit.Line line : venue.audit().lines()) {
            // USDC is the only asset this venue lists.
            out.println("   " + line.asset() + ": " + USDC.format(line.netDeposits()) + " = "
                    + USDC.format(line.balances()) + " - " + USDC.format(line.costBases()) + " + "
                    + USDC.format(line.feePool()) + (line.isConserved() ? "  conserved" : "  NOT CONSERVED"));
        }
        out.println("== State hash: " + venue.stateHash());
    }

    // The script's vocabulary. Amounts, sizes and prices are decimal strings, as a person writes them.

    static Step step(String title, Action... actions) {
        return new Step(title, List.of(actions));
    }

    static Action open(AccountId account, String usdc) {
        return new Action.OpenAndDeposit(account, usdc);
    }

    static Action publish(String price) {
        return new Action.Publish(price);
    }

    static Action quote(AccountId maker, String centre) {
        return new Action.Quote(maker, centre);
    }

    static Action requote(AccountId maker, String centre) {
        return new Action.Requote(maker, centre);
    }

    static Action trade(AccountId account, Side side, String btc, String limit) {
        return new Action.MarketOrder(account, side, btc, limit);
    }

    static Action withdraw(AccountId account, String usdc) {
        return new Action.Withdraw(account, usdc);
    }

    /**
     * One step of the demo: a title and the actions taken in it, all at the same time.
     *
     * @param title what happens, for people
     * @param actions what is sent to the venue, in order
     */
    public record Step(String title, List<Action> actions) {
        public Step {
            actions = List.copyOf(actions);
        }
    }

    /** Something a participant does in a step; each becomes one or more venue commands. */
    public sealed interface Action {
        /** Opens {@code account} and deposits {@code usdc}. */
        record OpenAndDeposit(AccountId account, String usdc) implements Action {}

        /** The oracle publishes {@code price} on {@link #FEED}. */
        record Publish(String price) implements Action {}

        /** {@code maker} rests the {@link #LADDER} around {@code centre}: asks above, bids below. */
        record Quote(AccountId maker, String centre) implements Action {}

        /** {@code maker} cancels every order it has resting, then quotes around {@code centre}. */
        record Requote(AccountId maker, String centre) implements Action {}

        /** An immediate-or-cancel order of {@code btc} on {@code side}, no worse than {@code limit}. */
        record MarketOrder(AccountId account, Side side, String btc, String limit) implements Action {}

        /** {@code account} asks to withdraw {@code usdc}. */
        record Withdraw(AccountId account, String usdc) implements Action {}
    }

    /**
     * One rung of the maker's ladder.
     *
     * @param offset distance from the centre price, USDC
     * @param btc size quoted on each side, BTC
     */
    record Rung(String offset, String btc) {}

    /**
     * What the demo leaves behind, for a test to examine.
     *
     * @param venue the venue after the last step
     * @param results every command's outcome, in the order the commands were sent
     */
    public record Result(Venue venue, List<CommandResult> results) {
        public Result {
            results = List.copyOf(results);
        }
    }

    /** Turns the script's actions into commands, applies them and prints each step. */
    private static final class Runner {
        private final Venue venue;
        private final PrintStream out;
        private final AccountTable table = new AccountTable(NAMES, BTC_SPEC, "BTC");
        private final EventNotes notes = new EventNotes(NAMES, BTC_SPEC, "BTC");
        private final List<CommandResult> results = new ArrayList<>();
        /** Open size of each resting order, by owner, in the order they rested: what a requote cancels. */
        private final Map<AccountId, Map<OrderId, Long>> resting = new LinkedHashMap<>();
        private long nextCommandId = 1;
        private long time;

        Runner(Venue venue, PrintStream out) {
            this.venue = venue;
            this.out = out;
        }

        void runStep(int number, Step step) {
            time = number * 1_000L;
            out.println();
            out.println("== Step " + number + " (t = " + number + " s): " + step.title());
            for (Action action : step.actions()) {
                for (Command command : commandsFor(action)) {
                    apply(command);
                }
            }
            out.println("   " + marketLine());
            out.print(table.render(venue));
        }

        private List<Command> commandsFor(Action action) {
            if (action instanceof Action.OpenAndDeposit a) {
                return List.of(new Command.OpenAccount(nextId(), time, a.account()),
                        new Command.Deposit(nextId(), time, a.account(), USDC.id(), USDC.toUnits(a.usdc())));
            } else if (action instanceof Action.Publish a) {
                return List.of(new Command.PublishPrice(nextId(), time, FEED, price(a.price()), 0));
            } else if (action instanceof Action.Quote a) {
                return ladder(a.maker(), price(a.centre()));
            } else if (action instanceof Action.Requote a) {
                List<Command> commands = new ArrayList<>();
                for (OrderId order : resting.getOrDefault(a.maker(), Map.of()).keySet()) {
                    commands.add(new Command.CancelOrder(nextId(), time, a.maker(), BTC, order));
                }
                commands.addAll(ladder(a.maker(), price(a.centre())));
                return commands;
            } else if (action instanceof Action.MarketOrder a) {
                return List.of(new Command.PlaceOrder(nextId(), time, a.account(), BTC, a.side(), price(a.limit()),
                        size(a.btc()), TimeInForce.IOC));
            } else if (action instanceof Action.Withdraw a) {
                return List.of(new Command.Withdraw(nextId(), time, a.account(), USDC.id(), USDC.toUnits(a.usdc())));
            }
            throw new IllegalArgumentException("unknown action " + action);
        }

        /** Asks above the centre, then bids below it, nearest rung first. */
        private List<Command> ladder(AccountId maker, long centre) {
            List<Command> commands = new ArrayList<>();
            for (Side side : List.of(Side.SELL, Side.BUY)) {
                for (Rung rung : LADDER) {
                    long priceUnits = centre - side.sign() * price(rung.offset());
                    commands.add(new Command.PlaceOrder(nextId(), time, maker, BTC, side, priceUnits, size(rung.btc()),
                            TimeInForce.GTC));
                }
            }
            return commands;
        }

        private void apply(Command command) {
            CommandResult result = venue.apply(command);
            LOG.debug("{} -> {}", command, result);
            results.add(result);
            track(result);
            for (String line : notes.lines(command, result)) {
                out.println("   " + line);
            }
        }

        /** Follows resting orders through the events, so a requote knows what to cancel. */
        private void track(CommandResult result) {
            for (Event event : result.events()) {
                if (event instanceof Event.OrderRested e) {
                    resting.computeIfAbsent(e.account(), a -> new LinkedHashMap<>()).put(e.order(), e.size());
                } else if (event instanceof Event.Trade e) {
                    Map<OrderId, Long> orders = resting.get(e.maker());
                    if (orders != null) {
                        // A maker order filled in full leaves the book: the null removes it.
                        orders.computeIfPresent(e.makerOrder(),
                                (order, open) -> open > e.quantity() ? open - e.quantity() : null);
                    }
                } else if (event instanceof Event.OrderCancelled e) {
                    Map<OrderId, Long> orders = resting.get(e.account());
                    if (orders != null) {
                        orders.remove(e.order());
                    }
                }
            }
        }

        private String marketLine() {
            return BTC + ": index " + priceText(venue.indexPrice(BTC)) + ", mark " + priceText(venue.markPrice(BTC))
                    + ", best bid " + priceText(venue.bestBid(BTC)) + ", best ask " + priceText(venue.bestAsk(BTC));
        }

        private CommandId nextId() {
            return CommandId.of(nextCommandId++);
        }
    }

    private static long price(String decimal) {
        return Fixed.parse(decimal, BTC_SPEC.priceDecimals());
    }

    private static long size(String btc) {
        return Fixed.parse(btc, BTC_SPEC.sizeDecimals());
    }

    private static String priceText(long price) {
        return price <= 0 ? "-" : Fixed.format(price, BTC_SPEC.priceDecimals());
    }
}
