package io.fulcrum.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.Command;
import io.fulcrum.api.MarketStatus;
import io.fulcrum.api.PositionMode;
import io.fulcrum.api.PositionSide;
import io.fulcrum.api.spi.MarkPriceRule;
import io.fulcrum.amm.AvantisFees;
import io.fulcrum.amm.LossRebate;
import io.fulcrum.amm.OraclePool;
import io.fulcrum.amm.SkewFeeTable;
import io.fulcrum.amm.PoolImpact;
import io.fulcrum.margin.ThresholdIndex;
import io.fulcrum.oracle.CircuitBreaker;
import io.fulcrum.oracle.HyperliquidMark;
import io.fulcrum.oracle.SmoothedIndexMark;
import io.fulcrum.api.CommandId;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.OrderId;
import io.fulcrum.api.OrderOptions;
import io.fulcrum.api.PostOnly;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.TriggerPrice;
import io.fulcrum.api.TriggerType;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.margin.FullCloseLiquidation;
import io.fulcrum.orderbook.MatchingPolicy;
import io.fulcrum.orderbook.OrderBook;
import io.fulcrum.orderbook.SelfTradePrevention;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: random command streams, good and bad, through the test venue (with and without a
 * liquidation policy) keep every invariant after every command: money is conserved to the
 * unit, the book is never crossed at rest, a rejected command leaves the state hash unchanged;
 * and at checkpoints, journal replay and snapshot + tail give the same state hash. Each stream is
 * reproducible from its seed, which every failure names.
 */
class RandomCommandStreamTest {
    private static final int COMMANDS_PER_STREAM = 1_500;

    /**
     * Funding every minute from premium samples every 10 s (at a 1,000 USDC impact notional):
     * an eighth of their mean plus 0.01 %, so that every payment moves the index.
     */
    private static final io.fulcrum.api.spi.FundingModel FAST_FUNDING = new io.fulcrum.api.spi.FundingModel() {
        @Override
        public long intervalMillis() {
            return 60_000;
        }

        @Override
        public long sampleIntervalMillis() {
            return 10_000;
        }

        @Override
        public long impactNotional(MarketSpec market) {
            return TestVenue.usdc("1000");
        }

        @Override
        public int stateSize() {
            return 2;
        }

        @Override
        public void onPremiumSample(long time, long premiumPpb, long[] state) {
            state[0] += premiumPpb;
            state[1]++;
        }

        @Override
        public long ratePpb(io.fulcrum.api.spi.FundingInputs inputs, long[] state) {
            long mean = state[1] == 0 ? 0 : state[0] / state[1];
            state[0] = 0;
            state[1] = 0;
            return mean / 8 + 100_000;
        }
    };

    static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (long s = 1; s <= 12; s++) {
            seeds.add(0x5EED_0000L + s);
        }
        return seeds;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void invariantsHoldAfterEveryCommand(long seed) {
        try {
            run(seed);
        } catch (AssertionError e) {
            throw new AssertionError("seed=" + seed + " (rerun with this seed to reproduce): " + e.getMessage(), e);
        }
    }

    private static void run(long seed) {
        Random random = new Random(seed);
        // Half the streams liquidate nobody; the rest use one of four policies, with a loss waterfall behind them.
        // (From the seed: Random's first draws for neighbouring seeds barely differ.)
        int liquidationRoll = (int) (seed % 8);
        LiquidationPolicy policy = switch (liquidationRoll) {
            case 4 -> FullCloseLiquidation.withBand(100_000);
            case 5 -> io.fulcrum.margin.PartialLiquidation.of(100_000, 100_000);
            case 6 -> io.fulcrum.margin.HyperliquidLiquidation.of(
                    io.fulcrum.margin.HyperliquidLiquidationRule.hyperliquidTestnet(TestVenue.USDC), 100_000);
            case 7 -> io.fulcrum.margin.DydxLiquidation.mainnet(TestVenue.USDC);
            default -> random.nextBoolean() ? FullCloseLiquidation.withBand(100_000) : LiquidationPolicy.NONE;
        };
        boolean waterfall = liquidationRoll >= 4;
        SelfTradePrevention stp = SelfTradePrevention.values()[random.nextInt(SelfTradePrevention.values().length)];
        int policyRoll = random.nextInt(3);
        MatchingPolicy matching = policyRoll == 0 ? MatchingPolicy.priceTime()
                : policyRoll == 1 ? MatchingPolicy.proRata() : MatchingPolicy.batchAuction(2_000);
        boolean continuous = policyRoll != 2;
        // Every fourth stream trades against a pool instead of a book (its seed decides, not the roll above).
        boolean pool = seed % 4 == 0;
        Function<MarketSpec, MatchingEngine> books = pool ? OraclePool.factory(PoolImpact.NONE, 500)
                : spec -> OrderBook.builder(spec).selfTradePrevention(stp).matchingPolicy(matching).build();
        int oracleRoll = random.nextInt(3);
        // Every other stream pays funding (a fast model, so that it pays often within a stream).
        boolean funded = seed % 2 == 1;
        Supplier<Venue.Builder> builder = () -> {
            Venue.Builder b = pool ? poolSettings(oracleBuilder(oracleRoll, policy, books))
                    : oracleBuilder(oracleRoll, policy, books);
            b = funded ? b.funding(TestVenue.BTC, FAST_FUNDING) : b;
            return waterfall ? lossSettings(b, liquidationRoll) : b;
        };
        Journal journal = Journals.inMemory();
        Venue venue = builder.get().journal(journal).build();
        if (pool) {
            // The liquidity providers' capital, in the pool account of the market (owner 0), the same in the twin.
            Command capital = new Command.Deposit(CommandId.of(Long.MAX_VALUE), 0, AccountId.of(0, 1), TestVenue.USDC_ID,
                    TestVenue.usdc("100000000"));
            assertTrue(venue.apply(capital).isAccepted());
        }
        // A twin that re-examines only the accounts its health index reports must do exactly the same.
        ThresholdIndex index = ThresholdIndex.create();
        Venue indexed = builder.get().healthIndex(() -> index).build();
        if (pool) {
            indexed.apply(new Command.Deposit(CommandId.of(Long.MAX_VALUE), 0, AccountId.of(0, 1), TestVenue.USDC_ID,
                    TestVenue.usdc("100000000")));
        }
        Generator gen = new Generator(random);
        VenueSnapshot midway = null;
        Stats stats = new Stats();
        BookReplica replica = BookReplica.from(venue.bookSnapshot(TestVenue.BTC));

        for (int i = 0; i < COMMANDS_PER_STREAM; i++) {
            Command command = gen.next();
            String before = venue.stateHash();
            CommandResult result = venue.apply(command);
            CommandResult twin = indexed.apply(command);
            assertEquals(result, twin, () -> "the indexed venue differs after " + command);
            gen.learn(result);
            stats.count(result);
            replica.apply(result);
            assertEquals(venue.depth(TestVenue.BTC, Side.BUY, 10_000), replica.bids(), () -> "L2 bids after " + command);
            assertEquals(venue.depth(TestVenue.BTC, Side.SELL, 10_000), replica.asks(), () -> "L2 asks after " + command);
            if (!result.isAccepted()) {
                assertEquals(before, venue.stateHash(), () -> "state changed by " + result.status() + " " + command);
            }
            assertTrue(venue.audit().isConserved(), () -> "money not conserved after " + command + ": " + venue.audit());
            long bid = venue.bestBid(TestVenue.BTC);
            long ask = venue.bestAsk(TestVenue.BTC);
            if (continuous && bid != 0 && ask != 0 && bid >= ask) { // a batch book may rest crossed until its auction
                fail("book crossed after " + command + ": bid " + bid + " >= ask " + ask);
            }
            if (i == COMMANDS_PER_STREAM / 2) {
                midway = VenueSnapshot.fromJson(venue.snapshot().toJson());
            }
        }
        // The stream must exercise the venue, not just bounce off its validation.
        assertTrue(stats.trades >= 20, () -> "too few trades: " + stats);
        assertTrue(stats.rejected >= 20, () -> "too few rejections: " + stats);
        if (pool) {
            assertEquals(0, stats.rested, "a pool rests nothing");
        } else {
            assertTrue(stats.rested >= 20, () -> "too few resting orders: " + stats);
        }
        assertTrue(stats.legFills >= 1, () -> "no hedge-mode leg ever traded: " + stats);
        if (pool) {
            assertTrue(stats.liquidityMoves >= 1, () -> "no liquidity ever moved: " + stats);
            assertTrue(stats.deleveraged >= 1, () -> "the pool never deleveraged: " + stats);
            assertTrue(stats.rebates >= 1, () -> "the pool never paid a loss rebate: " + stats);
            assertTrue(stats.insuranceMoves >= 1, () -> "the insurance tranche never moved: " + stats);
            assertTrue(stats.borrowing >= 1, () -> "the pool never charged borrowing: " + stats);
        } else if (oracleRoll == 0) {
            assertTrue(stats.breaches >= 1, () -> "no account ever fell below maintenance: " + stats);
        } else {
            // A breaker holds the price through the gaps that breach accounts elsewhere; it must trip.
            assertTrue(stats.statusChanges >= 1, () -> "the circuit breaker never tripped: " + stats);
        }
        assertTrue(stats.triggersFired >= 1, () -> "no conditional order ever fired: " + stats);
        if (waterfall) {
            assertTrue(stats.riskChanges >= 1, () -> "the risk control never acted: " + stats);
        }
        if (funded) {
            assertTrue(stats.fundingPaid >= 5 && stats.fundingSettled >= 5, () -> "funding hardly ran: " + stats);
        }
        assertEquals(venue.stateHash(), indexed.stateHash(), "the indexed venue's state");
        Venue fromStart = Venue.replay(builder.get(), null, journal.entries());
        assertEquals(venue.stateHash(), fromStart.stateHash(), "journal replay from the start");
        Venue fromSnapshot = Venue.replay(builder.get(), midway, journal.entries());
        assertEquals(venue.stateHash(), fromSnapshot.stateHash(), "snapshot plus journal tail");
        long longs = 0;
        long shorts = 0;
        for (AccountId a : venue.accounts()) {
            for (var p : venue.account(a).orElseThrow().positions()) {
                longs += Math.max(p.size(), 0);
                shorts += Math.max(-p.size(), 0);
            }
        }
        assertEquals(longs, shorts, "every long has a short");
        assertEquals(longs, venue.openInterest(TestVenue.BTC), "open interest is the sum of the longs");
        assertEquals(longs, fromSnapshot.openInterest(TestVenue.BTC), "open interest after a snapshot");
    }

    /** What a stream did, so a test can insist it did enough. */
    private static final class Stats {
        int accepted;
        int rejected;
        int duplicates;
        int trades;
        int rested;
        int breaches;
        int statusChanges;
        int legFills;
        int liquidityMoves;
        int triggersFired;
        int deleveraged;
        int fundingPaid;
        int shortfalls;
        int penalties;
        int takeovers;
        int fundTakeovers;
        int riskChanges;
        int borrowing;
        int fundingSettled;
        int insuranceMoves;
        int rebates;

        void count(CommandResult r) {
            switch (r.status()) {
                case ACCEPTED -> accepted++;
                case REJECTED -> rejected++;
                case DUPLICATE -> duplicates++;
            }
            trades += r.eventsOf(Event.Trade.class).size();
            rested += r.eventsOf(Event.OrderRested.class).size();
            breaches += r.eventsOf(Event.MaintenanceBreached.class).size();
            statusChanges += r.eventsOf(Event.MarketStatusChanged.class).size();
            liquidityMoves += r.eventsOf(Event.LiquidityAdded.class).size() + r.eventsOf(Event.LiquidityRemoved.class).size();
            insuranceMoves += r.eventsOf(Event.InsuranceLiquidityAdded.class).size()
                    + r.eventsOf(Event.InsuranceLiquidityRemoved.class).size();
            legFills += (int) r.eventsOf(Event.PositionChanged.class).stream().filter(e -> e.leg() != PositionSide.BOTH)
                    .count();
            triggersFired += r.eventsOf(Event.TriggerFired.class).size();
            deleveraged += r.eventsOf(Event.Deleveraged.class).size();
            fundingPaid += r.eventsOf(Event.FundingRateApplied.class).size();
            shortfalls += r.eventsOf(Event.ShortfallCovered.class).size() + r.eventsOf(Event.ShortfallUncovered.class).size();
            penalties += r.eventsOf(Event.LiquidationPenaltyCharged.class).size();
            takeovers += r.eventsOf(Event.TakenOverByBackstop.class).size();
            fundTakeovers += r.eventsOf(Event.TakenOverByInsurance.class).size();
            riskChanges += r.eventsOf(Event.RiskLimitsChanged.class).size();
            borrowing += (int) r.eventsOf(Event.BorrowingApplied.class).stream().filter(e -> e.poolIncome() > 0).count();
            fundingSettled += r.eventsOf(Event.FundingSettled.class).size();
            rebates += (int) r.eventsOf(Event.Trade.class).stream().filter(e -> e.takerFee() < 0).count();
        }

        @Override
        public String toString() {
            return "accepted " + accepted + ", rejected " + rejected + ", duplicates " + duplicates + ", trades " + trades
                    + ", rested " + rested + ", maintenance breaches " + breaches + ", status changes " + statusChanges + ", hedge-leg fills " + legFills + ", liquidity moves " + liquidityMoves
                    + ", triggers fired " + triggersFired + ", deleveraged " + deleveraged + ", rebates " + rebates + ", insurance moves " + insuranceMoves
                    + ", funding paid " + fundingPaid + ", funding settled " + fundingSettled + ", shortfalls " + shortfalls
                    + ", penalties " + penalties + ", backstop takeovers " + takeovers + ", fund takeovers " + fundTakeovers
                    + ", risk limit changes " + riskChanges
                    + ", borrowing charged " + borrowing;
        }
    }

    /** Makes plausible commands, a fifth of them deliberately bad. */
    private static final class Generator {
        private final Random random;
        private final List<AccountId> accounts = new ArrayList<>();
        private final List<OrderId> orders = new ArrayList<>();
        private final java.util.Set<AccountId> hedged = new java.util.HashSet<>();
        /** Half the new accounts switch to hedge mode before anything else. */
        private final java.util.ArrayDeque<AccountId> toHedge = new java.util.ArrayDeque<>();
        private long nextId = 1;
        private long now = 1_000;
        private long index = 500_000; // 50,000.0

        Generator(Random random) {
            this.random = random;
        }

        Command next() {
            now += random.nextInt(3) == 0 ? 0 : random.nextInt(2_000);
            CommandId id = random.nextInt(50) == 0 && nextId > 2
                    ? CommandId.of(1 + random.nextInt((int) nextId - 1)) // a resend
                    : CommandId.of(nextId++);
            if (!toHedge.isEmpty()) {
                return new Command.SetPositionMode(id, now, toHedge.poll(), PositionMode.HEDGE);
            }
            if (accounts.size() < 2 || random.nextInt(40) == 0) {
                AccountId a = AccountId.of(accounts.size() + 1, random.nextInt(2));
                return new Command.OpenAccount(id, now, a);
            }
            AccountId account = pick(accounts);
            int kind = random.nextInt(100);
            if (kind == 5) {
                // A pool stream takes it (a third of the time into its insurance tranche); a book stream
                // rejects it (NOT_A_POOL_MARKET) and must not change.
                long amount = TestVenue.usdc(String.valueOf(1 + random.nextInt(2_000)));
                return random.nextInt(3) == 0
                        ? new Command.AddInsuranceLiquidity(id, now, account, TestVenue.BTC, amount)
                        : new Command.AddLiquidity(id, now, account, TestVenue.BTC, TestVenue.USDC_ID, amount);
            }
            if (kind == 6) {
                long shares = TestVenue.usdc(String.valueOf(1 + random.nextInt(1_000)));
                return random.nextInt(3) == 0
                        ? new Command.RemoveInsuranceLiquidity(id, now, account, TestVenue.BTC, shares)
                        : new Command.RemoveLiquidity(id, now, account, TestVenue.BTC, shares, TestVenue.USDC_ID);
            }
            if (kind < 10) {
                return new Command.Deposit(id, now, account, TestVenue.USDC_ID,
                        random.nextInt(10) == 0 ? -5 : TestVenue.usdc(String.valueOf(100 + random.nextInt(5_000))));
            }
            if (kind < 15) {
                return new Command.Withdraw(id, now, account, TestVenue.USDC_ID,
                        TestVenue.usdc(String.valueOf(1 + random.nextInt(3_000))));
            }
            if (kind < 30) {
                long step = random.nextInt(10) == 0
                        ? index * (5 + random.nextInt(11)) / 100 * (random.nextBoolean() ? 1 : -1) // a 5-15 % gap
                        : (random.nextInt(2_001) - 1_000) * 5L;
                index = Math.max(10_000, (index + step) / 5 * 5);
                return new Command.PublishPrice(id, now, TestVenue.FEED, index, random.nextInt(10));
            }
            if (kind < 40 && !orders.isEmpty()) {
                return new Command.CancelOrder(id, now, account, TestVenue.BTC, pick(orders));
            }
            if (kind < 47 && !orders.isEmpty()) {
                return new Command.AmendOrder(id, now, account, TestVenue.BTC, pick(orders), price(), size());
            }
            if (kind == 47 && random.nextInt(3) == 0) {
                // Accepted for an account without positions or orders, rejected (locked, unchanged) otherwise.
                return new Command.SetPositionMode(id, now, account,
                        random.nextBoolean() ? PositionMode.HEDGE : PositionMode.ONE_WAY);
            }
            if (kind == 48 && random.nextBoolean()) {
                // 1x to 12x: 11 and 12 are above the tier's 10x and rejected.
                return new Command.SetLeverage(id, now, account, TestVenue.BTC, 1 + random.nextInt(12));
            }
            if (kind < 49) {
                return random.nextInt(4) == 0 ? new Command.SettleFunding(id, now, account)
                        : new Command.CancelAll(id, now, account, random.nextBoolean() ? TestVenue.BTC : null);
            }
            if (kind < 52) {
                return new Command.AdvanceTime(id, now);
            }
            if (kind < 57) {
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                TriggerType type = random.nextBoolean() ? TriggerType.STOP : TriggerType.TAKE_PROFIT;
                TriggerPrice reference = TriggerPrice.values()[random.nextInt(TriggerPrice.values().length)];
                TimeInForce tif = random.nextBoolean() ? TimeInForce.IOC : TimeInForce.GTC;
                return new Command.PlaceTrigger(id, now, account, TestVenue.BTC, side, type, reference, price(), price(),
                        size(), tif, random.nextInt(3) == 0, leg(account));
            }
            if (kind < 62) {
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                boolean byBudget = random.nextBoolean();
                return new Command.PlaceMarketOrder(id, now, account, TestVenue.BTC, side, byBudget ? 0 : size(),
                        byBudget ? TestVenue.usdc(String.valueOf(10 + random.nextInt(20_000))) : 0, price(), leg(account));
            }
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            long size = random.nextInt(20) == 0 ? 15 : size(); // sometimes off-lot
            long price = random.nextInt(20) == 0 ? price() + 2 : price(); // sometimes off-tick
            TimeInForce tif = TimeInForce.values()[random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0];
            OrderOptions options = options();
            if (random.nextInt(8) == 0 && size > 10) {
                options = options.withDisplaySize(10L * (1 + random.nextInt((int) (size / 10) - 1 + 1)));
            }
            return new Command.PlaceOrder(id, now, account, TestVenue.BTC, side, price, size, tif,
                    options.onLeg(leg(account)));
        }

        void learn(CommandResult result) {
            for (Event e : result.events()) {
                if (e instanceof Event.PositionModeChanged changed) {
                    if (changed.mode() == PositionMode.HEDGE) {
                        hedged.add(changed.account());
                    } else {
                        hedged.remove(changed.account());
                    }
                } else if (e instanceof Event.AccountOpened opened) {
                    accounts.add(opened.account());
                    if (random.nextBoolean()) {
                        toHedge.add(opened.account());
                    }
                } else if (e instanceof Event.OrderRested rested && !orders.contains(rested.order())) {
                    orders.add(rested.order());
                }
            }
        }

        /** The leg an order of {@code account} names: right for its mode, except now and then. */
        private PositionSide leg(AccountId account) {
            boolean hedge = hedged.contains(account) != (random.nextInt(30) == 0);
            return hedge ? (random.nextBoolean() ? PositionSide.LONG : PositionSide.SHORT) : PositionSide.BOTH;
        }

        /** Mostly plain orders; the rest reduce-only, post-only (either mode) or good-till-time. */
        private OrderOptions options() {
            OrderOptions options = OrderOptions.NONE;
            if (random.nextInt(8) == 0) {
                options = options.withReduceOnly();
            }
            if (random.nextInt(8) == 0) {
                options = options.withPostOnly(random.nextBoolean() ? PostOnly.REJECT : PostOnly.REPRICE);
            }
            if (random.nextInt(6) == 0) {
                options = options.withExpiry(now + random.nextInt(20_000));
            }
            return options;
        }

        private long price() {
            long offset = (random.nextInt(401) - 200) * 50L; // within ±1,000 USDC of the index
            return Math.max(5, (index + offset) / 5 * 5);
        }

        private long size() {
            return 10L * (1 + random.nextInt(400)); // 0.001 to 0.4 BTC: up to 8x on a typical deposit
        }

        private <T> T pick(List<T> from) {
            return from.get(random.nextInt(from.size()));
        }
    }

    /** A third of the streams run a stateful mark and a circuit breaker, whose memory the snapshot and the journal replay must carry. */
    private static Venue.Builder oracleBuilder(int oracleRoll, LiquidationPolicy policy,
            Function<MarketSpec, MatchingEngine> books) {
        if (oracleRoll == 0) {
            return TestVenue.builder(policy, books);
        }
        MarkPriceRule mark = oracleRoll == 1 ? HyperliquidMark.builder().build()
                : SmoothedIndexMark.withTimeConstant(20_000);
        MarketStatus action = oracleRoll == 1 ? MarketStatus.HALTED : MarketStatus.REDUCE_ONLY;
        return TestVenue.builder(policy, books, mark).guard(TestVenue.BTC, CircuitBreaker.builder()
                .maxMovePpm(120_000).intervalMs(30_000).action(action).cooldownMs(20_000).build());
    }

    /**
     * Streams that liquidate with a waterfall: an insurance fund taking 10 % of fees, a 0.5 %
     * penalty, and the whole waterfall (fund, fee pool, auto-deleveraging at the bankruptcy price
     * under Hyperliquid's ranking, socialised loss); Hyperliquid's policy (roll 6) gets its backstop
     * vault; dYdX's (roll 7) one-second blocks and a fund capped per account and per fund in a block
     * and per market in all, small enough to bind; and a concentration risk control.
     */
    private static Venue.Builder lossSettings(Venue.Builder builder, int liquidationRoll) {
        // A risk control that tightens when traders hold more than 20,000 USDC (0.4 BTC) or lean 80 % one way.
        builder.riskControl(TestVenue.BTC, io.fulcrum.margin.RiskControls.concentration(TestVenue.usdc("20000"),
                800_000, 5, TestVenue.usdc("5000000"), 1_500_000));
        io.fulcrum.api.spi.InsuranceFund fund = io.fulcrum.margin.InsuranceFunds.shared("main", TestVenue.usdc("1000000"),
                100_000);
        if (liquidationRoll == 7) {
            fund = io.fulcrum.margin.InsuranceFunds.withBlockCaps(io.fulcrum.margin.InsuranceFunds.withMarketCaps(fund,
                    java.util.Map.of(TestVenue.BTC, TestVenue.usdc("3000"))), TestVenue.usdc("500"), TestVenue.usdc("800"));
            builder.blockMillis(1_000);
        }
        builder.insuranceFund(fund)
                .liquidationPenalty(5_000)
                .liquidationPenaltySplit(300_000, 0)
                .deleveraging(io.fulcrum.margin.AdlRankings.hyperliquid(), io.fulcrum.api.AdlPrice.BANKRUPTCY);
        if (liquidationRoll == 4 || liquidationRoll == 5) {
            // Binance's fund takes bankrupt positions first, as far as its balance allows, and unwinds them.
            builder.insuranceTakeover(1_000_000, 20_000)
                    .lossWaterfall(io.fulcrum.api.LossAbsorber.INSURANCE_TAKEOVER, io.fulcrum.api.LossAbsorber.INSURANCE_FUND,
                            io.fulcrum.api.LossAbsorber.FEE_POOL, io.fulcrum.api.LossAbsorber.AUTO_DELEVERAGING,
                            io.fulcrum.api.LossAbsorber.SOCIALISED_LOSS);
        } else {
            builder.lossWaterfall(io.fulcrum.api.LossAbsorber.INSURANCE_FUND, io.fulcrum.api.LossAbsorber.FEE_POOL,
                    io.fulcrum.api.LossAbsorber.AUTO_DELEVERAGING, io.fulcrum.api.LossAbsorber.SOCIALISED_LOSS);
        }
        return liquidationRoll == 6 ? builder.backstopVault() : builder;
    }

    /**
     * Pool streams charge Avantis' skew fees with a 10 % loss rebate (a per-position memo the
     * snapshot and journal must carry) and deleverage as soon as traders are up 2 ppm of the
     * pool's 100,000,000 (200 USDC), down to 1 ppm, so that ADL runs often; an insurance tranche
     * takes 30 % of the fees and the first losses.
     */
    private static Venue.Builder poolSettings(Venue.Builder builder) {
        return builder.poolFees(TestVenue.BTC, AvantisFees.fixed(SkewFeeTable.forexExample())
                        .withLossRebate(LossRebate.of(100_000)))
                .poolAutoDeleveraging(TestVenue.BTC, 2, 1)
                // A steep borrowing curve accrued every 10 s, so that small positions on a large pool pay something.
                .poolBorrowing(TestVenue.BTC, new io.fulcrum.amm.GmxBorrowingRule(
                        new io.fulcrum.amm.BorrowingFee.Curve(62_500_000_000_000L, 1, 6, false), 10_000))
                .poolInsuranceTranche(TestVenue.BTC, 300_000);
    }
}
