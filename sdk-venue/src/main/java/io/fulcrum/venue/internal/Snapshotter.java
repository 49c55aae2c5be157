package io.fulcrum.venue.internal;

import io.fulcrum.api.MarketId;
import io.fulcrum.api.Side;
import io.fulcrum.api.spi.MatchSink;
import io.fulcrum.api.spi.PriceObservation;
import io.fulcrum.api.spi.RestingOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Captures a kernel's state as {@link SnapshotData} and restores it into a fresh kernel. */
public final class Snapshotter {
    private Snapshotter() {}

    private static SnapshotData.PriceCondition condition(PriceAlerts alerts) {
        return new SnapshotData.PriceCondition(alerts.status, List.copyOf(alerts.flags));
    }

    private static void restoreState(long[] target, long[] saved, String owner) {
        if (saved.length != target.length) {
            throw new IllegalArgumentException(owner + ": the snapshot keeps " + saved.length + " state slots, the venue "
                    + target.length);
        }
        System.arraycopy(saved, 0, target, 0, saved.length);
    }

    /** The non-zero shares of {@code held} (indexed by a vault's first market), by market symbol. */
    private static Map<String, Long> shares(Ledger ledger, long[] held) {
        Map<String, Long> shares = new TreeMap<>();
        for (int m = 0; m < held.length; m++) {
            if (held[m] != 0) {
                shares.put(ledger.markets[m].spec.id().symbol(), held[m]);
            }
        }
        return shares;
    }

    private static SnapshotData.BlockUsageEntry blockUsage(Ledger ledger, BlockUsage usage) {
        List<String> markets = new ArrayList<>();
        usage.liquidatedMarkets.stream().forEach(m -> markets.add(ledger.markets[m].spec.id().symbol()));
        return new SnapshotData.BlockUsageEntry(usage.block, usage.liquidatedNotional, usage.insuranceDrawn, markets);
    }

    /** Captures {@code kernel}'s complete state. */
    public static SnapshotData capture(Kernel kernel) {
        Ledger ledger = kernel.ledger;
        Map<String, Long> netDeposits = new TreeMap<>();
        Map<String, Long> assetPrices = new TreeMap<>();
        Map<String, SnapshotData.PriceCondition> assetConditions = new TreeMap<>();
        for (int i = 0; i < ledger.assets.length; i++) {
            netDeposits.put(ledger.assets[i].id().symbol(), ledger.netDeposits[i]);
            assetPrices.put(ledger.assets[i].id().symbol(), ledger.assetPrices[i]);
            assetConditions.put(ledger.assets[i].id().symbol(), condition(ledger.assetAlerts[i]));
        }
        List<SnapshotData.MarketPrices> markets = new ArrayList<>();
        List<SnapshotData.VaultEntry> vaults = new ArrayList<>();
        List<SnapshotData.OrderEntry> orders = new ArrayList<>();
        for (MarketRuntime m : ledger.markets) {
            markets.add(new SnapshotData.MarketPrices(m.spec.id().symbol(), m.indexPrice, m.indexConfidence, m.markPrice, m.lastTradePrice,
                    m.status, m.priceBandPpm, m.marginScalePpm, condition(m.alerts), m.markState.clone(),
                    Arrays.stream(m.guardStates).map(long[]::clone).toList(), m.poolState.clone(), m.fundingState.clone(),
                    m.lastFundingTime, m.lastPremiumSample, m.cumulativeFunding, m.cumulativeLoss,
                    new SnapshotData.RiskLimitsEntry(m.riskLimits.maxLeverage(), m.riskLimits.maxOpenInterest(),
                            m.riskLimits.fundingMultiplierPpm(), m.riskLimits.reason()),
                    m.lastBorrowTime, m.cumulativeBorrow[0], m.cumulativeBorrow[1], m.insuranceDrawn));
            if (m.vault != null && m.vault.head == m) {
                PoolVault v = m.vault;
                vaults.add(new SnapshotData.VaultEntry(m.spec.id().symbol(), v.lpSupply, v.deposited, v.withdrawn,
                        v.donated, v.feesEarned, v.fundingEarned, v.tradersRealizedPnl, v.insuranceSupply, v.insuranceCash,
                        v.insuranceDeficit));
            }
            m.engine.forEachRestingOrder(o -> {
                OpenOrder kept = ledger.openOrders.get(o.orderId());
                orders.add(new SnapshotData.OrderEntry(o.orderId(), kept.account.id, m.spec.id().symbol(), o.side(),
                        o.price(), kept.size, kept.filled, o.openSize(), kept.reduceOnly, kept.postOnly,
                        kept.expiresAt, o.displaySize(), o.visibleSize(), o.timeInForce(), kept.account.legOf(kept.slot)));
            });
        }
        List<SnapshotData.AccountEntry> accounts = new ArrayList<>();
        for (AccountState a : ledger.accounts.values()) {
            Map<String, Long> balances = new TreeMap<>();
            for (int i = 0; i < ledger.assets.length; i++) {
                if (a.balances[i] != 0) {
                    balances.put(ledger.assets[i].id().symbol(), a.balances[i]);
                }
            }
            List<SnapshotData.PositionEntry> positions = new ArrayList<>();
            for (int m = 0; m < a.positions.length; m++) {
                PositionState p = a.positions[m];
                if (p != null && (p.size != 0 || p.costBasis != 0 || p.realizedPnl != 0 || p.fees != 0 || p.poolMemo != 0
                        || p.fundingIndex != 0 || p.lossIndex != 0 || p.borrowIndex[0] != 0 || p.borrowIndex[1] != 0)) {
                    positions.add(new SnapshotData.PositionEntry(ledger.markets[a.marketOf(m)].spec.id().symbol(),
                            a.legOf(m), p.size, p.costBasis, p.realizedPnl, p.fees, p.poolMemo, p.fundingIndex, p.lossIndex,
                            p.borrowIndex[0], p.borrowIndex[1]));
                }
            }
            Map<String, Long> leverage = new TreeMap<>();
            for (int m = 0; m < a.leverage.length; m++) {
                if (a.leverage[m] != 0) {
                    leverage.put(ledger.markets[m].spec.id().symbol(), a.leverage[m]);
                }
            }
            accounts.add(new SnapshotData.AccountEntry(a.id, a.key, balances, positions, a.marginMode,
                    a.isolatedMarket < 0 ? null : ledger.markets[a.isolatedMarket].spec.id().symbol(), leverage, a.loan,
                    a.loanSince, a.positionMode, shares(ledger, a.lpShares), shares(ledger, a.insuranceShares),
                    a.lastPartialLiquidation, blockUsage(ledger, a.blockUsage)));
        }
        List<SnapshotData.TriggerEntry> triggers = new ArrayList<>();
        for (TriggerOrder t : ledger.triggers.values()) {
            triggers.add(new SnapshotData.TriggerEntry(t.id(), t.account().id, ledger.markets[t.market()].spec.id().symbol(),
                    t.side(), t.type(), t.reference(), t.triggerPrice(), t.limitPrice(), t.size(), t.timeInForce(),
                    t.reduceOnly(), t.positionSide()));
        }
        List<PriceObservation> observations = new ArrayList<>(ledger.observations.values());
        long[] applied = kernel.appliedCommands.toSortedArray();
        return new SnapshotData(SnapshotData.FORMAT, kernel.sequence, ledger.clock, ledger.nextOrderId,
                ledger.nextAccountKey, ledger.feePool, ledger.lendingPool, ledger.fundingPool, new TreeMap<>(ledger.insuranceFunds),
                ledger.fundBlock, new TreeMap<>(ledger.fundDrawnInBlock),
                ledger.lastAdvanceTime, netDeposits, assetPrices, assetConditions, markets, vaults, accounts, orders, triggers, observations,
                applied, StateHasher.hash(kernel));
    }

    /**
     * Restores {@code data} into {@code kernel}, which must be fresh (built from the same
     * configuration, no command applied).
     *
     * @throws IllegalArgumentException if the snapshot does not fit this venue's configuration
     * @throws IllegalStateException if the restored state's hash differs from the snapshot's
     */
    public static void restore(Kernel kernel, SnapshotData data) {
        Ledger ledger = kernel.ledger;
        if (kernel.sequence != 0 || ledger.accounts.values().stream().anyMatch(a -> !a.isPool())) {
            throw new IllegalStateException("a snapshot can only be restored into a fresh venue");
        }
        if (data.format() != SnapshotData.FORMAT) {
            throw new IllegalArgumentException("snapshot format " + data.format() + " is not " + SnapshotData.FORMAT);
        }
        kernel.sequence = data.sequence();
        ledger.clock = data.clock();
        ledger.nextOrderId = data.nextOrderId();
        ledger.nextAccountKey = data.nextAccountKey();
        ledger.feePool = data.feePool();
        ledger.lendingPool = data.lendingPool();
        ledger.fundingPool = data.fundingPool();
        ledger.insuranceFunds.putAll(data.insuranceFunds());
        ledger.fundBlock = data.fundBlock();
        ledger.fundDrawnInBlock.putAll(data.fundDrawnInBlock());
        ledger.lastAdvanceTime = data.lastAdvanceTime();
        for (int i = 0; i < ledger.assets.length; i++) {
            String symbol = ledger.assets[i].id().symbol();
            ledger.netDeposits[i] = require(data.netDeposits(), symbol, "asset");
            ledger.assetPrices[i] = require(data.assetPrices(), symbol, "asset");
            SnapshotData.PriceCondition condition = require(data.assetPriceConditions(), symbol, "asset");
            ledger.assetAlerts[i].restore(condition.status(), condition.flags());
        }
        for (SnapshotData.MarketPrices p : data.markets()) {
            MarketRuntime m = marketOf(ledger, p.market());
            m.indexPrice = p.indexPrice();
            m.indexConfidence = p.indexConfidence();
            m.markPrice = p.markPrice();
            m.lastTradePrice = p.lastTradePrice();
            m.status = p.status();
            m.priceBandPpm = p.priceBandPpm();
            m.marginScalePpm = p.marginScalePpm();
            m.alerts.restore(p.priceCondition().status(), p.priceCondition().flags());
            restoreState(m.markState, p.markState(), m.spec.id() + " mark rule");
            restoreState(m.poolState, p.poolState(), m.spec.id() + " pool curve");
            restoreState(m.fundingState, p.fundingState(), m.spec.id() + " funding model");
            m.lastFundingTime = p.lastFundingTime();
            m.lastPremiumSample = p.lastPremiumSample();
            m.cumulativeFunding = p.cumulativeFunding();
            m.cumulativeLoss = p.cumulativeLoss();
            SnapshotData.RiskLimitsEntry r = p.riskLimits();
            m.riskLimits = new io.fulcrum.api.spi.RiskControl.Limits(r.maxLeverage(), r.maxOpenInterest(),
                    r.fundingMultiplierPpm(), r.reason());
            m.lastBorrowTime = p.lastBorrowTime();
            m.cumulativeBorrow[0] = p.cumulativeBorrowLong();
            m.cumulativeBorrow[1] = p.cumulativeBorrowShort();
            m.insuranceDrawn = p.insuranceDrawn();
            if (p.guardStates().size() != m.guardStates.length) {
                throw new IllegalArgumentException(m.spec.id() + ": the snapshot has " + p.guardStates().size()
                        + " guard states, the venue " + m.guardStates.length + " guards");
            }
            for (int g = 0; g < m.guardStates.length; g++) {
                restoreState(m.guardStates[g], p.guardStates().get(g), m.spec.id() + " guard " + g);
            }
        }
        for (SnapshotData.VaultEntry v : data.vaults()) {
            PoolVault vault = marketOf(ledger, v.market()).vault;
            if (vault == null || !vault.head.spec.id().symbol().equals(v.market())) {
                throw new IllegalArgumentException(v.market() + " heads no pool vault in this venue");
            }
            vault.lpSupply = v.lpSupply();
            vault.deposited = v.deposited();
            vault.withdrawn = v.withdrawn();
            vault.donated = v.donated();
            vault.feesEarned = v.feesEarned();
            vault.fundingEarned = v.fundingEarned();
            vault.tradersRealizedPnl = v.tradersRealizedPnl();
            vault.insuranceSupply = v.insuranceSupply();
            vault.insuranceCash = v.insuranceCash();
            vault.insuranceDeficit = v.insuranceDeficit();
        }
        for (SnapshotData.AccountEntry e : data.accounts()) {
            AccountState a = new AccountState(e.account(), e.key(), ledger.assets.length, ledger.markets.length);
            e.balances().forEach((symbol, amount) -> a.balances[assetIndexOf(ledger, symbol)] = amount);
            a.marginMode = e.marginMode();
            a.positionMode = e.positionMode();
            e.lpShares().forEach((symbol, shares) -> a.lpShares[marketOf(ledger, symbol).index] = shares);
            e.insuranceShares().forEach((symbol, shares) -> a.insuranceShares[marketOf(ledger, symbol).index] = shares);
            a.loan = e.loan();
            a.loanSince = e.loanSince();
            a.lastPartialLiquidation = e.lastPartialLiquidation();
            SnapshotData.BlockUsageEntry usage = e.blockUsage();
            a.blockUsage.block = usage.block();
            a.blockUsage.liquidatedNotional = usage.liquidatedNotional();
            a.blockUsage.insuranceDrawn = usage.insuranceDrawn();
            usage.liquidatedMarkets().forEach(symbol -> a.blockUsage.liquidatedMarkets.set(marketOf(ledger, symbol).index));
            a.isolatedMarket = e.isolatedMarket() == null ? -1 : marketOf(ledger, e.isolatedMarket()).index;
            e.leverage().forEach((symbol, leverage) -> a.leverage[marketOf(ledger, symbol).index] = leverage);
            for (SnapshotData.PositionEntry pe : e.positions()) {
                MarketRuntime m = marketOf(ledger, pe.market());
                PositionState p = a.position(a.slot(m.index, pe.leg()), m);
                p.size = pe.size();
                p.costBasis = pe.costBasis();
                p.realizedPnl = pe.realizedPnl();
                p.fees = pe.fees();
                p.poolMemo = pe.poolMemo();
                p.fundingIndex = pe.fundingIndex();
                p.lossIndex = pe.lossIndex();
                p.borrowIndex[0] = pe.borrowLongIndex();
                p.borrowIndex[1] = pe.borrowShortIndex();
                ledger.openInterest[m.index] += Math.max(p.size, 0); // derived, not stored
            }
            ledger.accounts.put(a.id, a);
            ledger.accountsByKey.put(a.key, a);
        }
        for (MarketRuntime m : ledger.markets) {
            if (m.vault != null && m.vault.head == m) {
                m.vault.account = ledger.accounts.get(m.vault.account.id); // the restored one
            }
        }
        if (ledger.backstop != null) {
            ledger.backstop = ledger.accounts.get(ledger.backstop.id);
        }
        ledger.desks.replaceAll((fund, desk) -> ledger.accounts.get(desk.id));
        Settlement settlement = new Settlement(ledger);
        for (SnapshotData.OrderEntry o : data.orders()) {
            MarketRuntime m = marketOf(ledger, o.market());
            AccountState a = ledger.accounts.get(o.account());
            if (a == null) {
                throw new IllegalArgumentException("snapshot order " + o.orderId() + " belongs to unknown account " + o.account());
            }
            m.engine.restore(new RestingOrder(o.orderId(), a.key, o.side(), o.price(), o.openSize(), o.displaySize(),
                    o.visibleSize(), o.timeInForce()));
            OpenOrder order = new OpenOrder(o.orderId(), a, m.index, a.slot(m.index, o.positionSide()), o.side(), o.price(),
                    o.size(), o.filled(), o.reduceOnly(), o.postOnly(), o.expiresAt(), o.displaySize());
            order.openSize = o.openSize();
            order.visibleSize = o.visibleSize();
            settlement.register(order);
        }
        for (SnapshotData.TriggerEntry t : data.triggers()) {
            AccountState a = ledger.accounts.get(t.account());
            if (a == null) {
                throw new IllegalArgumentException("snapshot trigger " + t.id() + " belongs to unknown account " + t.account());
            }
            ledger.triggers.put(t.id(), new TriggerOrder(t.id(), a, marketOf(ledger, t.market()).index, t.side(), t.type(),
                    t.reference(), t.triggerPrice(), t.limitPrice(), t.size(), t.timeInForce(), t.reduceOnly(),
                    t.positionSide()));
        }
        for (PriceObservation o : data.observations()) {
            ledger.observations.put(o.feed(), o);
        }
        if (ledger.lastAdvanceTime != Long.MIN_VALUE) {
            // A batch auction's clock is the bucket of its last onTime; one call re-seeds it, and
            // a fresh engine's first call never clears, so nothing may be reported.
            for (MarketRuntime m : ledger.markets) {
                m.engine.onTime(ledger.lastAdvanceTime, SILENT);
            }
        }
        kernel.appliedCommands.addAll(data.appliedCommands());
        ledger.bookLevels.discardPending(); // restoring is not a change a client must hear about
        String hash = StateHasher.hash(kernel);
        if (!hash.equals(data.stateHash())) {
            throw new IllegalStateException("restored state hash " + hash + " differs from the snapshot's " + data.stateHash()
                    + ": the snapshot is corrupt or comes from a differently configured venue");
        }
        if (ledger.health != null) {
            ledger.health.rebuild(); // derived state: every account's thresholds at the restored prices
        }
    }

    private static final MatchSink SILENT = new MatchSink() {
        @Override
        public boolean onMatch(long makerOrderId, long makerOwner, long takerOrderId, long price, long quantity) {
            throw new IllegalStateException("an engine matched while its clock was being restored");
        }

        @Override
        public void onRested(long orderId, Side side, long price, long openSize) {
            throw new IllegalStateException("an engine rested an order while its clock was being restored");
        }

        @Override
        public int onCross(long buyOrderId, long sellOrderId, long price, long quantity) {
            throw new IllegalStateException("an engine ran an auction while its clock was being restored");
        }

        @Override
        public void onReduced(long orderId, long reducedBy, long openSize, io.fulcrum.api.CancelReason reason) {
            throw new IllegalStateException("an engine reduced an order while its clock was being restored");
        }
    };

    private static <V> V require(Map<String, V> map, String key, String what) {
        V v = map.get(key);
        if (v == null) {
            throw new IllegalArgumentException("snapshot has no entry for " + what + " " + key);
        }
        return v;
    }

    private static MarketRuntime marketOf(Ledger ledger, String symbol) {
        for (MarketRuntime m : ledger.markets) {
            if (m.spec.id().equals(MarketId.of(symbol))) {
                return m;
            }
        }
        throw new IllegalArgumentException("snapshot names market " + symbol + " which this venue does not list");
    }

    private static int assetIndexOf(Ledger ledger, String symbol) {
        for (int i = 0; i < ledger.assets.length; i++) {
            if (ledger.assets[i].id().symbol().equals(symbol)) {
                return i;
            }
        }
        throw new IllegalArgumentException("snapshot names asset " + symbol + " which this venue does not list");
    }

}
