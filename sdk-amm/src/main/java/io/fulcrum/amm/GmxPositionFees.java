package io.fulcrum.amm;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import io.fulcrum.api.spi.PoolFeeRule;
import io.fulcrum.api.spi.PoolFill;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * GMX v2's position fee as a {@link PoolFeeRule} (MECHANISMS.md §3.4, defaults of
 * {@code config/markets.ts}): a share of the fill's notional, lower when the fill's
 * {@link PriceImpact} (§3.1) is positive, i.e. when it brings long and short open interest closer,
 * than when it is zero or negative ({@code forPositiveImpact = impact > 0}, as in GMX).
 *
 * <p><b>Open interest.</b> GMX measures open interest in USD; the fill gives the traders' open
 * interest in size units, so it is converted to settlement units at the fill's price
 * ({@code market.notional(size, price, HALF_EVEN)}), and the {@link PriceImpact}'s
 * {@code usdDecimals} must be the settlement asset's decimals.
 *
 * <p><b>Direction.</b> A buy that opens or adds is an increase of long open interest; a sell that
 * reduces a long is a <i>decrease</i> of long open interest (not an increase of short), as GMX
 * records a decrease order; symmetrically for shorts. A fill that flips a position is charged as
 * GMX would charge the two orders it takes there: the close of the old position first, at the rate
 * its own impact earns, then the open of the rest, on the open interest the close left, at its own
 * rate.
 *
 * <p>Example (ETH factors f⁻ 9e-11, f⁺ 3e-11, exponent 2; long 1,000,000 / short 600,000 USD): a
 * 100,000 long widens the gap (impact −8.10) and pays 0.06 % = <b>60</b>; a 300,000 short narrows
 * it (+4.50) and pays 0.04 % = <b>120</b>.
 *
 * <p>Not modelled here: GMX's virtual inventory and the impact pool's cap on a positive impact (a
 * fee rule sees neither), the UI and referral discounts, and the borrowing and funding fees GMX
 * settles with the position fee (they accrue over time, not per fill). The fee rounds up, in the
 * pool's favour. Immutable and thread-safe.
 */
public final class GmxPositionFees implements PoolFeeRule {
    /** GMX's default fee for a fill whose impact is positive: 0.04 %. */
    public static final long DEFAULT_BALANCING_FEE_PPM = 400;

    /** GMX's default fee for a fill whose impact is zero or negative: 0.06 %. */
    public static final long DEFAULT_UNBALANCING_FEE_PPM = 600;

    private final PriceImpact impact;
    private final long balancingFeePpm;
    private final long unbalancingFeePpm;

    private GmxPositionFees(PriceImpact impact, long balancingFeePpm, long unbalancingFeePpm) {
        this.impact = impact;
        this.balancingFeePpm = balancingFeePpm;
        this.unbalancingFeePpm = unbalancingFeePpm;
    }

    /**
     * A position fee of {@code balancingFeePpm} of the notional when the fill's impact is positive,
     * else {@code unbalancingFeePpm}. Example: {@code of(impact, 500, 700)} charges 0.05 % / 0.07 %.
     *
     * @throws NullPointerException if {@code impact} is null
     * @throws IllegalArgumentException unless both rates are in [0, 1,000,000] ppm
     */
    public static GmxPositionFees of(PriceImpact impact, long balancingFeePpm, long unbalancingFeePpm) {
        Objects.requireNonNull(impact, "impact");
        requireRate("balancingFeePpm", balancingFeePpm);
        requireRate("unbalancingFeePpm", unbalancingFeePpm);
        return new GmxPositionFees(impact, balancingFeePpm, unbalancingFeePpm);
    }

    /** GMX's defaults: 0.04 % (400 ppm) on a positive impact, 0.06 % (600 ppm) otherwise. */
    public static GmxPositionFees defaults(PriceImpact impact) {
        return of(impact, DEFAULT_BALANCING_FEE_PPM, DEFAULT_UNBALANCING_FEE_PPM);
    }

    /**
     * The position fee of {@code fill}: each part (closing, then opening) pays its rate on its
     * notional, rounded up. Example: with the defaults, a trader long 150 ETH who sells 300 ETH at
     * 2,000 into long 1,000,000 / short 600,000 pays 0.04 % on the 300,000 that closes (gap 400,000
     * → 100,000) and 0.06 % on the 300,000 that opens short (crossover to 200,000 short-heavy,
     * impact −3.30): 120 + 180 = 300.
     *
     * @throws IllegalArgumentException if the impact's {@code usdDecimals} is not the market's
     *     settlement decimals, or the fill is inconsistent (a negative amount, a close larger than
     *     its side's open interest)
     */
    @Override
    public long fee(PoolFill fill) {
        requireUsdScale(fill.market());
        PoolFillSplit split = PoolFillSplit.of(fill);
        long fee = 0;
        if (split.closingQuantity() > 0) {
            long delta = -split.closingNotional();
            long impactUsd = impact.impactUsd(split.longOpenInterest(), split.shortOpenInterest(), delta,
                    split.closesLong());
            fee = charge(split.closingNotional(), impactUsd);
        }
        if (split.openingQuantity() > 0) {
            long impactUsd = impact.impactUsd(split.longAfterClose(), split.shortAfterClose(), split.openingNotional(),
                    fill.side() == Side.BUY);
            fee = Fixed.add(fee, charge(split.openingNotional(), impactUsd));
        }
        return fee;
    }

    /** The price impact that decides the rate. */
    public PriceImpact impact() {
        return impact;
    }

    /** The rate on a fill whose impact is positive, ppm of its notional. */
    public long balancingFeePpm() {
        return balancingFeePpm;
    }

    /** The rate on a fill whose impact is zero or negative, ppm of its notional. */
    public long unbalancingFeePpm() {
        return unbalancingFeePpm;
    }

    @Override
    public String toString() {
        return "GmxPositionFees[balancing " + balancingFeePpm + " ppm, unbalancing " + unbalancingFeePpm + " ppm, "
                + impact + "]";
    }

    private long charge(long notional, long impactUsd) {
        // GMX: forPositiveImpact = priceImpactUsd > 0; a zero impact pays the higher rate.
        long rate = impactUsd > 0 ? balancingFeePpm : unbalancingFeePpm;
        return Fixed.ppm(notional, rate, RoundingMode.CEILING);
    }

    private void requireUsdScale(MarketSpec market) {
        int decimals = market.settlement().decimals();
        if (decimals != impact.usdDecimals()) {
            // The impact's exponent applies to USD values, so another scale would give other numbers.
            throw new IllegalArgumentException(market.id() + ": the price impact counts USD at " + impact.usdDecimals()
                    + " decimals but the market settles at " + decimals);
        }
    }

    private static void requireRate(String name, long ppm) {
        if (ppm < 0 || ppm > Fixed.PPM) {
            throw new IllegalArgumentException(name + " must be in [0, 1,000,000] ppm: " + ppm);
        }
    }
}
