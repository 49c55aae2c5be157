package io.fulcrum.margin;

import io.fulcrum.api.AssetId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.spi.AccountView;
import io.fulcrum.api.spi.Balance;
import io.fulcrum.api.spi.CollateralPolicy;
import io.fulcrum.api.spi.MarginModel;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import io.fulcrum.api.spi.PriceView;
import io.fulcrum.margin.internal.ScenarioEngine;
import io.fulcrum.margin.internal.ScenarioLeg;
import io.fulcrum.margin.internal.ScenarioScratch;
import io.fulcrum.margin.internal.Valuation;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Scenario-grid portfolio margin (MECHANISMS.md §6.4, after CME SPAN §6.1, Deribit §6.3 and
 * Hyperliquid's unified spot + perp portfolio margin §1.6): the account is revalued in every
 * scenario of a {@link ScenarioGrid}, and the worst loss is the maintenance requirement. Spot
 * holdings and perpetual positions on the same underlying net, so a carry trade (hold BTC, short
 * BTC-PERP) needs little margin, while a hedge whose legs can come apart (a liquid staking token
 * against its parent's perp) is charged for the gap.
 *
 * <ul>
 *   <li><b>Underlyings.</b> Each market and each non-settlement asset the account may hold maps to
 *       an underlying ({@code BTC-PERP} and a {@code BTC} balance both to "BTC"), which has a price
 *       scan range (16 % = 160,000 ppm) and a volatility scan range (only option legs have
 *       volatility exposure). A position or holding's value at the current price is shocked by
 *       its underlying's move: {@code PnL_s = value × range × move_s}.
 *   <li><b>Groups.</b> Underlyings in one {@link CorrelationGroup} take the same scenario; groups
 *       are independent, their worst losses add up, less {@link CorrelationGroup.OffsetCredit}s.
 *   <li><b>Maintenance</b> = max(0, Σ_groups max_s(−PnL_s · w_s) − credits) + contingencies, where
 *       each scenario's weighted loss is rounded up, a group's worst loss is widened by the widest
 *       {@link PriceView#marginScalePpm} of its markets (never narrowed below 1×), and the contingency is
 *       {@code contingencyPpm} of each position's notional at mark (Deribit's charge for offsetting
 *       futures, §6.3; default 0). At least one unit while a perp position is open, so that a
 *       perfectly hedged book whose equity is gone is still below maintenance.
 *   <li><b>Initial</b> = the same with every resting order counted as if the worst combination of
 *       sides filled (in each scenario, the buys that lose when the price falls, the sells that
 *       lose when it rises: exact for linear instruments), times {@code initialMultiplierPpm}
 *       (default 1.5×), plus each market's larger immediate loss of its buy or sell fill at its
 *       limit price against mark (conservative: both markets' worst fills may not coexist). Never
 *       below the no-fill requirement times the multiplier.
 *   <li><b>Equity</b> = Σ collateral values of the balances by the {@link CollateralPolicy} +
 *       Σ unrealised PnL at mark, exactly as {@link CrossMargin} computes it. A haircut is then a
 *       buffer on top of the scenario loss; use a 0 % haircut for assets the grid already shocks if
 *       the scenarios alone should decide.
 * </ul>
 *
 * <p>Holdings of assets not mapped to an underlying are not shocked: they count only as the
 * collateral policy values them. Values at mark round as {@link CrossMargin}'s do (a long down, a
 * short's magnitude up), so a market whose notionals are fractional settlement units may
 * understate a long's scenario loss by less than one unit.
 *
 * <p>Example (the carry trade): BTC range 16 %, grid {@code evenlySpaced(4, NONE)}; hold 1 BTC
 * (60,000) and short 1 BTC-PERP at 60,000. In every scenario the spot leg's PnL cancels the
 * perp's, so maintenance is the one-unit floor (plus any contingency), where {@link CrossMargin}
 * at 3 % asks 1,800.
 * Short 20 ETH-PERP against 20 stETH mapped to its own underlying "STETH" (range 35 %, not grouped
 * with ETH) instead, and maintenance is the ETH rise (20 % of 60,000 = 12,000) plus the stETH
 * fall (35 % of 60,000 = 21,000): 33,000.
 *
 * <p>Speed: everything a scenario needs is precomputed when the model is built; an evaluation
 * aggregates the account per underlying into primitive arrays held per thread and adds exact
 * 128-bit products. {@link #evaluateInto} allocates nothing; {@link #evaluate} allocates only its
 * {@link MarginState}. The model is immutable and thread-safe; a collateral policy or price view
 * must not evaluate the same model re-entrantly on the same thread.
 */
public final class PortfolioMargin implements MarginModel {
    /** Index of equity in {@link #evaluateInto}'s output. */
    public static final int EQUITY = 0;
    /** Index of the initial requirement in {@link #evaluateInto}'s output. */
    public static final int INITIAL = 1;
    /** Index of the maintenance requirement in {@link #evaluateInto}'s output. */
    public static final int MAINTENANCE = 2;

    private final AssetSpec settlement;
    private final CollateralPolicy collateral;
    private final ScenarioGrid grid;
    private final List<Underlying> underlyings;
    private final List<CorrelationGroup> groups;
    private final List<CorrelationGroup.OffsetCredit> credits;
    private final Map<MarketId, Integer> marketUnderlying;
    private final Map<AssetId, Integer> assetUnderlying;
    private final Map<String, Integer> groupIndex;
    private final long contingencyPpm;
    private final long initialMultiplierPpm;
    private final ScenarioEngine engine;
    private final ThreadLocal<ScenarioScratch> scratch;

    /**
     * What a {@link PortfolioMargin} shocks: an underlying's price moves by multiples of
     * {@code priceScanRangePpm} of itself, its volatility by {@code volScanRangePpm} of one unit.
     *
     * <p>Example: {@code new Underlying("BTC", 160_000, 100_000)}: BTC moves ±16 %, its
     * volatility ±10 points.
     *
     * @param name 1-32 upper-case letters, digits, '.', '_' or '-'
     * @param priceScanRangePpm 1 to 1,000,000 ppm
     * @param volScanRangePpm 0 to 10,000,000 ppm (0 for an underlying without options)
     */
    public record Underlying(String name, long priceScanRangePpm, long volScanRangePpm) {
        public Underlying {
            CorrelationGroup.requireName(name, "underlying name");
            if (priceScanRangePpm <= 0 || priceScanRangePpm > Fixed.PPM) {
                throw new IllegalArgumentException(name + ": price scan range must be in (0, 1,000,000] ppm: "
                        + priceScanRangePpm);
            }
            if (volScanRangePpm < 0 || volScanRangePpm > 10 * Fixed.PPM) {
                throw new IllegalArgumentException(name + ": volatility scan range must be in [0, 10,000,000] ppm: "
                        + volScanRangePpm);
            }
        }
    }

    private PortfolioMargin(Builder b, List<CorrelationGroup> groups, Map<String, Integer> groupIndex,
            Map<String, Integer> underlyingIndex) {
        this.settlement = b.settlement;
        this.collateral = b.collateral;
        this.grid = b.grid;
        this.underlyings = List.copyOf(b.underlyings.values());
        this.groups = List.copyOf(groups);
        this.credits = List.copyOf(b.credits);
        this.groupIndex = Map.copyOf(groupIndex);
        this.contingencyPpm = b.contingencyPpm;
        this.initialMultiplierPpm = b.initialMultiplierPpm;
        Map<MarketId, Integer> markets = new HashMap<>();
        b.markets.forEach((market, underlying) -> markets.put(market, underlyingIndex.get(underlying)));
        this.marketUnderlying = Map.copyOf(markets);
        Map<AssetId, Integer> assets = new HashMap<>();
        b.assets.forEach((asset, underlying) -> assets.put(asset, underlyingIndex.get(underlying)));
        this.assetUnderlying = Map.copyOf(assets);

        int u = underlyings.size();
        int[] groupOf = new int[u];
        long[] priceRange = new long[u];
        long[] volRange = new long[u];
        for (int i = 0; i < u; i++) {
            Underlying underlying = underlyings.get(i);
            priceRange[i] = underlying.priceScanRangePpm();
            volRange[i] = underlying.volScanRangePpm();
        }
        for (int g = 0; g < groups.size(); g++) {
            for (String name : groups.get(g).underlyings()) {
                groupOf[underlyingIndex.get(name)] = g;
            }
        }
        List<ScenarioGrid.Scenario> scenarios = grid.scenarios();
        int s = scenarios.size();
        long[] num = new long[s];
        long[] den = new long[s];
        int[] vol = new int[s];
        long[] weight = new long[s];
        for (int i = 0; i < s; i++) {
            ScenarioGrid.Scenario scenario = scenarios.get(i);
            num[i] = scenario.moveNumerator();
            den[i] = scenario.moveDenominator();
            vol[i] = scenario.vol().direction();
            weight[i] = scenario.weightPpm();
        }
        int c = credits.size();
        int[] first = new int[c];
        int[] second = new int[c];
        long[] rate = new long[c];
        for (int i = 0; i < c; i++) {
            first[i] = groupIndex.get(credits.get(i).first());
            second[i] = groupIndex.get(credits.get(i).second());
            rate[i] = credits.get(i).ratePpm();
        }
        this.engine = new ScenarioEngine(groups.size(), groupOf, priceRange, volRange, num, den, vol, weight, first,
                second, rate);
        this.scratch = ThreadLocal.withInitial(engine::newScratch);
    }

    /** Starts a model whose markets settle in {@code settlement} and whose balances count as {@code collateral} says. */
    public static Builder builder(AssetSpec settlement, CollateralPolicy collateral) {
        return new Builder(settlement, collateral);
    }

    /**
     * Hyperliquid-like portfolio margin (MECHANISMS.md §1.6): spot balances and cross perp
     * positions in one account, netted per underlying: map each perp market and each spot asset
     * to its underlying and give each underlying its scan range. Grid: nine evenly spaced price
     * moves from −1 to +1 scan range, no volatility moves (there are no options), weight 1.
     * Initial = 2 × maintenance, mirroring Hyperliquid's maintenance of half the initial margin at
     * maximum leverage (§1.3). Hyperliquid lends USDC against collateral up to an LTV (50 % for BTC
     * and HYPE, §1.6): model the loan as a negative settlement balance, which counts in full
     * against equity; the LTV itself is a borrowing limit for the venue, not a margin figure.
     * Hyperliquid's own scenario parameters are not published (§1.6 marks them unverified), so
     * the scan ranges are the integrator's.
     */
    public static Builder hyperliquidLike(AssetSpec settlement, CollateralPolicy collateral) {
        return builder(settlement, collateral).grid(ScenarioGrid.evenlySpaced(4, ScenarioGrid.VolShock.NONE))
                .initialMultiplierPpm(2_000_000);
    }

    /**
     * SPAN-like portfolio margin (MECHANISMS.md §6.1): {@link ScenarioGrid#span16()}'s 16
     * scenarios, each underlying's price scan range and volatility scan range the integrator's,
     * combined commodities as {@link CorrelationGroup}s and inter-commodity credits as
     * {@link CorrelationGroup.OffsetCredit}s. Initial = 1.5 × maintenance (configurable).
     */
    public static Builder spanLike16(AssetSpec settlement, CollateralPolicy collateral) {
        return builder(settlement, collateral).grid(ScenarioGrid.span16());
    }

    /** The asset every market settles in and equity is counted in. */
    public AssetSpec settlement() {
        return settlement;
    }

    /** The policy that values the account's balances. */
    public CollateralPolicy collateralPolicy() {
        return collateral;
    }

    /** The scenarios. */
    public ScenarioGrid grid() {
        return grid;
    }

    /** The underlyings, in the order they were declared. */
    public List<Underlying> underlyings() {
        return underlyings;
    }

    /** Every correlation group: the declared ones, then one per ungrouped underlying. */
    public List<CorrelationGroup> correlationGroups() {
        return groups;
    }

    /** The offset credits, in the order they apply. */
    public List<CorrelationGroup.OffsetCredit> offsetCredits() {
        return credits;
    }

    /** The underlying {@code market} is shocked as, if it is mapped. */
    public Optional<String> underlyingOf(MarketId market) {
        Integer u = marketUnderlying.get(market);
        return u == null ? Optional.empty() : Optional.of(underlyings.get(u).name());
    }

    /** The underlying holdings of {@code asset} are shocked as, if it is mapped. */
    public Optional<String> underlyingOf(AssetId asset) {
        Integer u = assetUnderlying.get(asset);
        return u == null ? Optional.empty() : Optional.of(underlyings.get(u).name());
    }

    /** The contingency charged per position, ppm of its notional at mark. */
    public long contingencyPpm() {
        return contingencyPpm;
    }

    /** Initial requirement over maintenance, ppm (1,500,000 = 1.5×). */
    public long initialMultiplierPpm() {
        return initialMultiplierPpm;
    }

    /**
     * Evaluates {@code account} at {@code prices}.
     *
     * @throws IllegalStateException if a market of the account has no mark price, is not mapped
     *     to an underlying or settles in another asset, or a mapped asset the account owes has no price
     * @throws IllegalArgumentException if a position reports negative open order sizes
     * @throws io.fulcrum.api.FixedPointOverflowException if a figure does not fit in a {@code long}
     */
    @Override
    public long maintenanceGrowthPpm(MarketSpec market) {
        Integer u = marketUnderlying.get(market.id());
        return u == null ? MarginModel.super.maintenanceGrowthPpm(market) : growthOf(u);
    }

    @Override
    public long maintenanceGrowthPpm(AssetSpec asset) {
        Integer u = assetUnderlying.get(asset.id());
        return u == null ? 0 : growthOf(u);
    }

    /**
     * How fast maintenance can grow per unit of an exposure to underlying {@code u}, in ppm: its
     * scan range times the largest weighted move of the grid, plus the contingency; tripled when
     * offset credits exist, since a credit can shrink as fast as the loss it offsets grows. A
     * bound for the venue's health index, not a requirement.
     */
    private long growthOf(int u) {
        long largestMove = 0; // ppm of the scan range, weighted
        for (ScenarioGrid.Scenario s : grid.scenarios()) {
            long move = Fixed.mulDiv(Math.abs(s.moveNumerator()) * Fixed.PPM, s.weightPpm(),
                    s.moveDenominator() * Fixed.PPM, RoundingMode.CEILING);
            largestMove = Math.max(largestMove, move);
        }
        long growth = Fixed.add(Fixed.ppm(underlyings.get(u).priceScanRangePpm(), largestMove, RoundingMode.CEILING),
                contingencyPpm);
        return credits.isEmpty() ? growth : Fixed.multiply(growth, 3);
    }

    @Override
    public MarginState evaluate(AccountView account, PriceView prices) {
        ScenarioScratch s = scratch.get();
        compute(account, prices, s, Map.of(), s.out);
        return new MarginState(s.out[EQUITY], s.out[INITIAL], s.out[MAINTENANCE]);
    }

    /**
     * Evaluates like {@link #evaluate} without allocating: writes equity, the initial and the
     * maintenance requirement to {@code out[EQUITY]}, {@code out[INITIAL]} and
     * {@code out[MAINTENANCE]}.
     *
     * @throws IllegalArgumentException if {@code out} has fewer than three elements
     */
    public void evaluateInto(AccountView account, PriceView prices, long[] out) {
        Objects.requireNonNull(out, "out");
        if (out.length < 3) {
            throw new IllegalArgumentException("out needs 3 elements (equity, initial, maintenance): " + out.length);
        }
        compute(account, prices, scratch.get(), Map.of(), out);
    }

    /** {@link #evaluate} with option legs by underlying name, whose value also counts in equity (tests, §6.1, §6.4). */
    MarginState evaluate(AccountView account, PriceView prices, Map<String, List<ScenarioLeg>> legs) {
        ScenarioScratch s = scratch.get();
        compute(account, prices, s, legs, s.out);
        return new MarginState(s.out[EQUITY], s.out[INITIAL], s.out[MAINTENANCE]);
    }

    /**
     * The weighted loss (negative for a gain) of {@code group} in scenario {@code index} of the
     * grid, positions and {@code legs} only, rounded up and not widened.
     */
    long scenarioLoss(AccountView account, PriceView prices, Map<String, List<ScenarioLeg>> legs, String group,
            int index) {
        Integer g = groupIndex.get(group);
        if (g == null) {
            throw new IllegalArgumentException("no correlation group " + group);
        }
        if (index < 0 || index >= grid.size()) {
            throw new IllegalArgumentException("no scenario " + index + " in a grid of " + grid.size());
        }
        ScenarioScratch s = scratch.get();
        s.reset();
        accumulate(account, prices, s, legs, null);
        return engine.scenarioLoss(s, g, index);
    }

    private void compute(AccountView account, PriceView prices, ScenarioScratch s,
            Map<String, List<ScenarioLeg>> legs, long[] out) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(prices, "prices");
        s.reset();
        accumulate(account, prices, s, legs, out);
    }

    /**
     * Values the account into {@code s}; with {@code out}, also resolves the requirements into it
     * (with {@code out == null} it stops once the positions' scenario losses are in {@code s}).
     */
    private void accumulate(AccountView account, PriceView prices, ScenarioScratch s,
            Map<String, List<ScenarioLeg>> legs, long[] out) {
        // A loan of the settlement asset (AccountView.loan) counts against equity in full.
        long equity = Fixed.negate(account.loan());
        List<Balance> balances = account.balances();
        for (int i = 0, n = balances.size(); i < n; i++) {
            Balance balance = balances.get(i);
            AssetSpec asset = balance.asset();
            long amount = balance.amount();
            equity = Fixed.add(equity, collateral.collateralValue(asset, amount, prices));
            Integer u = amount == 0 ? null : assetUnderlying.get(asset.id());
            if (u != null) {
                long price = prices.assetPrice(asset.id());
                if (price <= 0) {
                    if (amount < 0) {
                        throw new IllegalStateException("a debt of " + asset.format(amount) + " " + asset.id()
                                + " cannot be shocked: the asset has no price (" + price + ")");
                    }
                    continue; // a holding without a price is worth nothing and risks nothing
                }
                s.addValue(u, Fixed.mulDiv(amount, price, Fixed.pow10(asset.decimals()), RoundingMode.FLOOR));
            }
        }
        long contingency = 0;
        long orderContingency = 0;
        long immediateLoss = 0;
        boolean orders = false;
        boolean openPositions = false;
        List<PositionView> positions = account.positions();
        for (int i = 0, n = positions.size(); i < n; i++) {
            PositionView position = positions.get(i);
            MarketSpec market = position.market();
            if (!market.settlement().id().equals(settlement.id())) {
                throw new IllegalStateException("portfolio margin settles in " + settlement.id() + ", but " + market.id()
                        + " of account " + account.id() + " settles in " + market.settlement().id());
            }
            if (position.openBuySize() < 0 || position.openSellSize() < 0) {
                throw new IllegalArgumentException(market.id() + ": open order sizes must be non-negative: buy "
                        + position.openBuySize() + ", sell " + position.openSellSize());
            }
            Integer u = marketUnderlying.get(market.id());
            if (u == null) {
                throw new IllegalStateException(market.id() + " is not mapped to an underlying: portfolio margin cannot"
                        + " shock it");
            }
            long mark = Valuation.requireMark(prices, market);
            long size = position.size();
            openPositions |= size != 0;
            long value = Valuation.positionValue(market, size, mark);
            equity = Fixed.add(equity, Fixed.subtract(value, position.costBasis()));
            s.addValue(u, value);
            long scale = prices.marginScalePpm(market.id());
            s.widen(engine.groupOf(u), scale);
            long positionContingency = contingencyPpm == 0 ? 0 : contingency(market, size, mark, scale);
            contingency = Fixed.add(contingency, positionContingency);
            long buy = position.openBuySize();
            long sell = position.openSellSize();
            if (buy == 0 && sell == 0) {
                orderContingency = Fixed.add(orderContingency, positionContingency);
                continue;
            }
            orders = true;
            s.addOrders(u, Valuation.requirementNotional(market, buy, mark),
                    Valuation.requirementNotional(market, sell, mark));
            // Buying at a limit above mark, or selling below it, loses at once.
            long buyLoss = buy == 0 ? 0 : Fixed.subtract(position.openBuyNotional(), Valuation.positionValue(market, buy, mark));
            long sellLoss = sell == 0 ? 0
                    : Fixed.subtract(Valuation.requirementNotional(market, sell, mark), position.openSellNotional());
            immediateLoss = Fixed.add(immediateLoss, Math.max(0, Math.max(buyLoss, sellLoss)));
            if (contingencyPpm != 0) {
                long worstSize = Math.max(Math.abs(size), Math.max(Math.abs(Fixed.add(size, buy)),
                        Math.abs(Fixed.subtract(size, sell))));
                orderContingency = Fixed.add(orderContingency, contingency(market, worstSize, mark, scale));
            }
        }
        engine.prepare(s, !legs.isEmpty());
        if (!legs.isEmpty()) {
            for (Map.Entry<String, List<ScenarioLeg>> entry : legs.entrySet()) {
                int u = underlyingIndex(entry.getKey());
                for (ScenarioLeg leg : entry.getValue()) {
                    engine.accumulateLeg(s, u, leg);
                    equity = Fixed.add(equity, (long) Math.floor(leg.value()));
                }
            }
        }
        engine.accumulatePositions(s);
        if (out == null) {
            return;
        }
        long maintenance = Fixed.add(engine.requirement(s), contingency);
        if (openPositions && maintenance == 0) {
            // A perfectly hedged book still needs one unit, so that once its equity is gone it is
            // below maintenance and can be liquidated (MarginState ignores a zero requirement).
            maintenance = 1;
        }
        long initial = Fixed.ppm(maintenance, initialMultiplierPpm, RoundingMode.CEILING);
        if (orders) {
            engine.accumulateOrders(s);
            long withOrders = Fixed.add(engine.requirement(s), orderContingency);
            initial = Fixed.add(Fixed.ppm(Math.max(maintenance, withOrders), initialMultiplierPpm, RoundingMode.CEILING),
                    immediateLoss);
        }
        out[EQUITY] = equity;
        out[INITIAL] = initial;
        out[MAINTENANCE] = maintenance;
    }

    private long contingency(MarketSpec market, long size, long mark, long scale) {
        long charge = Fixed.ppm(Valuation.requirementNotional(market, size, mark), contingencyPpm, RoundingMode.CEILING);
        return scale == Fixed.PPM ? charge : Fixed.ppm(charge, scale, RoundingMode.CEILING);
    }

    private int underlyingIndex(String name) {
        for (int i = 0; i < underlyings.size(); i++) {
            if (underlyings.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no underlying " + name);
    }

    @Override
    public String toString() {
        return "PortfolioMargin[" + underlyings + ", groups " + groups + ", credits " + credits + ", " + grid.size()
                + " scenarios, contingency " + contingencyPpm + " ppm, initial ×" + initialMultiplierPpm + " ppm, "
                + collateral + "]";
    }

    /**
     * Builds a {@link PortfolioMargin}. Underlyings, mappings, groups and credits may each be
     * declared once; the grid, contingency and initial multiplier replace any earlier value (a
     * preset's included). {@link #build()} checks that every name refers to something declared.
     */
    public static final class Builder {
        private final AssetSpec settlement;
        private final CollateralPolicy collateral;
        private ScenarioGrid grid;
        private final Map<String, Underlying> underlyings = new LinkedHashMap<>();
        private final Map<MarketId, String> markets = new LinkedHashMap<>();
        private final Map<AssetId, String> assets = new LinkedHashMap<>();
        private final Map<String, CorrelationGroup> groups = new LinkedHashMap<>();
        private final List<CorrelationGroup.OffsetCredit> credits = new ArrayList<>();
        private long contingencyPpm;
        private long initialMultiplierPpm = 1_500_000;

        private Builder(AssetSpec settlement, CollateralPolicy collateral) {
            this.settlement = Objects.requireNonNull(settlement, "settlement");
            this.collateral = Objects.requireNonNull(collateral, "collateral");
        }

        /** The scenarios. Required (the presets set one). */
        public Builder grid(ScenarioGrid grid) {
            this.grid = Objects.requireNonNull(grid, "grid");
            return this;
        }

        /** Declares an underlying without volatility exposure: its price moves ±{@code priceScanRangePpm}. */
        public Builder underlying(String name, long priceScanRangePpm) {
            return underlying(new Underlying(name, priceScanRangePpm, 0));
        }

        /** Declares an underlying. */
        public Builder underlying(Underlying underlying) {
            Objects.requireNonNull(underlying, "underlying");
            if (underlyings.containsKey(underlying.name())) {
                throw new IllegalStateException("underlying " + underlying.name() + " is already declared");
            }
            underlyings.put(underlying.name(), underlying);
            return this;
        }

        /** Shocks positions in {@code market} as {@code underlying}. */
        public Builder market(MarketId market, String underlying) {
            Objects.requireNonNull(market, "market");
            CorrelationGroup.requireName(underlying, "underlying of " + market);
            if (markets.putIfAbsent(market, underlying) != null) {
                throw new IllegalStateException(market + " is already mapped to " + markets.get(market));
            }
            return this;
        }

        /** Shocks holdings of {@code asset} (spot, collateral, or a debt of it) as {@code underlying}. */
        public Builder asset(AssetId asset, String underlying) {
            Objects.requireNonNull(asset, "asset");
            CorrelationGroup.requireName(underlying, "underlying of " + asset);
            if (asset.equals(settlement.id())) {
                throw new IllegalArgumentException(asset + " is the settlement asset: its price is always one unit");
            }
            if (assets.putIfAbsent(asset, underlying) != null) {
                throw new IllegalStateException(asset + " is already mapped to " + assets.get(asset));
            }
            return this;
        }

        /** Declares a group of underlyings that move together. */
        public Builder correlationGroup(CorrelationGroup group) {
            Objects.requireNonNull(group, "group");
            if (groups.putIfAbsent(group.name(), group) != null) {
                throw new IllegalStateException("correlation group " + group.name() + " is already declared");
            }
            return this;
        }

        /** Declares the group {@code name} of {@code underlyings}. */
        public Builder correlationGroup(String name, String... underlyings) {
            return correlationGroup(CorrelationGroup.of(name, underlyings));
        }

        /** Adds an offset credit between groups {@code first} and {@code second}; credits apply in this order. */
        public Builder offsetCredit(String first, String second, long ratePpm) {
            CorrelationGroup.OffsetCredit credit = new CorrelationGroup.OffsetCredit(first, second, ratePpm);
            for (CorrelationGroup.OffsetCredit existing : credits) {
                if ((existing.first().equals(first) && existing.second().equals(second))
                        || (existing.first().equals(second) && existing.second().equals(first))) {
                    throw new IllegalStateException("an offset credit between " + first + " and " + second
                            + " is already declared");
                }
            }
            credits.add(credit);
            return this;
        }

        /** The contingency per position, ppm of its notional at mark, 0 to 1,000,000; default 0. */
        public Builder contingencyPpm(long ppm) {
            if (ppm < 0 || ppm > Fixed.PPM) {
                throw new IllegalArgumentException("contingency must be in [0, 1,000,000] ppm: " + ppm);
            }
            this.contingencyPpm = ppm;
            return this;
        }

        /** Initial over maintenance, ppm, 1,000,000 (1×) to 100,000,000 (100×); default 1,500,000. */
        public Builder initialMultiplierPpm(long ppm) {
            if (ppm < Fixed.PPM || ppm > 100 * Fixed.PPM) {
                throw new IllegalArgumentException("initial multiplier must be in [1,000,000, 100,000,000] ppm: " + ppm);
            }
            this.initialMultiplierPpm = ppm;
            return this;
        }

        /** Builds the model; fails naming the first reference to something undeclared. */
        public PortfolioMargin build() {
            if (grid == null) {
                throw new IllegalStateException("a scenario grid is required");
            }
            if (underlyings.isEmpty()) {
                throw new IllegalStateException("at least one underlying is required");
            }
            Map<String, Integer> underlyingIndex = new HashMap<>();
            int index = 0;
            for (Underlying underlying : underlyings.values()) {
                underlyingIndex.put(underlying.name(), index++);
                requirePriceStaysPositive(underlying);
            }
            markets.forEach((market, underlying) -> requireDeclared(underlying, "market " + market));
            assets.forEach((asset, underlying) -> requireDeclared(underlying, "asset " + asset));
            List<CorrelationGroup> allGroups = new ArrayList<>();
            Map<String, String> groupOfUnderlying = new HashMap<>();
            for (CorrelationGroup group : groups.values()) {
                for (String underlying : group.underlyings()) {
                    requireDeclared(underlying, "correlation group " + group.name());
                    String previous = groupOfUnderlying.putIfAbsent(underlying, group.name());
                    if (previous != null) {
                        throw new IllegalArgumentException(underlying + " is in correlation groups " + previous + " and "
                                + group.name() + ": an underlying belongs to one group");
                    }
                }
                allGroups.add(group);
            }
            for (Underlying underlying : underlyings.values()) {
                if (!groupOfUnderlying.containsKey(underlying.name())) {
                    if (groups.containsKey(underlying.name())) {
                        throw new IllegalArgumentException("correlation group " + underlying.name() + " does not contain"
                                + " the ungrouped underlying of the same name, whose own group takes that name");
                    }
                    allGroups.add(CorrelationGroup.of(underlying.name(), underlying.name()));
                }
            }
            Map<String, Integer> groupIndex = new HashMap<>();
            for (int g = 0; g < allGroups.size(); g++) {
                groupIndex.put(allGroups.get(g).name(), g);
            }
            for (CorrelationGroup.OffsetCredit credit : credits) {
                for (String group : List.of(credit.first(), credit.second())) {
                    if (!groupIndex.containsKey(group)) {
                        throw new IllegalArgumentException("offset credit refers to unknown correlation group " + group);
                    }
                }
            }
            return new PortfolioMargin(this, allGroups, groupIndex, underlyingIndex);
        }

        private void requireDeclared(String underlying, String user) {
            if (!underlyings.containsKey(underlying)) {
                throw new IllegalArgumentException(user + " refers to undeclared underlying " + underlying);
            }
        }

        private void requirePriceStaysPositive(Underlying underlying) {
            for (ScenarioGrid.Scenario scenario : grid.scenarios()) {
                // range/10^6 × num/den ≥ −1, i.e. −range × num ≤ den × 10^6.
                if (-underlying.priceScanRangePpm() * scenario.moveNumerator() > scenario.moveDenominator() * Fixed.PPM) {
                    throw new IllegalArgumentException(underlying.name() + ": a price scan range of "
                            + underlying.priceScanRangePpm() + " ppm moved by scenario " + scenario
                            + " takes the price below zero");
                }
            }
        }
    }
}
