package io.fulcrum.amm;

import io.fulcrum.api.AssetId;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything a {@link LiquidityPool} holds, as plain values, for the venue's snapshots:
 * {@code LiquidityPool.restore(spec, pool.exportState())} is a pool equal in state to {@code pool}, and two states
 * are {@code equals} exactly when the pools would behave identically.
 *
 * <p>Example: a fresh USDC vault after one deposit of 1,000,000 units has supply 1,000,000, balances
 * {USDC=1,000,000}, impact pool {USDC=0}, flows {USDC: deposited 1,000,000}.
 *
 * @param shareSupply shares outstanding
 * @param balances tokens held per asset (impact pool included)
 * @param impactPool tokens of each asset held for the price-impact pool, not owned by LPs
 * @param flows cumulative flows per asset
 * @param marks the last marks
 * @param attribution the per-share attribution accumulators
 */
public record LpState(long shareSupply, Map<AssetId, Long> balances, Map<AssetId, Long> impactPool,
        Map<AssetId, LpFlows> flows, LpMarks marks, LpPnlReport.Accumulators attribution) {
    public LpState {
        if (shareSupply < 0) {
            throw new IllegalArgumentException("shareSupply must be non-negative: " + shareSupply);
        }
        balances = sorted(balances, "balances");
        impactPool = sorted(impactPool, "impactPool");
        flows = sorted(flows, "flows");
        Objects.requireNonNull(marks, "marks");
        Objects.requireNonNull(attribution, "attribution");
    }

    private static <V> Map<AssetId, V> sorted(Map<AssetId, V> map, String name) {
        Objects.requireNonNull(map, name);
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
