package io.fulcrum.amm;

import io.fulcrum.amm.internal.VammMath;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A virtual constant-product market (Perpetual Protocol v1, Drift v1/v2's AMM): traders trade
 * against two <i>virtual</i> reserves, base {@code x} and quote {@code y}, kept on the curve
 * {@code x * y = k}; no one deposits them, they only set the price. A peg multiplier scales the
 * quote side, so {@code price = peg * y / x}.
 *
 * <p><b>Trades.</b> Buying {@code s} base moves {@code x} to {@code x - s} and {@code y} to
 * {@code k / (x - s)}; the trader pays {@code peg * (k / (x - s) - y)}. Selling is the mirror
 * image. Example: {@code x} = 1,000, {@code y} = 1,000,000, peg 1 (price 1,000): buying 10 costs
 * 1,000,000 × 1,000 / 990 − 1,000,000 = 10,101.0101… quote, rounded up to 10,101.010102 USDC.
 *
 * <p><b>The protocol is the counterparty.</b> The vAMM holds the opposite of the traders' net
 * position; when the price trends the way traders lean, it loses: traders who bought 200 base for
 * 250,000 while the index went to 1,500 hold 300,000 of value. That is why Perpetual Protocol
 * abandoned the design. Two levers let an operator follow the index, each at a cost, both as in
 * Drift's {@code repeg} and {@code adjust_k_cost}: the cost is the change in what the traders' net
 * position would receive by closing on the curve, {@code peg * (y - k / (x + net))}:
 * <ul>
 *   <li>{@link #repeg} changes the peg: cost = {@code (peg' - peg) * (y - k / (x + net))}. With net
 *       long 200 at {@code x} = 800, {@code y} = 1,250,000, repegging 1.0 → 1.2 costs 0.2 ×
 *       250,000 = 50,000;</li>
 *   <li>{@link #adjustK} scales both reserves by the same factor (deeper or shallower
 *       liquidity, price kept).</li>
 * </ul>
 *
 * <p><b>Funding</b> ({@link #fundingRatePpb}): hourly {@code (mark - index) / index / 24},
 * positive when longs pay, as Perpetual Protocol v1 and (without its clamp and offset) Drift
 * (MECHANISMS.md §7). Example: mark 1,562.50, index 1,500 → 0.041666… / 24 = 0.1736111 %/h.
 *
 * <p><b>Representation.</b> {@code x} in the market's size units, {@code y} in settlement units
 * before the peg, the peg in ppm (1,000,000 = 1), so a quote amount in settlement units is
 * {@code y-delta * peg / 1,000,000}; the mark is in price units through the market's scales
 * ({@link MarketSpec#notional}). {@code k} is not stored: it is {@code x * y} of the current
 * reserves, a {@link BigInteger}. All arithmetic is exact; each result is rounded once, against
 * the trader: the new quote reserve up (so {@code k} never shrinks on a trade), what a buyer pays
 * up, what a seller gets down, a protocol cost up. Immutable and thread-safe: every operation
 * returns a new instance.
 */
public final class VirtualAmm {
    /** Funding periods per day: {@link #fundingRatePpb} is an hourly rate. */
    public static final int FUNDING_PERIODS_PER_DAY = 24;

    private static final BigInteger PPM = BigInteger.valueOf(Fixed.PPM);
    private static final BigInteger PPB = BigInteger.valueOf(1_000_000_000L);

    private final MarketSpec market;
    private final long baseReserve;
    private final long quoteReserve;
    private final long pegPpm;
    private final long netBase;
    private final long netQuote;
    // price units = settlement / size * scaleDenominator / scaleNumerator (MarketSpec's 10^exponent).
    private final BigInteger scaleNumerator;
    private final BigInteger scaleDenominator;

    /**
     * The result of a trade: the vAMM after it, and the settlement amount.
     *
     * @param after the vAMM after the trade
     * @param side the trader's side
     * @param size the base traded, size units
     * @param quoteAmount what a buyer paid or a seller received, settlement units
     */
    public record Fill(VirtualAmm after, Side side, long size, long quoteAmount) {
        public Fill {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(side, "side");
        }

        /** The average price in price units, rounded against the trader (up for a buy, down for a sell). */
        public long averagePrice() {
            return after.toPrice(VammMath.big(quoteAmount), VammMath.big(size),
                    side == Side.BUY ? RoundingMode.CEILING : RoundingMode.FLOOR);
        }
    }

    /**
     * The result of a repeg or k adjustment.
     *
     * @param after the vAMM after it
     * @param cost what it costs the protocol, settlement units rounded up; negative is a gain
     */
    public record Adjustment(VirtualAmm after, long cost) {
        public Adjustment {
            Objects.requireNonNull(after, "after");
        }
    }

    private VirtualAmm(MarketSpec market, long baseReserve, long quoteReserve, long pegPpm, long netBase, long netQuote) {
        this.market = market;
        this.baseReserve = baseReserve;
        this.quoteReserve = quoteReserve;
        this.pegPpm = pegPpm;
        this.netBase = netBase;
        this.netQuote = netQuote;
        int exponent = market.settlement().decimals() - market.sizeDecimals() - market.priceDecimals();
        BigInteger power = BigInteger.TEN.pow(Math.abs(exponent));
        this.scaleNumerator = exponent >= 0 ? power : BigInteger.ONE;
        this.scaleDenominator = exponent >= 0 ? BigInteger.ONE : power;
        if (Fixed.add(baseReserve, netBase) <= 0) {
            throw new IllegalArgumentException("the traders' net position " + netBase
                    + " could not be closed against base reserve " + baseReserve);
        }
    }

    /**
     * A balanced vAMM with no open positions.
     *
     * @param baseReserve virtual base, size units
     * @param quoteReserve virtual quote before the peg, settlement units
     * @param pegPpm the peg multiplier, ppm (1,000,000 = 1)
     * @throws IllegalArgumentException unless all three are positive
     */
    public static VirtualAmm of(MarketSpec market, long baseReserve, long quoteReserve, long pegPpm) {
        Objects.requireNonNull(market, "market");
        requirePositive("baseReserve", baseReserve);
        requirePositive("quoteReserve", quoteReserve);
        requirePositive("pegPpm", pegPpm);
        return new VirtualAmm(market, baseReserve, quoteReserve, pegPpm, 0, 0);
    }

    /** The market whose scales the prices use. */
    public MarketSpec market() {
        return market;
    }

    /** Virtual base, size units. */
    public long baseReserve() {
        return baseReserve;
    }

    /** Virtual quote before the peg, settlement units. */
    public long quoteReserve() {
        return quoteReserve;
    }

    /** The peg multiplier, ppm. */
    public long pegPpm() {
        return pegPpm;
    }

    /** The traders' net position, size units: positive when they are net long (the vAMM is short). */
    public long netBase() {
        return netBase;
    }

    /** What the traders have paid in net for their position, settlement units (negative if received). */
    public long netQuote() {
        return netQuote;
    }

    /** The invariant {@code k = x * y} of the current reserves. */
    public BigInteger k() {
        return VammMath.big(baseReserve).multiply(VammMath.big(quoteReserve));
    }

    /** The marginal price {@code peg * y / x} in price units, rounded half-even (for display and marks). */
    public long markPrice() {
        return toPrice(VammMath.big(quoteReserve).multiply(VammMath.big(pegPpm)),
                VammMath.big(baseReserve).multiply(PPM), RoundingMode.HALF_EVEN);
    }

    /**
     * Trades {@code size} base: a {@link Side#BUY} takes base out of the vAMM (the trader goes
     * long), a {@link Side#SELL} puts it in.
     *
     * @throws IllegalArgumentException if {@code size} is not positive, or a buy would empty the base reserve
     */
    public Fill trade(Side side, long size) {
        Objects.requireNonNull(side, "side");
        requirePositive("size", size);
        if (side == Side.BUY && size >= baseReserve) {
            throw new IllegalArgumentException("a buy of " + size + " must be smaller than the base reserve " + baseReserve);
        }
        long newBase = side == Side.BUY ? baseReserve - size : Fixed.add(baseReserve, size);
        // Rounded up: the curve never gives away a fraction of a unit, so k only grows.
        long newQuote = VammMath.divide(k(), VammMath.big(newBase), RoundingMode.CEILING);
        BigInteger quoteMove = VammMath.big(newQuote).subtract(VammMath.big(quoteReserve)).abs().multiply(VammMath.big(pegPpm));
        long amount = VammMath.divide(quoteMove, PPM, side == Side.BUY ? RoundingMode.CEILING : RoundingMode.FLOOR);
        long signedAmount = side == Side.BUY ? amount : -amount;
        VirtualAmm after = new VirtualAmm(market, newBase, newQuote, pegPpm,
                Fixed.add(netBase, side.sign() * size), Fixed.add(netQuote, signedAmount));
        return new Fill(after, side, size, amount);
    }

    /** Changes the peg to {@code newPegPpm}; the cost is the change in the net position's exit value. */
    public Adjustment repeg(long newPegPpm) {
        requirePositive("newPegPpm", newPegPpm);
        return adjustedTo(new VirtualAmm(market, baseReserve, quoteReserve, newPegPpm, netBase, netQuote));
    }

    /**
     * Scales both reserves by {@code numerator / denominator} (each rounded half-even), so
     * {@code k} scales by its square and the price stays (up to that rounding); the cost is the
     * change in the net position's exit value.
     *
     * @throws IllegalArgumentException if either is not positive, a reserve would round to 0, or
     *     the net position could no longer be closed on the curve
     */
    public Adjustment adjustK(long numerator, long denominator) {
        requirePositive("numerator", numerator);
        requirePositive("denominator", denominator);
        long newBase = Fixed.mulDiv(baseReserve, numerator, denominator, RoundingMode.HALF_EVEN);
        long newQuote = Fixed.mulDiv(quoteReserve, numerator, denominator, RoundingMode.HALF_EVEN);
        requirePositive("scaled base reserve", newBase);
        requirePositive("scaled quote reserve", newQuote);
        return adjustedTo(new VirtualAmm(market, newBase, newQuote, pegPpm, netBase, netQuote));
    }

    /** The peg that would put the mark at {@code price} (price units) with the current reserves, rounded half-even. */
    public long pegFor(long price) {
        requirePositive("price", price);
        BigInteger numerator = VammMath.big(price).multiply(PPM).multiply(VammMath.big(baseReserve)).multiply(scaleNumerator);
        return VammMath.divide(numerator, VammMath.big(quoteReserve).multiply(scaleDenominator), RoundingMode.HALF_EVEN);
    }

    /**
     * What the traders' net position would receive by closing on the curve now,
     * {@code peg * (y - k / (x + net))}, settlement units rounded down; negative when it would pay.
     */
    public long exitValue() {
        BigInteger[] value = exitValueFraction();
        return VammMath.divide(value[0], value[1], RoundingMode.FLOOR);
    }

    /**
     * The protocol's PnL as the traders' counterparty, marked at {@code indexPrice}: what the traders
     * paid minus what their net position is worth, {@code netQuote - net * index}, settlement units
     * rounded down.
     */
    public long counterpartyPnl(long indexPrice) {
        requirePositive("indexPrice", indexPrice);
        BigInteger value = VammMath.big(netBase).multiply(VammMath.big(indexPrice)).multiply(scaleNumerator);
        BigInteger pnl = VammMath.big(netQuote).multiply(scaleDenominator).subtract(value);
        return VammMath.divide(pnl, scaleDenominator, RoundingMode.FLOOR);
    }

    /**
     * The hourly funding rate {@code (mark - index) / index / 24} from the exact mark, in parts per
     * billion of notional, rounded towards zero; positive when longs pay shorts.
     */
    public long fundingRatePpb(long indexPrice) {
        requirePositive("indexPrice", indexPrice);
        // mark = peg * y * D / (1e6 * x * N) with N / D the market's scale; clear the denominators.
        BigInteger markTerm = VammMath.big(pegPpm).multiply(VammMath.big(quoteReserve)).multiply(scaleDenominator);
        BigInteger indexTerm = VammMath.big(indexPrice).multiply(PPM).multiply(VammMath.big(baseReserve)).multiply(scaleNumerator);
        BigInteger denominator = indexTerm.multiply(BigInteger.valueOf(FUNDING_PERIODS_PER_DAY));
        return VammMath.divide(markTerm.subtract(indexTerm).multiply(PPB), denominator, RoundingMode.DOWN);
    }

    @Override
    public String toString() {
        return "VirtualAmm[" + market.id() + ", base=" + baseReserve + ", quote=" + quoteReserve + ", pegPpm=" + pegPpm
                + ", netBase=" + netBase + ", netQuote=" + netQuote + "]";
    }

    private Adjustment adjustedTo(VirtualAmm after) {
        BigInteger[] before = exitValueFraction();
        BigInteger[] later = after.exitValueFraction();
        BigInteger cost = later[0].multiply(before[1]).subtract(before[0].multiply(later[1]));
        return new Adjustment(after, VammMath.divide(cost, before[1].multiply(later[1]), RoundingMode.CEILING));
    }

    /** {@code peg * (y * t - k) / (1e6 * t)} with {@code t = x + net}, as {numerator, denominator}. */
    private BigInteger[] exitValueFraction() {
        BigInteger terminalBase = VammMath.big(baseReserve).add(VammMath.big(netBase));
        BigInteger numerator = VammMath.big(pegPpm)
                .multiply(VammMath.big(quoteReserve).multiply(terminalBase).subtract(k()));
        return new BigInteger[] {numerator, PPM.multiply(terminalBase)};
    }

    private long toPrice(BigInteger settlement, BigInteger sizeUnits, RoundingMode mode) {
        return VammMath.divide(settlement.multiply(scaleDenominator), sizeUnits.multiply(scaleNumerator), mode);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
