package io.fulcrum.venue.internal;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Event;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.spi.HealthIndex;
import io.fulcrum.api.spi.MarginModel;
import io.fulcrum.api.spi.MarginState;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps a {@link HealthIndex} in step with the ledger, so that a price move re-examines only
 * the accounts it can have pushed below maintenance, and gives exactly the outcome of examining
 * every account.
 *
 * <p>After each accepted command, every account the command touched is evaluated. Its buffer
 * {@code B = equity − maintenance} is split between its exposures in proportion to their value
 * (a few units held back for the model's rounding), and each exposure gets the price at which its
 * share would be used up: for {@code |q|} contracts worth {@code |q| · Δ / 10^k} per {@code Δ}
 * of price, and a requirement that grows by at most {@code g} per unit of notional (the model's
 * {@link MarginModel#maintenanceGrowthPpm}, times the guards' margin scale),
 * {@code Δ = share · 10^k / (|q| · (1 + g))}, rounded toward the current price. While every price
 * stays on the safe side of its threshold the account loses less than {@code B}, so it cannot be
 * below maintenance: the examination can skip it. Accounts already below maintenance (a
 * liquidation that found no liquidity, a halted market) are re-examined at every price update,
 * as a full scan would.
 *
 * <p>Instruments are numbered markets first ({@code 0 .. M−1}), then assets ({@code M + a}).
 */
final class HealthTracker {
    /** Units of the settlement asset held back from each buffer for the model's per-position rounding. */
    private static final long ROUNDING_RESERVE_PER_EXPOSURE = 2;

    private final Ledger ledger;
    private final HealthIndex index;
    private final TreeSet<AccountId> belowMaintenance = new TreeSet<>();
    private final TreeSet<AccountId> touched = new TreeSet<>();
    // Scratch, one entry per exposure of the account being tracked.
    private int[] instruments = new int[8];
    private long[] thresholds = new long[8];
    private boolean[] onFall = new boolean[8];
    private long[] quantities = new long[8];
    private long[] prices = new long[8];
    private long[] values = new long[8];
    private int[] scales = new int[8];
    private long[] growths = new long[8];

    HealthTracker(Ledger ledger, HealthIndex index) {
        this.ledger = ledger;
        this.index = index;
    }

    /** Notes that {@code account}'s balances or positions changed, or that its thresholds were reached. */
    void touch(AccountId account) {
        touched.add(account);
    }

    /** Notes every account whose balances or positions {@code events} changed. */
    void touchAll(List<Event> events) {
        for (Event event : events) {
            if (event instanceof Event.PositionChanged e) {
                touched.add(e.account());
            } else if (event instanceof Event.Deposited e) {
                touched.add(e.account());
            } else if (event instanceof Event.Withdrawn e) {
                touched.add(e.account());
            } else if (event instanceof Event.LiquidityAdded e) {
                touched.add(e.account());
            } else if (event instanceof Event.LiquidityRemoved e) {
                touched.add(e.account());
            } else if (event instanceof Event.LiquidatorRewarded e) {
                touched.add(e.liquidator());
            } else if (event instanceof Event.LiquidationPenaltyCharged e) {
                touched.add(e.account());
            } else if (event instanceof Event.FundingSettled e) {
                touched.add(e.account());
            } else if (event instanceof Event.InsuranceLiquidityAdded e) {
                touched.add(e.account());
            } else if (event instanceof Event.InsuranceLiquidityRemoved e) {
                touched.add(e.account());
            } else if (event instanceof Event.Borrowed e) {
                touched.add(e.account());
            } else if (event instanceof Event.Repaid e) {
                touched.add(e.account());
            } else if (event instanceof Event.InterestCharged e) {
                touched.add(e.account());
            } else if (event instanceof Event.Transferred e) {
                touched.add(e.from());
                touched.add(e.to());
            }
        }
    }

    /** Forgets the touches of a command that was rejected (it changed nothing). */
    void discardTouches() {
        touched.clear();
    }

    /** Re-tracks every touched account. Called once an accepted command is complete. */
    void retrackTouched() {
        for (AccountId id : touched) {
            AccountState account = ledger.accounts.get(id);
            if (account != null) {
                track(account);
            }
        }
        touched.clear();
    }

    /** Rebuilds the index from the whole ledger (after a snapshot is restored). */
    void rebuild() {
        for (AccountState account : ledger.accounts.values()) {
            track(account);
        }
        touched.clear();
    }

    /**
     * The accounts to examine after {@code moves}: those whose thresholds a move reached, plus
     * those already below maintenance, in account order.
     */
    List<AccountState> candidates(List<long[]> moves) {
        TreeMap<AccountId, AccountState> found = new TreeMap<>();
        for (AccountId id : belowMaintenance) {
            found.put(id, ledger.accounts.get(id));
        }
        for (long[] move : moves) {
            index.reached((int) move[0], move[1], move[2], key -> {
                AccountState account = ledger.accountsByKey.get(key);
                found.put(account.id, account);
            });
        }
        return List.copyOf(found.values());
    }

    private void track(AccountState account) {
        if (!account.hasRisk() || account.isPool()) {
            untrack(account);
            return;
        }
        MarginState state = ledger.evaluate(account);
        if (state.maintenanceRequirement() <= 0) {
            untrack(account); // nothing is below a zero requirement until the positions change
            return;
        }
        long buffer = state.equity() - state.maintenanceRequirement();
        if (buffer <= 0) {
            index.untrack(account.key);
            belowMaintenance.add(account.id);
            return;
        }
        belowMaintenance.remove(account.id);
        int count = exposures(account);
        long total = 0;
        for (int i = 0; i < count; i++) {
            total = Fixed.add(total, values[i]);
        }
        long spendable = buffer - ROUNDING_RESERVE_PER_EXPOSURE * (count + 1);
        int kept = 0;
        for (int i = 0; i < count; i++) {
            long share = spendable <= 0 ? 0 : Fixed.mulDiv(spendable, values[i], total, RoundingMode.FLOOR);
            long threshold = threshold(i, share);
            if (threshold > 0) {
                instruments[kept] = instruments[i];
                onFall[kept] = onFall[i];
                thresholds[kept] = threshold;
                kept++;
            }
        }
        index.track(account.key, kept, instruments, thresholds, onFall);
    }

    private void untrack(AccountState account) {
        index.untrack(account.key);
        belowMaintenance.remove(account.id);
    }

    /**
     * Fills the scratch arrays with the account's exposures: the instrument, the direction that
     * hurts, the quantity held, its value in settlement units, its price now, and the value lost
     * per price unit as a fraction {@code lossNumerator / lossDenominator} per unit of quantity.
     */
    private int exposures(AccountState account) {
        MarginModel model = ledger.config.marginModel();
        int n = 0;
        for (int slot = 0; slot < account.positions.length; slot++) {
            PositionState p = account.positions[slot];
            if (p == null || p.size == 0) {
                continue;
            }
            MarketRuntime market = ledger.markets[account.marketOf(slot)];
            MarketSpec spec = market.spec;
            long growth = Fixed.mulDiv(model.maintenanceGrowthPpm(spec), market.marginScalePpm, Fixed.PPM,
                    RoundingMode.CEILING);
            int k = spec.sizeDecimals() + spec.priceDecimals() - spec.settlement().decimals();
            add(n++, market.index, p.size > 0, Math.abs(p.size), market.markPrice,
                    spec.notional(Math.abs(p.size), market.markPrice, RoundingMode.CEILING), k, growth);
        }
        for (int a = 0; a < ledger.assets.length; a++) {
            long amount = account.balances[a];
            long price = ledger.assetPrices[a];
            if (a == ledger.settlementIndex || amount == 0 || price <= 0) {
                continue;
            }
            AssetSpec asset = ledger.assets[a];
            long value = Fixed.mulDiv(Math.abs(amount), price, Fixed.pow10(asset.decimals()), RoundingMode.CEILING);
            add(n++, ledger.markets.length + a, amount > 0, Math.abs(amount), price, value, asset.decimals(),
                    model.maintenanceGrowthPpm(asset));
        }
        return n;
    }

    private void add(int i, int instrument, boolean fall, long quantity, long price, long value, int scale,
            long growthPpm) {
        ensureRoom(i + 1);
        instruments[i] = instrument;
        onFall[i] = fall;
        quantities[i] = quantity;
        prices[i] = price;
        values[i] = Math.max(1, value);
        scales[i] = scale;
        growths[i] = growthPpm;
    }

    /**
     * The price at which exposure {@code i} alone would use up {@code share}: a move of
     * {@code Δ} price units costs at most {@code quantity · Δ / 10^scale · (1 + growth)}, so
     * {@code Δ = ⌊share · 10^scale / (quantity · (1 + growth))⌋}, taken toward the current price.
     * Returns 0 when the price could never reach it (a fall below zero).
     */
    private long threshold(int i, long share) {
        int scale = scales[i];
        BigInteger numerator = BigInteger.valueOf(share).multiply(BigInteger.valueOf(Fixed.PPM));
        BigInteger denominator = BigInteger.valueOf(quantities[i]).multiply(BigInteger.valueOf(Fixed.PPM + growths[i]));
        if (scale >= 0) {
            numerator = numerator.multiply(BigInteger.TEN.pow(scale));
        } else {
            denominator = denominator.multiply(BigInteger.TEN.pow(-scale));
        }
        BigInteger delta = numerator.divide(denominator);
        long price = prices[i];
        if (onFall[i]) {
            return delta.compareTo(BigInteger.valueOf(price)) >= 0 ? 0 : price - delta.longValueExact();
        }
        long room = Long.MAX_VALUE / 2 - price;
        return delta.compareTo(BigInteger.valueOf(room)) >= 0 ? Long.MAX_VALUE / 2 : price + delta.longValueExact();
    }

    private void ensureRoom(int n) {
        if (n > instruments.length) {
            int size = Math.max(n, instruments.length * 2);
            instruments = Arrays.copyOf(instruments, size);
            thresholds = Arrays.copyOf(thresholds, size);
            onFall = Arrays.copyOf(onFall, size);
            quantities = Arrays.copyOf(quantities, size);
            prices = Arrays.copyOf(prices, size);
            values = Arrays.copyOf(values, size);
            scales = Arrays.copyOf(scales, size);
            growths = Arrays.copyOf(growths, size);
        }
    }
}
