package io.fulcrum.bench;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AssetId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.spi.AccountView;
import io.fulcrum.api.spi.Balance;
import io.fulcrum.api.spi.PositionView;
import io.fulcrum.api.spi.PriceView;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.margin.PortfolioMargin;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The account {@link PortfolioMarginBenchmark} evaluates: 20 positions over 8 underlyings, 16
 * perpetuals (two markets per underlying, say a USDC perp and a second listing) and 4 spot
 * holdings (BTC, ETH, SOL, HYPE) held against the perps, plus a USDC balance; resting orders in
 * four markets. Both models see the same account, prices and collateral policy (5 % haircut on
 * the spot assets).
 *
 * <p>Portfolio margin: SPAN's 16 scenarios; BTC and ETH in one group "MAJORS", the others alone;
 * a 50 % offset credit between MAJORS and SOL; 0.1 % contingency per perp. Cross margin: each
 * market's 10 % / 5 % flat ladder.
 */
public final class PortfolioMarginInputs {
    /** USDC, 6 decimals: the settlement asset. */
    public static final AssetSpec USDC = AssetSpec.of("USDC", 6);
    static final long USD = 1_000_000L;
    /** Underlyings, their scan ranges (ppm) and prices (whole USDC). */
    static final String[] UNDERLYINGS = {"BTC", "ETH", "SOL", "HYPE", "XRP", "DOGE", "AVAX", "LINK"};
    static final long[] RANGES = {160_000, 200_000, 250_000, 300_000, 250_000, 300_000, 300_000, 250_000};
    static final long[] PRICES = {60_000, 3_000, 150, 40, 2, 1, 30, 15};
    /** Spot holdings: the first four underlyings, in whole units. */
    static final int SPOT_ASSETS = 4;
    static final long[] SPOT_UNITS = {1, 10, 100, 500};

    /** Two markets per underlying: 16 perps. */
    final List<MarketSpec> markets = new ArrayList<>();
    final List<AssetSpec> assets = new ArrayList<>();
    /** The account, with 16 positions and 4 spot balances (and USDC). */
    public final AccountView account;
    public final PriceView prices;
    public final PortfolioMargin portfolio;
    public final CrossMargin cross;

    /** Builds the account, the prices and both models. */
    public PortfolioMarginInputs() {
        Map<MarketId, Long> marks = new HashMap<>();
        Map<AssetId, Long> assetPrices = new HashMap<>();
        HaircutCollateral.Builder collateral = HaircutCollateral.builder(USDC);
        List<PositionView> positions = new ArrayList<>();
        List<Balance> balances = new ArrayList<>();
        for (int u = 0; u < UNDERLYINGS.length; u++) {
            for (String suffix : new String[] {"-PERP", "-PERP2"}) {
                // Sizes in 0.0001 units, prices in 0.01 USDC: notionals are whole USDC units.
                MarketSpec market = MarketSpec.builder(MarketId.of(UNDERLYINGS[u] + suffix), USDC).sizeDecimals(4)
                        .priceDecimals(2).tickSize(1).lotSize(1).riskTiers(List.of(RiskTier.flat(100_000, 50_000)))
                        .build();
                markets.add(market);
                long mark = PRICES[u] * 100;
                marks.put(market.id(), mark);
            }
        }
        for (int a = 0; a < SPOT_ASSETS; a++) {
            AssetSpec asset = AssetSpec.of(UNDERLYINGS[a], 8);
            assets.add(asset);
            assetPrices.put(asset.id(), PRICES[a] * USD);
            collateral.haircut(asset.id(), 50_000);
            balances.add(new Balance(asset, SPOT_UNITS[a] * 100_000_000L));
        }
        balances.add(new Balance(USDC, 25_000 * USD));
        for (int m = 0; m < markets.size(); m++) {
            MarketSpec market = markets.get(m);
            int u = m / 2;
            long mark = marks.get(market.id());
            // Alternate long and short, sized so that each is worth a few thousand USDC; the first
            // listing of each spot underlying is short the spot holding (a carry trade).
            long units;
            if (m % 2 == 0 && u < SPOT_ASSETS) {
                units = -SPOT_UNITS[u] * 10_000; // short exactly the spot holding: a carry trade
            } else {
                units = (m % 3 == 0 ? 1 : -1) * 200_000_000L / PRICES[u]; // about 20,000 USDC
            }
            long entry = mark + (m % 2 == 0 ? 1 : -1) * mark / 100;
            long cost = Long.signum(units) * market.notional(units, entry, RoundingMode.HALF_EVEN);
            if (m % 4 == 1) {
                long order = Math.max(1, Math.abs(units) / 4);
                positions.add(new PositionView(market, units, cost, order,
                        market.notional(order, mark - mark / 200, RoundingMode.CEILING), order,
                        market.notional(order, mark + mark / 200, RoundingMode.FLOOR)));
            } else {
                positions.add(PositionView.of(market, units, cost));
            }
        }
        this.account = new Account(AccountId.main(1), List.copyOf(balances), List.copyOf(positions));
        this.prices = new Prices(Map.copyOf(marks), Map.copyOf(assetPrices));
        HaircutCollateral policy = collateral.build();
        PortfolioMargin.Builder pm = PortfolioMargin.spanLike16(USDC, policy).contingencyPpm(1_000)
                .correlationGroup("MAJORS", "BTC", "ETH").offsetCredit("MAJORS", "SOL", 500_000);
        for (int u = 0; u < UNDERLYINGS.length; u++) {
            pm.underlying(UNDERLYINGS[u], RANGES[u]);
        }
        for (int m = 0; m < markets.size(); m++) {
            pm.market(markets.get(m).id(), UNDERLYINGS[m / 2]);
        }
        for (AssetSpec asset : assets) {
            pm.asset(asset.id(), asset.id().symbol());
        }
        this.portfolio = pm.build();
        this.cross = CrossMargin.with(policy);
    }

    /** The number of positions: perp positions plus non-settlement holdings. */
    public int positionCount() {
        int count = account.positions().size();
        for (Balance balance : account.balances()) {
            if (!balance.asset().id().equals(USDC.id())) {
                count++;
            }
        }
        return count;
    }

    /** A fixed account; balances and positions as given. */
    record Account(AccountId id, List<Balance> balances, List<PositionView> positions) implements AccountView {
        @Override
        public long balance(AssetId asset) {
            for (int i = 0; i < balances.size(); i++) {
                if (balances.get(i).asset().id().equals(asset)) {
                    return balances.get(i).amount();
                }
            }
            return 0;
        }
    }

    /** Fixed prices from two immutable maps, as a venue's price table would answer them. */
    record Prices(Map<MarketId, Long> marks, Map<AssetId, Long> assets) implements PriceView {
        @Override
        public long markPrice(MarketId market) {
            return marks.getOrDefault(market, NO_PRICE);
        }

        @Override
        public long indexPrice(MarketId market) {
            return marks.getOrDefault(market, NO_PRICE);
        }

        @Override
        public long assetPrice(AssetId asset) {
            return assets.getOrDefault(asset, NO_PRICE);
        }
    }
}
