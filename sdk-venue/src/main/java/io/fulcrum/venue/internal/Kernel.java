package io.fulcrum.venue.internal;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.FixedPointOverflowException;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.spi.MarkPriceRule;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.api.spi.PriceSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;

/**
 * The deterministic command loop: sequence, de-duplicate, check the clock, dispatch to a
 * handler, record the outcome. One thread drives it; the same commands from the same state
 * always give the same events and the same state hash.
 */
public final class Kernel {
    final Ledger ledger;
    final LongHashSet appliedCommands = new LongHashSet();
    long sequence;
    private final FundsHandler funds;
    private final AccountSettingsHandler settings;
    private final BorrowingHandler borrowing;
    private final LiquidityHandler liquidity;
    private final PoolCurveHandler curves;
    private final OrderHandler orders;
    private final CancelHandler cancels;
    private final PriceHandler prices;
    private final InsuranceTakeover takeover;
    private final TriggerHandler triggers;
    private final Matching matching;
    private CommandHook beforeApply = (sequence, command) -> {};

    /** Sees each command, with its sequence number, before the kernel applies it. */
    @FunctionalInterface
    public interface CommandHook {
        void before(long sequence, Command command);
    }

    /** Assembles a fresh kernel, with fresh matching engines, from {@code config}. */
    public Kernel(VenueConfig config) {
        // Assets sorted by symbol, the settlement asset among them, each with its price source.
        List<VenueConfig.CollateralAsset> assets = new ArrayList<>(config.collateralAssets());
        assets.add(new VenueConfig.CollateralAsset(config.settlementAsset(), null));
        assets.sort(Comparator.comparing(a -> a.asset().id()));
        List<AssetSpec> sortedAssets = new ArrayList<>();
        List<PriceSource> sortedSources = new ArrayList<>();
        Map<String, List<Integer>> assetsByFeed = new HashMap<>();
        for (VenueConfig.CollateralAsset asset : assets) {
            if (asset.priceSource() != null) {
                for (String feed : asset.priceSource().feeds()) {
                    assetsByFeed.computeIfAbsent(feed, f -> new ArrayList<>()).add(sortedAssets.size());
                }
            }
            sortedAssets.add(asset.asset());
            sortedSources.add(asset.priceSource());
        }
        List<VenueConfig.MarketSetup> setups = new ArrayList<>(config.markets());
        setups.sort(Comparator.comparing(s -> s.spec().id()));
        List<MarketRuntime> markets = new ArrayList<>();
        Map<String, List<MarketRuntime>> marketsByFeed = new HashMap<>();
        for (VenueConfig.MarketSetup setup : setups) {
            MarketSpec spec = setup.spec();
            MatchingEngine engine = setup.engineFactory().apply(spec);
            if (engine == null || !spec.equals(engine.spec())) {
                throw new IllegalArgumentException(spec.id() + ": the engine factory must return an engine for this market");
            }
            MarkPriceRule rule = setup.markPriceRule() == null ? MarkPriceRule.INDEX : setup.markPriceRule();
            MarketRuntime runtime = new MarketRuntime(markets.size(), spec, engine, setup.priceSource(), rule,
                    setup.guards(), setup.funding());
            markets.add(runtime);
            // The index feeds and the mark rule's own feeds (external perp mids) both re-price it.
            Set<String> feeds = new LinkedHashSet<>(setup.priceSource().feeds());
            feeds.addAll(rule.feeds());
            for (String feed : feeds) {
                marketsByFeed.computeIfAbsent(feed, f -> new ArrayList<>()).add(runtime);
            }
        }
        this.ledger = new Ledger(config, sortedAssets, sortedSources, markets);
        if (config.healthIndex() != null) {
            ledger.health = new HealthTracker(ledger, java.util.Objects.requireNonNull(config.healthIndex().get(),
                    "the health index supplier returned null"));
        }
        openVaults(config, markets);
        if (config.backstopVault()) {
            AccountId id = AccountId.of(0, 0);
            AccountState vault = new AccountState(id, ledger.nextAccountKey++, ledger.assets.length, markets.size());
            vault.positionMode = io.fulcrum.api.PositionMode.HEDGE; // longs and shorts taken over stay apart
            ledger.accounts.put(id, vault);
            ledger.accountsByKey.put(vault.key, vault);
            ledger.backstop = vault;
        }
        if (config.lossWaterfall().contains(io.fulcrum.api.LossAbsorber.INSURANCE_TAKEOVER)) {
            InsuranceTakeover.openDesks(ledger);
        }
        MarketPricing pricing = new MarketPricing(ledger);
        for (MarketRuntime market : markets) {
            if (market.priceSource.feeds().isEmpty()) {
                // A source that reads no feed (a fixed price) never hears a PublishPrice, so its
                // market is priced once, here, with the book still empty; nothing is reported.
                pricing.reprice(market, 0, false, new ArrayList<>());
            }
        }
        Settlement settlement = new Settlement(ledger);
        this.funds = new FundsHandler(ledger);
        this.settings = new AccountSettingsHandler(ledger);
        this.borrowing = new BorrowingHandler(ledger);
        this.liquidity = new LiquidityHandler(ledger);
        this.curves = new PoolCurveHandler(ledger);
        this.matching = new Matching(ledger, settlement);
        this.orders = new OrderHandler(ledger, settlement, matching);
        this.cancels = new CancelHandler(ledger, settlement);
        this.takeover = new InsuranceTakeover(ledger, settlement);
        this.prices = new PriceHandler(ledger, orders, cancels, new PoolDeleveraging(ledger, settlement),
                new LossWaterfall(ledger, settlement, takeover), takeover, marketsByFeed, assetsByFeed);
        this.triggers = new TriggerHandler(ledger, orders);
    }

    /**
     * Gives each pool market its vault: the shared pools the configuration names, then one of its
     * own for every other pool market. A vault's account is the venue's own (owner 0, sub-account
     * its first market's index + 1) and takes the other side of its markets' fills.
     */
    private void openVaults(VenueConfig config, List<MarketRuntime> markets) {
        Map<MarketId, MarketRuntime> byId = new HashMap<>();
        for (MarketRuntime market : markets) {
            byId.put(market.spec.id(), market);
        }
        for (VenueConfig.MarketSetup setup : config.markets()) {
            MarketRuntime market = byId.get(setup.spec().id());
            if (setup.poolFees() != null && !market.engine.isPool()) {
                throw new IllegalArgumentException(market.spec.id() + ": pool fees need a pool engine, not " + market.engine);
            }
            market.poolFees = setup.poolFees();
            if (setup.borrowing() != null && !market.engine.isPool()) {
                throw new IllegalArgumentException(market.spec.id() + ": pool borrowing needs a pool engine, not "
                        + market.engine);
            }
            market.borrowingRule = setup.borrowing();
            market.riskControl = setup.riskControl();
        }
        for (VenueConfig.PoolSetup pool : config.pools()) {
            List<MarketRuntime> members = new ArrayList<>();
            for (MarketId id : pool.markets()) {
                MarketRuntime market = byId.get(id);
                if (!market.engine.isPool()) {
                    throw new IllegalArgumentException(id + " is matched by a book, not a pool: it cannot be in a pool vault");
                }
                members.add(market);
            }
            members.sort(Comparator.comparingInt(m -> m.index));
            openVault(members, pool);
        }
        for (MarketRuntime market : markets) {
            if (market.engine.isPool() && market.vault == null) {
                openVault(List.of(market), null);
            }
        }
    }

    private void openVault(List<MarketRuntime> members, VenueConfig.PoolSetup setup) {
        AccountId id = AccountId.of(0, members.get(0).index + 1);
        AccountState account = new AccountState(id, ledger.nextAccountKey++, ledger.assets.length, ledger.markets.length);
        ledger.accounts.put(id, account);
        ledger.accountsByKey.put(account.key, account);
        PoolVault vault = setup == null ? new PoolVault(ledger, account, members, null, 0, 0, -1, 0)
                : new PoolVault(ledger, account, members, setup.limit(), setup.adlTriggerPpm(), setup.adlTargetPpm(),
                        setup.insuranceFeeSharePpm(), setup.treasuryFeeSharePpm());
        for (MarketRuntime market : members) {
            market.vault = vault;
        }
    }

    /** Called with each command's sequence number before it is applied (the journal hook). */
    public void beforeApply(CommandHook hook) {
        this.beforeApply = hook;
    }

    /** The number of commands applied so far (accepted, rejected or duplicate). */
    public long sequence() {
        return sequence;
    }

    /** Applies one command to completion. */
    public CommandResult apply(Command command) {
        beforeApply.before(sequence, command);
        sequence++;
        if (appliedCommands.contains(command.id().value())) {
            return new CommandResult(command.id(), CommandResult.Status.DUPLICATE, null,
                    RejectReason.DUPLICATE_COMMAND.message(), List.of());
        }
        if (command.time() < ledger.clock) {
            return CommandResult.rejected(command.id(), RejectReason.COMMAND_TIME_REGRESSED,
                    "command time " + command.time() + " < venue time " + ledger.clock);
        }
        List<Event> events = new ArrayList<>();
        try {
            dispatch(command, events);
            triggers.fireDue(command.time(), events);
            takeover.sweep(events);
            reviewRiskLimits(command.time(), events);
            ledger.bookLevels.flush(events);
        } catch (Rejection r) {
            ledger.bookLevels.discardPending();
            if (ledger.health != null) {
                ledger.health.discardTouches();
            }
            return CommandResult.rejected(command.id(), r.reason, r.detail);
        } catch (FixedPointOverflowException e) {
            // Only validation can overflow: handlers bound every amount before they mutate.
            if (!events.isEmpty()) {
                throw new IllegalStateException("overflow after state changed while applying " + command, e);
            }
            return CommandResult.rejected(command.id(), RejectReason.ARITHMETIC_OVERFLOW, e.getMessage());
        }
        ledger.clock = command.time();
        appliedCommands.add(command.id().value());
        if (ledger.health != null) {
            ledger.health.touchAll(events);
            ledger.health.retrackTouched();
        }
        return CommandResult.accepted(command.id(), events);
    }

    /** Asks each market's risk control for the limits now, and reports a change. */
    private void reviewRiskLimits(long now, List<Event> events) {
        for (MarketRuntime market : ledger.markets) {
            if (market.riskControl == null) {
                continue;
            }
            io.fulcrum.api.spi.RiskControl.Limits limits = java.util.Objects.requireNonNull(market.riskControl.limits(
                    new io.fulcrum.api.spi.RiskControl.Inputs(market.spec, now, market.indexPrice,
                            ledger.tradersOpenInterest(market, io.fulcrum.api.Side.BUY),
                            ledger.tradersOpenInterest(market, io.fulcrum.api.Side.SELL))),
                    "the risk control returned no limits");
            if (!limits.equals(market.riskLimits)) {
                market.riskLimits = limits;
                events.add(new Event.RiskLimitsChanged(market.spec.id(), limits.maxLeverage(), limits.maxOpenInterest(),
                        limits.fundingMultiplierPpm(), limits.reason()));
            }
        }
    }

    private void dispatch(Command command, List<Event> events) {
        if (command instanceof Command.PlaceOrder c) {
            orders.place(c, events);
        } else if (command instanceof Command.CancelOrder c) {
            cancels.cancel(c, events);
        } else if (command instanceof Command.PlaceMarketOrder c) {
            orders.placeMarket(c, events);
        } else if (command instanceof Command.PlaceTrigger c) {
            triggers.place(c, events);
        } else if (command instanceof Command.CancelAll c) {
            cancels.cancelAll(c, events);
        } else if (command instanceof Command.AdvanceTime c) {
            cancels.advanceTime(c, events);
            for (MarketRuntime market : ledger.markets) {
                matching.advanceTime(market, c.time(), events);
            }
            ledger.lastAdvanceTime = c.time();
            borrowing.accrueAll(c.time(), events);
            boolean funded = ledger.funding.onTime(c.time(), events);
            prices.advanceTime(c.time(), funded, events);
        } else if (command instanceof Command.AmendOrder c) {
            orders.amend(c, events);
        } else if (command instanceof Command.PublishPrice c) {
            prices.publish(c, events);
        } else if (command instanceof Command.Deposit c) {
            funds.deposit(c, events);
        } else if (command instanceof Command.Withdraw c) {
            funds.withdraw(c, events);
        } else if (command instanceof Command.Transfer c) {
            funds.transfer(c, events);
        } else if (command instanceof Command.OpenAccount c) {
            funds.open(c, events);
        } else if (command instanceof Command.SetMarginMode c) {
            settings.setMarginMode(c, events);
        } else if (command instanceof Command.SetPositionMode c) {
            settings.setPositionMode(c, events);
        } else if (command instanceof Command.SetLeverage c) {
            settings.setLeverage(c, events);
        } else if (command instanceof Command.AddLiquidity c) {
            liquidity.add(c, events);
        } else if (command instanceof Command.RemoveLiquidity c) {
            liquidity.remove(c, events);
        } else if (command instanceof Command.DepositInsurance c) {
            funds.depositInsurance(c, events);
        } else if (command instanceof Command.SettleFunding c) {
            ledger.funding.settleAll(ledger.actingAccount(c.account()), events);
        } else if (command instanceof Command.RetunePool c) {
            curves.retune(c, events);
        } else if (command instanceof Command.AddInsuranceLiquidity c) {
            liquidity.addInsurance(c, events);
        } else if (command instanceof Command.RemoveInsuranceLiquidity c) {
            liquidity.removeInsurance(c, events);
        } else if (command instanceof Command.Borrow c) {
            borrowing.borrow(c, events);
        } else if (command instanceof Command.Repay c) {
            borrowing.repay(c, events);
        } else {
            throw new IllegalArgumentException("unknown command type " + command.getClass().getName());
        }
    }

    /** Read access for the public facade and the state tools in this package. */
    public Ledger ledger() {
        return ledger;
    }
}
