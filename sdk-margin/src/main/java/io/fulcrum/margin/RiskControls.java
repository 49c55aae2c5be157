package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.spi.RiskControl;
import java.math.RoundingMode;

/**
 * Ready-made {@link RiskControl}s: the venue tightens a market while its risk is concentrated,
 * as the seed venues do by hand when open interest piles up on one side (issue 7's dynamic risk).
 *
 * <p>Example: {@code concentration(50_000 USDC, 600_000, 2, 100_000 USDC, 2_000_000)}: while the
 * traders hold more than 50,000 of open interest, or more than 60 % of it is on one side, new risk
 * may use at most 2x, open interest may not pass 100,000 and funding is doubled.
 */
public final class RiskControls {
    private RiskControls() {}

    /**
     * Tightened while the traders' open interest (the larger side, at the index) is above
     * {@code openInterestLine} or their skew, {@code |long − short| / (long + short)}, is above
     * {@code skewLinePpm}; otherwise {@link RiskControl.Limits#NONE}.
     *
     * @param maxLeverage the leverage new risk may use while tightened (at least 1)
     * @param maxOpenInterest the open interest, settlement units, orders may not take the market past
     * @param fundingMultiplierPpm what funding is multiplied by while tightened, ppm
     */
    public static RiskControl concentration(long openInterestLine, long skewLinePpm, long maxLeverage,
            long maxOpenInterest, long fundingMultiplierPpm) {
        if (openInterestLine < 0 || skewLinePpm < 0 || maxLeverage < 1 || maxOpenInterest < 0
                || fundingMultiplierPpm < 0) {
            throw new IllegalArgumentException("concentration control out of range: line " + openInterestLine
                    + ", skew line " + skewLinePpm + " ppm, leverage " + maxLeverage + ", open interest cap "
                    + maxOpenInterest + ", funding multiplier " + fundingMultiplierPpm + " ppm");
        }
        return inputs -> {
            long longs = inputs.longOpenInterest();
            long shorts = inputs.shortOpenInterest();
            long price = Math.max(1, inputs.indexPrice());
            long openInterest = inputs.market().notional(Math.max(longs, shorts), price, RoundingMode.HALF_EVEN);
            long total = longs + shorts;
            long skewPpm = total == 0 ? 0 : Fixed.mulDiv(Math.abs(longs - shorts), Fixed.PPM, total, RoundingMode.DOWN);
            String reason;
            if (openInterest > openInterestLine) {
                reason = "open interest " + openInterest + " above " + openInterestLine;
            } else if (skewPpm > skewLinePpm) {
                reason = "skew " + skewPpm + " ppm above " + skewLinePpm + " ppm";
            } else {
                return RiskControl.Limits.NONE;
            }
            return new RiskControl.Limits(maxLeverage, maxOpenInterest, fundingMultiplierPpm, reason);
        };
    }
}
