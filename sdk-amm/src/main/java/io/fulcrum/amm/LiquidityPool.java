package io.fulcrum.amm;

import io.fulcrum.amm.internal.LpValuation;
import io.fulcrum.api.AssetId;
import io.fulcrum.api.Fixed;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The liquidity providers' ledger of a pool that is the counterparty of traders (GMX v2 markets, Avantis' USDC
 * vault): the tokens it holds, the shares outstanding, and every flow in and out, exact to the unit.
 *
 * <p><b>Value.</b> The pool is worth (MECHANISMS.md §3.4) its tokens at the oracle prices, minus the tokens held for
 * the price-impact pool, plus the LPs' part of pending fees, minus traders' capped PnL: a side's profit counts at
 * most {@code cap × value of its backing token}, a loss counts fully. Deposits use the deposit cap (GMX default
 * 90 %), withdrawals the withdrawal cap (70 %). Worked example (§3.4): long token 200,000 USD, short token
 * 300,000 USD, long PnL +150,000, short −20,000, 400,000 shares: withdrawal value 500,000 − (140,000 − 20,000) =
 * 380,000 → 0.95 per share; deposit value 500,000 − (150,000 − 20,000) = 370,000 → 0.925 per share. As GMX's
 * {@code ExecuteWithdrawalUtils} does ({@code validateMaxPnl}), a withdrawal is refused while a side's PnL is above
 * its withdrawal cap (here 150,000 > 140,000), so the 0.95 quote cannot be redeemed and a deposit at 0.925 cannot be
 * withdrawn at more than it cost. The reference {@link #sharePrice()} (reports, attribution) uses the larger cap.
 *
 * <p><b>Shares.</b> The first deposit mints one share unit per settlement unit of value (1 USD per share); value the
 * pool held while it had no shares is minted to that depositor as well (GMX {@code usdToMarketTokenAmount}). Later
 * deposits mint {@code floor(value × supply / depositPoolValue)}; a withdrawal of {@code s} shares is worth
 * {@code floor(s × withdrawalPoolValue / supply)}, paid in each token in proportion to its value in the pool and
 * rounded down, as GMX splits a withdrawal between long and short token. Every rounding favours the pool. Share
 * balances of individual LPs belong to the venue's accounts; the pool tracks the supply.
 *
 * <p><b>Events.</b> Fees are split between the LPs and the treasury ({@link LpPoolSpec#lpFeeSharePpm()}; Avantis
 * 60/40, MECHANISMS.md §4); traders' realised losses come in and profits go out; funding flows in or out; the
 * price-impact pool takes tokens in (negative impact), pays them out (positive impact) or releases them to LPs.
 * Conservation, per asset and after every call: {@code balance(asset) == flows(asset).expectedBalance()}.
 *
 * <p>A rejected call ({@link IllegalArgumentException} for bad input, {@link IllegalStateException} when the pool
 * cannot do it) changes nothing. Not thread-safe: one venue thread drives it. {@link #exportState()} and
 * {@link #restore} snapshot it as plain records.
 */
public final class LiquidityPool {
    /** Scale of share prices: settlement units per share unit × 10^12 (0.95 is 950,000,000,000). */
    public static final long SHARE_PRICE_SCALE = 1_000_000_000_000L;

    private static final int DEPOSITED = 0;
    private static final int WITHDRAWN = 1;
    private static final int FEES_KEPT = 2;
    private static final int FEES_TO_TREASURY = 3;
    private static final int TRADER_LOSSES = 4;
    private static final int TRADER_PROFITS = 5;
    private static final int FUNDING_IN = 6;
    private static final int FUNDING_OUT = 7;
    private static final int IMPACT_IN = 8;
    private static final int IMPACT_OUT = 9;
    private static final int FLOW_KINDS = 10;

    private enum Bucket { FEES, FUNDING, TRADER_PNL, IMPACT, PRICE_MOVES }

    private final LpPoolSpec spec;
    private final long[] balance;
    private final long[] impact;
    private final long[][] flow;
    private final long[] attribution = new long[Bucket.values().length];
    private long supply;
    private LpMarks marks;

    private LiquidityPool(LpPoolSpec spec, LpMarks marks) {
        this.spec = spec;
        int n = spec.assets().size();
        this.balance = new long[n];
        this.impact = new long[n];
        this.flow = new long[n][FLOW_KINDS];
        this.marks = marks;
    }

    /** An empty pool (no tokens, no shares) valued at {@code marks}, which must price every asset of {@code spec}. */
    public static LiquidityPool open(LpPoolSpec spec, LpMarks marks) {
        Objects.requireNonNull(spec, "spec");
        return new LiquidityPool(spec, checkedMarks(spec, marks));
    }

    /** A pool in the state {@code state} (from {@link #exportState()}), validated against {@code spec}. */
    public static LiquidityPool restore(LpPoolSpec spec, LpState state) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(state, "state");
        LiquidityPool pool = new LiquidityPool(spec, checkedMarks(spec, state.marks()));
        int n = spec.assets().size();
        if (state.balances().size() != n || state.impactPool().size() != n || state.flows().size() != n) {
            throw new IllegalArgumentException("state must have balances, impact pool and flows for exactly the "
                    + n + " assets of the spec");
        }
        for (int i = 0; i < n; i++) {
            AssetId id = spec.assets().get(i).id();
            Long b = state.balances().get(id);
            Long imp = state.impactPool().get(id);
            LpFlows f = state.flows().get(id);
            if (b == null || imp == null || f == null) {
                throw new IllegalArgumentException("state has no balance, impact pool or flows for " + id);
            }
            if (imp < 0 || imp > b) {
                throw new IllegalArgumentException("impact pool of " + id + " must be in [0, balance " + b + "]: " + imp);
            }
            if (f.expectedBalance() != b) {
                throw new IllegalArgumentException("balance of " + id + " " + b + " does not match its flows "
                        + f.expectedBalance());
            }
            pool.balance[i] = b;
            pool.impact[i] = imp;
            pool.flow[i] = new long[] {f.deposited(), f.withdrawn(), f.feesKept(), f.feesToTreasury(),
                    f.traderLosses(), f.traderProfits(), f.fundingIn(), f.fundingOut(), f.impactIn(), f.impactOut()};
        }
        pool.supply = state.shareSupply();
        LpPnlReport.Accumulators a = state.attribution();
        pool.attribution[Bucket.FEES.ordinal()] = a.fees();
        pool.attribution[Bucket.FUNDING.ordinal()] = a.funding();
        pool.attribution[Bucket.TRADER_PNL.ordinal()] = a.traderPnl();
        pool.attribution[Bucket.IMPACT.ordinal()] = a.impact();
        pool.attribution[Bucket.PRICE_MOVES.ordinal()] = a.priceMoves();
        return pool;
    }

    /** The pool's state as plain records. */
    public LpState exportState() {
        TreeMap<AssetId, Long> balances = new TreeMap<>();
        TreeMap<AssetId, Long> impactPool = new TreeMap<>();
        TreeMap<AssetId, LpFlows> flows = new TreeMap<>();
        for (int i = 0; i < balance.length; i++) {
            AssetId id = spec.assets().get(i).id();
            balances.put(id, balance[i]);
            impactPool.put(id, impact[i]);
            flows.put(id, flowsAt(i));
        }
        return new LpState(supply, balances, impactPool, flows, marks, accumulators());
    }

    /**
     * Takes new marks (prices, trader PnL, pending fees). The change of value is attributed in this order: prices
     * (price moves), trader PnL, pending fees ({@link LpPnlReport}).
     */
    public void mark(LpMarks next) {
        LpMarks checked = checkedMarks(spec, next);
        LpMarks pricesOnly = new LpMarks(checked.prices(), marks.longPnl(), marks.shortPnl(), marks.pendingFees());
        LpMarks pnlToo = checked.withTraders(checked.longPnl(), checked.shortPnl(), marks.pendingFees());
        long v0 = referenceValue(marks);
        long v1 = referenceValue(pricesOnly);
        long v2 = referenceValue(pnlToo);
        long v3 = referenceValue(checked);
        long[] perShare = {perShare(v1 - v0), perShare(v2 - v1), perShare(v3 - v2)};
        marks = checked;
        attribution[Bucket.PRICE_MOVES.ordinal()] += perShare[0];
        attribution[Bucket.TRADER_PNL.ordinal()] += perShare[1];
        attribution[Bucket.FEES.ordinal()] += perShare[2];
    }

    /** Deposits {@code amount} of one token; returns the shares minted. */
    public long deposit(AssetId asset, long amount) {
        return deposit(Map.of(Objects.requireNonNull(asset, "asset"), amount));
    }

    /**
     * Deposits several tokens at once (GMX: long and short token); returns the shares minted, rounded down.
     *
     * @throws IllegalArgumentException if an amount is not positive, an asset is not held, or no share is minted
     * @throws IllegalStateException if the pool has shares but its deposit value is not positive
     */
    public long deposit(Map<AssetId, Long> amounts) {
        Objects.requireNonNull(amounts, "amounts");
        if (amounts.isEmpty()) {
            throw new IllegalArgumentException("a deposit needs at least one token");
        }
        long[] add = new long[balance.length];
        long value = 0;
        for (Map.Entry<AssetId, Long> e : amounts.entrySet()) {
            int i = indexOf(e.getKey());
            long amount = positive(e.getValue() == null ? 0 : e.getValue(), "deposit of " + e.getKey());
            add[i] = amount;
            LpAsset asset = spec.assets().get(i);
            value = Fixed.add(value, asset.valueOf(amount, marks.price(asset.id()), RoundingMode.FLOOR));
        }
        long shares;
        if (supply == 0) {
            // GMX's usdToMarketTokenAmount: with no shares, value already in the pool (rounding dust left by the last
            // LP, flows received while empty) is minted to the first depositor too, so the price starts at 1.
            shares = Fixed.add(value, Math.max(poolValue(), 0));
        } else {
            long poolValue = poolValueForDeposit();
            if (poolValue <= 0) {
                throw new IllegalStateException("pool value for deposits is not positive (" + poolValue
                        + "): no price for new shares");
            }
            shares = Fixed.mulDiv(value, supply, poolValue, RoundingMode.FLOOR);
        }
        if (shares <= 0) {
            throw new IllegalArgumentException("deposit worth " + value + " settlement units mints no share");
        }
        long newSupply = Fixed.add(supply, shares);
        for (int i = 0; i < add.length; i++) {
            Fixed.add(balance[i], add[i]);
        }
        for (int i = 0; i < add.length; i++) {
            if (add[i] != 0) {
                balance[i] += add[i];
                flow[i][DEPOSITED] = Fixed.add(flow[i][DEPOSITED], add[i]);
            }
        }
        supply = newSupply;
        return shares;
    }

    /**
     * Burns {@code shares} and pays their value in the pool's tokens, in proportion to each token's value and
     * rounded down; returns the amount of every asset (zeros included), sorted by asset.
     *
     * @throws IllegalArgumentException if {@code shares} is not in [1, supply]
     * @throws IllegalStateException if a side's PnL is above its withdrawal cap, the pool value is not positive,
     *     or the value is more than the tokens the LPs own (the rest is owed by traders)
     */
    public Map<AssetId, Long> withdraw(long shares) {
        if (shares <= 0 || shares > supply) {
            throw new IllegalArgumentException("shares to withdraw must be in [1, supply " + supply + "]: " + shares);
        }
        if (!withinWithdrawalPnlCap()) {
            throw new IllegalStateException("traders' PnL (long " + marks.longPnl() + ", short " + marks.shortPnl()
                    + ") is above the withdrawal cap of " + spec.withdrawalPnlCapPpm() + " ppm of its backing: withdrawals are paused");
        }
        long poolValue = poolValueForWithdrawal();
        if (poolValue <= 0) {
            throw new IllegalStateException("pool value for withdrawals is not positive: " + poolValue);
        }
        long value = Fixed.mulDiv(shares, poolValue, supply, RoundingMode.FLOOR);
        long[] tokenValues = tokenValues(marks, false);
        long total = 0;
        for (long v : tokenValues) {
            total = Fixed.add(total, v);
        }
        if (value > total) {
            throw new IllegalStateException("withdrawal worth " + value + " exceeds the LPs' tokens worth " + total);
        }
        long[] out = new long[balance.length];
        for (int i = 0; i < out.length; i++) {
            if (total > 0) {
                LpAsset asset = spec.assets().get(i);
                long part = Fixed.mulDiv(value, tokenValues[i], total, RoundingMode.FLOOR);
                out[i] = asset.amountFor(part, marks.price(asset.id()), RoundingMode.FLOOR);
            }
        }
        TreeMap<AssetId, Long> paid = new TreeMap<>();
        for (int i = 0; i < out.length; i++) {
            balance[i] -= out[i];
            flow[i][WITHDRAWN] += out[i];
            paid.put(spec.assets().get(i).id(), out[i]);
        }
        supply -= shares;
        return Collections.unmodifiableMap(paid);
    }

    /** Takes a fee paid by a trader; keeps the LPs' part and returns the treasury's part (never held). */
    public long collectFee(AssetId asset, long amount) {
        int i = indexOf(asset);
        positive(amount, "fee");
        long kept = Fixed.ppm(amount, spec.lpFeeSharePpm(), RoundingMode.FLOOR);
        long toTreasury = amount - kept;
        inflow(i, kept, FEES_KEPT, Bucket.FEES);
        flow[i][FEES_TO_TREASURY] = Fixed.add(flow[i][FEES_TO_TREASURY], toTreasury);
        return toTreasury;
    }

    /** Receives a trader's realised loss. */
    public void receiveTraderLoss(AssetId asset, long amount) {
        inflow(indexOf(asset), positive(amount, "trader loss"), TRADER_LOSSES, Bucket.TRADER_PNL);
    }

    /** Pays a trader's realised profit out of the LPs' tokens. */
    public void payTraderProfit(AssetId asset, long amount) {
        outflow(indexOf(asset), positive(amount, "trader profit"), TRADER_PROFITS, Bucket.TRADER_PNL);
    }

    /** Receives funding. */
    public void receiveFunding(AssetId asset, long amount) {
        inflow(indexOf(asset), positive(amount, "funding"), FUNDING_IN, Bucket.FUNDING);
    }

    /** Pays funding out of the LPs' tokens. */
    public void payFunding(AssetId asset, long amount) {
        outflow(indexOf(asset), positive(amount, "funding"), FUNDING_OUT, Bucket.FUNDING);
    }

    /** Takes a negative price impact paid by a trader into the impact pool (not the LPs' value). */
    public void addToImpactPool(AssetId asset, long amount) {
        int i = indexOf(asset);
        positive(amount, "impact");
        Fixed.add(balance[i], amount);
        balance[i] += amount;
        impact[i] += amount;
        flow[i][IMPACT_IN] = Fixed.add(flow[i][IMPACT_IN], amount);
    }

    /** Pays a positive price impact to a trader out of the impact pool. */
    public void payFromImpactPool(AssetId asset, long amount) {
        int i = indexOf(asset);
        requireImpact(i, positive(amount, "impact"));
        balance[i] -= amount;
        impact[i] -= amount;
        flow[i][IMPACT_OUT] += amount;
    }

    /** Releases tokens of the impact pool to the LPs (GMX distributes the impact pool over time). */
    public void releaseImpactPool(AssetId asset, long amount) {
        int i = indexOf(asset);
        requireImpact(i, positive(amount, "impact release"));
        long before = referenceValue(marks);
        impact[i] -= amount;
        attribute(Bucket.IMPACT, before);
    }

    /** Pool value for withdrawals (withdrawal cap, rounded down), settlement units. */
    public long poolValueForWithdrawal() {
        return value(marks, spec.withdrawalPnlCapPpm(), false);
    }

    /** Pool value for deposits (deposit cap, rounded up), settlement units. */
    public long poolValueForDeposit() {
        return value(marks, spec.depositPnlCapPpm(), true);
    }

    /** Reference pool value (the larger cap, rounded down): what reports and {@link LpPnlReport} use. */
    public long poolValue() {
        return referenceValue(marks);
    }

    /** Share price for withdrawals, {@link #SHARE_PRICE_SCALE} units (1 per share when there are no shares). */
    public long sharePriceForWithdrawal() {
        return sharePrice(poolValueForWithdrawal(), RoundingMode.FLOOR);
    }

    /** Share price for deposits, {@link #SHARE_PRICE_SCALE} units, rounded up. */
    public long sharePriceForDeposit() {
        return sharePrice(poolValueForDeposit(), RoundingMode.CEILING);
    }

    /** Reference share price, {@link #SHARE_PRICE_SCALE} units, rounded down. */
    public long sharePrice() {
        return sharePrice(poolValue(), RoundingMode.FLOOR);
    }

    /** True unless a side's PnL is above its withdrawal cap (then withdrawals are refused, as GMX does). */
    public boolean withinWithdrawalPnlCap() {
        long[] tv = tokenValues(marks, false);
        long cap = spec.withdrawalPnlCapPpm();
        return !LpValuation.exceedsCap(marks.longPnl(), tv[spec.indexOf(spec.longBacking())], cap)
                && !LpValuation.exceedsCap(marks.shortPnl(), tv[spec.indexOf(spec.shortBacking())], cap);
    }

    /** The reference share price and the attribution accumulators now. */
    public LpPnlReport.Checkpoint checkpoint() {
        return new LpPnlReport.Checkpoint(sharePrice(), accumulators());
    }

    /** Shares outstanding. */
    public long shareSupply() {
        return supply;
    }

    /** Tokens of {@code asset} held, impact pool included. */
    public long balance(AssetId asset) {
        return balance[indexOf(asset)];
    }

    /** Tokens of {@code asset} held for the price-impact pool. */
    public long impactPool(AssetId asset) {
        return impact[indexOf(asset)];
    }

    /** Tokens of {@code asset} owned by the LPs: the balance less the impact pool. */
    public long available(AssetId asset) {
        int i = indexOf(asset);
        return balance[i] - impact[i];
    }

    /** Cumulative flows of {@code asset}. */
    public LpFlows flows(AssetId asset) {
        return flowsAt(indexOf(asset));
    }

    /** The last marks. */
    public LpMarks marks() {
        return marks;
    }

    /** The configuration. */
    public LpPoolSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return "LiquidityPool" + exportState();
    }

    private void inflow(int i, long amount, int kind, Bucket bucket) {
        long before = referenceValue(marks);
        long next = Fixed.add(balance[i], amount);
        long nextFlow = Fixed.add(flow[i][kind], amount);
        balance[i] = next;
        flow[i][kind] = nextFlow;
        attribute(bucket, before);
    }

    private void outflow(int i, long amount, int kind, Bucket bucket) {
        long owned = balance[i] - impact[i];
        if (amount > owned) {
            throw new IllegalStateException("pool owns only " + owned + " of " + spec.assets().get(i).id()
                    + ", cannot pay " + amount);
        }
        long before = referenceValue(marks);
        balance[i] -= amount;
        flow[i][kind] = Fixed.add(flow[i][kind], amount);
        attribute(bucket, before);
    }

    private void requireImpact(int i, long amount) {
        if (amount > impact[i]) {
            throw new IllegalStateException("impact pool of " + spec.assets().get(i).id() + " holds only " + impact[i]
                    + ", cannot take " + amount);
        }
    }

    private void attribute(Bucket bucket, long before) {
        attribution[bucket.ordinal()] += perShare(referenceValue(marks) - before);
    }

    private long perShare(long valueChange) {
        return supply == 0 ? 0 : Fixed.mulDiv(valueChange, SHARE_PRICE_SCALE, supply, RoundingMode.FLOOR);
    }

    private long sharePrice(long poolValue, RoundingMode mode) {
        return supply == 0 ? SHARE_PRICE_SCALE : Fixed.mulDiv(poolValue, SHARE_PRICE_SCALE, supply, mode);
    }

    private long referenceValue(LpMarks m) {
        return value(m, spec.markPnlCapPpm(), false);
    }

    private long value(LpMarks m, long capPpm, boolean high) {
        long[] tv = tokenValues(m, high);
        long lpPending = Fixed.ppm(m.pendingFees(), spec.lpFeeSharePpm(), high ? RoundingMode.CEILING : RoundingMode.FLOOR);
        return LpValuation.poolValue(tv, tv[spec.indexOf(spec.longBacking())], tv[spec.indexOf(spec.shortBacking())],
                m.longPnl(), m.shortPnl(), capPpm, lpPending, high);
    }

    private long[] tokenValues(LpMarks m, boolean high) {
        long[] tv = new long[balance.length];
        for (int i = 0; i < tv.length; i++) {
            LpAsset asset = spec.assets().get(i);
            tv[i] = asset.valueOf(balance[i] - impact[i], m.price(asset.id()),
                    high ? RoundingMode.CEILING : RoundingMode.FLOOR);
        }
        return tv;
    }

    private LpFlows flowsAt(int i) {
        long[] f = flow[i];
        return new LpFlows(f[DEPOSITED], f[WITHDRAWN], f[FEES_KEPT], f[FEES_TO_TREASURY], f[TRADER_LOSSES],
                f[TRADER_PROFITS], f[FUNDING_IN], f[FUNDING_OUT], f[IMPACT_IN], f[IMPACT_OUT]);
    }

    private LpPnlReport.Accumulators accumulators() {
        return new LpPnlReport.Accumulators(attribution[Bucket.FEES.ordinal()], attribution[Bucket.FUNDING.ordinal()],
                attribution[Bucket.TRADER_PNL.ordinal()], attribution[Bucket.IMPACT.ordinal()],
                attribution[Bucket.PRICE_MOVES.ordinal()]);
    }

    private int indexOf(AssetId asset) {
        Objects.requireNonNull(asset, "asset");
        int i = spec.indexOf(asset);
        if (i < 0) {
            throw new IllegalArgumentException("asset " + asset + " is not held by this pool");
        }
        return i;
    }

    private static long positive(long amount, String what) {
        if (amount <= 0) {
            throw new IllegalArgumentException(what + " must be positive: " + amount);
        }
        return amount;
    }

    private static LpMarks checkedMarks(LpPoolSpec spec, LpMarks marks) {
        Objects.requireNonNull(marks, "marks");
        for (LpAsset asset : spec.assets()) {
            marks.price(asset.id());
        }
        return marks;
    }
}
