package io.fulcrum.venue.internal;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AssetId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Event;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.spi.GuardVerdict;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PriceObservation;
import io.fulcrum.api.spi.PriceSource;
import io.fulcrum.api.spi.PriceView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap;

/**
 * All of a venue's state: accounts, balances, positions, resting-order exposure, prices, the
 * fee pool and the clock. Handlers read and change it; nothing else does.
 *
 * <p>Iteration that anyone can observe (hashing, snapshots, scans) goes through sorted
 * structures only: accounts in a {@link TreeMap}, assets and markets in arrays sorted by symbol.
 * Hash maps serve lookups alone.
 */
final class Ledger implements PriceView {
    /**
     * The largest amount the venue lets into its books: deposits and order notionals stay below
     * 2^60 so that sums of a few of them can never overflow a long.
     */
    static final long MAX_AMOUNT = 1L << 60;

    final VenueConfig config;
    final AssetSpec[] assets;
    /** Each asset's price source; null for the settlement asset, whose price is one whole unit. */
    final PriceSource[] assetSources;
    final PriceAlerts[] assetAlerts;
    final long[] assetPrices;
    final int settlementIndex;
    final MarketRuntime[] markets;
    private final Map<AssetId, Integer> assetIndex = new HashMap<>();
    private final Map<MarketId, Integer> marketIndex = new HashMap<>();

    final TreeMap<AccountId, AccountState> accounts = new TreeMap<>();
    final LongObjectHashMap<AccountState> accountsByKey = new LongObjectHashMap<>();
    final LongObjectHashMap<OpenOrder> openOrders = new LongObjectHashMap<>();
    final TreeMap<String, PriceObservation> observations = new TreeMap<>();
    /** Untriggered conditional orders by id: the id order is the order they fire in. */
    final TreeMap<Long, TriggerOrder> triggers = new TreeMap<>();
    final long[] netDeposits;
    /** Per market, the sum of all long positions in size units (derived from the positions). */
    final long[] openInterest;
    final BookLevels bookLevels;
    /** The incremental account examination, or null to examine every account at each price move. */
    HealthTracker health;
    long feePool;
    /** The venue's lending cash: repayments minus loans paid out. */
    long lendingPool;
    /** Funding settled by payers less funding paid to receivers (see Funding). */
    long fundingPool;
    /** The backstop vault's account, or null. Re-bound when a snapshot is restored. */
    AccountState backstop;
    /** Each insurance fund's desk (the account holding the positions it took over), by fund; empty without takeover. */
    final java.util.TreeMap<String, AccountState> desks = new java.util.TreeMap<>();
    /** The insurance funds' balances, by name. */
    final java.util.TreeMap<String, Long> insuranceFunds = new java.util.TreeMap<>();
    /** The block {@link #fundDrawnInBlock} belongs to (-1: none yet), and what each fund paid in it. */
    long fundBlock = -1;
    final java.util.TreeMap<String, Long> fundDrawnInBlock = new java.util.TreeMap<>();
    /** Funding indexes and their settlement. */
    final Funding funding = new Funding(this);
    long clock = Long.MIN_VALUE;
    /** The time of the last AdvanceTime, which engines' auction clocks follow (MIN_VALUE: none yet). */
    long lastAdvanceTime = Long.MIN_VALUE;
    long nextOrderId = 1;
    long nextAccountKey = 1;

    Ledger(VenueConfig config, List<AssetSpec> sortedAssets, List<PriceSource> sources,
            List<MarketRuntime> sortedMarkets) {
        this.config = config;
        this.assets = sortedAssets.toArray(new AssetSpec[0]);
        this.assetSources = sources.toArray(new PriceSource[0]);
        this.assetAlerts = new PriceAlerts[assets.length];
        this.assetPrices = new long[assets.length];
        for (int i = 0; i < assets.length; i++) {
            assetIndex.put(assets[i].id(), i);
            assetAlerts[i] = new PriceAlerts();
        }
        this.settlementIndex = assetIndex.get(config.settlementAsset().id());
        this.markets = sortedMarkets.toArray(new MarketRuntime[0]);
        for (MarketRuntime m : markets) {
            marketIndex.put(m.spec.id(), m.index);
        }
        this.netDeposits = new long[assets.length];
        this.openInterest = new long[markets.length];
        this.bookLevels = new BookLevels(markets);
    }

    /** The block a time falls in: blocks are {@code blockMillis} long and start at multiples of it since the epoch. */
    long blockOf(long time) {
        return Math.floorDiv(time, config.blockMillis());
    }

    AssetSpec settlement() {
        return assets[settlementIndex];
    }

    int assetIndex(AssetId asset) {
        Integer i = assetIndex.get(asset);
        if (i == null) {
            throw Rejection.of(RejectReason.UNKNOWN_ASSET, asset.symbol());
        }
        return i;
    }

    MarketRuntime market(MarketId market) {
        Integer i = marketIndex.get(market);
        if (i == null) {
            throw Rejection.of(RejectReason.UNKNOWN_MARKET, market.symbol());
        }
        return markets[i];
    }

    AccountState account(AccountId id) {
        AccountState a = accounts.get(id);
        if (a == null) {
            throw Rejection.of(RejectReason.UNKNOWN_ACCOUNT, id.toString());
        }
        return a;
    }

    /**
     * The account a command acts for: any open account but a pool account, whose money leaves
     * only through {@code RemoveLiquidity} and which trades only as the pool (a deposit into it is
     * still accepted: a gift to its liquidity providers).
     */
    AccountState actingAccount(AccountId id) {
        AccountState a = account(id);
        if (a.isPool()) {
            throw Rejection.of(RejectReason.RESERVED_ACCOUNT, id + " is a pool account");
        }
        return a;
    }

    MarginState evaluate(AccountState account) {
        return config.marginModel().evaluate(new LedgerAccountView(this, account), this);
    }

    MarginState evaluate(LedgerAccountView view) {
        return config.marginModel().evaluate(view, this);
    }

    /** Moves {@code fee} from the account's settlement balance to the fee pool. */
    /**
     * Moves {@code fee} from {@code account} to the venue: the market's insurance fund takes its
     * share of a positive fee (rounded down, so the fee pool keeps the rounding), the fee pool the
     * rest; the fund's share is reported as {@code InsuranceFundChanged}.
     */
    void chargeFee(AccountState account, long fee, MarketRuntime market, List<Event> events) {
        account.balances[settlementIndex] -= fee;
        io.fulcrum.api.spi.InsuranceFund policy = config.insuranceFund();
        long share = 0;
        if (policy != null && fee > 0) {
            share = Fixed.ppm(fee, policy.feeSharePpm(market.spec.id()), java.math.RoundingMode.FLOOR);
        }
        if (share > 0) {
            String fund = policy.fundFor(market.spec.id());
            long balance = insuranceFunds.merge(fund, share, Fixed::add);
            events.add(new Event.InsuranceFundChanged(fund, share, balance, null));
        }
        feePool += fee - share;
    }

    static long requirePositiveAmount(long amount) {
        if (amount <= 0) {
            throw Rejection.of(RejectReason.NON_POSITIVE_AMOUNT, String.valueOf(amount));
        }
        if (amount >= MAX_AMOUNT) {
            throw Rejection.of(RejectReason.ARITHMETIC_OVERFLOW, "amount " + amount + " is not below 2^60");
        }
        return amount;
    }

    // ---- PriceView -------------------------------------------------------------------------

    @Override
    public long markPrice(MarketId market) {
        Integer i = marketIndex.get(market);
        return i == null ? NO_PRICE : markets[i].markPrice;
    }

    @Override
    public long indexPrice(MarketId market) {
        Integer i = marketIndex.get(market);
        return i == null ? NO_PRICE : markets[i].indexPrice;
    }

    @Override
    public long openInterest(MarketId market) {
        Integer i = marketIndex.get(market);
        return i == null ? 0 : openInterest[i];
    }

    /**
     * What {@code amount} of asset {@code asset} is worth in settlement units at its last price
     * (0 while it has none), rounded by {@code rounding}.
     */
    long settlementValue(int asset, long amount, java.math.RoundingMode rounding) {
        if (asset == settlementIndex || amount == 0) {
            return amount;
        }
        return Fixed.mulDiv(amount, assetPrices[asset], Fixed.pow10(assets[asset].decimals()), rounding);
    }

    /** The vault whose pool account is {@code account}, or null. */
    PoolVault vaultOf(AccountState account) {
        if (!account.isPool()) {
            return null;
        }
        for (MarketRuntime market : markets) {
            if (market.vault != null && market.vault.account == account) {
                return market.vault;
            }
        }
        return null;
    }

    /**
     * The traders' open interest in a pool market on {@code side} (BUY: their longs), in size
     * units: every account's positions on that side except the pool's own.
     */
    long tradersOpenInterest(MarketRuntime market, io.fulcrum.api.Side side) {
        long all = openInterest[market.index];
        long pool = market.vault == null ? 0 : market.vault.poolSize(market);
        return all - Math.max(side == io.fulcrum.api.Side.BUY ? pool : -pool, 0);
    }

    @Override
    public long marginScalePpm(MarketId market) {
        Integer i = marketIndex.get(market);
        return i == null ? GuardVerdict.UNSCALED : markets[i].marginScalePpm;
    }

    @Override
    public long assetPrice(AssetId asset) {
        Integer i = assetIndex.get(asset);
        if (i == null) {
            return NO_PRICE;
        }
        if (i == settlementIndex) {
            return Fixed.pow10(assets[i].decimals());
        }
        return assetPrices[i];
    }
}
