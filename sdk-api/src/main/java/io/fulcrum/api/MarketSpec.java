package io.fulcrum.api;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The trading rules of one market: its scales, tick and lot, minimum notional, largest
 * order, settlement asset and risk ladder.
 *
 * <p>Sizes are {@code long} counts of 10^-{@code sizeDecimals} base units and prices
 * {@code long} counts of 10^-{@code priceDecimals} settlement-asset units per base unit. The
 * notional of a size at a price, in the settlement asset's smallest units, is
 * {@code size * price * 10^(settlementDecimals - sizeDecimals - priceDecimals)}; when that
 * exponent is non-negative every notional is an exact integer (recommended).
 *
 * <p>Example, BTC-PERP settled in USDC (6 decimals), sizes in 0.0001 BTC, prices in 0.1 USDC:
 * <pre>{@code
 * MarketSpec btc = MarketSpec.builder(MarketId.of("BTC-PERP"), AssetSpec.of("USDC", 6))
 *     .sizeDecimals(4).priceDecimals(1)
 *     .tickSize(1).lotSize(1)                 // 0.1 USDC, 0.0001 BTC
 *     .minNotional(10_000_000)                // 10 USDC
 *     .riskTiers(List.of(RiskTier.flat(50_000, 30_000)))   // 5 % initial, 3 % maintenance
 *     .build();
 * btc.notional(10_000, 500_000, RoundingMode.UNNECESSARY); // 1 BTC at 50,000.0 = 50,000 USDC = 50_000_000_000
 * }</pre>
 */
public final class MarketSpec {
    private final MarketId id;
    private final AssetSpec settlement;
    private final int sizeDecimals;
    private final int priceDecimals;
    private final long tickSize;
    private final long lotSize;
    private final long minNotional;
    private final long maxOrderSize;
    private final int maxOpenOrdersPerAccount;
    private final List<RiskTier> riskTiers;
    private final long[] maintenanceDeductions;
    private final int notionalExponent;
    private final long notionalScale;

    private MarketSpec(Builder b) {
        this.id = b.id;
        this.settlement = b.settlement;
        this.sizeDecimals = b.sizeDecimals;
        this.priceDecimals = b.priceDecimals;
        this.tickSize = b.tickSize;
        this.lotSize = b.lotSize;
        this.minNotional = b.minNotional;
        this.maxOrderSize = b.maxOrderSize;
        this.maxOpenOrdersPerAccount = b.maxOpenOrdersPerAccount;
        this.riskTiers = List.copyOf(b.riskTiers);
        this.notionalExponent = settlement.decimals() - sizeDecimals - priceDecimals;
        if (Math.abs(notionalExponent) > 18) {
            throw new IllegalArgumentException(id + ": settlement decimals - size decimals - price decimals must be in [-18, 18]: "
                    + notionalExponent);
        }
        this.notionalScale = Fixed.pow10(Math.abs(notionalExponent));
        this.maintenanceDeductions = new long[riskTiers.size()];
        for (int i = 1; i < riskTiers.size(); i++) {
            RiskTier prev = riskTiers.get(i - 1);
            RiskTier tier = riskTiers.get(i);
            // Rounded down: a smaller deduction is a larger (safer) maintenance requirement.
            maintenanceDeductions[i] = Fixed.add(maintenanceDeductions[i - 1], Fixed.ppm(tier.notionalFloor(),
                    tier.maintenanceMarginPpm() - prev.maintenanceMarginPpm(), RoundingMode.FLOOR));
        }
    }

    /** Starts a market specification for {@code id} settled in {@code settlement}. */
    public static Builder builder(MarketId id, AssetSpec settlement) {
        return new Builder(id, settlement);
    }

    public MarketId id() {
        return id;
    }

    /** The asset PnL, fees and margin of this market are paid in. */
    public AssetSpec settlement() {
        return settlement;
    }

    public int sizeDecimals() {
        return sizeDecimals;
    }

    public int priceDecimals() {
        return priceDecimals;
    }

    /** Prices must be positive multiples of this (price units). */
    public long tickSize() {
        return tickSize;
    }

    /** Sizes must be positive multiples of this (size units). */
    public long lotSize() {
        return lotSize;
    }

    /** The smallest order notional accepted, in settlement units (0 = no minimum). */
    public long minNotional() {
        return minNotional;
    }

    /** The largest order size accepted, in size units. */
    public long maxOrderSize() {
        return maxOrderSize;
    }

    /** The most orders one account may have resting in this market at once. */
    public int maxOpenOrdersPerAccount() {
        return maxOpenOrdersPerAccount;
    }

    /** The risk ladder, ordered by strictly increasing notional floor; the first floor is 0. */
    public List<RiskTier> riskTiers() {
        return riskTiers;
    }

    /** True if {@code price} is positive and a multiple of the tick size. */
    public boolean isOnTick(long price) {
        return price > 0 && price % tickSize == 0;
    }

    /** True if {@code size} is positive and a multiple of the lot size. */
    public boolean isOnLot(long size) {
        return size > 0 && size % lotSize == 0;
    }

    /**
     * The notional of {@code |size|} at {@code price} in settlement units, rounded by {@code mode}
     * when the market's scales make it fractional.
     *
     * @throws FixedPointOverflowException if the notional does not fit in a {@code long} (including
     *     {@code size == Long.MIN_VALUE}, whose magnitude is not a {@code long})
     * @throws IllegalArgumentException if {@code price} is negative
     */
    public long notional(long size, long price, RoundingMode mode) {
        if (price < 0) {
            throw new IllegalArgumentException(id + ": a notional needs a non-negative price: " + price);
        }
        long absSize = size < 0 ? Fixed.negate(size) : size;
        if (notionalExponent >= 0) {
            return Fixed.multiply(Fixed.multiply(absSize, price), notionalScale);
        }
        return Fixed.mulDiv(absSize, price, notionalScale, mode);
    }

    /** The index of the risk tier that applies to a position of notional {@code notional}. */
    public int tierIndex(long notional) {
        int index = 0;
        for (int i = 1; i < riskTiers.size(); i++) {
            if (notional >= riskTiers.get(i).notionalFloor()) {
                index = i;
            }
        }
        return index;
    }

    /** The risk tier that applies to a position of notional {@code notional}. */
    public RiskTier tierFor(long notional) {
        return riskTiers.get(tierIndex(notional));
    }

    /** The cumulative maintenance deduction ("maintenance amount") of tier {@code index}. */
    public long maintenanceDeduction(int index) {
        return maintenanceDeductions[index];
    }

    /**
     * The maintenance requirement of a position of notional {@code notional}:
     * {@code ceil(N * MMR(n)) - deduction(n)} for the tier n the notional falls in.
     *
     * <p>Example (MECHANISMS.md §1.3 A): tiers 40x/20x at 150M, N = 200M gives 3,125,000.
     */
    public long maintenanceRequirement(long notional) {
        int tier = tierIndex(notional);
        return Fixed.ppm(notional, riskTiers.get(tier).maintenanceMarginPpm(), RoundingMode.CEILING)
                - maintenanceDeductions[tier];
    }

    /**
     * The initial requirement of a position of notional {@code notional}: the tier's initial rate,
     * rounded up.
     */
    public long initialRequirement(long notional) {
        return Fixed.ppm(notional, tierFor(notional).initialMarginPpm(), RoundingMode.CEILING);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarketSpec other
                && id.equals(other.id)
                && settlement.equals(other.settlement)
                && sizeDecimals == other.sizeDecimals
                && priceDecimals == other.priceDecimals
                && tickSize == other.tickSize
                && lotSize == other.lotSize
                && minNotional == other.minNotional
                && maxOrderSize == other.maxOrderSize
                && maxOpenOrdersPerAccount == other.maxOpenOrdersPerAccount
                && riskTiers.equals(other.riskTiers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, settlement, sizeDecimals, priceDecimals, tickSize, lotSize, minNotional, maxOrderSize,
                maxOpenOrdersPerAccount, riskTiers);
    }

    @Override
    public String toString() {
        return "MarketSpec[" + id + " in " + settlement.id() + ", tick " + tickSize + "e-" + priceDecimals
                + ", lot " + lotSize + "e-" + sizeDecimals + ", minNotional " + minNotional + ", tiers " + riskTiers + "]";
    }

    /**
     * Builds a {@link MarketSpec}. Each value may be set once; {@link #build()} fails fast with a
     * message naming the value that is missing or wrong.
     */
    public static final class Builder {
        private final MarketId id;
        private final AssetSpec settlement;
        private int sizeDecimals = -1;
        private int priceDecimals = -1;
        private long tickSize = -1;
        private long lotSize = -1;
        private long minNotional = -1;
        private long maxOrderSize = -1;
        private int maxOpenOrdersPerAccount = -1;
        private List<RiskTier> riskTiers;

        private Builder(MarketId id, AssetSpec settlement) {
            this.id = Objects.requireNonNull(id, "id");
            this.settlement = Objects.requireNonNull(settlement, "settlement");
        }

        /** Decimals of the size unit: 4 means sizes count 0.0001 base units. Required, 0 to 18. */
        public Builder sizeDecimals(int decimals) {
            requireUnset(sizeDecimals == -1, "sizeDecimals");
            requireArgument(decimals >= 0 && decimals <= 18, "sizeDecimals must be in [0, 18]: " + decimals);
            this.sizeDecimals = decimals;
            return this;
        }

        /** Decimals of the price unit: 1 means prices count 0.1 settlement units. Required, 0 to 18. */
        public Builder priceDecimals(int decimals) {
            requireUnset(priceDecimals == -1, "priceDecimals");
            requireArgument(decimals >= 0 && decimals <= 18, "priceDecimals must be in [0, 18]: " + decimals);
            this.priceDecimals = decimals;
            return this;
        }

        /** The tick, in price units. Required, positive. */
        public Builder tickSize(long tick) {
            requireUnset(tickSize == -1, "tickSize");
            requireArgument(tick > 0, "tickSize must be positive: " + tick);
            this.tickSize = tick;
            return this;
        }

        /** The lot, in size units. Required, positive. */
        public Builder lotSize(long lot) {
            requireUnset(lotSize == -1, "lotSize");
            requireArgument(lot > 0, "lotSize must be positive: " + lot);
            this.lotSize = lot;
            return this;
        }

        /** The minimum order notional in settlement units; defaults to 0 (none). */
        public Builder minNotional(long notional) {
            requireUnset(minNotional == -1, "minNotional");
            requireArgument(notional >= 0, "minNotional must be non-negative: " + notional);
            this.minNotional = notional;
            return this;
        }

        /** The maximum order size in size units; defaults to {@code Long.MAX_VALUE / 4}. */
        public Builder maxOrderSize(long size) {
            requireUnset(maxOrderSize == -1, "maxOrderSize");
            requireArgument(size > 0, "maxOrderSize must be positive: " + size);
            this.maxOrderSize = size;
            return this;
        }

        /** The most orders one account may rest in the market at once; defaults to 1,000. */
        public Builder maxOpenOrdersPerAccount(int count) {
            requireUnset(maxOpenOrdersPerAccount == -1, "maxOpenOrdersPerAccount");
            requireArgument(count > 0, "maxOpenOrdersPerAccount must be positive: " + count);
            this.maxOpenOrdersPerAccount = count;
            return this;
        }

        /** The risk ladder, floors strictly increasing from 0. Required, at least one tier. */
        public Builder riskTiers(List<RiskTier> tiers) {
            requireUnset(riskTiers == null, "riskTiers");
            Objects.requireNonNull(tiers, "tiers");
            requireArgument(!tiers.isEmpty(), "riskTiers must have at least one tier");
            List<RiskTier> copy = new ArrayList<>(tiers);
            for (int i = 0; i < copy.size(); i++) {
                requireArgument(copy.get(i) != null, "risk tier " + i + " is null");
            }
            requireArgument(copy.get(0).notionalFloor() == 0, "the first risk tier must start at notional 0");
            for (int i = 1; i < copy.size(); i++) {
                RiskTier prev = copy.get(i - 1);
                RiskTier tier = copy.get(i);
                requireArgument(tier.notionalFloor() > prev.notionalFloor(),
                        "risk tier floors must increase strictly: " + prev.notionalFloor() + " then " + tier.notionalFloor());
                requireArgument(tier.maintenanceMarginPpm() >= prev.maintenanceMarginPpm()
                                && tier.initialMarginPpm() >= prev.initialMarginPpm(),
                        "risk tier rates must not decrease with notional: tier " + i);
            }
            this.riskTiers = copy;
            return this;
        }

        /** Builds the specification; fails naming the first required value that is missing. */
        public MarketSpec build() {
            requireSet(sizeDecimals != -1, "sizeDecimals");
            requireSet(priceDecimals != -1, "priceDecimals");
            requireSet(tickSize != -1, "tickSize");
            requireSet(lotSize != -1, "lotSize");
            requireSet(riskTiers != null, "riskTiers");
            if (minNotional == -1) {
                minNotional = 0;
            }
            if (maxOrderSize == -1) {
                maxOrderSize = Long.MAX_VALUE / 4;
            }
            if (maxOpenOrdersPerAccount == -1) {
                maxOpenOrdersPerAccount = 1_000;
            }
            requireArgument(maxOrderSize >= lotSize, "maxOrderSize " + maxOrderSize + " is below one lot " + lotSize);
            return new MarketSpec(this);
        }

        private void requireUnset(boolean unset, String what) {
            if (!unset) {
                throw new IllegalStateException(id + ": " + what + " was already set");
            }
        }

        private void requireSet(boolean set, String what) {
            if (!set) {
                throw new IllegalStateException(id + ": " + what + " is required");
            }
        }

        private void requireArgument(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(id + ": " + message);
            }
        }
    }
}
