package io.fulcrum.venue.internal;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.MarginMode;
import io.fulcrum.api.PositionMode;
import io.fulcrum.api.PositionSide;
import io.fulcrum.api.MarketStatus;
import io.fulcrum.api.PriceFlag;
import io.fulcrum.api.PriceStatus;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.TriggerPrice;
import io.fulcrum.api.TriggerType;
import io.fulcrum.api.spi.PriceObservation;
import java.util.List;
import java.util.Map;

/**
 * A venue's complete state as plain data, for JSON. Orders are listed per market in book
 * priority order, so restoring them in list order rebuilds identical queues.
 */
public record SnapshotData(
        int format,
        long sequence,
        long clock,
        long nextOrderId,
        long nextAccountKey,
        long feePool,
        long lendingPool,
        long fundingPool,
        Map<String, Long> insuranceFunds,
        long fundBlock,
        Map<String, Long> fundDrawnInBlock,
        long lastAdvanceTime,
        Map<String, Long> netDeposits,
        Map<String, Long> assetPrices,
        Map<String, PriceCondition> assetPriceConditions,
        List<MarketPrices> markets,
        List<VaultEntry> vaults,
        List<AccountEntry> accounts,
        List<OrderEntry> orders,
        List<TriggerEntry> triggers,
        List<PriceObservation> observations,
        long[] appliedCommands,
        String stateHash) {

    /** The format version this code writes and reads. */
    public static final int FORMAT = 16;

    /**
     * A market's prices, status and the memory of its mark rule and oracle guards (one array
     * per guard, in the order the guards were added).
     */
    public record MarketPrices(String market, long indexPrice, long indexConfidence, long markPrice, long lastTradePrice,
            MarketStatus status, long priceBandPpm, long marginScalePpm, PriceCondition priceCondition,
            long[] markState, List<long[]> guardStates, long[] poolState, long[] fundingState, long lastFundingTime,
            long lastPremiumSample, long cumulativeFunding, long cumulativeLoss, RiskLimitsEntry riskLimits,
            long lastBorrowTime, long cumulativeBorrowLong, long cumulativeBorrowShort, long insuranceDrawn) {}

    /** A risk control's limits in force. */
    public record RiskLimitsEntry(long maxLeverage, long maxOpenInterest, long fundingMultiplierPpm, String reason) {}

    /**
     * A pool vault, keyed by its first market: its share supply and running totals (its money
     * is its pool account's balances).
     */
    public record VaultEntry(String market, long lpSupply, long deposited, long withdrawn, long donated,
            long feesEarned, long fundingEarned, long tradersRealizedPnl, long insuranceSupply, long insuranceCash,
            long insuranceDeficit) {}

    /**
     * What a price source last said: the venue reports a change of it as a price alert. Flags
     * are listed in declaration order, so the same state always writes the same JSON.
     */
    public record PriceCondition(PriceStatus status, List<PriceFlag> flags) {}

    /** An account with its balances (by asset symbol) and positions. */
    public record AccountEntry(AccountId account, long key, Map<String, Long> balances, List<PositionEntry> positions,
            MarginMode marginMode, String isolatedMarket, Map<String, Long> leverage, long loan, long loanSince,
            PositionMode positionMode, Map<String, Long> lpShares, Map<String, Long> insuranceShares,
            long lastPartialLiquidation, BlockUsageEntry blockUsage) {}

    /** What an account used of the per-block limits in its last block (market symbols, sorted). */
    public record BlockUsageEntry(long block, long liquidatedNotional, long insuranceDrawn, List<String> liquidatedMarkets) {}

    /** A position's ledger fields (resting-order exposure is rebuilt from the orders). */
    public record PositionEntry(String market, PositionSide leg, long size, long costBasis, long realizedPnl, long fees,
            long poolMemo, long fundingIndex, long lossIndex, long borrowLongIndex, long borrowShortIndex) {}

    /** An untriggered conditional order. */
    public record TriggerEntry(long id, AccountId account, String market, Side side, TriggerType type,
            TriggerPrice reference, long triggerPrice, long limitPrice, long size, TimeInForce timeInForce,
            boolean reduceOnly, PositionSide positionSide) {}

    /** A resting order. */
    public record OrderEntry(long orderId, AccountId account, String market, Side side, long price, long size,
            long filled, long openSize, boolean reduceOnly, boolean postOnly, long expiresAt, long displaySize,
            long visibleSize, TimeInForce timeInForce, PositionSide positionSide) {}
}
