package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.BTC_SPEC;
import static io.fulcrum.venue.TestVenue.USDC;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AdlPrice;
import io.fulcrum.api.AdlTrigger;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandId;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.LossAbsorber;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.InsuranceFund;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.margin.AdlRankings;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.FlatFeeSchedule;
import io.fulcrum.margin.FullCloseLiquidation;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.margin.InsuranceDraw;
import io.fulcrum.margin.InsuranceFunds;
import io.fulcrum.margin.PartialLiquidation;
import io.fulcrum.oracle.PushedPriceSource;
import io.fulcrum.orderbook.OrderBook;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crashes against random loss waterfalls: leveraged traders, a maker who thins and pulls its bids,
 * and gaps of up to 25 % that leave accounts bankrupt. Each seed draws the waterfall (a random
 * order of the insurance takeover, the fund, the fee pool, auto-deleveraging, socialised loss and
 * the backstop vault), the fund's caps, the liquidation policy, when ADL may act and the block length. After every
 * command: money is conserved, an account that never held a position has paid nothing, and every
 * fund desk holds no cash; at the end the journal and a mid-crash snapshot replay to the same state.
 * A failure names its seed.
 */
class CrashWaterfallPropertyTest {
    private static final AccountId MAKER = AccountId.main(1);
    private static final AccountId BYSTANDER = AccountId.main(2);
    private static final int TRADERS = 8;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 24).map(s -> 0xC4A5_0000L + s);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aCrashConservesMoneyAndSparesAccountsWithoutPositions(long seed) {
        try {
            run(seed);
        } catch (AssertionError e) {
            throw new AssertionError("seed=" + seed + " (rerun with this seed to reproduce): " + e.getMessage(), e);
        }
    }

    private static void run(long seed) {
        Random random = new Random(seed);
        List<LossAbsorber> waterfall = waterfall(random);
        boolean fundCaps = random.nextBoolean();
        long blockMillis = random.nextBoolean() ? 1 : 1_000;
        LiquidationPolicy policy = random.nextBoolean() ? FullCloseLiquidation.withBand(100_000)
                : PartialLiquidation.of(50_000, 100_000);
        long takerFee = random.nextInt(3) * 100L;
        AdlTrigger trigger = random.nextBoolean() ? AdlTrigger.BANKRUPT : AdlTrigger.UNFILLED;
        java.util.function.Supplier<Venue.Builder> builder = () -> builder(waterfall, fundCaps, blockMillis, policy, takerFee,
                trigger);
        io.fulcrum.venue.Journal journal = Journals.inMemory();
        Venue venue = builder.get().journal(journal).build();
        Driver d = new Driver(venue);
        d.accept(new Command.OpenAccount(d.id(), d.now, MAKER));
        d.accept(new Command.Deposit(d.id(), d.now, MAKER, USDC_ID, TestVenue.usdc("50000000")));
        d.accept(new Command.OpenAccount(d.id(), d.now, BYSTANDER));
        d.accept(new Command.Deposit(d.id(), d.now, BYSTANDER, USDC_ID, TestVenue.usdc("5000")));
        d.bystanderCash = TestVenue.usdc("5000");
        d.publish(500_000);
        d.accept(new Command.DepositInsurance(d.id(), d.now, "main", TestVenue.usdc(String.valueOf(random.nextInt(20_000)))));
        if (waterfall.contains(LossAbsorber.BACKSTOP_VAULT)) {
            d.accept(new Command.Deposit(d.id(), d.now, Venue.BACKSTOP_VAULT, USDC_ID,
                    TestVenue.usdc(String.valueOf(random.nextInt(5_000)))));
        }
        for (int i = 0; i < TRADERS; i++) {
            AccountId trader = AccountId.main(10 + i);
            d.accept(new Command.OpenAccount(d.id(), d.now, trader));
            d.accept(new Command.Deposit(d.id(), d.now, trader, USDC_ID,
                    TestVenue.usdc(String.valueOf(5_000 + random.nextInt(15_000)))));
            // Between 3x and 9.9x, long or short, against the maker at the index.
            boolean buy = i % 3 != 2 || random.nextBoolean();
            long size = sizeFor(venue.account(trader).orElseThrow().balance(USDC_ID), 3 + random.nextDouble() * 6.9);
            d.apply(new Command.PlaceOrder(d.id(), d.now, MAKER, BTC, buy ? Side.SELL : Side.BUY, d.index, size,
                    TimeInForce.GTC));
            d.apply(new Command.PlaceOrder(d.id(), d.now, trader, BTC, buy ? Side.BUY : Side.SELL, d.index, size,
                    TimeInForce.IOC));
            d.accept(new Command.CancelAll(d.id(), d.now, MAKER, BTC));
        }
        VenueSnapshot midway = null;
        for (int step = 0; step < 40; step++) {
            d.now += 250 + random.nextInt(1_000);
            // The maker quotes a thin book around the index, or pulls its bids (as on 10 October 2025).
            d.accept(new Command.CancelAll(d.id(), d.now, MAKER, BTC));
            if (random.nextInt(3) > 0) {
                for (int level = 1; level <= 1 + random.nextInt(4); level++) {
                    long bid = (d.index - d.index * level * (1 + random.nextInt(3)) / 100) / 5 * 5;
                    d.apply(new Command.PlaceOrder(d.id(), d.now, MAKER, BTC, Side.BUY, Math.max(5, bid),
                            10 * (1 + random.nextInt(50)), TimeInForce.GTC));
                    long ask = (d.index + d.index * level / 100) / 5 * 5;
                    d.apply(new Command.PlaceOrder(d.id(), d.now, MAKER, BTC, Side.SELL, ask,
                            10 * (1 + random.nextInt(50)), TimeInForce.GTC));
                }
            }
            int move = random.nextInt(10);
            long next = move < 2 ? d.index * (75 + random.nextInt(15)) / 100 // a 11-25 % gap down
                    : move < 3 ? d.index * (105 + random.nextInt(10)) / 100 // a 5-14 % squeeze up
                    : d.index + (random.nextInt(2_001) - 1_200) * 5L;
            d.publish(Math.max(10_000, next / 5 * 5));
            if (random.nextInt(4) == 0) {
                d.accept(new Command.AdvanceTime(d.id(), d.now));
            }
            if (step == 20) {
                midway = VenueSnapshot.fromJson(venue.snapshot().toJson());
            }
        }
        assertTrue(d.bankruptcies > 0, "the crash left nobody bankrupt: " + d.bankruptcies);
        assertEquals(venue.stateHash(), Venue.replay(builder.get(), null, journal.entries()).stateHash(),
                "journal replay from the start");
        assertEquals(venue.stateHash(), Venue.replay(builder.get(), midway, journal.entries()).stateHash(),
                "mid-crash snapshot plus journal tail");
    }

    /** A random order of a random non-empty subset of the absorbers. */
    private static List<LossAbsorber> waterfall(Random random) {
        List<LossAbsorber> all = new ArrayList<>(List.of(LossAbsorber.values()));
        Collections.shuffle(all, random);
        return List.copyOf(all.subList(0, 1 + random.nextInt(all.size())));
    }

    private static Venue.Builder builder(List<LossAbsorber> waterfall, boolean fundCaps, long blockMillis,
            LiquidationPolicy policy, long takerFee, AdlTrigger trigger) {
        InsuranceFund fund = InsuranceFunds.shared("main", InsuranceDraw.NO_CAP, 100_000);
        if (fundCaps) {
            fund = InsuranceFunds.withBlockCaps(fund, TestVenue.usdc("2000"), TestVenue.usdc("3000"));
        }
        Venue.Builder b = Venue.builder()
                .settlementAsset(USDC)
                .market(BTC_SPEC, OrderBook::new, PushedPriceSource.of(TestVenue.FEED, 600_000))
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .feeSchedule(FlatFeeSchedule.of(0, takerFee))
                .liquidationPolicy(policy)
                .insuranceFund(fund)
                .deleveraging(AdlRankings.hyperliquid(), AdlPrice.BANKRUPTCY, trigger)
                .lossWaterfall(waterfall.toArray(LossAbsorber[]::new))
                .blockMillis(blockMillis)
                .liquidationPenalty(5_000);
        if (waterfall.contains(LossAbsorber.INSURANCE_TAKEOVER)) {
            b.insuranceTakeover(1_000_000, 20_000);
        }
        if (waterfall.contains(LossAbsorber.BACKSTOP_VAULT)) {
            b.backstopVault();
        }
        return b;
    }

    /** The size, on the lot, of {@code leverage} times {@code collateral} at 50,000. */
    private static long sizeFor(long collateral, double leverage) {
        long notional = (long) (collateral * leverage);
        long size = notional / 5_000_000L; // USDC units per 0.0001 BTC at 50,000
        return Math.max(10, size / 10 * 10);
    }

    /** Applies commands in order, checks the invariants after each, and counts bankruptcies. */
    private static final class Driver {
        private final Venue venue;
        /** The bystander's cash once it has deposited, -1 before. */
        private long bystanderCash = -1;
        private long nextId = 1;
        long now = 1_000;
        long index;
        int bankruptcies;

        Driver(Venue venue) {
            this.venue = venue;
        }

        CommandId id() {
            return CommandId.of(nextId++);
        }

        void publish(long price) {
            index = price;
            accept(new Command.PublishPrice(id(), now, TestVenue.FEED, price, 0));
        }

        void accept(Command command) {
            CommandResult r = apply(command);
            assertTrue(r.isAccepted(), () -> "expected acceptance of " + command + " but got " + r);
        }

        CommandResult apply(Command command) {
            CommandResult r = venue.apply(command);
            bankruptcies += (int) r.eventsOf(Event.MaintenanceBreached.class).stream().filter(e -> e.equity() < 0).count();
            assertTrue(venue.audit().isConserved(), () -> "money not conserved after " + command + ": " + venue.audit());
            if (bystanderCash >= 0) {
                assertEquals(bystanderCash, venue.account(BYSTANDER).orElseThrow().balance(USDC_ID),
                        () -> "an account without a position paid for another's loss after " + command);
            }
            venue.insuranceFundAccount("main").ifPresent(desk -> assertEquals(0,
                    venue.account(desk).orElseThrow().balance(USDC_ID), "a desk keeps no cash"));
            return r;
        }
    }
}
