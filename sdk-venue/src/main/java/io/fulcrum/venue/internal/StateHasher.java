package io.fulcrum.venue.internal;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.fulcrum.api.spi.PriceObservation;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A SHA-256 digest of everything that defines a venue's state, fed in a fixed order: clock and
 * counters, assets, markets with their books in priority order, accounts in id order, feed
 * observations in name order, applied command ids in numeric order. Two venues with equal
 * hashes answer every future command identically. (The command sequence number is journal
 * bookkeeping, not state: a rejected command advances it but changes nothing.)
 */
public final class StateHasher {
    private StateHasher() {}

    private static void putCondition(Hasher h, PriceAlerts alerts) {
        h.putInt(alerts.status.ordinal());
        alerts.flags.forEach(flag -> h.putInt(flag.ordinal()));
        h.putInt(-1);
    }

    private static void putSlots(Hasher h, long[] slots) {
        h.putInt(slots.length);
        for (long slot : slots) {
            h.putLong(slot);
        }
    }

    /** The hex digest of {@code kernel}'s state. */
    public static String hash(Kernel kernel) {
        Ledger ledger = kernel.ledger;
        Hasher h = Hashing.sha256().newHasher();
        h.putLong(ledger.clock).putLong(ledger.lastAdvanceTime).putLong(ledger.nextOrderId).putLong(ledger.nextAccountKey).putLong(ledger.feePool)
                .putLong(ledger.lendingPool).putLong(ledger.fundingPool);
        h.putInt(ledger.insuranceFunds.size());
        ledger.insuranceFunds.forEach((fund, balance) -> h.putString(fund, StandardCharsets.UTF_8).putLong(balance));
        h.putLong(ledger.fundBlock).putInt(ledger.fundDrawnInBlock.size());
        ledger.fundDrawnInBlock.forEach((fund, drawn) -> h.putString(fund, StandardCharsets.UTF_8).putLong(drawn));
        for (int i = 0; i < ledger.assets.length; i++) {
            h.putString(ledger.assets[i].id().symbol(), StandardCharsets.UTF_8)
                    .putLong(ledger.netDeposits[i]).putLong(ledger.assetPrices[i]);
            putCondition(h, ledger.assetAlerts[i]);
        }
        for (MarketRuntime m : ledger.markets) {
            h.putString(m.spec.id().symbol(), StandardCharsets.UTF_8)
                    .putLong(m.indexPrice).putLong(m.indexConfidence).putLong(m.markPrice).putLong(m.lastTradePrice)
                    .putInt(m.status.ordinal()).putLong(m.priceBandPpm).putLong(m.marginScalePpm);
            if (m.vault != null && m.vault.head == m) {
                PoolVault v = m.vault;
                h.putLong(v.lpSupply).putLong(v.deposited).putLong(v.withdrawn).putLong(v.donated).putLong(v.feesEarned)
                        .putLong(v.fundingEarned)
                        .putLong(v.tradersRealizedPnl).putLong(v.insuranceSupply).putLong(v.insuranceCash)
                        .putLong(v.insuranceDeficit);
            }
            putCondition(h, m.alerts);
            putSlots(h, m.markState);
            putSlots(h, m.poolState);
            putSlots(h, m.fundingState);
            h.putLong(m.lastFundingTime).putLong(m.lastPremiumSample).putLong(m.cumulativeFunding)
                    .putLong(m.cumulativeLoss).putLong(m.riskLimits.maxLeverage()).putLong(m.riskLimits.maxOpenInterest())
                    .putLong(m.riskLimits.fundingMultiplierPpm()).putString(m.riskLimits.reason(), StandardCharsets.UTF_8)
                    .putLong(m.lastBorrowTime).putLong(m.cumulativeBorrow[0]).putLong(m.cumulativeBorrow[1])
                    .putLong(m.insuranceDrawn);
            for (long[] guardState : m.guardStates) {
                putSlots(h, guardState);
            }
            h.putInt(m.engine.restingOrderCount());
            m.engine.forEachRestingOrder(o -> {
                OpenOrder kept = ledger.openOrders.get(o.orderId());
                h.putLong(o.orderId()).putLong(o.owner()).putInt(o.side().ordinal()).putLong(o.price())
                        .putLong(o.openSize()).putLong(o.displaySize()).putLong(o.visibleSize())
                        .putInt(o.timeInForce().ordinal())
                        .putLong(kept == null ? -1 : kept.size).putLong(kept == null ? -1 : kept.filled)
                        .putBoolean(kept != null && kept.reduceOnly).putBoolean(kept != null && kept.postOnly)
                        .putLong(kept == null ? -1 : kept.expiresAt).putInt(kept == null ? -1 : kept.slot);
            });
        }
        h.putInt(ledger.openOrders.size());
        for (AccountState a : ledger.accounts.values()) {
            h.putLong(a.id.owner()).putInt(a.id.subaccount()).putLong(a.key)
                    .putInt(a.marginMode.ordinal()).putInt(a.isolatedMarket).putLong(a.loan).putLong(a.loanSince)
                    .putInt(a.positionMode.ordinal()).putLong(a.lastPartialLiquidation);
            h.putLong(a.blockUsage.block).putLong(a.blockUsage.liquidatedNotional).putLong(a.blockUsage.insuranceDrawn);
            for (long word : a.blockUsage.liquidatedMarkets.toLongArray()) {
                h.putLong(word);
            }
            for (long b : a.balances) {
                h.putLong(b);
            }
            for (long leverage : a.leverage) {
                h.putLong(leverage);
            }
            for (long shares : a.lpShares) {
                h.putLong(shares);
            }
            for (long shares : a.insuranceShares) {
                h.putLong(shares);
            }
            for (int m = 0; m < a.positions.length; m++) {
                PositionState p = a.positions[m];
                if (p != null && !p.isEmpty()) {
                    h.putInt(m).putInt(p.openOrders).putLong(p.size).putLong(p.costBasis).putLong(p.realizedPnl).putLong(p.fees)
                            .putLong(p.poolMemo).putLong(p.fundingIndex).putLong(p.lossIndex)
                            .putLong(p.borrowIndex[0]).putLong(p.borrowIndex[1])
                            .putLong(p.openBuySize).putLong(p.openBuyNotional)
                            .putLong(p.openSellSize).putLong(p.openSellNotional);
                }
            }
            h.putInt(-1);
        }
        h.putInt(ledger.triggers.size());
        for (TriggerOrder t : ledger.triggers.values()) {
            h.putLong(t.id()).putLong(t.account().key).putInt(t.market()).putInt(t.positionSide().ordinal())
                    .putInt(t.side().ordinal())
                    .putInt(t.type().ordinal()).putInt(t.reference().ordinal()).putLong(t.triggerPrice())
                    .putLong(t.limitPrice()).putLong(t.size()).putInt(t.timeInForce().ordinal())
                    .putBoolean(t.reduceOnly());
        }
        for (PriceObservation o : ledger.observations.values()) {
            h.putString(o.feed(), StandardCharsets.UTF_8).putLong(o.price()).putLong(o.confidence()).putLong(o.time());
        }
        long[] ids = kernel.appliedCommands.toArray();
        Arrays.sort(ids);
        for (long id : ids) {
            h.putLong(id);
        }
        return h.hash().toString();
    }
}
