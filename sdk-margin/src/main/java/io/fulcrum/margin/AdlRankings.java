package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.FixedPointOverflowException;
import io.fulcrum.api.spi.DeleveragingCandidate;
import io.fulcrum.api.spi.DeleveragingRanking;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The auto-deleveraging orders of four venues (MECHANISMS.md §1.5, §2.4, §5.3; the loss
 * waterfalls they end are in §9): which profitable positions opposite a bankrupt one are closed
 * first. Hyperliquid, BitMEX and Binance rank by a score, highest first; dYdX rotates the given
 * order from a seeded offset.
 *
 * <p>Every score is compared exactly, as a fraction of 128-bit integers (no {@code double}), and
 * equal scores keep their given order. A ranking only orders what it is given: it drops no
 * candidate (a position at a loss is ranked too); which positions are eligible is the venue's
 * choice. Each ranking returns a new unmodifiable list and leaves its input as it was; a null list
 * or element is a {@link NullPointerException} naming it.
 *
 * <p>Example (§1.5): given B (entry 90,000, mark 110,000, notional 110,000, account value 50,000;
 * score 1.2222 × 2.2 = 2.6889) and A (2 BTC entered at 100,000, mark 110,000, notional 220,000,
 * account value 20,000; score 1.1 × 11 = 12.1), {@code hyperliquid().order(List.of(b, a), 0)} is
 * {@code [a, b]}.
 */
public final class AdlRankings {
    private static final DeleveragingRanking HYPERLIQUID =
            new ScoredAdlRanking("hyperliquid", AdlRankings::hyperliquidScore);
    private static final DeleveragingRanking BITMEX = new ScoredAdlRanking("bitmex", AdlRankings::bitmexScore);

    private AdlRankings() {}

    /**
     * Hyperliquid's ranking (MECHANISMS.md §1.5): {@code (mark / entry) × (notional / account value)},
     * highest first. The record has no entry price, so {@code mark / entry} is taken as
     * {@code notional / entryNotional} (both are {@code |size|} times the price).
     *
     * <p><b>Shorts</b> (UNVERIFIED in §1.5: the page does not say how the index is oriented for
     * them): a short uses {@code entry / mark}, so that, as for longs, the more profitable
     * position ranks higher; with {@code mark / entry} a short's profit would lower its rank.
     *
     * <p><b>Account value ≤ 0</b>: such an account is bankrupt itself, not "in profit", and the
     * leverage term has no meaning; these candidates come after every other, in their given order.
     *
     * <p>Example: long A (entry 100,000, mark 110,000, notional 220,000, account value 20,000)
     * scores 1.1 × 11 = 12.1 and long B (entry 90,000, mark 110,000, notional 110,000, account
     * value 50,000) 1.2222 × 2.2 = 2.6889: A first. A short of 1 BTC entered at 110,000 with mark
     * 100,000 and account value 20,000 scores (110,000 / 100,000) × 5 = 5.5. The seed is not used.
     */
    public static DeleveragingRanking hyperliquid() {
        return HYPERLIQUID;
    }

    /**
     * BitMEX's ranking (MECHANISMS.md §5.3): {@code PnL% × EffLev} if {@code PnL% > 0}, else
     * {@code PnL% / EffLev}, highest first, with {@code PnL% = unrealizedPnl / entryNotional} and
     * {@code EffLev = notional / accountValue}.
     *
     * <p>BitMEX writes {@code EffLev = |MarkValue| / (MarkValue − BankruptValue)}. For a cross
     * account the distance from the position's value to its bankruptcy value is the account value
     * (the position is bankrupt exactly when a price move has eaten the whole account value), so
     * the candidate's {@code accountValue} is that denominator; for an isolated position the venue
     * passes the position's own value as {@code accountValue}. Account value ≤ 0 (bankrupt, no
     * leverage defined): last, in given order.
     *
     * <p>Example (§5.3): long 1 BTC entered at 50,000, mark 55,000, bankruptcy 45,000: PnL% = 10 %,
     * EffLev = 55,000 / 10,000 = 5.5 (account value 10,000), score 0.1 × 5.5 = 0.55. A loss
     * divides: PnL% −10 % at 10x scores −0.01, above −5 % at 2x (−0.025). The seed is not used.
     */
    public static DeleveragingRanking bitmex() {
        return BITMEX;
    }

    /**
     * Binance's ranking (MECHANISMS.md §5.3): {@code PnlPercent × MarginRatio}, highest first, with
     * {@code PnlPercent = max(0, uPnL) / max(1, WB)} and {@code MarginRatio = MM / (WB + uPnL)}
     * ({@code 0} when {@code WB + uPnL ≤ 0}); {@code WB} is the wallet balance and {@code MM} the
     * maintenance requirement.
     *
     * <p>The "1" of {@code max(1, WB)} is read as one whole unit of the settlement asset (1 USDT),
     * {@code 10^settlementDecimals} settlement units: the floor keeps a nearly empty wallet from
     * making the PnL percentage explode, which a floor of one smallest unit would not do. The
     * candidate carries no decimals, hence the argument.
     *
     * <p>Example (§5.3): uPnL 40.2, WB 4.27, MM 5.967874 (a margin ratio of exactly 13.42 % of
     * 44.47): 9.4145 × 0.1342 = 1.26343. With WB 0.5 and uPnL 2 the PnL percentage is 2 / 1 = 2,
     * not 2 / 0.5. The seed is not used.
     *
     * @param settlementDecimals the settlement asset's decimals, 0 to 18 (6 for USDC)
     * @throws IllegalArgumentException if the decimals are out of range
     */
    public static DeleveragingRanking binance(int settlementDecimals) {
        long one = oneWholeUnit(settlementDecimals);
        return new ScoredAdlRanking("binance(" + settlementDecimals + ")", c -> binanceScore(c, one));
    }

    /**
     * dYdX's order (MECHANISMS.md §2.4): no score; the candidates in their given order, starting
     * at index {@code floorMod(seed, n)} and wrapping around, which is how dYdX starts its
     * iteration over opposite positions at a pseudo-random offset. The venue derives the seed from
     * the event, so the same event gives the same order.
     *
     * <p>Example: seed 7 over five candidates c0..c4 gives c2, c3, c4, c0, c1; seed −3 gives the
     * same ({@code floorMod(−3, 5) = 2}).
     */
    public static DeleveragingRanking dydx() {
        return RotatingAdlRanking.INSTANCE;
    }

    /**
     * {@code candidate}'s {@link #hyperliquid()} score in ppm, rounded half-even, for reports.
     *
     * <p>Example (§1.5): A scores 12,100,000 (12.1); B 2,688,889 (110,000² / (90,000 × 50,000) =
     * 2.688888…); the short of {@link #hyperliquid()} 5,500,000.
     *
     * @throws IllegalArgumentException if the account value is not positive (no score; such a
     *     candidate ranks last)
     * @throws FixedPointOverflowException if the score does not fit a {@code long} in ppm
     */
    public static long hyperliquidScorePpm(DeleveragingCandidate candidate) {
        return ppm(hyperliquidScore(Objects.requireNonNull(candidate, "candidate")), candidate);
    }

    /**
     * {@code candidate}'s {@link #bitmex()} score in ppm, rounded half-even (a negative score's
     * magnitude is rounded), for reports.
     *
     * <p>Example (§5.3): the long entered at 50,000 with mark 55,000 and account value 10,000
     * scores 550,000 (0.1 × 5.5).
     *
     * @throws IllegalArgumentException if the account value is not positive (no score; such a
     *     candidate ranks last)
     * @throws FixedPointOverflowException if the score does not fit a {@code long} in ppm
     */
    public static long bitmexScorePpm(DeleveragingCandidate candidate) {
        return ppm(bitmexScore(Objects.requireNonNull(candidate, "candidate")), candidate);
    }

    /**
     * {@code candidate}'s {@link #binance(int)} score in ppm, rounded half-even, for reports.
     *
     * <p>Example (§5.3): uPnL 40.2, WB 4.27, MM 5.967874 at 6 decimals: (40.2 / 4.27) × 0.1342 =
     * 5.39484 / 4.27 = 1.263428571… (exactly 1.263 + 3/7000), so 1,263,429: the 0.571 ppm rounds up
     * (§5.3 shows it to four places, 1.2634).
     *
     * @throws IllegalArgumentException if the decimals are not in [0, 18]
     * @throws FixedPointOverflowException if the score does not fit a {@code long} in ppm
     */
    public static long binanceScorePpm(DeleveragingCandidate candidate, int settlementDecimals) {
        long one = oneWholeUnit(settlementDecimals);
        return ppm(binanceScore(Objects.requireNonNull(candidate, "candidate"), one), candidate);
    }

    /** A copy of {@code candidates}, which must not be null nor hold null. */
    static List<DeleveragingCandidate> requireCandidates(List<DeleveragingCandidate> candidates) {
        Objects.requireNonNull(candidates, "candidates");
        List<DeleveragingCandidate> copy = new ArrayList<>(candidates.size());
        // Indexed scan rather than contains(null): immutable lists throw on contains(null).
        for (DeleveragingCandidate candidate : candidates) {
            if (candidate == null) {
                throw new NullPointerException("candidates[" + copy.size() + "] is null");
            }
            copy.add(candidate);
        }
        return copy;
    }

    static AdlScore hyperliquidScore(DeleveragingCandidate c) {
        if (c.accountValue() <= 0) {
            return AdlScore.UNRANKED;
        }
        AdlScore priceRatio = c.isLong()
                ? AdlScore.ratio(c.notional(), c.entryNotional()) // mark / entry
                : AdlScore.ratio(c.entryNotional(), c.notional()); // entry / mark: see hyperliquid()
        return priceRatio.times(c.notional(), c.accountValue());
    }

    static AdlScore bitmexScore(DeleveragingCandidate c) {
        if (c.accountValue() <= 0) {
            return AdlScore.UNRANKED;
        }
        AdlScore pnlPercent = AdlScore.ratio(c.unrealizedPnl(), c.entryNotional());
        return c.unrealizedPnl() > 0
                ? pnlPercent.times(c.notional(), c.accountValue()) // × EffLev
                : pnlPercent.times(c.accountValue(), c.notional()); // ÷ EffLev
    }

    static AdlScore binanceScore(DeleveragingCandidate c, long oneWholeUnit) {
        BigInteger equity = BigInteger.valueOf(c.walletBalance()).add(BigInteger.valueOf(c.unrealizedPnl()));
        if (equity.signum() <= 0) {
            return AdlScore.ratio(0, 1); // MarginRatio is 0 by definition
        }
        BigInteger profit = BigInteger.valueOf(Math.max(0, c.unrealizedPnl()));
        BigInteger wallet = BigInteger.valueOf(Math.max(oneWholeUnit, c.walletBalance()));
        BigInteger maintenance = BigInteger.valueOf(c.maintenanceRequirement());
        return AdlScore.of(profit.multiply(maintenance), wallet.multiply(equity));
    }

    private static long oneWholeUnit(int settlementDecimals) {
        if (settlementDecimals < 0 || settlementDecimals > 18) {
            throw new IllegalArgumentException("settlement decimals must be in [0, 18]: " + settlementDecimals);
        }
        return Fixed.pow10(settlementDecimals);
    }

    private static long ppm(AdlScore score, DeleveragingCandidate candidate) {
        if (!score.isRanked()) {
            throw new IllegalArgumentException("account " + candidate.account() + " in " + candidate.market()
                    + " has no score: its account value " + candidate.accountValue()
                    + " is not positive (it ranks last)");
        }
        return score.toPpm();
    }
}
