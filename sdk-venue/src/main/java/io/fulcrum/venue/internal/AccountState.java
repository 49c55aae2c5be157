package io.fulcrum.venue.internal;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.MarginMode;
import io.fulcrum.api.PositionMode;
import io.fulcrum.api.PositionSide;

/**
 * One account's balances (indexed by asset) and positions, indexed by <b>slot</b>: slot
 * {@code m} is market {@code m}'s net position (one-way) or long leg (hedge), slot
 * {@code markets + m} its short leg (hedge only).
 */
final class AccountState {
    final AccountId id;
    final long key;
    final long[] balances;
    final PositionState[] positions;
    final int marketCount;
    PositionMode positionMode = PositionMode.ONE_WAY;
    /** The leverage chosen per market, 0 where the market's own initial rate applies. */
    final long[] leverage;
    /** Liquidity shares held per pool vault, at the index of the vault's first market. */
    final long[] lpShares;
    /** Insurance-tranche shares held per pool vault, likewise. */
    final long[] insuranceShares;
    MarginMode marginMode = MarginMode.CROSS;
    /** The market an isolated account trades, or -1. */
    int isolatedMarket = -1;
    /** What the account owes the venue in the settlement asset, interest included. */
    long loan;
    /** When interest was last charged on the loan. */
    long loanSince;
    /** When a liquidation last closed only part of a position here (LiquidationContext.NEVER: never). */
    long lastPartialLiquidation = io.fulcrum.api.spi.LiquidationContext.NEVER;
    /** What the account used of the per-block limits in its last block. */
    final BlockUsage blockUsage = new BlockUsage();

    AccountState(AccountId id, long key, int assetCount, int marketCount) {
        this.id = id;
        this.key = key;
        this.balances = new long[assetCount];
        this.positions = new PositionState[2 * marketCount];
        this.leverage = new long[marketCount];
        this.lpShares = new long[marketCount];
        this.insuranceShares = new long[marketCount];
        this.marketCount = marketCount;
    }

    /** The slot of market {@code market}'s leg {@code leg}: the short leg lives after every market. */
    int slot(int market, PositionSide leg) {
        return leg == PositionSide.SHORT ? marketCount + market : market;
    }

    /** The market a slot belongs to. */
    int marketOf(int slot) {
        return slot < marketCount ? slot : slot - marketCount;
    }

    /** The leg a slot holds, as this account's mode names it. */
    PositionSide legOf(int slot) {
        return positionMode == PositionMode.ONE_WAY ? PositionSide.BOTH
                : slot < marketCount ? PositionSide.LONG : PositionSide.SHORT;
    }

    PositionState position(int slot, MarketRuntime runtime) {
        PositionState p = positions[slot];
        if (p == null) {
            p = new PositionState(runtime.spec);
            positions[slot] = p;
        }
        return p;
    }

    /**
     * True for an account the venue owns (owner 0): a pool market's pool account (the counterparty
     * of every pool fill), the backstop vault, an insurance fund's desk. Nobody liquidates them.
     */
    boolean isPool() {
        return id.owner() == 0;
    }

    boolean hasRisk() {
        for (PositionState p : positions) {
            if (p != null && p.hasRisk()) {
                return true;
            }
        }
        return false;
    }
}
