package io.fulcrum.amm;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.spi.FundingInputs;
import io.fulcrum.api.spi.FundingModel;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * GMX v2's skew funding ({@link GmxFunding}, static or adaptive, MECHANISMS.md §3.2) run by a
 * venue ({@code Venue.Builder.funding(market, model)}): every {@code intervalMillis} the heavier
 * side of the traders' open interest pays {@code factorPerSecond × seconds} of its notional.
 *
 * <p>Example (§3.2, GMX README): factor 1/50,000, exponent 1, traders long 150,000 and short
 * 50,000 USD: longs pay 0.00001 per second, so an hour pays 0.036 of their notional and
 * {@link #ratePpb} returns 36,000,000; a long of 150,000 pays 5,400.
 *
 * <p>How it reads the venue:
 * <ul>
 *   <li>Open interest: the traders' long and short sizes ({@link FundingInputs}) valued at the
 *       index, {@code market.notional(size, index, HALF_EVEN)}, in settlement units. These are
 *       the "USD" of {@link GmxFunding}, whose {@code usdDecimals} must therefore be the
 *       settlement asset's decimals (it matters when the exponent is above 1).
 *   <li>Time: GMX's clock counts whole seconds; the seconds paid for are those elapsed since the
 *       last payment, a part second carried to the next interval so that no time is lost.
 *   <li>Memory ({@link #stateSize} 2): the adaptive saved factor (signed wad per second,
 *       positive while longs pay; 0 in static mode) and the carried milliseconds.
 *   <li>No premium samples: GMX funding looks only at the skew.
 *   <li>The open interest at the end of the interval stands for the whole interval. GMX updates
 *       funding before every position change, so its open interest is constant between updates;
 *       here a position opened mid-interval counts as open all interval. A shorter interval
 *       tracks GMX more closely.
 * </ul>
 *
 * <p><b>One index for both sides (an approximation).</b> GMX charges the paying side
 * {@code rate} per USD and hands the same USD total to the receiving side, which therefore gets
 * {@code rate × OI_paying / OI_receiving} per USD. The venue keeps a single funding index per
 * market, so each unit of size short receives exactly what each unit long pays (at the index
 * price). This model sets that common rate to GMX's <i>paying</i> rate, so:
 * <ul>
 *   <li>the paying side pays exactly what GMX charges it, {@code OI_paying × rate × dt};
 *   <li>the receiving traders get {@code OI_receiving × rate × dt}: {@code OI_receiving /
 *       OI_paying} of their GMX income (in the example, shorts receive 0.00001 per second, not
 *       GMX's 0.00003: 1,800 of the 5,400 longs pay in an hour);
 *   <li>the rest, {@code rate × dt × |OI_long − OI_short|} (3,600 in the example), goes to
 *       whoever holds the other side of the skew: in a pool market, the pool's own position,
 *       whose size is exactly the skew, so the LPs collect it where GMX would pass it on to the
 *       lighter side's traders.
 * </ul>
 * In an order-book market every trader's position has a trader on the other side, so the
 * traders' long and short open interest are equal: static funding is then 0, and adaptive
 * funding, whose saved factor starts at 0 and cannot move without a skew, charges only its
 * minimum (shorts paying: {@link GmxFunding}'s tie-break at equal sides). The model is meant for
 * pool markets.
 *
 * <p>Rounding: the rate is rounded toward zero once, in ppb (at most 1 ppb of the interval's
 * notional); the venue then rounds each payer's settlement up and each receiver's down.
 *
 * @param formula GMX's static or adaptive funding
 * @param intervalMillis how often funding is paid, ms, positive (GMX accrues continuously; the
 *     venue pays in steps)
 */
public record GmxFundingModel(GmxFunding formula, long intervalMillis) implements FundingModel {
    /** The interval {@link #of} uses: one hour. */
    public static final long DEFAULT_INTERVAL_MILLIS = 3_600_000;

    /** Wad per ppb: a wad counts 1e-18, a ppb 1e-9. */
    private static final long WAD_PER_PPB = 1_000_000_000L;
    private static final long MILLIS_PER_SECOND = 1_000;
    private static final int SAVED_FACTOR = 0;
    private static final int CARRIED_MILLIS = 1;

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if {@code formula} is null
     * @throws IllegalArgumentException if {@code intervalMillis} is not positive
     */
    public GmxFundingModel {
        Objects.requireNonNull(formula, "formula");
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("intervalMillis must be positive: " + intervalMillis);
        }
    }

    /**
     * {@code formula} paid every hour ({@link #DEFAULT_INTERVAL_MILLIS}).
     *
     * <p>Example: {@code GmxFundingModel.of(GmxFunding.staticFunding(20_000_000_000_000L, 1,
     * 1_000_000_000_000_000_000L, 6))} is the README's factor 1/50,000 (2e13 wad) over a USDC
     * market, paid hourly.
     */
    public static GmxFundingModel of(GmxFunding formula) {
        return new GmxFundingModel(formula, DEFAULT_INTERVAL_MILLIS);
    }

    /** Two longs: the adaptive saved factor (wad per second, signed) and the carried milliseconds. */
    @Override
    public int stateSize() {
        return 2;
    }

    /**
     * The rate for the interval just ended, ppb of notional at the index, positive when longs
     * pay: {@code ±floor(factorPerSecondWad × seconds / 10^9)}, where the factor is
     * {@link GmxFunding#next} at the traders' open interest valued at the index, and the saved
     * adaptive factor moves on in {@code state}.
     *
     * <p>Example (adaptive, §3.2's README numbers, 600 s intervals): a saved factor of 0 and a 6 %
     * long skew give a factor of 0.0036 % per second (3.6e13 wad), longs paying 3.6e13 × 600 /
     * 10^9 = 21,600,000 ppb; the next interval at a 4 % skew (between the thresholds) keeps the
     * factor and pays 21,600,000 again.
     *
     * @throws IllegalArgumentException if {@code formula.usdDecimals()} is not the decimals of the
     *     market's settlement asset, or {@code inputs.elapsedMillis()} is negative
     */
    @Override
    public long ratePpb(FundingInputs inputs, long[] state) {
        MarketSpec market = inputs.market();
        int settlementDecimals = market.settlement().decimals();
        if (formula.usdDecimals() != settlementDecimals) {
            throw new IllegalArgumentException("GmxFunding's usdDecimals " + formula.usdDecimals() + " must be "
                    + market.id() + "'s settlement decimals " + settlementDecimals);
        }
        if (inputs.elapsedMillis() < 0) {
            throw new IllegalArgumentException("elapsedMillis must be non-negative: " + inputs.elapsedMillis());
        }
        long longUsd = market.notional(inputs.longOpenInterest(), inputs.indexPrice(), RoundingMode.HALF_EVEN);
        long shortUsd = market.notional(inputs.shortOpenInterest(), inputs.indexPrice(), RoundingMode.HALF_EVEN);
        long millis = Fixed.add(state[CARRIED_MILLIS], inputs.elapsedMillis());
        long seconds = millis / MILLIS_PER_SECOND;
        state[CARRIED_MILLIS] = millis % MILLIS_PER_SECOND;

        GmxFunding.Rate rate = formula.next(longUsd, shortUsd, state[SAVED_FACTOR], seconds);
        state[SAVED_FACTOR] = rate.nextSavedFactorPerSecondWad();
        long ppb = Fixed.mulDiv(rate.factorPerSecondWad(), seconds, WAD_PER_PPB, RoundingMode.DOWN);
        return rate.longsPay() ? ppb : -ppb;
    }
}
