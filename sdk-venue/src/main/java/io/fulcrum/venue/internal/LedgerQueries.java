package io.fulcrum.venue.internal;

import io.fulcrum.api.AssetId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketStatus;
import io.fulcrum.api.spi.MatchingEngine;

/** Single-value reads of a kernel's ledger for the public facade. */
public final class LedgerQueries {
    private LedgerQueries() {}

    public static long clock(Kernel kernel) {
        return kernel.ledger.clock == Long.MIN_VALUE ? 0 : kernel.ledger.clock;
    }

    public static long markPrice(Kernel kernel, MarketId market) {
        return kernel.ledger.markPrice(market);
    }

    /** @throws IllegalArgumentException if the venue does not list {@code market} */
    public static MarketStatus marketStatus(Kernel kernel, MarketId market) {
        return runtime(kernel, market).status;
    }

    public static long indexPrice(Kernel kernel, MarketId market) {
        return kernel.ledger.indexPrice(market);
    }

    /** @throws IllegalArgumentException if the venue does not list {@code market} */
    public static long lastTradePrice(Kernel kernel, MarketId market) {
        return runtime(kernel, market).lastTradePrice;
    }

    /** @throws IllegalArgumentException if the venue does not list {@code market} */
    public static MatchingEngine engine(Kernel kernel, MarketId market) {
        return runtime(kernel, market).engine;
    }

    /** The kernel's aggregated levels of one side of {@code market}, best first, as {price, size} pairs. */
    public static java.util.List<long[]> levels(Kernel kernel, MarketId market, io.fulcrum.api.Side side) {
        java.util.List<long[]> out = new java.util.ArrayList<>();
        kernel.ledger.bookLevels.side(runtime(kernel, market).index, side)
                .forEach((price, size) -> out.add(new long[] {price, size}));
        return out;
    }

    /** @throws IllegalArgumentException if the venue does not list {@code asset} */
    public static long assetPrice(Kernel kernel, AssetId asset) {
        for (AssetSpec spec : kernel.ledger.assets) {
            if (spec.id().equals(asset)) {
                return kernel.ledger.assetPrice(asset);
            }
        }
        throw new IllegalArgumentException("the venue does not list asset " + asset);
    }

    /** @throws IllegalArgumentException if the venue does not list {@code market} */
    public static long openInterest(Kernel kernel, MarketId market) {
        return kernel.ledger.openInterest[runtime(kernel, market).index];
    }

    /** @throws IllegalArgumentException if the venue does not list {@code market} */
    public static java.util.Optional<io.fulcrum.api.PoolReport> pool(Kernel kernel, MarketId market) {
        MarketRuntime m = runtime(kernel, market);
        return m.vault == null ? java.util.Optional.empty() : java.util.Optional.of(m.vault.report(m));
    }

    public static long insuranceFund(Kernel kernel, String fund) {
        return kernel.ledger.insuranceFunds.getOrDefault(java.util.Objects.requireNonNull(fund, "fund"), 0L);
    }

    public static java.util.Optional<io.fulcrum.api.AccountId> insuranceFundAccount(Kernel kernel, String fund) {
        AccountState desk = kernel.ledger.desks.get(java.util.Objects.requireNonNull(fund, "fund"));
        return desk == null ? java.util.Optional.empty() : java.util.Optional.of(desk.id);
    }

    public static long feePool(Kernel kernel) {
        return kernel.ledger.feePool;
    }

    private static MarketRuntime runtime(Kernel kernel, MarketId market) {
        for (MarketRuntime m : kernel.ledger.markets) {
            if (m.spec.id().equals(market)) {
                return m;
            }
        }
        throw new IllegalArgumentException("the venue does not list market " + market);
    }
}
