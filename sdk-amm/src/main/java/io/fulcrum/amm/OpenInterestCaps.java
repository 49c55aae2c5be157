package io.fulcrum.amm;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.spi.OpenInterestLimit;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * The open-interest limits of a single-vault pool (Avantis, MECHANISMS.md §4 [DOC limitations]):
 * the pool as a whole may carry open interest up to a fraction of its vault's value (Avantis: 90 %),
 * each asset class (crypto, forex, metals, equities, …) up to its own fraction, and each pair up to
 * its own; a trade that would take any of them over its cap is refused.
 *
 * <p>Every cap is a fraction of the vault's TVL in ppm, rounded down to settlement units. The
 * caller measures open interest however its venue does (Avantis: per side, in settlement units)
 * and passes it per pair; a class's open interest is the sum of its pairs', the pool's the sum of
 * all.
 *
 * <p>Example: TVL $10,000,000, pool 90 %, crypto 60 %, BTC 30 %: caps $9,000,000, $6,000,000 and
 * $3,000,000. With BTC at $2,500,000 and ETH at $1,800,000, a BTC increase of $400,000 fits (the
 * binding cap is BTC's, $500,000 of headroom) and one of $600,000 does not.
 *
 * <p>As the venue's {@link OpenInterestLimit}, {@link #refusal} reads the open interest of every
 * configured pair from the venue and applies {@link #check} with the pool's value as the TVL.
 *
 * <p>Immutable and thread-safe.
 */
public final class OpenInterestCaps implements OpenInterestLimit {
    /** Avantis' pool-wide cap: 90 % of the vault. */
    public static final long AVANTIS_TOTAL_PPM = 900_000;

    private final long totalPpm;
    private final Map<String, Long> classPpm;
    private final Map<MarketId, String> pairClass;
    private final Map<MarketId, Long> pairPpm;

    /**
     * Whether an increase of open interest fits, and which cap decides: the one with the least
     * headroom (on a tie the most specific: pair, then class, then pool).
     *
     * @param fits true if the increase fits under every cap
     * @param bindingCap the deciding cap, e.g. {@code "pair BTC-USD"}, {@code "asset class crypto"},
     *     {@code "pool"}
     * @param cap that cap, settlement units
     * @param openInterest the open interest it covers before the increase, settlement units
     * @param increase the increase asked for, settlement units
     */
    public record Verdict(boolean fits, String bindingCap, long cap, long openInterest, long increase) {
        public Verdict {
            Objects.requireNonNull(bindingCap, "bindingCap");
        }

        /** The increase that would still fit under the binding cap (negative if it is already exceeded). */
        public long headroom() {
            return cap - openInterest;
        }

        /** A sentence naming the binding cap and its numbers. */
        public String reason() {
            return (fits ? "fits under " : "exceeds ") + bindingCap + " cap " + cap + ": open interest " + openInterest
                    + " + increase " + increase + (fits ? " <= " : " > ") + cap + " (headroom " + headroom() + ")";
        }
    }

    private OpenInterestCaps(Builder b) {
        this.totalPpm = b.totalPpm;
        this.classPpm = Map.copyOf(b.classPpm);
        this.pairClass = Map.copyOf(b.pairClass);
        this.pairPpm = Map.copyOf(b.pairPpm);
    }

    /** Starts a configuration whose pool-wide cap is {@code totalPpm} of the vault. */
    public static Builder builder(long totalPpm) {
        return new Builder(totalPpm);
    }

    /** The pool-wide cap at {@code vaultTvl}, settlement units. */
    public long totalCap(long vaultTvl) {
        return capOf(totalPpm, vaultTvl);
    }

    /** {@code assetClass}'s cap at {@code vaultTvl}, settlement units. */
    public long classCap(String assetClass, long vaultTvl) {
        Long ppm = classPpm.get(assetClass);
        if (ppm == null) {
            throw new IllegalArgumentException("asset class " + assetClass + " is not configured");
        }
        return capOf(ppm, vaultTvl);
    }

    /** {@code pair}'s cap at {@code vaultTvl}, settlement units. */
    public long pairCap(MarketId pair, long vaultTvl) {
        return capOf(requirePair(pair), vaultTvl);
    }

    /** The asset class {@code pair} belongs to. */
    public String assetClassOf(MarketId pair) {
        requirePair(pair);
        return pairClass.get(pair);
    }

    /**
     * Checks whether {@code pair}'s open interest may grow by {@code increase}.
     *
     * @param vaultTvl the vault's value, settlement units
     * @param openInterestByPair every configured pair's current open interest (absent means 0)
     * @throws IllegalArgumentException for an unconfigured pair, a negative amount or TVL
     */
    public Verdict check(long vaultTvl, Map<MarketId, Long> openInterestByPair, MarketId pair, long increase) {
        Objects.requireNonNull(openInterestByPair, "openInterestByPair");
        requirePair(pair);
        if (increase < 0) {
            throw new IllegalArgumentException("increase must not be negative: " + increase);
        }
        String assetClass = pairClass.get(pair);
        long pairOi = 0;
        long classOi = 0;
        long totalOi = 0;
        for (Map.Entry<MarketId, Long> e : openInterestByPair.entrySet()) {
            requirePair(e.getKey());
            long oi = Objects.requireNonNull(e.getValue(), "open interest of " + e.getKey());
            if (oi < 0) {
                throw new IllegalArgumentException("open interest of " + e.getKey() + " must not be negative: " + oi);
            }
            totalOi = Fixed.add(totalOi, oi);
            if (pairClass.get(e.getKey()).equals(assetClass)) {
                classOi = Fixed.add(classOi, oi);
            }
            if (e.getKey().equals(pair)) {
                pairOi = oi;
            }
        }
        Verdict binding = verdict("pair " + pair.symbol(), pairCap(pair, vaultTvl), pairOi, increase);
        binding = tighter(binding, verdict("asset class " + assetClass, classCap(assetClass, vaultTvl), classOi, increase));
        return tighter(binding, verdict("pool", totalCap(vaultTvl), totalOi, increase));
    }

    /**
     * The {@link OpenInterestLimit} view of {@link #check}: null if {@code increase} on
     * {@code market} fits under its pair's, its class's and the pool's caps, else the
     * {@link Verdict#reason()} of the binding one. Only the configured pairs' open interest counts
     * towards the class and pool totals. A market with no configured cap is refused (Avantis lists no
     * pair without one), and a negative {@code vaultValue} (traders' profit above the cash) counts as
     * 0, so nothing grows.
     *
     * <p>Example (the class example): BTC 2,500,000, ETH 1,800,000, vault 10,000,000: +400,000 BTC
     * gives null; +600,000 gives {@code "exceeds pair BTC-USD cap 3000000: …"}.
     *
     * @throws IllegalArgumentException if {@code increase} or a configured pair's open interest is
     *     negative
     */
    @Override
    public String refusal(MarketId market, long increase, ToLongFunction<MarketId> openInterest, long vaultValue) {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(openInterest, "openInterest");
        if (!pairPpm.containsKey(market)) {
            return "market " + market.symbol() + " has no open-interest cap configured";
        }
        Map<MarketId, Long> byPair = new HashMap<>();
        for (MarketId pair : pairPpm.keySet()) {
            byPair.put(pair, openInterest.applyAsLong(pair));
        }
        Verdict verdict = check(Math.max(0, vaultValue), byPair, market, increase);
        return verdict.fits() ? null : verdict.reason();
    }

    @Override
    public String toString() {
        return "OpenInterestCaps[totalPpm=" + totalPpm + ", classes=" + classPpm + ", pairs=" + pairPpm + "]";
    }

    private static Verdict verdict(String name, long cap, long openInterest, long increase) {
        boolean fits = Fixed.add(openInterest, increase) <= cap;
        return new Verdict(fits, name, cap, openInterest, increase);
    }

    private static Verdict tighter(Verdict specific, Verdict general) {
        // Strictly less headroom wins, so on a tie the more specific cap (checked first) is named.
        return general.headroom() < specific.headroom() ? general : specific;
    }

    private long requirePair(MarketId pair) {
        Objects.requireNonNull(pair, "pair");
        Long ppm = pairPpm.get(pair);
        if (ppm == null) {
            throw new IllegalArgumentException("pair " + pair + " is not configured");
        }
        return ppm;
    }

    private static long capOf(long ppm, long vaultTvl) {
        if (vaultTvl < 0) {
            throw new IllegalArgumentException("vaultTvl must not be negative: " + vaultTvl);
        }
        return Fixed.ppm(vaultTvl, ppm, RoundingMode.FLOOR);
    }

    /** Collects the asset classes and pairs; every value is validated as it is added. */
    public static final class Builder {
        private final long totalPpm;
        private final Map<String, Long> classPpm = new LinkedHashMap<>();
        private final Map<MarketId, String> pairClass = new LinkedHashMap<>();
        private final Map<MarketId, Long> pairPpm = new LinkedHashMap<>();

        private Builder(long totalPpm) {
            this.totalPpm = requireFraction("totalPpm", totalPpm);
        }

        /** Adds an asset class capped at {@code capPpm} of the vault. */
        public Builder assetClass(String name, long capPpm) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("asset class name must not be blank");
            }
            if (classPpm.containsKey(name)) {
                throw new IllegalArgumentException("asset class " + name + " is already configured");
            }
            classPpm.put(name, requireFraction("cap of asset class " + name, capPpm));
            return this;
        }

        /** Adds {@code pair}, of the already added {@code assetClass}, capped at {@code capPpm} of the vault. */
        public Builder pair(MarketId pair, String assetClass, long capPpm) {
            Objects.requireNonNull(pair, "pair");
            Objects.requireNonNull(assetClass, "assetClass");
            if (!classPpm.containsKey(assetClass)) {
                throw new IllegalArgumentException("asset class " + assetClass + " of pair " + pair + " is not configured");
            }
            if (pairPpm.containsKey(pair)) {
                throw new IllegalArgumentException("pair " + pair + " is already configured");
            }
            pairPpm.put(pair, requireFraction("cap of pair " + pair, capPpm));
            pairClass.put(pair, assetClass);
            return this;
        }

        /** The configuration. */
        public OpenInterestCaps build() {
            if (pairPpm.isEmpty()) {
                throw new IllegalArgumentException("at least one pair must be configured");
            }
            return new OpenInterestCaps(this);
        }

        private static long requireFraction(String name, long ppm) {
            if (ppm < 0 || ppm > Fixed.PPM) {
                throw new IllegalArgumentException(name + " must be in [0, 1,000,000] ppm: " + ppm);
            }
            return ppm;
        }
    }
}
