package io.fulcrum.venue.internal;

import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.MarketStatus;
import io.fulcrum.api.spi.FundingModel;
import io.fulcrum.api.spi.GuardVerdict;
import io.fulcrum.api.spi.MarkPriceRule;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.api.spi.OracleGuard;
import io.fulcrum.api.spi.PoolFeeRule;
import io.fulcrum.api.spi.PriceSource;
import java.util.List;

/**
 * A listed market: its rules, its matching engine, its price wiring, its current prices and
 * the memory its mark rule and oracle guards keep (owned here so that snapshots carry it).
 */
final class MarketRuntime {
    final int index;
    final MarketSpec spec;
    final MatchingEngine engine;
    final PriceSource priceSource;
    final MarkPriceRule markPriceRule;
    final List<OracleGuard> guards;
    final long[] markState;
    final long[][] guardStates;
    /** A pool engine's curve memory (a vAMM's reserves and peg); empty for other engines. */
    final long[] poolState;
    final PriceAlerts alerts = new PriceAlerts();
    /** The pool a pool market's fills go against (its engine is a pool), or null for a book. */
    PoolVault vault;
    /** How a pool market's fees are decided, or null: the venue's fee schedule. */
    PoolFeeRule poolFees;
    /** How the market's funding rate is set, or null: no funding. */
    final FundingModel fundingModel;
    /** The funding model's memory. */
    final long[] fundingState;
    /** When funding was last paid (Long.MIN_VALUE: the clock has not started) and the premium last sampled. */
    long lastFundingTime = Long.MIN_VALUE;
    long lastPremiumSample = Long.MIN_VALUE;
    /** What one long size unit has paid in funding since the market opened, millionths of a settlement unit. */
    long cumulativeFunding;
    /** What a pool market's traders pay the pool for reserving its liquidity, or null. */
    io.fulcrum.api.spi.BorrowingRule borrowingRule;
    /** When borrowing last accrued (Long.MIN_VALUE: not started). */
    long lastBorrowTime = Long.MIN_VALUE;
    /** What one long (0) and one short (1) size unit have paid in borrowing, millionths of a settlement unit. */
    final long[] cumulativeBorrow = new long[2];
    /** What tightens the market when its risk concentrates, or null; and the limits in force. */
    io.fulcrum.api.spi.RiskControl riskControl;
    io.fulcrum.api.spi.RiskControl.Limits riskLimits = io.fulcrum.api.spi.RiskControl.Limits.NONE;
    /** What one size unit, long or short, has paid of socialised losses since the market opened, millionths. */
    long cumulativeLoss;
    /** What insurance funds have paid for shortfalls in this market since it opened. */
    long insuranceDrawn;
    long indexPrice;
    /** The price source's confidence interval around the index, in price units (0 if it gives none or holds the price). */
    long indexConfidence;
    long markPrice;
    long lastTradePrice;
    MarketStatus status = MarketStatus.OPEN;
    long priceBandPpm;
    long marginScalePpm = GuardVerdict.UNSCALED;

    MarketRuntime(int index, MarketSpec spec, MatchingEngine engine, PriceSource priceSource, MarkPriceRule rule,
            List<OracleGuard> guards, FundingModel fundingModel) {
        this.index = index;
        this.spec = spec;
        this.engine = engine;
        this.priceSource = priceSource;
        this.markPriceRule = rule;
        this.guards = List.copyOf(guards);
        this.markState = new long[stateSize("mark rule " + rule, rule.stateSize())];
        this.guardStates = new long[this.guards.size()][];
        for (int i = 0; i < guardStates.length; i++) {
            OracleGuard guard = this.guards.get(i);
            guardStates[i] = new long[stateSize("guard " + guard, guard.stateSize())];
        }
        this.poolState = new long[engine.isPool() ? stateSize("pool engine " + engine, engine.poolStateSize()) : 0];
        this.fundingModel = fundingModel;
        this.fundingState = new long[fundingModel == null ? 0 : stateSize("funding model " + fundingModel,
                fundingModel.stateSize())];
        engine.initPoolState(poolState);
    }

    private int stateSize(String owner, int size) {
        if (size < 0 || size > 1_024) {
            throw new IllegalArgumentException(spec.id() + ": the " + owner + " asks for " + size
                    + " state slots; 0..1024 are allowed");
        }
        return size;
    }

    /** Whether time alone can change this market's prices or status (so AdvanceTime re-prices it). */
    boolean isTimeSensitive() {
        return !guards.isEmpty() || markState.length > 0;
    }

    /** What the guards say at {@code now}, changing nothing. */
    GuardVerdict verdictAt(long now) {
        GuardVerdict verdict = GuardVerdict.CONTENT;
        for (int i = 0; i < guardStates.length; i++) {
            verdict = verdict.and(guards.get(i).at(now, guardStates[i]));
        }
        return verdict;
    }

    /** What the guards say after the usable index {@code index} at {@code now}; they may update their memory. */
    GuardVerdict verdictOnIndex(long now, long index) {
        GuardVerdict verdict = GuardVerdict.CONTENT;
        for (int i = 0; i < guardStates.length; i++) {
            verdict = verdict.and(guards.get(i).onIndex(now, index, guardStates[i]));
        }
        return verdict;
    }
}
