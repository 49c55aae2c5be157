package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.spi.InsuranceFund;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Insurance-fund policies a venue can run ({@code Venue.Builder.insuranceFund(...)}): which fund
 * backs each market, how much of it one shortfall may draw, and what share of trading fees it
 * earns (MECHANISMS.md §9). The money stays in the venue's ledger, keyed by the fund's name; these
 * policies only route and cap.
 *
 * <ul>
 *   <li>{@link #shared}: one fund for every market, as BitMEX or a single-fund venue.
 *   <li>{@link #perMarket}: dYdX v4 (§2.4): cross markets share {@code insurance-fund}, each isolated
 *       market has its own, here {@code insurance-fund:<symbol>} (dYdX uses the perpetual's numeric id).
 *   <li>{@link #byGroup}: Binance (§5.3): one fund per contract group, for example BTC and ETH
 *       contracts each with their own fund and the rest sharing one.
 *   <li>{@link #withMarketCaps}: Drift v2 (§9): a market may cost the fund at most its cap, in all;
 *       a Speculative-tier market, whose cap is none, has cap 0.
 *   <li>{@link #withBlockCaps}: dYdX v4 (§2.3): one account may cost a fund at most so much per
 *       block, and a fund may pay at most so much per block in all.
 * </ul>
 *
 * <p>Example (USDC, 6 decimals): {@code perMarket("insurance-fund", Set.of(ETH_PERP), 1_000_000_000_000L,
 * 100_000)} sends ETH-PERP's shortfalls to {@code insurance-fund:ETH-PERP} and BTC-PERP's to
 * {@code insurance-fund}; a shortfall of 1,500,000 USDC against a fund of 10,000,000 draws
 * 1,000,000, and an 84.15 USDC fee pays 8.415 into the market's fund (10 %). dYdX's own cap is per
 * block, not per shortfall: wrap the policy in {@link #withBlockCaps}.
 *
 * <p>A cap of {@code 0} is allowed and means the fund pays nothing for those shortfalls (it still
 * earns its fee share); {@link InsuranceDraw#NO_CAP} means no cap beyond the shortfall and the
 * fund's balance.
 */
public final class InsuranceFunds {
    private InsuranceFunds() {}

    /**
     * One fund, {@code name}, for every market: it pays {@code min(shortfall, balance,
     * maxPerShortfall)} ({@link InsuranceDraw#amount}) and earns {@code feeSharePpm} of every fee.
     * Example: {@code shared("insurance-fund", 1_000_000_000_000L, 0)} draws 1,000,000 USDC of a
     * 1,500,000 shortfall from a fund of 10,000,000, and 40 of a 100 shortfall from a fund of 40.
     *
     * @param name the fund's name in the ledger, not blank
     * @param maxPerShortfall the most one shortfall may draw, settlement units, non-negative
     *     (0 pays nothing; {@link InsuranceDraw#NO_CAP} for none)
     * @param feeSharePpm the share of each trading fee paid into the fund, 0 to 1,000,000
     */
    public static InsuranceFund shared(String name, long maxPerShortfall, long feeSharePpm) {
        return new RoutedInsuranceFund(requireName(name, "name"), new TreeMap<>(),
                requireCap(maxPerShortfall), requireFeeShare(feeSharePpm));
    }

    /**
     * dYdX v4 (§2.4): each market in {@code isolatedMarkets} has its own fund named
     * {@code sharedName + ":" + market.symbol()}; every other market uses {@code sharedName}. Each
     * fund draws and earns as in {@link #shared}. Example: {@code perMarket("insurance-fund",
     * Set.of(ETH_PERP), cap, fee)} routes ETH-PERP to {@code insurance-fund:ETH-PERP} and BTC-PERP
     * to {@code insurance-fund}.
     *
     * @param sharedName the cross markets' fund, not blank; also the prefix of the isolated funds
     * @param isolatedMarkets the markets with a fund of their own (may be empty)
     * @param maxPerShortfall the most one shortfall may draw from its fund, non-negative
     * @param feeSharePpm the share of each trading fee paid into the market's fund, 0 to 1,000,000
     */
    public static InsuranceFund perMarket(String sharedName, Set<MarketId> isolatedMarkets, long maxPerShortfall,
            long feeSharePpm) {
        requireName(sharedName, "sharedName");
        Objects.requireNonNull(isolatedMarkets, "isolatedMarkets");
        TreeMap<MarketId, String> funds = new TreeMap<>();
        for (MarketId market : isolatedMarkets) {
            Objects.requireNonNull(market, "isolatedMarkets contains a null market");
            funds.put(market, sharedName + ":" + market.symbol());
        }
        return new RoutedInsuranceFund(sharedName, funds, requireCap(maxPerShortfall), requireFeeShare(feeSharePpm));
    }

    /**
     * Binance-like contract groups (§5.3): each market in {@code groups} uses the fund it maps to;
     * every other market uses {@code defaultFund}. Each fund draws and earns as in {@link #shared}.
     * Example: {@code byGroup(Map.of(BTC_PERP, "btc-fund", ETH_PERP, "eth-fund"), "alt-fund", cap, fee)}
     * routes SOL-PERP to {@code alt-fund}.
     *
     * @param groups each grouped market's fund name (not blank); several markets may share one
     * @param defaultFund the fund of markets not in {@code groups}, not blank
     * @param maxPerShortfall the most one shortfall may draw from its fund, non-negative
     * @param feeSharePpm the share of each trading fee paid into the market's fund, 0 to 1,000,000
     */
    public static InsuranceFund byGroup(Map<MarketId, String> groups, String defaultFund, long maxPerShortfall,
            long feeSharePpm) {
        Objects.requireNonNull(groups, "groups");
        requireName(defaultFund, "defaultFund");
        TreeMap<MarketId, String> funds = new TreeMap<>();
        for (Map.Entry<MarketId, String> e : groups.entrySet()) {
            MarketId market = Objects.requireNonNull(e.getKey(), "groups contains a null market");
            funds.put(market, requireName(e.getValue(), "groups' fund for " + market));
        }
        return new RoutedInsuranceFund(defaultFund, funds, requireCap(maxPerShortfall), requireFeeShare(feeSharePpm));
    }

    /**
     * Drift v2 (§9): shortfalls in a market of {@code caps} draw, all together, at most that
     * market's cap ({@code quote_max_insurance − quote_settled_insurance}: the venue remembers what
     * each market has drawn, {@code InsuranceClaim.drawnForMarket}), on top of whatever {@code base}
     * allows; other markets draw what {@code base} allows. Routing and fee shares are {@code base}'s.
     *
     * <p>Example: {@code withMarketCaps(shared("insurance-fund", NO_CAP, 0), Map.of(SOL_PERP,
     * 50_000_000_000L, MEME_PERP, 0L))}: an 80,000 USDC shortfall in SOL-PERP draws 50,000 from a
     * fund of 10,000,000 and the next one in SOL-PERP nothing; one in MEME-PERP (a Speculative tier)
     * draws nothing; one of 80,000 in BTC-PERP draws 80,000.
     *
     * @param base the policy to cap
     * @param caps each capped market's most in all, settlement units, non-negative (0 pays nothing)
     */
    public static InsuranceFund withMarketCaps(InsuranceFund base, Map<MarketId, Long> caps) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(caps, "caps");
        TreeMap<MarketId, Long> copy = new TreeMap<>();
        for (Map.Entry<MarketId, Long> e : caps.entrySet()) {
            MarketId market = Objects.requireNonNull(e.getKey(), "caps contains a null market");
            Long cap = Objects.requireNonNull(e.getValue(), "caps' cap for " + market);
            if (cap < 0) {
                throw new IllegalArgumentException("caps' cap for " + market + " must not be negative: " + cap);
            }
            copy.put(market, cap);
        }
        return new CappedInsuranceFund(base, copy, InsuranceDraw.NO_CAP, InsuranceDraw.NO_CAP);
    }

    /**
     * dYdX v4 (§2.3): {@code base}'s draw, cut so that one account costs a fund at most
     * {@code perAccountPerBlock} in a block and the fund pays at most {@code perFundPerBlock} in a
     * block in all. A block is the venue's ({@code Venue.Builder.blockMillis}). Routing and fee
     * shares are {@code base}'s.
     *
     * <p>Example: {@code withBlockCaps(perMarket("insurance-fund", Set.of(), NO_CAP, 0),
     * InsuranceDraw.dydxBlockCap(USDC), NO_CAP)}: a 1,500,000 USDC shortfall draws 1,000,000; if the
     * same account had drawn 700,000 earlier in the block, 300,000; in the next block, 1,000,000 again.
     *
     * @param base the policy to cap
     * @param perAccountPerBlock the most one account may draw from a fund in a block, non-negative
     *     ({@link InsuranceDraw#NO_CAP} for none)
     * @param perFundPerBlock the most a fund may pay in a block, non-negative ({@link InsuranceDraw#NO_CAP} for none)
     */
    public static InsuranceFund withBlockCaps(InsuranceFund base, long perAccountPerBlock, long perFundPerBlock) {
        Objects.requireNonNull(base, "base");
        if (perAccountPerBlock < 0 || perFundPerBlock < 0) {
            throw new IllegalArgumentException("block caps must not be negative: per account " + perAccountPerBlock
                    + ", per fund " + perFundPerBlock);
        }
        return new CappedInsuranceFund(base, new TreeMap<>(), perAccountPerBlock, perFundPerBlock);
    }

    private static String requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank: '" + name + "'");
        }
        return name;
    }

    private static long requireCap(long maxPerShortfall) {
        if (maxPerShortfall < 0) {
            throw new IllegalArgumentException("maxPerShortfall must not be negative: " + maxPerShortfall);
        }
        return maxPerShortfall;
    }

    private static long requireFeeShare(long feeSharePpm) {
        if (feeSharePpm < 0 || feeSharePpm > Fixed.PPM) {
            throw new IllegalArgumentException("feeSharePpm must be between 0 and 1,000,000: " + feeSharePpm);
        }
        return feeSharePpm;
    }
}
