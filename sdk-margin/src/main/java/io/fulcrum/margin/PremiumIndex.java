package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import io.fulcrum.api.spi.BookDepth;
import io.fulcrum.margin.internal.FundingArithmetic;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One premium sample of an order book over its index: how far the book's impact prices sit
 * outside the index, the input every order-book funding rate averages (MECHANISMS.md §1.1
 * Hyperliquid, §2.5 dYdX, §5.2 Binance).
 *
 * <pre>
 * premium = [ max(impactBid − index, 0) − max(index − impactAsk, 0) ] / index
 * </pre>
 *
 * <p>Example (§1.1 worked example 1): index 10,000, impact bid 10,010, impact ask 10,020 give
 * {@code samplePpb(10_010, 10_020, 10_000) = 1_000_000} ppb (0.1 %).
 *
 * <p>An impact price is the average price at which a market order of the <i>impact notional</i>
 * would fill against one side of the book ({@link #impactPrice}). A side too thin to fill it has
 * no impact price, written 0 here, and contributes nothing to the premium: dYdX's rule (an empty
 * side makes the premium 0), which the Hyperliquid/Binance formula also gives if the missing
 * impact bid is read as 0 and the missing impact ask as infinity.
 *
 * <p>Rounding: premiums are rounded toward zero, as dYdX rounds its premium votes (§2.5); an
 * impact price is rounded against the impact order (the bid down, the ask up), so the premium's
 * magnitude is never overstated.
 */
public final class PremiumIndex {
    private PremiumIndex() {}

    /**
     * The Hyperliquid/Binance premium sample, in ppb, rounded toward zero (§1.1, §5.2).
     *
     * <p>Example (§1.1 worked example 3): impact bid 10,100, impact ask 10,110, index 10,000 give
     * (100 − 0) / 10,000 = 0.01 = 10,000,000 ppb; impact bid 9,980, impact ask 9,990 give
     * (0 − 10) / 10,000 = −1,000,000 ppb.
     *
     * @param impactBid the impact bid in price units, or 0 if the bids are too thin
     * @param impactAsk the impact ask in price units, or 0 if the asks are too thin
     * @param indexPrice the index (oracle) price, positive
     * @throws IllegalArgumentException if a price is negative, the index is not positive, or the
     *     impact bid is above the impact ask (an uncrossed book cannot give that)
     */
    public static long samplePpb(long impactBid, long impactAsk, long indexPrice) {
        requireImpactPrices(impactBid, impactAsk, indexPrice);
        long above = impactBid > indexPrice ? impactBid - indexPrice : 0;
        long below = impactAsk != 0 && impactAsk < indexPrice ? indexPrice - impactAsk : 0;
        // At most one of the two is non-zero: impactBid <= impactAsk.
        return Fixed.mulDiv(above - below, FundingArithmetic.PPB, indexPrice, RoundingMode.DOWN);
    }

    /**
     * dYdX's per-block premium vote, in ppb (§2.5): {@code impactBid / index − 1} if the impact
     * bid is above the index, {@code impactAsk / index − 1} if the impact ask is below it, else 0;
     * rounded toward zero and bounded to {@code ±maxAbsVotePpb}
     * ({@code premium_vote_clamp_factor × (IMF − MMF)}, see {@link DydxFunding#premiumVoteClampPpb()}).
     *
     * <p>dYdX looks at the impact bid only when the index is below the best bid, and at the impact
     * ask only when it is above the best ask; for an uncrossed book that is the same number as the
     * piecewise rule here (the impact bid is at most the best bid, the impact ask at least the best
     * ask), and the same as {@link #samplePpb} before the bound. dYdX keeps votes in ppm; this
     * vote truncated toward zero to ppm ({@code vote / 1,000}) is exactly dYdX's value.
     *
     * <p>Example: impact bid 250, index 100, bound 1,200,000,000 ppb (60 × 2 %, dYdX's Large-Cap
     * genesis): 250 / 100 − 1 = 150 % is bounded to 120 %, so the vote is 1,200,000,000 ppb.
     *
     * @param maxAbsVotePpb the bound, 0 or more
     */
    public static long dydxVotePpb(long impactBid, long impactAsk, long indexPrice, long maxAbsVotePpb) {
        if (maxAbsVotePpb < 0) {
            throw new IllegalArgumentException("maxAbsVotePpb must be non-negative: " + maxAbsVotePpb);
        }
        return FundingArithmetic.clamp(samplePpb(impactBid, impactAsk, indexPrice), -maxAbsVotePpb, maxAbsVotePpb);
    }

    /**
     * The average price at which an order of notional {@code impactNotional} fills against the
     * first {@code levels} levels of one side of a book, or 0 if the side cannot fill it.
     *
     * <p>The levels are aggregated, best first, as {@link BookDepth} gives them: {@code BUY} is
     * the bids (prices not increasing), {@code SELL} the asks (prices not decreasing). The order
     * takes whole levels until the next one would overfill it, then part of that level; its average
     * price is {@code impactNotional / base filled}, exact, then rounded against the impact order:
     * down for the bids, up for the asks. An impact notional of 0 gives the best price (dYdX's
     * rule).
     *
     * <p>Example: BTC market with sizes at 4 decimals and prices at 1 (USDC at 6); bids 10,010.0 ×
     * 1 BTC and 10,000.0 × 2 BTC; impact notional 20,000 USDC. The first level fills 10,010 USDC,
     * the remaining 9,990 USDC buys 0.999 BTC at 10,000; average 20,000 / 1.999 = 10,005.0025...,
     * rounded down to 10,005.0 (price units {@code 100_050}).
     *
     * @param market gives the notional of a size at a price
     * @param bookSide {@code BUY} for the bids, {@code SELL} for the asks
     * @param prices level prices, price units, positive
     * @param sizes level sizes, size units, positive
     * @param levels how many leading entries of {@code prices} and {@code sizes} are levels
     * @param impactNotional settlement units, 0 or more
     */
    public static long impactPrice(MarketSpec market, Side bookSide, long[] prices, long[] sizes, int levels,
            long impactNotional) {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(bookSide, "bookSide");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(sizes, "sizes");
        if (levels < 0 || levels > prices.length || levels > sizes.length) {
            throw new IllegalArgumentException("levels must be in [0, " + Math.min(prices.length, sizes.length)
                    + "]: " + levels);
        }
        if (impactNotional < 0) {
            throw new IllegalArgumentException("impactNotional must be non-negative: " + impactNotional);
        }
        for (int i = 0; i < levels; i++) {
            if (prices[i] <= 0 || sizes[i] <= 0) {
                throw new IllegalArgumentException("level " + i + " must have a positive price and size: "
                        + prices[i] + " x " + sizes[i]);
            }
            if (i > 0 && (bookSide == Side.BUY ? prices[i] > prices[i - 1] : prices[i] < prices[i - 1])) {
                throw new IllegalArgumentException("level " + i + " (" + prices[i] + ") is better than level "
                        + (i - 1) + " (" + prices[i - 1] + "): levels must be best first");
            }
        }
        if (levels == 0) {
            return 0;
        }
        if (impactNotional == 0) {
            return prices[0];
        }
        // Work in "weight" units w = size × price × 10^max(e, 0), where the notional of a level is
        // w / 10^max(−e, 0); the target in the same units is impactNotional × 10^max(−e, 0).
        int exponent = market.settlement().decimals() - market.sizeDecimals() - market.priceDecimals();
        BigInteger up = BigInteger.TEN.pow(Math.max(exponent, 0));
        BigInteger target = BigInteger.valueOf(impactNotional).multiply(BigInteger.TEN.pow(Math.max(-exponent, 0)));
        BigInteger filledWeight = BigInteger.ZERO;
        BigInteger filledSize = BigInteger.ZERO;
        for (int i = 0; i < levels; i++) {
            BigInteger price = BigInteger.valueOf(prices[i]);
            BigInteger weight = BigInteger.valueOf(sizes[i]).multiply(price).multiply(up);
            BigInteger remaining = target.subtract(filledWeight);
            if (weight.compareTo(remaining) >= 0) {
                // Part of this level: base filled = filledSize + remaining / (price × up), so the
                // average target / (base × up) = target × price / (filledSize × up × price + remaining).
                BigInteger denominator = filledSize.multiply(up).multiply(price).add(remaining);
                return FundingArithmetic.divide(target.multiply(price), denominator,
                        bookSide == Side.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING);
            }
            filledWeight = filledWeight.add(weight);
            filledSize = filledSize.add(BigInteger.valueOf(sizes[i]));
        }
        return 0;
    }

    /**
     * Both impact prices of a book read through {@code book}, looking at most {@code maxLevels}
     * levels deep on each side; see {@link #impactPrice}.
     *
     * <p>Example: with the bids of {@link #impactPrice}'s example and asks 10,000.0 × 1 BTC and
     * 10,100.0 × 5 BTC, an impact notional of 20,100 USDC gives an impact ask of exactly
     * 20,100 / 2 = 10,050.0.
     *
     * @param maxLevels positive
     */
    public static ImpactPrices impactPrices(MarketSpec market, BookDepth book, int maxLevels, long impactNotional) {
        Objects.requireNonNull(book, "book");
        if (maxLevels <= 0) {
            throw new IllegalArgumentException("maxLevels must be positive: " + maxLevels);
        }
        long[] prices = new long[maxLevels];
        long[] sizes = new long[maxLevels];
        int bids = book.depth(Side.BUY, prices, sizes);
        long bid = impactPrice(market, Side.BUY, prices, sizes, bids, impactNotional);
        int asks = book.depth(Side.SELL, prices, sizes);
        long ask = impactPrice(market, Side.SELL, prices, sizes, asks, impactNotional);
        return new ImpactPrices(bid, ask);
    }

    private static void requireImpactPrices(long impactBid, long impactAsk, long indexPrice) {
        if (indexPrice <= 0) {
            throw new IllegalArgumentException("indexPrice must be positive: " + indexPrice);
        }
        if (impactBid < 0 || impactAsk < 0) {
            throw new IllegalArgumentException("impact prices must be non-negative (0 = none): bid " + impactBid
                    + ", ask " + impactAsk);
        }
        if (impactBid != 0 && impactAsk != 0 && impactBid > impactAsk) {
            throw new IllegalArgumentException("impact bid " + impactBid + " is above impact ask " + impactAsk);
        }
    }

    /**
     * The impact bid and ask of a book, price units; 0 where that side is too thin.
     *
     * <p>Example: {@code new ImpactPrices(100_050, 0)} has a bid and no ask.
     *
     * @param bid the impact bid, or 0
     * @param ask the impact ask, or 0
     */
    public record ImpactPrices(long bid, long ask) {
        public ImpactPrices {
            if (bid < 0 || ask < 0) {
                throw new IllegalArgumentException("impact prices must be non-negative (0 = none): bid " + bid
                        + ", ask " + ask);
            }
        }

        /** True if the bids were deep enough. */
        public boolean hasBid() {
            return bid != 0;
        }

        /** True if the asks were deep enough. */
        public boolean hasAsk() {
            return ask != 0;
        }

        /** {@link PremiumIndex#samplePpb} of these prices against {@code indexPrice}. */
        public long samplePpb(long indexPrice) {
            return PremiumIndex.samplePpb(bid, ask, indexPrice);
        }
    }
}
