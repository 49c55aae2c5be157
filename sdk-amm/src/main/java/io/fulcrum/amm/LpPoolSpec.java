package io.fulcrum.amm;

import io.fulcrum.api.AssetId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Fixed;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fixed configuration of a {@link LiquidityPool}: the tokens it holds, which token backs the long and the
 * short side's trader PnL, the LPs' share of fees, and the PnL caps of GMX v2's pool value (MECHANISMS.md §3.4).
 *
 * <p>A GMX-style market holds a long token and a short token (WETH and USDC); traders' long PnL is capped at
 * {@code maxPnlFactor × value of the long token} and short PnL likewise with the short token. An Avantis-style
 * vault (MECHANISMS.md §4) holds USDC only, which then backs both sides. Example:
 * {@code LpPoolSpec.builder().asset(WETH, 0).asset(USDC, 0).longBacking(WETH.id()).shortBacking(USDC.id())
 * .lpFeeSharePpm(600_000).build()} keeps 60 % of fees for LPs (Avantis' LP/treasury split) and uses GMX's default
 * caps: 90 % for deposits, 70 % for withdrawals.
 *
 * @param assets the pool's tokens, at least one, distinct
 * @param longBacking the token whose value caps long traders' PnL
 * @param shortBacking the token whose value caps short traders' PnL (may equal {@code longBacking})
 * @param lpFeeSharePpm the part of each fee kept by the pool for its LPs, in [0, 1,000,000] ppm; the rest goes
 *     to the treasury (GMX: {@code 1 − BORROWING_FEE_RECEIVER_FACTOR}; Avantis: 600,000)
 * @param depositPnlCapPpm GMX {@code MAX_PNL_FACTOR_FOR_DEPOSITS}, in (0, 1,000,000] ppm
 * @param withdrawalPnlCapPpm GMX {@code MAX_PNL_FACTOR_FOR_WITHDRAWALS}, in (0, 1,000,000] ppm
 */
public record LpPoolSpec(List<LpAsset> assets, AssetId longBacking, AssetId shortBacking, long lpFeeSharePpm,
        long depositPnlCapPpm, long withdrawalPnlCapPpm) {
    /** GMX v2's default {@code MAX_PNL_FACTOR_FOR_DEPOSITS}: 90 % (MECHANISMS.md §3.4). */
    public static final long GMX_DEPOSIT_PNL_CAP_PPM = 900_000;
    /** GMX v2's default {@code MAX_PNL_FACTOR_FOR_WITHDRAWALS}: 70 % (MECHANISMS.md §3.4). */
    public static final long GMX_WITHDRAWAL_PNL_CAP_PPM = 700_000;

    public LpPoolSpec {
        Objects.requireNonNull(assets, "assets");
        Objects.requireNonNull(longBacking, "longBacking");
        Objects.requireNonNull(shortBacking, "shortBacking");
        assets = List.copyOf(assets);
        if (assets.isEmpty()) {
            throw new IllegalArgumentException("a pool needs at least one asset");
        }
        for (int i = 0; i < assets.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (assets.get(i).id().equals(assets.get(j).id())) {
                    throw new IllegalArgumentException("asset " + assets.get(i).id() + " is listed twice");
                }
            }
        }
        if (indexIn(assets, longBacking) < 0) {
            throw new IllegalArgumentException("longBacking " + longBacking + " is not an asset of the pool");
        }
        if (indexIn(assets, shortBacking) < 0) {
            throw new IllegalArgumentException("shortBacking " + shortBacking + " is not an asset of the pool");
        }
        if (lpFeeSharePpm < 0 || lpFeeSharePpm > Fixed.PPM) {
            throw new IllegalArgumentException("lpFeeSharePpm must be in [0, 1,000,000]: " + lpFeeSharePpm);
        }
        if (depositPnlCapPpm <= 0 || depositPnlCapPpm > Fixed.PPM) {
            throw new IllegalArgumentException("depositPnlCapPpm must be in (0, 1,000,000]: " + depositPnlCapPpm);
        }
        if (withdrawalPnlCapPpm <= 0 || withdrawalPnlCapPpm > Fixed.PPM) {
            throw new IllegalArgumentException("withdrawalPnlCapPpm must be in (0, 1,000,000]: " + withdrawalPnlCapPpm);
        }
    }

    /** A builder; caps default to GMX's 90 % / 70 %, the fee share must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The position of {@code id} in {@link #assets()}, or -1. */
    public int indexOf(AssetId id) {
        return indexIn(assets, id);
    }

    /** The pool asset {@code id}; an {@link IllegalArgumentException} naming it if the pool does not hold it. */
    public LpAsset asset(AssetId id) {
        int i = indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("asset " + id + " is not held by this pool");
        }
        return assets.get(i);
    }

    /** The cap of PnL used for the pool's reference value and share price: the larger of the two caps. */
    public long markPnlCapPpm() {
        return Math.max(depositPnlCapPpm, withdrawalPnlCapPpm);
    }

    private static int indexIn(List<LpAsset> assets, AssetId id) {
        for (int i = 0; i < assets.size(); i++) {
            if (assets.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Builds an {@link LpPoolSpec}; with a single asset, it backs both sides unless said otherwise. */
    public static final class Builder {
        private final List<LpAsset> assets = new ArrayList<>();
        private AssetId longBacking;
        private AssetId shortBacking;
        private long lpFeeSharePpm = -1;
        private long depositPnlCapPpm = GMX_DEPOSIT_PNL_CAP_PPM;
        private long withdrawalPnlCapPpm = GMX_WITHDRAWAL_PNL_CAP_PPM;

        private Builder() {}

        /** Adds a token whose prices have {@code priceDecimals} extra decimals (see {@link LpAsset}). */
        public Builder asset(AssetSpec asset, int priceDecimals) {
            assets.add(new LpAsset(asset, priceDecimals));
            return this;
        }

        /** The token whose value caps long PnL. */
        public Builder longBacking(AssetId id) {
            this.longBacking = Objects.requireNonNull(id, "longBacking");
            return this;
        }

        /** The token whose value caps short PnL. */
        public Builder shortBacking(AssetId id) {
            this.shortBacking = Objects.requireNonNull(id, "shortBacking");
            return this;
        }

        /** The LPs' part of every fee, in ppm. */
        public Builder lpFeeSharePpm(long ppm) {
            this.lpFeeSharePpm = ppm;
            return this;
        }

        /** The PnL caps for deposits and withdrawals, in ppm. */
        public Builder pnlCaps(long depositPpm, long withdrawalPpm) {
            this.depositPnlCapPpm = depositPpm;
            this.withdrawalPnlCapPpm = withdrawalPpm;
            return this;
        }

        /** Validates and builds. */
        public LpPoolSpec build() {
            if (lpFeeSharePpm == -1) {
                throw new IllegalArgumentException("lpFeeSharePpm must be set (e.g. 600,000 for Avantis' 60 % to LPs)");
            }
            AssetId single = assets.size() == 1 ? assets.get(0).id() : null;
            AssetId longId = longBacking != null ? longBacking : single;
            AssetId shortId = shortBacking != null ? shortBacking : single;
            if (longId == null || shortId == null) {
                throw new IllegalArgumentException("longBacking and shortBacking must be set for a pool of "
                        + assets.size() + " assets");
            }
            return new LpPoolSpec(assets, longId, shortId, lpFeeSharePpm, depositPnlCapPpm, withdrawalPnlCapPpm);
        }
    }
}
