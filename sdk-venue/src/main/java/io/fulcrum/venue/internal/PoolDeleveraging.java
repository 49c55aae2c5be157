package io.fulcrum.venue.internal;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketStatus;
import io.fulcrum.api.Side;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A pool's auto-deleveraging (GMX v2's ADL, MECHANISMS.md §3.4): when the traders' unrealised
 * profit against a vault exceeds its trigger share of the vault's token value, their most
 * profitable positions are reduced at mark against the pool, largest profit first, until the
 * profit left is at most the target share of what the pool then holds. Realising a profit pays
 * it out of the pool, so the amount {@code x} to realise solves {@code P − x ≤ t·(T − x)}:
 * {@code x = (P − t·T) / (1 − t)}.
 *
 * <p>Example (§3.4): tokens 200,000, traders up 180,000 (90 % > 85 %): to reach 77 % the pool
 * realises (180,000 − 154,000) / 0.23 = 113,043.48 of the profit, after which traders are up
 * 66,956.52 on 86,956.52 of tokens (77 %).
 *
 * <p>GMX leaves the choice of positions to keepers; here the ranking is deterministic: unrealised
 * profit, then account, then position slot. Positions in a halted market are left alone.
 */
final class PoolDeleveraging {
    private final Ledger ledger;
    private final Settlement settlement;

    PoolDeleveraging(Ledger ledger, Settlement settlement) {
        this.ledger = ledger;
        this.settlement = settlement;
    }

    /** Deleverages every vault whose traders' profit is above its trigger. */
    void run(List<io.fulcrum.api.Event> events) {
        for (MarketRuntime market : ledger.markets) {
            PoolVault vault = market.vault;
            if (vault != null && vault.head == market && vault.adlTriggerPpm > 0 && isAbove(vault)) {
                deleverage(vault, events);
            }
        }
    }

    private static boolean isAbove(PoolVault vault) {
        long tokens = Math.max(vault.tokenValue(), 0);
        return vault.tradersPnl() > Fixed.ppm(tokens, vault.adlTriggerPpm, RoundingMode.FLOOR);
    }

    /** The profit still to realise to bring the vault to its target: {@code (P − t·T) / (1 − t)}, rounded up. */
    private static long excess(PoolVault vault) {
        long tokens = Math.max(vault.tokenValue(), 0);
        long over = Fixed.subtract(vault.tradersPnl(), Fixed.ppm(tokens, vault.adlTargetPpm, RoundingMode.FLOOR));
        return over <= 0 ? 0 : Fixed.mulDiv(over, Fixed.PPM, Fixed.PPM - vault.adlTargetPpm, RoundingMode.CEILING);
    }

    private record Candidate(AccountState account, int slot, MarketRuntime market, long pnl) {}

    private void deleverage(PoolVault vault, List<io.fulcrum.api.Event> events) {
        for (Candidate c : ranked(vault)) {
            long excess = excess(vault);
            if (excess <= 0) {
                return;
            }
            PositionState p = c.account.positions[c.slot];
            long size = Math.abs(p.size);
            long lot = c.market.spec.lotSize();
            long wanted = Fixed.mulDiv(excess, size, c.pnl, RoundingMode.CEILING);
            long quantity = Math.min(size, Fixed.divide(wanted, lot, RoundingMode.CEILING) * lot);
            Side side = p.size > 0 ? Side.SELL : Side.BUY;
            settlement.settleDeleveraging(c.market, c.account, c.slot, side, c.market.markPrice, quantity, events);
        }
    }

    /** Every trader position in the vault's markets in profit at mark, most profitable first. */
    private List<Candidate> ranked(PoolVault vault) {
        List<Candidate> candidates = new ArrayList<>();
        for (AccountState account : ledger.accounts.values()) {
            if (account.isPool()) {
                continue;
            }
            for (MarketRuntime market : vault.markets) {
                if (market.status == MarketStatus.HALTED || market.markPrice <= 0) {
                    continue;
                }
                for (int slot : new int[] {market.index, account.marketCount + market.index}) {
                    PositionState p = account.positions[slot];
                    long pnl = p == null || p.size == 0 ? 0 : unrealizedPnl(market, p);
                    if (pnl > 0) {
                        candidates.add(new Candidate(account, slot, market, pnl));
                    }
                }
            }
        }
        candidates.sort(Comparator.comparingLong(Candidate::pnl).reversed()
                .thenComparingLong(c -> c.account.key).thenComparingInt(Candidate::slot));
        return candidates;
    }

    /** A position's PnL at mark, rounded against its holder. */
    private static long unrealizedPnl(MarketRuntime market, PositionState p) {
        long value = p.size > 0 ? market.spec.notional(p.size, market.markPrice, RoundingMode.FLOOR)
                : -market.spec.notional(-p.size, market.markPrice, RoundingMode.CEILING);
        return Fixed.subtract(value, p.costBasis);
    }
}
