package io.fulcrum.margin.internal;

import io.fulcrum.api.Fixed;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * The arithmetic core of scenario-grid portfolio margin (MECHANISMS.md §6.1, §6.4), on primitive
 * arrays so that an evaluation allocates nothing.
 *
 * <p>Configuration: {@code U} underlyings, each in one of {@code G} correlation groups with a
 * price scan range (ppm of price) and a volatility scan range (ppm of one volatility unit:
 * 100,000 = 10 points); {@code S} scenarios, each a price move of {@code numerator/denominator}
 * scan ranges, a volatility move of −1, 0 or +1 scan range and a weight (ppm). One scenario index
 * moves every underlying of a group together, each by its own range.
 *
 * <p>A linear holding of value {@code v} (settlement units, signed) in underlying {@code u} loses
 * {@code −v × range_u × move_s × weight_s} in scenario {@code s}. Those products are exact
 * integers once scaled by a common denominator, so the engine keeps one factor per
 * (underlying, scenario) and one denominator {@code D}, adds {@code v × factor} for every holding
 * of a group into a 128-bit sum per scenario, and divides only the sums it needs, rounding the
 * loss up. Option legs ({@link ScenarioLeg}) add their own weighted loss, rounded up to a unit.
 *
 * <p>Requirement = Σ over groups of max(0, worst scenario loss) (each widened by its group's
 * margin scale), minus offset credits: for each credit pair (A, B, rate) in order, when each
 * group gains in the other's worst scenario, {@code m = min(rem_A, rem_B)} of both groups' worst
 * losses is matched, the credit is {@code ⌊2 · m · rate⌋} and m is used up on both sides.
 *
 * <p>Example: BTC (range 16 %) and ETH (20 %) in separate groups with a 50 % credit; long 60,000
 * of BTC and short 60,000 of ETH, scenarios −1, 0, +1 ranges: BTC's worst is the fall (9,600),
 * ETH's the rise (12,000), each gains in the other's worst, so the credit is 2 × 9,600 × 50 % =
 * 9,600 and the requirement 9,600 + 12,000 − 9,600 = 12,000.
 */
public final class ScenarioEngine {
    private static final long PPM = Fixed.PPM;

    private final int underlyings;
    private final int scenarios;
    private final int groups;
    private final int[] groupOf;
    private final long[] lossFactor;
    private final long denominator;
    /** Largest |value| per underlying for which every sum fits in 64 bits (see {@link #prepare}). */
    private final long narrowLimit;
    private final double[] priceMove;
    private final double[] volShift;
    private final double[] weight;
    private final int[] creditFirst;
    private final int[] creditSecond;
    private final long[] creditRatePpm;

    /**
     * @param groups the number of correlation groups
     * @param groupOf each underlying's group, 0 to {@code groups − 1}
     * @param priceRangePpm each underlying's price scan range, 1 to 1,000,000 ppm
     * @param volRangePpm each underlying's volatility scan range, ppm of one volatility unit, 0 or more
     * @param moveNumerator each scenario's price move, in scan ranges, over {@code moveDenominator}
     * @param moveDenominator positive
     * @param volDirection each scenario's volatility move: −1, 0 or +1 scan range
     * @param weightPpm each scenario's weight, 1 to 1,000,000 ppm
     * @param creditFirst each offset credit's first group
     * @param creditSecond each offset credit's second group
     * @param creditRatePpm each offset credit's rate, 0 to 1,000,000 ppm
     */
    public ScenarioEngine(int groups, int[] groupOf, long[] priceRangePpm, long[] volRangePpm, long[] moveNumerator,
            long[] moveDenominator, int[] volDirection, long[] weightPpm, int[] creditFirst, int[] creditSecond,
            long[] creditRatePpm) {
        this.underlyings = groupOf.length;
        this.scenarios = moveNumerator.length;
        this.groups = groups;
        require(underlyings > 0 && scenarios > 0 && groups > 0, "at least one underlying, scenario and group");
        require(priceRangePpm.length == underlyings && volRangePpm.length == underlyings, "one range per underlying");
        require(moveDenominator.length == scenarios && volDirection.length == scenarios && weightPpm.length == scenarios,
                "one move, volatility move and weight per scenario");
        require(creditSecond.length == creditFirst.length && creditRatePpm.length == creditFirst.length,
                "two groups and a rate per credit");
        this.groupOf = groupOf.clone();
        this.creditFirst = creditFirst.clone();
        this.creditSecond = creditSecond.clone();
        this.creditRatePpm = creditRatePpm.clone();
        for (int g : groupOf) {
            require(g >= 0 && g < groups, "group index in range: " + g);
        }
        for (int k = 0; k < creditFirst.length; k++) {
            require(creditFirst[k] >= 0 && creditFirst[k] < groups && creditSecond[k] >= 0 && creditSecond[k] < groups
                    && creditFirst[k] != creditSecond[k], "a credit joins two different groups");
            require(creditRatePpm[k] >= 0 && creditRatePpm[k] <= PPM, "credit rate in [0, 1,000,000] ppm");
        }

        // Common denominator: lcm(move denominators) × 10^12 (range ppm × weight ppm).
        BigInteger lcm = BigInteger.ONE;
        for (int s = 0; s < scenarios; s++) {
            require(moveDenominator[s] > 0, "positive move denominator");
            require(weightPpm[s] > 0 && weightPpm[s] <= PPM, "weight in (0, 1,000,000] ppm");
            require(volDirection[s] >= -1 && volDirection[s] <= 1, "volatility move of -1, 0 or +1 range");
            BigInteger d = BigInteger.valueOf(moveDenominator[s]);
            lcm = lcm.multiply(d).divide(lcm.gcd(d));
        }
        BigInteger common = lcm.multiply(BigInteger.valueOf(PPM * PPM));
        BigInteger[] factors = new BigInteger[underlyings * scenarios];
        BigInteger gcd = common;
        this.priceMove = new double[underlyings * scenarios];
        this.volShift = new double[underlyings * scenarios];
        this.weight = new double[scenarios];
        for (int s = 0; s < scenarios; s++) {
            weight[s] = weightPpm[s] / (double) PPM;
        }
        for (int u = 0; u < underlyings; u++) {
            require(priceRangePpm[u] > 0 && priceRangePpm[u] <= PPM, "price scan range in (0, 1,000,000] ppm");
            require(volRangePpm[u] >= 0 && volRangePpm[u] <= 10 * PPM, "volatility scan range in [0, 10,000,000] ppm");
            for (int s = 0; s < scenarios; s++) {
                int i = u * scenarios + s;
                // loss fraction = −range/10^6 × num/den × weight/10^6 = factor / common
                factors[i] = BigInteger.valueOf(priceRangePpm[u]).multiply(BigInteger.valueOf(moveNumerator[s]))
                        .multiply(lcm.divide(BigInteger.valueOf(moveDenominator[s])))
                        .multiply(BigInteger.valueOf(weightPpm[s])).negate();
                gcd = gcd.gcd(factors[i]);
                priceMove[i] = (double) priceRangePpm[u] * moveNumerator[s] / ((double) moveDenominator[s] * PPM);
                require(priceMove[i] >= -1.0, "no scenario may take a price below zero");
                volShift[i] = volDirection[s] * (volRangePpm[u] / (double) PPM);
            }
        }
        BigInteger d = common.divide(gcd);
        require(d.bitLength() < 63, "the scenarios' common denominator fits in a long");
        this.denominator = d.longValueExact();
        this.lossFactor = new long[underlyings * scenarios];
        BigInteger bound = BigInteger.ZERO;
        for (int u = 0; u < underlyings; u++) {
            BigInteger largest = BigInteger.ZERO;
            for (int s = 0; s < scenarios; s++) {
                BigInteger f = factors[u * scenarios + s].divide(gcd);
                require(f.bitLength() < 63, "each scenario factor fits in a long");
                lossFactor[u * scenarios + s] = f.longValueExact();
                largest = largest.max(f.abs());
            }
            bound = bound.add(largest);
        }
        // Positions and orders each add at most |value| < 2^63 times these factors: keep the sums
        // of a group below 2^127.
        require(bound.bitLength() < 62, "the scenario factors are small enough to sum exactly in 128 bits");
        // With every |value|, buy and sell value at most 2^61 / Σ_u max|factor_u|, positions and
        // orders each add at most 2^61 in magnitude to a sum: both together stay below 2^62.
        this.narrowLimit = BigInteger.ONE.shiftLeft(61).divide(bound.max(BigInteger.ONE)).longValueExact();
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("scenario engine needs " + what);
        }
    }

    /** The number of scenarios. */
    public int scenarios() {
        return scenarios;
    }

    /** The number of correlation groups. */
    public int groups() {
        return groups;
    }

    /** The group of {@code underlying}. */
    public int groupOf(int underlying) {
        return groupOf[underlying];
    }

    /** Fresh working arrays for this engine. */
    public ScenarioScratch newScratch() {
        return new ScenarioScratch(underlyings, groups, scenarios);
    }

    /**
     * Chooses the arithmetic for this evaluation, once the holdings are in {@code scratch} and
     * before anything is accumulated: plain 64-bit sums when every holding is small enough that
     * no sum can overflow (the common case, several times faster), else exact 128-bit sums. Option
     * legs always take the 128-bit path.
     */
    public void prepare(ScenarioScratch scratch, boolean withLegs) {
        boolean narrow = !withLegs;
        for (int u = 0; u < underlyings && narrow; u++) {
            long v = scratch.value[u];
            narrow = v <= narrowLimit && v >= -narrowLimit && scratch.buyValue[u] <= narrowLimit
                    && scratch.sellValue[u] <= narrowLimit;
        }
        scratch.narrow = narrow;
        if (!narrow) {
            Arrays.fill(scratch.lossHi, 0);
        }
    }

    /** Adds every underlying's net value's scenario losses to its group's sums. */
    public void accumulatePositions(ScenarioScratch scratch) {
        long[] hi = scratch.lossHi;
        long[] lo = scratch.lossLo;
        boolean narrow = scratch.narrow;
        for (int u = 0; u < underlyings; u++) {
            long v = scratch.value[u];
            if (v == 0) {
                continue;
            }
            int base = groupOf[u] * scenarios;
            int factors = u * scenarios;
            if (narrow) {
                for (int s = 0; s < scenarios; s++) {
                    lo[base + s] += v * lossFactor[factors + s];
                }
            } else {
                for (int s = 0; s < scenarios; s++) {
                    ScenarioArithmetic.addProduct(hi, lo, base + s, v, lossFactor[factors + s]);
                }
            }
        }
    }

    /**
     * Adds, in every scenario, the loss of the resting orders that lose in it: buys when the
     * price falls, sells when it rises. This is the worst of every combination of fills, because
     * each market's choice only changes its own term of each scenario's sum.
     */
    public void accumulateOrders(ScenarioScratch scratch) {
        long[] hi = scratch.lossHi;
        long[] lo = scratch.lossLo;
        for (int u = 0; u < underlyings; u++) {
            long buy = scratch.buyValue[u];
            long sell = scratch.sellValue[u];
            if (buy == 0 && sell == 0) {
                continue;
            }
            int base = groupOf[u] * scenarios;
            int factors = u * scenarios;
            for (int s = 0; s < scenarios; s++) {
                long f = lossFactor[factors + s];
                // f > 0: the price falls, a long loses; f < 0: it rises, a short loses.
                long losing = f > 0 ? buy : -sell;
                if (scratch.narrow) {
                    lo[base + s] += losing * f;
                } else {
                    ScenarioArithmetic.addProduct(hi, lo, base + s, losing, f);
                }
            }
        }
    }

    /** Adds {@code leg}'s weighted scenario losses, each rounded up to a unit, to its underlying's group. */
    public void accumulateLeg(ScenarioScratch scratch, int underlying, ScenarioLeg leg) {
        if (scratch.narrow) {
            throw new IllegalStateException("prepare the evaluation with legs before accumulating one");
        }
        double now = leg.value();
        int base = groupOf[underlying] * scenarios;
        for (int s = 0; s < scenarios; s++) {
            int i = underlying * scenarios + s;
            double loss = (now - leg.value(priceMove[i], volShift[i])) * weight[s];
            if (!Double.isFinite(loss) || Math.abs(loss) >= 0x1p62) {
                throw new IllegalArgumentException("an option leg's scenario loss is not a finite long: " + loss);
            }
            ScenarioArithmetic.addProduct(scratch.lossHi, scratch.lossLo, base + s, (long) Math.ceil(loss), denominator);
        }
    }

    /** The loss of {@code group} in {@code scenario} as accumulated so far (negative for a gain), rounded up. */
    public long scenarioLoss(ScenarioScratch scratch, int group, int scenario) {
        int i = group * scenarios + scenario;
        long lo = scratch.lossLo[i];
        return ScenarioArithmetic.ceilDiv(scratch.narrow ? lo >> 63 : scratch.lossHi[i], lo, denominator);
    }

    /** The requirement of what was accumulated: Σ worst group losses, widened, minus offset credits. */
    public long requirement(ScenarioScratch scratch) {
        long[] hi = scratch.lossHi;
        long[] lo = scratch.lossLo;
        long total = 0;
        boolean narrow = scratch.narrow;
        for (int g = 0; g < groups; g++) {
            int base = g * scenarios;
            int worst = 0;
            long worstLo = lo[base];
            long worstHi;
            if (narrow) {
                for (int s = 1; s < scenarios; s++) {
                    if (lo[base + s] > worstLo) {
                        worst = s;
                        worstLo = lo[base + s];
                    }
                }
                worstHi = worstLo >> 63;
            } else {
                worstHi = hi[base];
                for (int s = 1; s < scenarios; s++) {
                    if (ScenarioArithmetic.greater(hi[base + s], lo[base + s], worstHi, worstLo)) {
                        worst = s;
                        worstHi = hi[base + s];
                        worstLo = lo[base + s];
                    }
                }
            }
            long loss = worstHi < 0 ? 0 : ScenarioArithmetic.ceilDiv(worstHi, worstLo, denominator);
            long scale = scratch.groupScalePpm[g];
            if (loss > 0 && scale != PPM) {
                loss = Fixed.ppm(loss, scale, RoundingMode.CEILING);
            }
            scratch.worstScenario[g] = worst;
            scratch.worstLoss[g] = loss;
            scratch.remaining[g] = loss;
            total = Fixed.add(total, loss);
        }
        long credit = 0;
        for (int k = 0; k < creditFirst.length; k++) {
            int a = creditFirst[k];
            int b = creditSecond[k];
            long matched = Math.min(scratch.remaining[a], scratch.remaining[b]);
            if (matched <= 0 || creditRatePpm[k] == 0) {
                continue;
            }
            // Offset only a spread: each group must gain in the other's worst scenario.
            if (scenarioLoss(scratch, b, scratch.worstScenario[a]) >= 0
                    || scenarioLoss(scratch, a, scratch.worstScenario[b]) >= 0) {
                continue;
            }
            credit += Fixed.mulDiv(matched, 2 * creditRatePpm[k], PPM, RoundingMode.FLOOR);
            scratch.remaining[a] -= matched;
            scratch.remaining[b] -= matched;
        }
        return total - credit;
    }
}
