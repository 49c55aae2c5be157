package io.fulcrum.examples;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The market both crash replays trade ({@link PoolCrashReplay}, {@link LiquidationCrashReplay}), so
 * that their designs meet the same crash on the same contract, and the way their reports write its
 * amounts. Example: {@code usdc(1_234_565_000)} is "1234.56", {@code btc(1_034_413)} is "103441.3".
 */
final class CrashMarket {
    /** The settlement asset. */
    static final AssetSpec USDC = AssetSpec.of("USDC", 6);
    /** The market's id. */
    static final MarketId BTC = MarketId.of("BTC-PERP");
    /** BTC-PERP: 0.0001 BTC size units on a 0.001 BTC lot, 0.1 USDC price units and tick, 2 % / 1 %. */
    static final MarketSpec BTC_SPEC = MarketSpec.builder(BTC, USDC)
            .sizeDecimals(4).priceDecimals(1)
            .tickSize(1).lotSize(10)
            .minNotional(USDC.toUnits("10"))
            .riskTiers(List.of(RiskTier.flat(20_000, 10_000)))
            .build();
    /** The BTC index is stale after 2 minutes (it publishes every minute). */
    static final long BTC_MAX_AGE_MS = 120_000;

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private CrashMarket() {}

    /** {@code delta / base} as a signed percentage with one decimal, e.g. "-11.3 %". */
    static String percent(long delta, long base) {
        return Fixed.format(Fixed.mulDiv(delta, 1_000, base, RoundingMode.HALF_EVEN), 1) + " %";
    }

    /** The UTC hour and minute of an epoch-ms time, e.g. "21:20". */
    static String time(long epochMillis) {
        return HH_MM.format(Instant.ofEpochMilli(epochMillis));
    }

    /** A BTC-PERP price in USDC, e.g. "103441.3". */
    static String btc(long price) {
        return Fixed.format(price, BTC_SPEC.priceDecimals());
    }

    /** A BTC-PERP size in BTC, e.g. "1.9280". */
    static String size(long units) {
        return Fixed.format(units, BTC_SPEC.sizeDecimals());
    }

    /** USDC units to the cent, half-even. */
    static String usdc(long units) {
        return Fixed.format(Fixed.divide(units, Fixed.pow10(USDC.decimals() - 2), RoundingMode.HALF_EVEN), 2);
    }
}
