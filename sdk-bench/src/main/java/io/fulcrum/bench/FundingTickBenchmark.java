package io.fulcrum.bench;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandId;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.FundingInputs;
import io.fulcrum.api.spi.FundingModel;
import io.fulcrum.api.spi.MarkPriceRule;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.oracle.PushedPriceSource;
import io.fulcrum.orderbook.OrderBook;
import io.fulcrum.venue.Venue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the venue's funding design costs per funding tick (issue 7). The venue pays funding into a
 * cumulative index per market and touches no account when it does (MECHANISMS.md §2.5: dYdX
 * settles against its funding index the same way); a position settles lazily, when it trades or
 * on {@code Command.SettleFunding}. Two methods, on one venue set up alike ({@link FundingVenue}):
 * <ul>
 *   <li>{@code indexed}: one {@code AdvanceTime} one funding interval (1 h) after the last, which
 *       pays the hour's rate into the index;</li>
 *   <li>{@code perAccount} (the peer): the same {@code AdvanceTime}, then one
 *       {@code SettleFunding} per account holding a position, so every position is paid at every
 *       tick, as a venue without an index would have to.</li>
 * </ul>
 * {@code perAccount / indexed} is what the index saves; {@link FundingTickRatio} prints it.
 *
 * <p>Both methods are O(accounts): an {@code AdvanceTime} that moves the index changes every
 * holder's equity at once (its pending funding), so the venue re-examines every account holding
 * risk for maintenance on it. The index saves the settlement commands, not that margin pass.
 *
 * <p>Example: with {@code accounts = 1000}, an {@code indexed} operation applies 1 command and
 * a {@code perAccount} one applies 1,001; both evaluate the margin of the 1,000 holders once.
 *
 * <p>Run: {@code java -cp sdk-bench/target/benchmarks.jar io.fulcrum.bench.FundingTickRatio
 * -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// A fixed heap, touched up front: on the build VM, first touches of a large lazily committed heap
// cost page faults that made iterations differ up to 10×. It is large because the venue keeps the id
// of every command it has applied, for good: perAccount at 1,000 holders applies ~1.5 M commands a
// second, so its id set passes 40 M ids (a 1 GB table, 1.5 GB while it grows) in 3 × 2 s + 10 × 2 s.
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FundingTickBenchmark {
    /** {@code indexed} or {@code perAccount}. */
    @Param({"indexed", "perAccount"})
    public String method;

    /** How many trader accounts hold a position (the maker, flat, comes on top). */
    @Param({"1000", "10000"})
    public int accounts;

    private FundingVenue venue;
    private boolean payEveryone;
    private final EventCount count = new EventCount();

    /** Builds the venue and its population; every holder then has a position and the funding clock runs. */
    @Setup(Level.Trial)
    public void setUp() {
        payEveryone = switch (method) {
            case "perAccount" -> true;
            case "indexed" -> false;
            default -> throw new IllegalArgumentException("method must be indexed or perAccount: " + method);
        };
        venue = new FundingVenue(accounts);
    }

    /** One funding tick, paid into the index ({@code indexed}) or to every position ({@code perAccount}); returns the events' count. */
    @Benchmark
    public int tick() {
        count.events = 0;
        venue.tick(payEveryone, count);
        return count.events;
    }

    /** Counts the events of each result, so the work cannot be optimised away; allocates nothing. */
    static final class EventCount implements Consumer<CommandResult> {
        int events;

        @Override
        public void accept(CommandResult result) {
            events += result.events().size();
        }
    }

    /**
     * A venue with one BTC market ({@link OrderStream#MARKET}: USDC with 6 decimals, 0.0001 BTC
     * size units, 0.1 USDC price units, 10 % / 5 % margin), cross margin, no fees, the index pushed
     * once at 50,000.0 on {@value #FEED} and never stale, and {@link #MODEL} paying every hour.
     *
     * <p>Set-up, all at {@link #START}: the price; a maker (owner 1, 1,000,000 USDC); then for
     * each of {@code holders} traders (owners 2, 3, …, 1,000 USDC each) the maker rests 0.01 BTC
     * at 50,000.0 and the trader takes it with an IOC, even-numbered traders buying and odd ones
     * selling. Each trader then holds 0.01 BTC (500 USDC of notional, long or short) and the
     * maker, for an even {@code holders}, is flat. Last, an {@code AdvanceTime} starts the funding
     * clock.
     *
     * <p>Tick {@code k} (from 1) is one hour after tick {@code k − 1}. It pays 0.0125 % on odd
     * ticks and −0.0125 % on even ones: on 0.01 BTC at 50,000 that is 500 × 0.000125 = 0.0625 USDC
     * (62,500 units, exact), paid by the longs on odd ticks and by the shorts on even ones. The
     * sign alternates so that balances stay bounded over any number of ticks (no holder drifts
     * towards maintenance), while every tick still moves the index. Command ids and times keep
     * increasing for the life of the object. A refused command throws: both methods would no
     * longer do the work they claim.
     */
    static final class FundingVenue {
        /** The market. */
        static final MarketId MARKET = OrderStream.MARKET.id();
        /** The index's only feed. */
        static final String FEED = "BTC-USD";
        /** The set-up's time, epoch ms. */
        static final long START = 1_700_000_000_000L;
        /** One funding interval: 1 h. */
        static final long HOUR = 3_600_000;
        /** 50,000.0 in price units. */
        static final long PRICE = 500_000;
        /** Each holder's size: 0.01 BTC. */
        static final long SIZE = 100;
        /** The hourly rate's magnitude: 0.0125 % (dYdX's §2.5 example, 0.1 % per 8 h). */
        static final long RATE_PPB = 125_000;
        /** The maker's owner number; traders are 2, 3, …. */
        static final long MAKER_OWNER = 1;

        /** {@link #RATE_PPB} every hour, positive on odd payments and negative on even ones (its state counts them). */
        static final FundingModel MODEL = new FundingModel() {
            @Override
            public long intervalMillis() {
                return HOUR;
            }

            @Override
            public int stateSize() {
                return 1;
            }

            @Override
            public long ratePpb(FundingInputs inputs, long[] state) {
                return (state[0]++ & 1) == 0 ? RATE_PPB : -RATE_PPB;
            }
        };

        private static final AssetSpec USDC = OrderStream.MARKET.settlement();
        // The benchmark ticks for hours of venue time per wall-clock second; the single price must
        // stay usable all along, with no re-publishing that would add work to both methods.
        private static final long NEVER_STALE_MS = Long.MAX_VALUE / 4;

        private final Venue venue;
        private final AccountId[] holders;
        private long nextCommand = 1;
        private long time = START;

        /** The venue set up with {@code holders} traders holding a position, as the class comment says. */
        FundingVenue(int holders) {
            if (holders <= 0) {
                throw new IllegalArgumentException("holders must be positive: " + holders);
            }
            this.venue = Venue.builder()
                    .settlementAsset(USDC)
                    .market(OrderStream.MARKET, OrderBook::new, PushedPriceSource.of(FEED, NEVER_STALE_MS),
                            MarkPriceRule.INDEX)
                    .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                    .funding(MARKET, MODEL)
                    .build();
            this.holders = new AccountId[holders];
            accept(new Command.PublishPrice(nextId(), time, FEED, PRICE, 0));
            AccountId maker = AccountId.main(MAKER_OWNER);
            fund(maker, "1000000");
            for (int i = 0; i < holders; i++) {
                AccountId trader = AccountId.main(MAKER_OWNER + 1 + i);
                fund(trader, "1000");
                Side side = i % 2 == 0 ? Side.BUY : Side.SELL;
                accept(new Command.PlaceOrder(nextId(), time, maker, MARKET, side.opposite(), PRICE, SIZE,
                        TimeInForce.GTC));
                CommandResult taken = accept(new Command.PlaceOrder(nextId(), time, trader, MARKET, side, PRICE, SIZE,
                        TimeInForce.IOC));
                if (taken.eventsOf(Event.Trade.class).size() != 1) {
                    throw new IllegalStateException(trader + "'s IOC did not fill against the maker: " + taken);
                }
                this.holders[i] = trader;
            }
            accept(new Command.AdvanceTime(nextId(), time)); // starts the funding clock
        }

        /**
         * The next tick, one hour on: an {@code AdvanceTime} (paying the hour into the index) and,
         * if {@code payEveryone}, one {@code SettleFunding} per holder; each result goes to {@code sink}.
         */
        void tick(boolean payEveryone, Consumer<CommandResult> sink) {
            time += HOUR;
            sink.accept(accept(new Command.AdvanceTime(nextId(), time)));
            if (payEveryone) {
                for (AccountId holder : holders) {
                    sink.accept(accept(new Command.SettleFunding(nextId(), time, holder)));
                }
            }
        }

        /** The venue, to inspect. */
        Venue venue() {
            return venue;
        }

        /** The traders holding a position, in set-up order (even indexes long, odd short). */
        AccountId[] holders() {
            return holders.clone();
        }

        private void fund(AccountId account, String usdc) {
            accept(new Command.OpenAccount(nextId(), time, account));
            accept(new Command.Deposit(nextId(), time, account, USDC.id(), USDC.toUnits(usdc)));
        }

        private CommandResult accept(Command command) {
            CommandResult result = venue.apply(command);
            if (!result.isAccepted()) {
                throw new IllegalStateException("the venue refused " + command + ": " + result.reason() + ": "
                        + result.message());
            }
            return result;
        }

        private CommandId nextId() {
            return CommandId.of(nextCommand++);
        }
    }
}
