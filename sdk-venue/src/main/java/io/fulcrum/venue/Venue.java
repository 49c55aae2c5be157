package io.fulcrum.venue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AccountReport;
import io.fulcrum.api.AssetId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.BorrowTerms;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.MarketStatus;
import io.fulcrum.api.MoneyAudit;
import io.fulcrum.api.PoolReport;
import io.fulcrum.api.Side;
import io.fulcrum.api.spi.FeeSchedule;
import io.fulcrum.api.spi.HealthIndex;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.api.spi.MarginModel;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.MarkPriceRule;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.api.spi.OpenInterestLimit;
import io.fulcrum.api.spi.OracleGuard;
import io.fulcrum.api.spi.PoolFeeRule;
import io.fulcrum.api.spi.PriceSource;
import io.fulcrum.venue.internal.Kernel;
import io.fulcrum.venue.internal.LatestFeedSource;
import io.fulcrum.venue.internal.LedgerQueries;
import io.fulcrum.venue.internal.Reports;
import io.fulcrum.venue.internal.Snapshotter;
import io.fulcrum.venue.internal.StateHasher;
import io.fulcrum.venue.internal.VenueConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A trading venue for perpetual futures, assembled from parts and run as a deterministic state
 * machine: {@link #apply} takes one {@link Command} at a time and returns what happened.
 *
 * <p>What it does with a command: deposits and withdrawals move money (a withdrawal never
 * exceeds free collateral); orders are checked against the market's rules and against initial
 * margin as if they filled, matched by the market's engine, and settled into positions and
 * balances with fees; price updates re-mark the markets and send accounts below maintenance to
 * the liquidation policy. A bad command is rejected with a typed reason and changes nothing; a
 * repeated command id is answered, not applied twice. Time comes only from commands.
 *
 * <pre>{@code
 * Venue venue = Venue.builder()
 *     .settlementAsset(usdc)
 *     .market(btcPerp, OrderBook::new, PushedPriceSource.of("BTC-USD", 60_000))
 *     .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(usdc)))
 *     .build();
 * venue.apply(new Command.OpenAccount(CommandId.of(1), 0, alice));
 * }</pre>
 *
 * <p>Not thread-safe: one thread drives a venue, as one sequencer drives an exchange.
 */
public final class Venue {
    /** The venue's backstop vault, when it has one ({@link Builder#backstopVault()}): owner 0, sub-account 0. */
    public static final AccountId BACKSTOP_VAULT = AccountId.of(0, 0);

    private final Kernel kernel;

    private Venue(Kernel kernel, Journal journal) {
        this.kernel = kernel;
        attach(journal);
    }

    private void attach(Journal journal) {
        if (journal != null) {
            kernel.beforeApply(journal::append);
        }
    }

    /** Starts assembling a venue. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Rebuilds a venue from {@code snapshot} (or from nothing, if {@code null}) and the journal
     * {@code entries} recorded after it; entries before the snapshot's sequence are skipped. The
     * result has the state hash the original venue had after the last entry. New commands are
     * journaled to the builder's journal, if it has one.
     */
    public static Venue replay(Builder builder, VenueSnapshot snapshot, Iterable<JournalEntry> entries) {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(entries, "entries");
        Venue venue = new Venue(new Kernel(builder.config()), null);
        if (snapshot != null) {
            Snapshotter.restore(venue.kernel, snapshot.data());
        }
        for (JournalEntry entry : entries) {
            if (entry.sequence() < venue.kernel.sequence()) {
                continue;
            }
            if (entry.sequence() != venue.kernel.sequence()) {
                throw new IllegalArgumentException("journal gap: expected entry " + venue.kernel.sequence() + ", found "
                        + entry.sequence());
            }
            venue.kernel.apply(entry.command());
        }
        venue.attach(builder.journal);
        return venue;
    }

    /**
     * Applies one command to completion and returns its outcome: accepted with the events it
     * emitted, rejected with a typed reason (nothing changed), or a duplicate of an accepted id.
     */
    public CommandResult apply(Command command) {
        Objects.requireNonNull(command, "command");
        return kernel.apply(command);
    }

    /** A digest of the complete state; equal hashes mean identical venues. */
    public String stateHash() {
        return StateHasher.hash(kernel);
    }

    /** The complete state now, to save and later {@link #replay} from. */
    public VenueSnapshot snapshot() {
        return new VenueSnapshot(Snapshotter.capture(kernel));
    }

    /** The number of commands received so far (the next journal sequence). */
    public long sequence() {
        return kernel.sequence();
    }

    /** The venue's clock: the time of the last accepted command. */
    public long time() {
        return LedgerQueries.clock(kernel);
    }

    /** Every open account, in id order. */
    public List<AccountId> accounts() {
        return Reports.accountIds(kernel);
    }

    /** Balances, positions and margin of {@code account}; empty if it is not open. */
    public Optional<AccountReport> account(AccountId account) {
        return Reports.account(kernel, account);
    }

    /** The margin state of {@code account}; empty if it is not open. */
    public Optional<MarginState> margin(AccountId account) {
        return Reports.margin(kernel, account);
    }

    /** The mark price of {@code market}, or 0 if it has none yet. */
    public long markPrice(MarketId market) {
        return LedgerQueries.markPrice(kernel, market);
    }

    /** The oracle index price of {@code market}, or 0 if it has none yet. */
    public long indexPrice(MarketId market) {
        return LedgerQueries.indexPrice(kernel, market);
    }

    /** The price of the last trade in {@code market}, or 0. */
    public long lastTradePrice(MarketId market) {
        return LedgerQueries.lastTradePrice(kernel, market);
    }

    /** The best bid of {@code market}, or {@link MatchingEngine#NO_PRICE}. */
    public long bestBid(MarketId market) {
        return LedgerQueries.engine(kernel, market).bestBid();
    }

    /** The best ask of {@code market}, or {@link MatchingEngine#NO_PRICE}. */
    public long bestAsk(MarketId market) {
        return LedgerQueries.engine(kernel, market).bestAsk();
    }

    /** Up to {@code levels} aggregated levels of one side of {@code market}'s book, best first. */
    public List<DepthLevel> depth(MarketId market, Side side, int levels) {
        if (levels <= 0) {
            throw new IllegalArgumentException("levels must be positive: " + levels);
        }
        long[] prices = new long[levels];
        long[] sizes = new long[levels];
        int n = LedgerQueries.engine(kernel, market).depth(side, prices, sizes);
        List<DepthLevel> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new DepthLevel(prices[i], sizes[i]));
        }
        return out;
    }

    /**
     * The whole aggregated book of {@code market} now, to start a client's replica from: apply
     * the {@link io.fulcrum.api.Event.BookLevelChanged} events of every later command to it (see
     * {@link BookReplica}).
     */
    public BookSnapshot bookSnapshot(MarketId market) {
        return new BookSnapshot(market, kernel.sequence(), levels(market, Side.BUY), levels(market, Side.SELL));
    }

    private List<DepthLevel> levels(MarketId market, Side side) {
        List<DepthLevel> out = new ArrayList<>();
        for (long[] level : LedgerQueries.levels(kernel, market, side)) {
            out.add(new DepthLevel(level[0], level[1]));
        }
        return out;
    }

    /**
     * {@code market}'s open interest in size units: the sum of every long position (and of every
     * short one). dYdX-style margin scales initial margin with it.
     *
     * @throws IllegalArgumentException if the venue does not list {@code market}
     */
    public long openInterest(MarketId market) {
        return LedgerQueries.openInterest(kernel, market);
    }

    /**
     * The price a collateral asset is valued at now, in settlement units per whole unit (the
     * settlement asset's own price is one whole unit), or {@code 0} before its source has given
     * a usable reading.
     *
     * @throws IllegalArgumentException if the venue does not list {@code asset}
     */
    public long assetPrice(AssetId asset) {
        return LedgerQueries.assetPrice(kernel, asset);
    }

    /**
     * Whether {@code market} trades, as its oracle guards last decided it (a status changes at a
     * price update or {@code AdvanceTime}; orders are checked against the guards at their own time).
     */
    public MarketStatus marketStatus(MarketId market) {
        return LedgerQueries.marketStatus(kernel, market);
    }

    /** Fees collected, in settlement units. */
    public long feePool() {
        return LedgerQueries.feePool(kernel);
    }

    /**
     * The pool vault behind pool market {@code market}: its tokens, the traders' PnL against it,
     * its share supply and values, and the running totals that attribute its liquidity
     * providers' PnL ({@link PoolReport#periodSince}); empty for a book market.
     *
     * @throws IllegalArgumentException if the venue does not list {@code market}
     */
    public Optional<PoolReport> pool(MarketId market) {
        return LedgerQueries.pool(kernel, market);
    }

    /** The balance of insurance fund {@code fund}, in settlement units; 0 for a fund the venue has never funded. */
    public long insuranceFund(String fund) {
        return LedgerQueries.insuranceFund(kernel, fund);
    }

    /**
     * The account of insurance fund {@code fund} that holds the positions it took over
     * ({@link Builder#insuranceTakeover}); empty if the venue does not take over, or has no such fund.
     * The account keeps no cash: what it gains or pays, a deposit into it included, goes into the
     * fund at the end of each command. Nobody but the venue trades for it.
     */
    public Optional<AccountId> insuranceFundAccount(String fund) {
        return LedgerQueries.insuranceFundAccount(kernel, fund);
    }

    /** The money audit: per asset, net deposits against what the books hold. */
    public MoneyAudit audit() {
        return Reports.audit(kernel);
    }

    /**
     * One aggregated price level of a book.
     *
     * @param price the level's price
     * @param size the total open size at it
     */
    public record DepthLevel(long price, long size) {}

    /**
     * Assembles a {@link Venue}. Each single value may be set once; {@link #build()} fails fast
     * naming what is missing or inconsistent. A builder may build many venues (each with fresh
     * matching engines), which is what {@link Venue#replay} does.
     */
    public static final class Builder {
        private AssetSpec settlementAsset;
        private final List<VenueConfig.CollateralAsset> collateralAssets = new ArrayList<>();
        private final List<VenueConfig.MarketSetup> markets = new ArrayList<>();
        private MarginModel marginModel;
        private FeeSchedule feeSchedule;
        private LiquidationPolicy liquidationPolicy;
        private Supplier<HealthIndex> healthIndex;
        private BorrowTerms borrowTerms;
        private Journal journal;
        private final List<List<MarketId>> sharedPools = new ArrayList<>();
        private final Map<MarketId, OpenInterestLimit> openInterestLimits = new LinkedHashMap<>();
        private final Map<MarketId, long[]> deleveraging = new LinkedHashMap<>();
        private final Map<MarketId, Long> insuranceTranches = new LinkedHashMap<>();
        private final Map<MarketId, Long> treasuryShares = new LinkedHashMap<>();
        private io.fulcrum.api.spi.InsuranceFund insuranceFund;
        private List<io.fulcrum.api.LossAbsorber> lossWaterfall;
        private io.fulcrum.api.spi.DeleveragingRanking deleveragingRanking;
        private io.fulcrum.api.AdlPrice adlPrice;
        private io.fulcrum.api.AdlTrigger adlTrigger;
        private Long liquidationPenaltyPpm;
        private long[] penaltySplit;
        private boolean backstopVault;
        private Long blockMillis;
        private long[] takeover;

        private Builder() {}

        /** The asset all markets settle in and margin is counted in. Required. */
        public Builder settlementAsset(AssetSpec asset) {
            requireUnset(settlementAsset, "settlementAsset");
            this.settlementAsset = Objects.requireNonNull(asset, "asset");
            return this;
        }

        /**
         * Lists a non-settlement asset accounts may deposit, priced by the feed {@code priceFeed}
         * (settlement units per whole unit). Its worth as margin is the margin model's business.
         */
        public Builder collateralAsset(AssetSpec asset, String priceFeed) {
            Objects.requireNonNull(priceFeed, "priceFeed");
            return collateralAsset(asset, new LatestFeedSource(priceFeed));
        }

        /**
         * Lists a non-settlement asset priced by {@code priceSource} (settlement units per whole
         * unit): an aggregate over several venues with a divergence rule, say, so that a depeg
         * quoted on one exchange only is flagged and handled. A reading that is not usable leaves
         * the asset at its last price and is reported as a {@code PriceAlert}.
         */
        public Builder collateralAsset(AssetSpec asset, PriceSource priceSource) {
            Objects.requireNonNull(asset, "asset");
            Objects.requireNonNull(priceSource, "priceSource");
            collateralAssets.add(new VenueConfig.CollateralAsset(asset, priceSource));
            return this;
        }

        /** Lists a market matched by the engine {@code engineFactory} makes, indexed by {@code priceSource}, marked at the index. */
        public Builder market(MarketSpec spec, Function<MarketSpec, MatchingEngine> engineFactory, PriceSource priceSource) {
            return market(spec, engineFactory, priceSource, MarkPriceRule.INDEX);
        }

        /** Lists a market with an explicit mark-price rule. */
        public Builder market(MarketSpec spec, Function<MarketSpec, MatchingEngine> engineFactory, PriceSource priceSource,
                MarkPriceRule markPriceRule) {
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(engineFactory, "engineFactory");
            Objects.requireNonNull(priceSource, "priceSource");
            Objects.requireNonNull(markPriceRule, "markPriceRule");
            markets.add(new VenueConfig.MarketSetup(spec, engineFactory, priceSource, markPriceRule, List.of(), null,
                    null, null, null));
            return this;
        }

        /**
         * On pool market {@code market}, listed earlier, each fill's fee is what {@code rule} says
         * (GMX's balance-dependent position fee, Avantis' skew fees, a zero-fee perpetual's profit
         * share, a loss rebate) and goes to the pool, instead of the fee schedule's taker fee.
         */
        public Builder poolFees(MarketId market, PoolFeeRule rule) {
            Objects.requireNonNull(rule, "rule");
            int i = listed(market, "poolFees");
            if (markets.get(i).poolFees() != null) {
                throw new IllegalStateException("poolFees for " + market + " was already set");
            }
            markets.set(i, markets.get(i).withPoolFees(rule));
            return this;
        }

        /**
         * Market {@code market}, listed earlier, pays funding as {@code model} says: premium samples
         * and payments happen on {@code Command.AdvanceTime}, each payment moves the market's
         * cumulative funding index ({@code FundingRateApplied}), and positions settle against it
         * when they trade or on {@code Command.SettleFunding} ({@code FundingSettled}); margin
         * counts what is pending. No funding if not set.
         */
        public Builder funding(MarketId market, io.fulcrum.api.spi.FundingModel model) {
            Objects.requireNonNull(model, "model");
            int i = listed(market, "funding");
            if (markets.get(i).funding() != null) {
                throw new IllegalStateException("funding for " + market + " was already set");
            }
            if (model.intervalMillis() <= 0 || model.sampleIntervalMillis() < 0) {
                throw new IllegalArgumentException("funding for " + market + ": the interval must be positive and the"
                        + " sample interval not negative: " + model.intervalMillis() + ", " + model.sampleIntervalMillis());
            }
            markets.set(i, markets.get(i).withFunding(model));
            return this;
        }

        /**
         * Pool market {@code market}, listed earlier, charges its traders for the pool liquidity
         * their positions reserve, as {@code rule} says (GMX's borrowing fee): it accrues on
         * {@code Command.AdvanceTime} into an index per side ({@code BorrowingApplied}), the pool is
         * credited at once, and positions pay as they settle, like funding. None if not set.
         */
        public Builder poolBorrowing(MarketId market, io.fulcrum.api.spi.BorrowingRule rule) {
            Objects.requireNonNull(rule, "rule");
            int i = listed(market, "poolBorrowing");
            if (markets.get(i).borrowing() != null) {
                throw new IllegalStateException("poolBorrowing for " + market + " was already set");
            }
            if (rule.intervalMillis() <= 0) {
                throw new IllegalArgumentException("poolBorrowing for " + market + ": the interval must be positive: "
                        + rule.intervalMillis());
            }
            markets.set(i, markets.get(i).withBorrowing(rule));
            return this;
        }

        /**
         * Market {@code market}, listed earlier, is tightened by {@code control} when its risk
         * concentrates: after every accepted command the venue asks it for the limits in force
         * (most leverage on new risk, most open interest, a funding multiplier), reports a change
         * as {@code RiskLimitsChanged}, and holds orders adding risk to them. None if not set.
         */
        public Builder riskControl(MarketId market, io.fulcrum.api.spi.RiskControl control) {
            Objects.requireNonNull(control, "control");
            int i = listed(market, "riskControl");
            if (markets.get(i).riskControl() != null) {
                throw new IllegalStateException("riskControl for " + market + " was already set");
            }
            markets.set(i, markets.get(i).withRiskControl(control));
            return this;
        }

        /**
         * Makes pool markets listed earlier share one pool account and one set of liquidity shares:
         * Avantis' single USDC vault backing crypto, FX, metals and stocks. Their traders' PnL, the
         * reserve and the open-interest limit are counted across them all, and liquidity added
         * through any of them buys shares of the whole vault. Each pool market not named in a
         * shared pool has a pool of its own (GMX's isolated GM pools).
         */
        public Builder sharedPool(MarketId first, MarketId... others) {
            List<MarketId> pool = new ArrayList<>();
            pool.add(Objects.requireNonNull(first, "first"));
            for (MarketId other : others) {
                pool.add(Objects.requireNonNull(other, "others"));
            }
            for (MarketId market : pool) {
                listed(market, "sharedPool");
                for (List<MarketId> existing : sharedPools) {
                    if (existing.contains(market)) {
                        throw new IllegalStateException("sharedPool: " + market + " is already in the pool " + existing);
                    }
                }
                if (pool.indexOf(market) != pool.lastIndexOf(market)) {
                    throw new IllegalStateException("sharedPool: " + market + " is named twice");
                }
            }
            sharedPools.add(List.copyOf(pool));
            return this;
        }

        /**
         * Limits the open interest of the pool that {@code market} (listed earlier) trades against:
         * an order that would grow the traders' open interest beyond it is refused with
         * {@code OPEN_INTEREST_CAP_EXCEEDED}. For a shared pool, name any of its markets.
         */
        public Builder openInterestLimit(MarketId market, OpenInterestLimit limit) {
            Objects.requireNonNull(limit, "limit");
            listed(market, "openInterestLimit");
            if (openInterestLimits.putIfAbsent(market, limit) != null) {
                throw new IllegalStateException("openInterestLimit for " + market + " was already set");
            }
            return this;
        }

        /**
         * Makes the pool that {@code market} (listed earlier) trades against deleverage its traders
         * when their unrealised profit exceeds {@code triggerPpm} of its token value: their most
         * profitable positions are reduced at mark against the pool until the profit is at most
         * {@code targetPpm} of what the pool then holds (GMX's ADL: 85 % and 77 % by default,
         * 55 % and 50 % on synthetic markets, MECHANISMS.md §3.4). For a shared pool, name any of
         * its markets. No deleveraging if not set.
         */
        public Builder poolAutoDeleveraging(MarketId market, long triggerPpm, long targetPpm) {
            listed(market, "poolAutoDeleveraging");
            if (targetPpm <= 0 || targetPpm >= triggerPpm || triggerPpm > 1_000_000) {
                throw new IllegalArgumentException("poolAutoDeleveraging for " + market
                        + ": need 0 < target < trigger <= 1,000,000 ppm, got target " + targetPpm + ", trigger " + triggerPpm);
            }
            if (deleveraging.putIfAbsent(market, new long[] {triggerPpm, targetPpm}) != null) {
                throw new IllegalStateException("poolAutoDeleveraging for " + market + " was already set");
            }
            return this;
        }

        /**
         * Puts an insurance tranche in front of the main liquidity of the pool that {@code market}
         * (listed earlier) trades against: its providers ({@code Command.AddInsuranceLiquidity})
         * pay traders' realised profits and rebates first, up to what the tranche holds, recover
         * what they paid from traders' losses first, and earn {@code feeSharePpm} of the pool's
         * fees for it; the main liquidity pays only what the tranche cannot (the layered vaults
         * of MECHANISMS.md §4 and §9). For a shared pool, name any of its markets.
         */
        public Builder poolInsuranceTranche(MarketId market, long feeSharePpm) {
            listed(market, "poolInsuranceTranche");
            if (feeSharePpm < 0 || feeSharePpm > 1_000_000) {
                throw new IllegalArgumentException("poolInsuranceTranche for " + market
                        + ": the fee share must be 0..1,000,000 ppm, got " + feeSharePpm);
            }
            if (insuranceTranches.putIfAbsent(market, feeSharePpm) != null) {
                throw new IllegalStateException("poolInsuranceTranche for " + market + " was already set");
            }
            return this;
        }

        /**
         * Keeps {@code feeSharePpm} of the fees paid to the pool that {@code market} (listed
         * earlier) trades against in the venue's fee pool, its treasury (Avantis: 40 %, the
         * liquidity providers 60 %, MECHANISMS.md §4); the rest stays the pool's. Rebates are
         * paid by the pool alone. For a shared pool, name any of its markets; none if not set.
         */
        public Builder poolTreasuryShare(MarketId market, long feeSharePpm) {
            listed(market, "poolTreasuryShare");
            if (feeSharePpm < 0 || feeSharePpm > 1_000_000) {
                throw new IllegalArgumentException("poolTreasuryShare for " + market
                        + ": the fee share must be 0..1,000,000 ppm, got " + feeSharePpm);
            }
            if (treasuryShares.putIfAbsent(market, feeSharePpm) != null) {
                throw new IllegalStateException("poolTreasuryShare for " + market + " was already set");
            }
            return this;
        }

        private int listed(MarketId market, String what) {
            Objects.requireNonNull(market, "market");
            for (int i = 0; i < markets.size(); i++) {
                if (markets.get(i).spec().id().equals(market)) {
                    return i;
                }
            }
            throw new IllegalStateException(what + " for " + market + ": list the market first");
        }

        /**
         * Adds an oracle guard to a market listed earlier: a circuit breaker, a market calendar.
         * Guards are consulted in the order they were added; the strictest status wins.
         */
        public Builder guard(MarketId market, OracleGuard guard) {
            Objects.requireNonNull(market, "market");
            Objects.requireNonNull(guard, "guard");
            for (int i = 0; i < markets.size(); i++) {
                if (markets.get(i).spec().id().equals(market)) {
                    markets.set(i, markets.get(i).withGuard(guard));
                    return this;
                }
            }
            throw new IllegalStateException("guard for " + market + ": list the market before guarding it");
        }

        /** How equity and requirements are computed. Required. */
        public Builder marginModel(MarginModel model) {
            requireUnset(marginModel, "marginModel");
            this.marginModel = Objects.requireNonNull(model, "model");
            return this;
        }

        /** Trading fees; {@link FeeSchedule#NONE} if not set. */
        public Builder feeSchedule(FeeSchedule fees) {
            requireUnset(feeSchedule, "feeSchedule");
            this.feeSchedule = Objects.requireNonNull(fees, "fees");
            return this;
        }

        /** What happens below maintenance; {@link LiquidationPolicy#NONE} (report only) if not set. */
        public Builder liquidationPolicy(LiquidationPolicy policy) {
            requireUnset(liquidationPolicy, "liquidationPolicy");
            this.liquidationPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Re-examines after a price move only the accounts whose thresholds in {@code index} the
         * move reached, instead of every account holding risk; the outcome is the same (see
         * {@link HealthIndex}). The supplier is called once per venue built. Every account is
         * examined at each price move if not set.
         */
        public Builder healthIndex(Supplier<HealthIndex> index) {
            requireUnset(healthIndex, "healthIndex");
            this.healthIndex = Objects.requireNonNull(index, "index");
            return this;
        }

        /**
         * Lends the settlement asset against the collateral assets {@code terms} names
         * ({@code Command.Borrow}, {@code Command.Repay}); no lending if not set.
         */
        public Builder borrowing(BorrowTerms terms) {
            requireUnset(borrowTerms, "borrowing");
            this.borrowTerms = Objects.requireNonNull(terms, "terms");
            return this;
        }

        /**
         * The insurance funds behind the markets: which fund backs each market, how much one
         * shortfall may draw and what share of trading fees it earns. Funds are topped up with
         * {@code Command.DepositInsurance}. None if not set.
         */
        public Builder insuranceFund(io.fulcrum.api.spi.InsuranceFund fund) {
            requireUnset(insuranceFund, "insuranceFund");
            this.insuranceFund = Objects.requireNonNull(fund, "fund");
            return this;
        }

        /**
         * Who pays, in this order, what a liquidated account with no position left could not: its
         * negative equity (MECHANISMS.md §9). Each absorber pays what it can and passes on the
         * rest; what none pays stays as the account's debt ({@code ShortfallUncovered}). If not
         * set, nobody pays and the debt stays.
         */
        public Builder lossWaterfall(io.fulcrum.api.LossAbsorber... absorbers) {
            requireUnset(lossWaterfall, "lossWaterfall");
            List<io.fulcrum.api.LossAbsorber> order = List.of(absorbers);
            if (new HashSet<>(order).size() != order.size()) {
                throw new IllegalArgumentException("lossWaterfall names an absorber twice: " + order);
            }
            this.lossWaterfall = order;
            return this;
        }

        /**
         * How auto-deleveraging ({@code LossAbsorber.AUTO_DELEVERAGING}) picks and prices the
         * profitable positions it closes against a bankrupt one: a ranking (Hyperliquid's, BitMEX's,
         * Binance's, dYdX's seeded rotation) and the price (bankruptcy or mark).
         */
        public Builder deleveraging(io.fulcrum.api.spi.DeleveragingRanking ranking, io.fulcrum.api.AdlPrice price) {
            return deleveraging(ranking, price, io.fulcrum.api.AdlTrigger.BANKRUPT);
        }

        /**
         * The same, deleveraging only when {@code trigger} says: {@code AdlTrigger.UNFILLED} waits
         * until the account's liquidation orders find no fill at all, as dYdX v4 does (§2.4).
         */
        public Builder deleveraging(io.fulcrum.api.spi.DeleveragingRanking ranking, io.fulcrum.api.AdlPrice price,
                io.fulcrum.api.AdlTrigger trigger) {
            requireUnset(deleveragingRanking, "deleveraging");
            this.deleveragingRanking = Objects.requireNonNull(ranking, "ranking");
            this.adlPrice = Objects.requireNonNull(price, "price");
            this.adlTrigger = Objects.requireNonNull(trigger, "trigger");
            return this;
        }

        /**
         * Charges a liquidated account a penalty (clearance fee) of {@code ppm} of the notional its
         * liquidation closes, never more than what the account has left above zero, so a penalty
         * never creates bad debt (dYdX's min(fee, surplus), §2.3; Binance's clearance fee). It goes
         * to the market's insurance fund if the venue has one, else to the fee pool. None if not set.
         */
        public Builder liquidationPenalty(long ppm) {
            requireUnset(liquidationPenaltyPpm, "liquidationPenalty");
            if (ppm < 0 || ppm >= 1_000_000) {
                throw new IllegalArgumentException("liquidationPenalty must be in [0, 1,000,000) ppm: " + ppm);
            }
            this.liquidationPenaltyPpm = ppm;
            return this;
        }

        /**
         * Splits the liquidation penalty: {@code liquidatorSharePpm} to the accounts whose orders
         * filled the liquidation (by the notional each filled), {@code vaultSharePpm} to the backstop
         * vault, the rest (and every rounding) to the insurance fund or fee pool (MECHANISMS.md §9).
         * Needs {@link #liquidationPenalty}; a vault share needs {@link #backstopVault}.
         */
        public Builder liquidationPenaltySplit(long liquidatorSharePpm, long vaultSharePpm) {
            if (penaltySplit != null) {
                throw new IllegalStateException("liquidationPenaltySplit was already set");
            }
            if (liquidatorSharePpm < 0 || vaultSharePpm < 0 || liquidatorSharePpm + vaultSharePpm > 1_000_000) {
                throw new IllegalArgumentException("liquidationPenaltySplit: shares must be non-negative and sum to at"
                        + " most 1,000,000 ppm: " + liquidatorSharePpm + " + " + vaultSharePpm);
            }
            this.penaltySplit = new long[] {liquidatorSharePpm, vaultSharePpm};
            return this;
        }

        /**
         * Gives the venue a backstop (liquidator) vault, the venue's own account
         * {@link #BACKSTOP_VAULT}: an account the liquidation policy sends there
         * ({@code LiquidationPolicy.toBackstop}) hands it its positions and margin instead of
         * selling into the book, as Hyperliquid's HLP takes accounts below 2/3 of maintenance.
         * Deposit into the vault to give it capital. None if not set.
         */
        public Builder backstopVault() {
            if (backstopVault) {
                throw new IllegalStateException("backstopVault was already set");
            }
            this.backstopVault = true;
            return this;
        }

        /**
         * The length of the venue's block, in ms: the unit of time over which per-block limits are
         * counted, such as the notional one account may have liquidated ({@code DydxLiquidation}) and
         * what one account or one fund may draw from insurance ({@code InsuranceFunds.withBlockCaps}).
         * Blocks start at multiples of it since the epoch. dYdX v4 makes a block about every second:
         * {@code blockMillis(1_000)}. If not set, 1: every millisecond is a block of its own.
         */
        public Builder blockMillis(long millis) {
            requireUnset(blockMillis, "blockMillis");
            if (millis <= 0) {
                throw new IllegalArgumentException("blockMillis must be positive: " + millis);
            }
            this.blockMillis = millis;
            return this;
        }

        /**
         * How insurance funds take over bankrupt positions ({@code LossAbsorber.INSURANCE_TAKEOVER},
         * Binance, MECHANISMS.md §5.3, §9): each fund's desk ({@link Venue#insuranceFundAccount})
         * may hold positions of net notional at most {@code maxNetNotionalPpm} of the fund's balance
         * (Binance: 1,000,000, the whole fund), and at every price move sends them into the book no
         * worse than the mark by {@code unwindBandPpm}. Required when the waterfall lists the takeover.
         */
        public Builder insuranceTakeover(long maxNetNotionalPpm, long unwindBandPpm) {
            if (takeover != null) {
                throw new IllegalStateException("insuranceTakeover was already set");
            }
            if (maxNetNotionalPpm < 0 || unwindBandPpm < 0 || unwindBandPpm >= 1_000_000) {
                throw new IllegalArgumentException("insuranceTakeover: maxNetNotionalPpm must not be negative and "
                        + "unwindBandPpm must be in [0, 1,000,000): " + maxNetNotionalPpm + ", " + unwindBandPpm);
            }
            this.takeover = new long[] {maxNetNotionalPpm, unwindBandPpm};
            return this;
        }

        /** Records every command before it is applied. None if not set. */
        public Builder journal(Journal journal) {
            requireUnset(this.journal, "journal");
            this.journal = Objects.requireNonNull(journal, "journal");
            return this;
        }

        /** Builds a fresh venue. */
        public Venue build() {
            return new Venue(new Kernel(config()), journal);
        }

        VenueConfig config() {
            if (settlementAsset == null) {
                throw new IllegalStateException("settlementAsset is required");
            }
            if (marginModel == null) {
                throw new IllegalStateException("marginModel is required");
            }
            Set<Object> assetIds = new HashSet<>();
            assetIds.add(settlementAsset.id());
            for (VenueConfig.CollateralAsset c : collateralAssets) {
                if (!assetIds.add(c.asset().id())) {
                    throw new IllegalStateException("asset " + c.asset().id() + " is listed twice");
                }
            }
            if (borrowTerms != null) {
                for (AssetId asset : borrowTerms.loanToValuePpm().keySet()) {
                    if (asset.equals(settlementAsset.id()) || !assetIds.contains(asset)) {
                        throw new IllegalStateException("borrowing against " + asset
                                + ": list it as a collateral asset (not the settlement asset) first");
                    }
                }
            }
            if (lossWaterfall != null && lossWaterfall.contains(io.fulcrum.api.LossAbsorber.INSURANCE_FUND)
                    && insuranceFund == null) {
                throw new IllegalStateException("lossWaterfall draws on INSURANCE_FUND: set insuranceFund too");
            }
            boolean takesOver = lossWaterfall != null
                    && lossWaterfall.contains(io.fulcrum.api.LossAbsorber.INSURANCE_TAKEOVER);
            if (takesOver && insuranceFund == null) {
                throw new IllegalStateException("lossWaterfall lists INSURANCE_TAKEOVER: set insuranceFund too");
            }
            if (takesOver != (takeover != null)) {
                throw new IllegalStateException(takesOver
                        ? "lossWaterfall lists INSURANCE_TAKEOVER: set insuranceTakeover too"
                        : "insuranceTakeover is set but lossWaterfall does not list INSURANCE_TAKEOVER");
            }
            if (penaltySplit != null && liquidationPenaltyPpm == null) {
                throw new IllegalStateException("liquidationPenaltySplit splits a penalty: set liquidationPenalty too");
            }
            if (penaltySplit != null && penaltySplit[1] > 0 && !backstopVault) {
                throw new IllegalStateException("liquidationPenaltySplit gives the vault a share: set backstopVault too");
            }
            if (lossWaterfall != null && lossWaterfall.contains(io.fulcrum.api.LossAbsorber.BACKSTOP_VAULT)
                    && !backstopVault) {
                throw new IllegalStateException("lossWaterfall draws on BACKSTOP_VAULT: set backstopVault too");
            }
            if (lossWaterfall != null && lossWaterfall.contains(io.fulcrum.api.LossAbsorber.AUTO_DELEVERAGING)
                    && deleveragingRanking == null) {
                throw new IllegalStateException("lossWaterfall lists AUTO_DELEVERAGING: set deleveraging too");
            }
            Set<Object> marketIds = new HashSet<>();
            for (VenueConfig.MarketSetup m : markets) {
                if (!marketIds.add(m.spec().id())) {
                    throw new IllegalStateException("market " + m.spec().id() + " is listed twice");
                }
                if (!m.spec().settlement().equals(settlementAsset)) {
                    throw new IllegalStateException("market " + m.spec().id() + " settles in " + m.spec().settlement()
                            + " but the venue settles in " + settlementAsset);
                }
            }
            return new VenueConfig(settlementAsset, collateralAssets, markets, marginModel,
                    feeSchedule == null ? FeeSchedule.NONE : feeSchedule,
                    liquidationPolicy == null ? LiquidationPolicy.NONE : liquidationPolicy, healthIndex, borrowTerms,
                    pools(), insuranceFund, lossWaterfall == null ? List.of() : lossWaterfall, deleveragingRanking,
                    adlPrice, adlTrigger, liquidationPenaltyPpm == null ? 0 : liquidationPenaltyPpm,
                    penaltySplit == null ? 0 : penaltySplit[0], penaltySplit == null ? 0 : penaltySplit[1], backstopVault,
                    blockMillis == null ? 1 : blockMillis, takeover == null ? 0 : takeover[0],
                    takeover == null ? 0 : takeover[1]);
        }

        /** The shared pools with their settings, then a pool of its own for each other market with a pool setting. */
        private List<VenueConfig.PoolSetup> pools() {
            List<VenueConfig.PoolSetup> pools = new ArrayList<>();
            Set<MarketId> placed = new HashSet<>();
            for (List<MarketId> pool : sharedPools) {
                pools.add(poolOf(pool));
                placed.addAll(pool);
            }
            Set<MarketId> alone = new java.util.LinkedHashSet<>(openInterestLimits.keySet());
            alone.addAll(deleveraging.keySet());
            alone.addAll(insuranceTranches.keySet());
            alone.addAll(treasuryShares.keySet());
            for (MarketId market : alone) {
                if (!placed.contains(market)) {
                    pools.add(poolOf(List.of(market)));
                }
            }
            return pools;
        }

        /** One pool's settings, each given through at most one of its markets. */
        private VenueConfig.PoolSetup poolOf(List<MarketId> markets) {
            OpenInterestLimit limit = null;
            long[] adl = null;
            Long insurance = null;
            Long treasury = null;
            for (MarketId market : markets) {
                OpenInterestLimit l = openInterestLimits.get(market);
                long[] a = deleveraging.get(market);
                Long i = insuranceTranches.get(market);
                Long t = treasuryShares.get(market);
                if ((l != null && limit != null) || (a != null && adl != null) || (i != null && insurance != null)
                        || (t != null && treasury != null)) {
                    throw new IllegalStateException("a setting of the shared pool " + markets + " was given twice");
                }
                limit = l != null ? l : limit;
                adl = a != null ? a : adl;
                insurance = i != null ? i : insurance;
                treasury = t != null ? t : treasury;
            }
            return new VenueConfig.PoolSetup(markets, limit, adl == null ? 0 : adl[0], adl == null ? 0 : adl[1],
                    insurance == null ? -1 : insurance, treasury == null ? 0 : treasury);
        }

        private static void requireUnset(Object value, String what) {
            if (value != null) {
                throw new IllegalStateException(what + " was already set");
            }
        }
    }
}
