package io.fulcrum.margin;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Fixed;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Hyperliquid's liquidation rule (MECHANISMS.md §1.4; the waterfall is §9): how much of a position
 * the first market liquidation order sends to the book, the cooldown after a partial liquidation,
 * and when the backstop liquidator vault takes over.
 *
 * <ul>
 *   <li>Step 1: a position whose notional is <b>above</b> {@link #partialAboveNotional()} (100,000
 *       USDC; 10,000 on testnet) is sent in a chunk of {@link #chunkPpm()} (20 %) of its size;
 *       otherwise, or while the account is in cooldown, the whole position is sent.
 *   <li>After a partial liquidation the account is in cooldown for {@link #cooldownMillis()} (30 s).
 *   <li>Step 2: once equity is below {@code backstopNumerator / backstopDenominator} (2/3) of the
 *       maintenance margin, the backstop vault takes the positions over.
 * </ul>
 *
 * <p>Example (§1.4): a position of 500,000 USDC notional is first sent as a chunk of 100,000; one
 * of 80,000 is sent whole. With a maintenance margin of 6,250 the backstop threshold is
 * 4,166.666… → 4,166.666667 USDC (4,166.67 in cents).
 *
 * <p>Rounding, against the liquidated account: the chunk rounds <i>up</i> to the lot, so at least
 * 20 % closes (capped at the whole position); the backstop threshold rounds <i>up</i>, which for
 * an integer equity decides exactly as the exact fraction does ({@code e < ceil(x)} ⇔
 * {@code e < x}); the cooldown includes its last millisecond.
 *
 * @param partialAboveNotional positions with notional strictly above this (settlement units) are
 *     liquidated in chunks; non-negative
 * @param chunkPpm the share of the position sent per chunk, in (0, 1,000,000]
 * @param cooldownMillis how long after a partial liquidation whole positions are sent; non-negative
 * @param backstopNumerator numerator of the backstop fraction of maintenance, in [0, denominator]
 * @param backstopDenominator denominator of the backstop fraction, positive
 */
public record HyperliquidLiquidationRule(long partialAboveNotional, long chunkPpm, long cooldownMillis,
        long backstopNumerator, long backstopDenominator) {
    public HyperliquidLiquidationRule {
        if (partialAboveNotional < 0) {
            throw new IllegalArgumentException("partialAboveNotional must not be negative: " + partialAboveNotional);
        }
        if (chunkPpm <= 0 || chunkPpm > Fixed.PPM) {
            throw new IllegalArgumentException("chunkPpm must be in (0, 1,000,000]: " + chunkPpm);
        }
        if (cooldownMillis < 0) {
            throw new IllegalArgumentException("cooldownMillis must not be negative: " + cooldownMillis);
        }
        if (backstopDenominator <= 0) {
            throw new IllegalArgumentException("backstopDenominator must be positive: " + backstopDenominator);
        }
        if (backstopNumerator < 0 || backstopNumerator > backstopDenominator) {
            throw new IllegalArgumentException("the backstop fraction " + backstopNumerator + "/" + backstopDenominator
                    + " must be in [0, 1]");
        }
    }

    /** Hyperliquid mainnet: chunks above 100,000 of {@code settlement} (e.g. USDC), 20 %, 30 s, backstop at 2/3. */
    public static HyperliquidLiquidationRule hyperliquid(AssetSpec settlement) {
        return withThreshold(settlement, 100_000);
    }

    /** Hyperliquid testnet: as {@link #hyperliquid}, but chunks above 10,000 of {@code settlement}. */
    public static HyperliquidLiquidationRule hyperliquidTestnet(AssetSpec settlement) {
        return withThreshold(settlement, 10_000);
    }

    private static HyperliquidLiquidationRule withThreshold(AssetSpec settlement, long wholeUnits) {
        Objects.requireNonNull(settlement, "settlement");
        return new HyperliquidLiquidationRule(Fixed.multiply(wholeUnits, Fixed.pow10(settlement.decimals())),
                200_000, 30_000, 2, 3);
    }

    /**
     * True if a position of {@code positionNotional} is liquidated in a chunk now: its notional is
     * strictly above {@link #partialAboveNotional()} and the account is not in cooldown.
     * Example (mainnet): 500,000 → true; exactly 100,000 → false; 500,000 in cooldown → false.
     */
    public boolean isPartial(long positionNotional, boolean inCooldown) {
        if (positionNotional < 0) {
            throw new IllegalArgumentException("positionNotional must not be negative: " + positionNotional);
        }
        return !inCooldown && positionNotional > partialAboveNotional;
    }

    /**
     * The unsigned size of the first liquidation order for a position: {@link #chunkPpm()} of
     * {@code |positionSize|} rounded up to {@code lotSize} (at most the whole position) if
     * {@link #isPartial}, else the whole position.
     *
     * <p>Example (mainnet, 1 BTC = 10,000 size units, lot 1): 5 BTC at 100,000 (notional 500,000)
     * → 10,000 (1 BTC, notional 100,000); 0.8 BTC (80,000) → 8,000, whole; 1.23 BTC with lots of
     * 0.01 BTC (12,300, lot 100): 20 % = 2,460 → 2,500.
     *
     * @param positionSize the signed position, size units
     * @param positionNotional its notional at mark, settlement units, non-negative
     * @param lotSize the market's lot, positive
     * @param inCooldown whether the account had a partial liquidation within the cooldown
     */
    public long firstOrderSize(long positionSize, long positionNotional, long lotSize, boolean inCooldown) {
        if (lotSize <= 0) {
            throw new IllegalArgumentException("lotSize must be positive: " + lotSize);
        }
        long size = positionSize < 0 ? Fixed.negate(positionSize) : positionSize;
        if (!isPartial(positionNotional, inCooldown)) {
            return size;
        }
        long lots = Fixed.mulDiv(size, chunkPpm, Fixed.multiply(Fixed.PPM, lotSize), RoundingMode.CEILING);
        return Math.min(Fixed.multiply(lots, lotSize), size);
    }

    /**
     * True if an account whose last partial liquidation was at {@code lastPartialMillis} is still in
     * cooldown at {@code nowMillis}: {@code nowMillis - lastPartialMillis <= cooldownMillis}, the last
     * millisecond included. Example (30 s): partial at 1,000, at 31,000 → true, at 31,001 → false.
     *
     * @throws IllegalArgumentException if {@code nowMillis} is before {@code lastPartialMillis}
     */
    public boolean isInCooldown(long lastPartialMillis, long nowMillis) {
        if (nowMillis < lastPartialMillis) {
            throw new IllegalArgumentException("now " + nowMillis + " is before the last partial liquidation at "
                    + lastPartialMillis);
        }
        return Fixed.subtract(nowMillis, lastPartialMillis) <= cooldownMillis;
    }

    /**
     * The equity below which the backstop vault takes over: {@code ceil(maintenance × numerator /
     * denominator)}. Example (§1.4, 2/3): maintenance 6,250.00 as 625,000 cents → 416,667
     * (4,166.67); as 6,250,000,000 USDC units → 4,166,666,667.
     *
     * @param maintenance the maintenance margin of the account (cross) or position (isolated), non-negative
     */
    public long backstopThreshold(long maintenance) {
        if (maintenance < 0) {
            throw new IllegalArgumentException("maintenance must not be negative: " + maintenance);
        }
        return Fixed.mulDiv(maintenance, backstopNumerator, backstopDenominator, RoundingMode.CEILING);
    }

    /**
     * True if the backstop vault takes over: the account holds risk ({@code maintenance > 0}) and
     * {@code equity < } {@link #backstopThreshold}. Example (2/3, maintenance 6,250,000,000 units):
     * equity 4,166,666,666 → true, 4,166,666,667 → false.
     */
    public boolean needsBackstop(long equity, long maintenance) {
        return maintenance > 0 && equity < backstopThreshold(maintenance);
    }
}
