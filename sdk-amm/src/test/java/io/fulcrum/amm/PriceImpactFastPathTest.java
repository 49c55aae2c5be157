package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.amm.internal.PoolArithmetic;
import io.fulcrum.amm.internal.PoolImpactMath;
import io.fulcrum.amm.internal.PoolPriceMath;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.FixedPointOverflowException;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free 128-bit paths of the pool's trade (MECHANISMS.md §3.1) give exactly what the
 * BigInteger formulas give: seeded differential tests over random inputs whose sizes range over
 * every bit length, so both the fast path and the fall-back are exercised. The references here are
 * written from the formulas, not from the implementation.
 */
class PriceImpactFastPathTest {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** A non-negative long of a random bit length in [0, maxBits]. */
    private static long anyBits(Random random, int maxBits) {
        int bits = random.nextInt(maxBits + 1);
        return bits == 0 ? 0 : random.nextLong() >>> (64 - bits);
    }

    private static BigInteger unsigned(long value) {
        return new BigInteger(Long.toUnsignedString(value));
    }

    @Test
    void the128By64BitDivisionEqualsBigInteger() {
        long seed = 20261121L;
        Random random = new Random(seed);
        for (int i = 0; i < 200_000; i++) {
            long d = Math.max(1, anyBits(random, 63));
            long hi = d == 1 ? 0 : Long.remainderUnsigned(random.nextLong(), d);
            long lo = random.nextLong();
            BigInteger n = unsigned(hi).shiftLeft(64).add(unsigned(lo));
            BigInteger[] expected = n.divideAndRemainder(BigInteger.valueOf(d));
            long q = PoolArithmetic.divide(hi, lo, d);
            assertEquals(expected[0], unsigned(q), "seed " + seed + " case " + i + ": (" + hi + ", " + lo + ") / " + d);
            assertEquals(expected[1], unsigned(lo - q * d), "seed " + seed + " case " + i + ": remainder");
        }
    }

    @Test
    void theImpactEqualsTheExactRationalRoundedDown() {
        long seed = 6L;
        Random random = new Random(seed);
        int fast = 0;
        int cases = 100_000;
        for (int i = 0; i < cases; i++) {
            PriceImpact impact = new PriceImpact(anyBits(random, 40), anyBits(random, 40), 1 + random.nextInt(4),
                    1 + random.nextInt(4), 1_000_000, 1_000_000, random.nextInt(19));
            long longOi = anyBits(random, 61);
            long shortOi = anyBits(random, 61);
            long drawn = anyBits(random, 61);
            boolean isLong = random.nextBoolean();
            // One case in four is a decrease, of at most the trader's side.
            long size = random.nextInt(4) == 0 ? -Math.min(drawn, isLong ? longOi : shortOi) : drawn;
            String message = "seed " + seed + " case " + i + ": " + impact + " long " + longOi + " short " + shortOi
                    + " size " + size + " isLong " + isLong;
            BigInteger expected = exactUncapped(impact, longOi, shortOi, size, isLong);
            if (expected.bitLength() > 63) {
                assertThrows(FixedPointOverflowException.class, () -> impact.impactUsd(longOi, shortOi, size, isLong),
                        message);
                continue;
            }
            // Caps at 100 % of the size: bind only on a gain larger than the trade itself.
            long capped = Math.min(expected.longValueExact(), Math.max(0, Math.abs(size)));
            long expectedImpact = expected.signum() > 0 ? capped : expected.longValueExact();
            assertEquals(expectedImpact, impact.impactUsd(longOi, shortOi, size, isLong), message);
            if (fastPathAnswers(impact, longOi, shortOi, size, isLong)) {
                fast++;
            }
        }
        assertTrue(fast > cases / 10, "seed " + seed + ": the fast path answered " + fast + " of " + cases);
    }

    @Test
    void theFastPathAnswersForGmxEthFactorsAtRealisticOpenInterest() {
        // ETH factors (§3.1) at USDC's 6 decimals, open interest up to 2^45 units (35 M USD), sizes up to 2^40.
        long seed = 42L;
        Random random = new Random(seed);
        PriceImpact eth = new PriceImpact(90_000_000L, 30_000_000L, 2, 2, 5_000, 4_000, 6);
        for (int i = 0; i < 20_000; i++) {
            long longOi = anyBits(random, 45);
            long shortOi = anyBits(random, 45);
            long size = 1 + anyBits(random, 40);
            boolean isLong = random.nextBoolean();
            String message = "seed " + seed + " case " + i + ": long " + longOi + " short " + shortOi + " size " + size;
            assertTrue(fastPathAnswers(eth, longOi, shortOi, size, isLong), message);
            BigInteger expected = exactUncapped(eth, longOi, shortOi, size, isLong);
            long cap = size * 4_000 / 1_000_000; // positive cap 0.4 %, rounded down
            long expectedImpact = expected.signum() > 0 ? Math.min(expected.longValueExact(), cap) : expected.longValueExact();
            assertEquals(expectedImpact, eth.impactUsd(longOi, shortOi, size, isLong), message);
        }
    }

    @Test
    void theExecutionPriceEqualsTheExactQuotient() {
        long seed = 99L;
        Random random = new Random(seed);
        int fast = 0;
        int cases = 200_000;
        for (int i = 0; i < cases; i++) {
            long index = Math.max(1, anyBits(random, 63));
            long sizeUsd = Math.max(1, anyBits(random, 63));
            long tokensUsd = Math.max(1, anyBits(random, 63));
            long spreadFactor = 1 + random.nextInt(1_999_999);
            boolean up = random.nextBoolean();
            BigInteger[] qr = BigInteger.valueOf(index).multiply(BigInteger.valueOf(sizeUsd))
                    .multiply(BigInteger.valueOf(spreadFactor))
                    .divideAndRemainder(BigInteger.valueOf(tokensUsd).multiply(BigInteger.valueOf(1_000_000)));
            long price = PoolPriceMath.executionPrice(index, sizeUsd, spreadFactor, tokensUsd, up);
            String message = "seed " + seed + " case " + i + ": " + index + " × " + sizeUsd + " × " + spreadFactor
                    + " / (" + tokensUsd + " × 10^6), up " + up;
            if (price == PoolPriceMath.NOT_FAST) {
                continue; // the pool then uses BigInteger itself
            }
            fast++;
            BigInteger expected = qr[0].add(up && qr[1].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO);
            assertEquals(expected, BigInteger.valueOf(price), message);
        }
        assertTrue(fast > cases / 10, "seed " + seed + ": the fast path answered " + fast + " of " + cases);
    }

    @Test
    void thePoolsPriceEqualsTheBigIntegerFormulaOnTheTick() {
        long seed = 1121L;
        Random random = new Random(seed);
        for (int i = 0; i < 50_000; i++) {
            long tick = 1 + random.nextInt(50);
            MarketSpec spec = MarketSpec.builder(MarketId.of("ETH-PERP"), AssetSpec.of("USDC", 6)).sizeDecimals(3)
                    .priceDecimals(2).tickSize(tick).lotSize(1).minNotional(1)
                    .riskTiers(List.of(RiskTier.flat(100_000, 50_000))).build();
            long gain = (random.nextBoolean() ? 1 : -1) * anyBits(random, 40);
            long spread = random.nextInt(1_000_000);
            OraclePool pool = OraclePool.of(spec, (l, s, size, isLong) -> gain, spread);
            long index = 1 + anyBits(random, 24);
            long size = 1 + anyBits(random, 30);
            pool.onPoolState(index, anyBits(random, 30), anyBits(random, 30));
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            long expected = referencePrice(spec, index, size, gain, spread, side == Side.BUY);
            assertEquals(expected, pool.executionPrice(side, size), "seed " + seed + " case " + i + ": index " + index
                    + " size " + size + " gain " + gain + " spread " + spread + " tick " + tick + " " + side);
        }
    }

    /** The pool's price as §3.1 and the spread define it, with BigInteger throughout. */
    private static long referencePrice(MarketSpec spec, long index, long size, long gain, long spread, boolean buy) {
        long sizeUsd = spec.notional(size, index, RoundingMode.HALF_EVEN);
        long tokensUsd = buy ? sizeUsd + gain : sizeUsd - gain;
        if (tokensUsd <= 0) {
            return 0;
        }
        BigInteger numerator = BigInteger.valueOf(index).multiply(BigInteger.valueOf(sizeUsd))
                .multiply(BigInteger.valueOf(buy ? 1_000_000 + spread : 1_000_000 - spread));
        BigInteger denominator = BigInteger.valueOf(tokensUsd).multiply(BigInteger.valueOf(1_000_000));
        BigInteger tick = BigInteger.valueOf(spec.tickSize());
        // Up to the tick for a buy, down for a sale: ceil(n / (d × tick)) × tick or floor(...) × tick.
        BigInteger[] qr = numerator.divideAndRemainder(denominator.multiply(tick));
        BigInteger ticks = buy && qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        return ticks.multiply(tick).longValueExact();
    }

    /** Whether the 128-bit path gives the answer itself, recomputing the gaps as PriceImpact does. */
    private static boolean fastPathAnswers(PriceImpact impact, long longOi, long shortOi, long size, boolean isLong) {
        long nextLong = isLong ? longOi + size : longOi;
        long nextShort = isLong ? shortOi : shortOi + size;
        long initialDiff = Math.abs(longOi - shortOi);
        long nextDiff = Math.abs(nextLong - nextShort);
        long positive = impact.effectivePositiveFactorWad();
        int maxExponent = Math.max(impact.negativeExponent(), impact.positiveExponent());
        boolean sameSide = (longOi <= shortOi) == (nextLong <= nextShort);
        long result;
        if (sameSide && nextDiff < initialDiff) {
            result = PoolImpactMath.impactUsd(positive, initialDiff, impact.positiveExponent(), positive, nextDiff,
                    impact.positiveExponent(), impact.usdDecimals(), maxExponent, PoolImpactMath.GAIN);
        } else if (sameSide) {
            result = PoolImpactMath.impactUsd(impact.negativeFactorWad(), initialDiff, impact.negativeExponent(),
                    impact.negativeFactorWad(), nextDiff, impact.negativeExponent(), impact.usdDecimals(), maxExponent,
                    PoolImpactMath.LOSS);
        } else {
            result = PoolImpactMath.impactUsd(positive, initialDiff, impact.positiveExponent(), impact.negativeFactorWad(),
                    nextDiff, impact.negativeExponent(), impact.usdDecimals(), maxExponent, PoolImpactMath.SIGNED);
        }
        return result != PoolImpactMath.NOT_FAST;
    }

    /**
     * §3.1's impact before caps as an exact rational, rounded down: same side, ±|f·x^e − f·y^e| (the
     * positive factor and exponent when the gap shrinks); crossing, f⁺·x^e⁺ − f⁻·y^e⁻; USD values
     * x/10^d raised to the power, so each term is f·x^e/(10^18 · 10^(d(e−1))) USD units.
     */
    private static BigInteger exactUncapped(PriceImpact impact, long longOi, long shortOi, long size, boolean isLong) {
        BigInteger l = BigInteger.valueOf(longOi);
        BigInteger s = BigInteger.valueOf(shortOi);
        BigInteger nl = isLong ? l.add(BigInteger.valueOf(size)) : l;
        BigInteger ns = isLong ? s : s.add(BigInteger.valueOf(size));
        BigInteger x = l.subtract(s).abs();
        BigInteger y = nl.subtract(ns).abs();
        BigInteger fPos = BigInteger.valueOf(Math.min(impact.positiveFactorWad(), impact.negativeFactorWad()));
        BigInteger fNeg = BigInteger.valueOf(impact.negativeFactorWad());
        int ePos = impact.positiveExponent();
        int eNeg = impact.negativeExponent();
        int d = impact.usdDecimals();
        // Common denominator 10^18 · 10^(d(E−1)) with E the larger exponent: a term of exponent e is scaled by 10^(d(E−e)).
        int e = Math.max(ePos, eNeg);
        BigInteger denominator = BigInteger.TEN.pow(18 + d * (e - 1));
        BigInteger numerator;
        if ((l.compareTo(s) <= 0) == (nl.compareTo(ns) <= 0)) {
            boolean shrinks = y.compareTo(x) < 0;
            BigInteger f = shrinks ? fPos : fNeg;
            int exponent = shrinks ? ePos : eNeg;
            BigInteger change = f.multiply(x.pow(exponent).subtract(y.pow(exponent)).abs())
                    .multiply(BigInteger.TEN.pow(d * (e - exponent)));
            numerator = shrinks ? change : change.negate();
        } else {
            numerator = fPos.multiply(x.pow(ePos)).multiply(BigInteger.TEN.pow(d * (e - ePos)))
                    .subtract(fNeg.multiply(y.pow(eNeg)).multiply(BigInteger.TEN.pow(d * (e - eNeg))));
        }
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    @Test
    void unsignedHighWordsMatchBigInteger() {
        long seed = 3L;
        Random random = new Random(seed);
        for (int i = 0; i < 100_000; i++) {
            long a = random.nextLong();
            long b = random.nextLong();
            BigInteger expected = unsigned(a).multiply(unsigned(b)).divide(TWO_64);
            assertEquals(expected, unsigned(PoolArithmetic.unsignedMultiplyHigh(a, b)), "seed " + seed + " case " + i
                    + ": " + a + " × " + b);
        }
    }
}
