package io.fulcrum.amm;

import io.fulcrum.api.AssetId;
import io.fulcrum.api.Fixed;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A main pool with a first-loss insurance tranche in front of it, each a {@link LiquidityPool} with its own shares.
 * The insurance tranche holds a single asset (the settlement stablecoin) and earns a premium: a configured part of
 * every fee in that asset. In return it pays traders' profits first, up to what its LPs own, and the main pool pays
 * the rest; traders' losses first repay the insurance tranche what it has paid and not yet recovered (its
 * deficit), then go to the main pool. This is the junior/senior split of Avantis' vault and the loss waterfall of
 * MECHANISMS.md §9 (the first tranche absorbs, the next pays what it cannot).
 *
 * <p>Example: insurance 10,000 USDC, main 100,000 USDC, insurance fee share 30 %. A fee of 1,000 (both tranches keep
 * 100 %) gives 300 to insurance, 700 to main. A trader profit of 25,000 exhausts insurance (10,000 + 300 = 10,300)
 * and the main pool pays 14,700; a later trader loss of 4,000 goes entirely to insurance (deficit 10,300 → 6,300).
 *
 * <p>Unrealised PnL is split the same way in {@link #mark}: the insurance tranche is marked with the traders' net
 * profit up to the value its LPs own, the main pool with the rest. Deposits and withdrawals go to {@link #main()} or
 * {@link #insurance()} directly; fees, trader PnL and marks must come through this class so that the split holds.
 */
public final class PoolTranche {
    private final LiquidityPool main;
    private final LiquidityPool insurance;
    private final long insuranceFeeSharePpm;
    private final AssetId insuranceAsset;
    private long insuranceDeficit;

    private PoolTranche(LiquidityPool main, LiquidityPool insurance, long insuranceFeeSharePpm, long deficit) {
        this.main = Objects.requireNonNull(main, "main");
        this.insurance = Objects.requireNonNull(insurance, "insurance");
        if (main == insurance) {
            throw new IllegalArgumentException("main and insurance must be different pools");
        }
        if (insuranceFeeSharePpm < 0 || insuranceFeeSharePpm > Fixed.PPM) {
            throw new IllegalArgumentException("insuranceFeeSharePpm must be in [0, 1,000,000]: " + insuranceFeeSharePpm);
        }
        LpPoolSpec ins = insurance.spec();
        if (ins.assets().size() != 1) {
            throw new IllegalArgumentException("the insurance tranche must hold exactly one asset: " + ins.assets());
        }
        if (ins.depositPnlCapPpm() != Fixed.PPM || ins.withdrawalPnlCapPpm() != Fixed.PPM) {
            throw new IllegalArgumentException("the insurance tranche's PnL caps must be 1,000,000 ppm (it bears losses"
                    + " up to its whole value): " + ins.depositPnlCapPpm() + "/" + ins.withdrawalPnlCapPpm());
        }
        this.insuranceAsset = ins.assets().get(0).id();
        if (main.spec().indexOf(insuranceAsset) < 0) {
            throw new IllegalArgumentException("the main pool must hold the insurance asset " + insuranceAsset);
        }
        if (deficit < 0) {
            throw new IllegalArgumentException("insuranceDeficit must be non-negative: " + deficit);
        }
        this.insuranceFeeSharePpm = insuranceFeeSharePpm;
        this.insuranceDeficit = deficit;
    }

    /** Puts {@code insurance} in front of {@code main}; {@code insuranceFeeSharePpm} of fees go to insurance. */
    public static PoolTranche of(LiquidityPool main, LiquidityPool insurance, long insuranceFeeSharePpm) {
        return new PoolTranche(main, insurance, insuranceFeeSharePpm, 0);
    }

    /** The tranches in the state {@code state}, validated against the specs. */
    public static PoolTranche restore(LpPoolSpec mainSpec, LpPoolSpec insuranceSpec, State state) {
        Objects.requireNonNull(state, "state");
        return new PoolTranche(LiquidityPool.restore(mainSpec, state.main()),
                LiquidityPool.restore(insuranceSpec, state.insurance()), state.insuranceFeeSharePpm(),
                state.insuranceDeficit());
    }

    /** Both tranches' state as plain records. */
    public State exportState() {
        return new State(main.exportState(), insurance.exportState(), insuranceFeeSharePpm, insuranceDeficit);
    }

    /**
     * Takes a fee: in the insurance asset, the premium part to insurance and the rest to main, each then keeping its
     * LPs' share; in any other asset, all to main. Returns the treasury's total part.
     */
    public long collectFee(AssetId asset, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("fee must be positive: " + amount);
        }
        if (!asset.equals(insuranceAsset)) {
            return main.collectFee(asset, amount);
        }
        long premium = Fixed.ppm(amount, insuranceFeeSharePpm, RoundingMode.FLOOR);
        main.spec().asset(asset);
        long treasury = premium > 0 ? insurance.collectFee(asset, premium) : 0;
        return amount > premium ? treasury + main.collectFee(asset, amount - premium) : treasury;
    }

    /**
     * Pays a trader's profit: insurance first, up to what its LPs own (in the insurance asset), then main.
     *
     * @throws IllegalStateException if the two together cannot pay (nothing is paid then)
     */
    public Split payTraderProfit(AssetId asset, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("trader profit must be positive: " + amount);
        }
        long fromInsurance = asset.equals(insuranceAsset) ? Math.min(amount, insurance.available(asset)) : 0;
        long fromMain = amount - fromInsurance;
        if (fromMain > main.available(asset)) {
            throw new IllegalStateException("tranches cannot pay a profit of " + amount + " " + asset + ": insurance "
                    + fromInsurance + ", main owns " + main.available(asset));
        }
        if (fromInsurance > 0) {
            insurance.payTraderProfit(asset, fromInsurance);
            insuranceDeficit = Fixed.add(insuranceDeficit, fromInsurance);
        }
        if (fromMain > 0) {
            main.payTraderProfit(asset, fromMain);
        }
        return new Split(fromInsurance, fromMain);
    }

    /** Receives a trader's loss: first repays the insurance deficit, then goes to main. */
    public Split receiveTraderLoss(AssetId asset, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("trader loss must be positive: " + amount);
        }
        long toInsurance = asset.equals(insuranceAsset) ? Math.min(amount, insuranceDeficit) : 0;
        long toMain = amount - toInsurance;
        if (toMain > 0) {
            main.receiveTraderLoss(asset, toMain);
        }
        if (toInsurance > 0) {
            insurance.receiveTraderLoss(asset, toInsurance);
            insuranceDeficit -= toInsurance;
        }
        return new Split(toInsurance, toMain);
    }

    /**
     * Marks both tranches. The traders' net profit {@code longPnl + shortPnl}, if positive, is borne by insurance up
     * to the value its LPs own at the new prices, taken off the long side first, then the short side, for main;
     * pending fees are split like fees.
     */
    public void mark(LpMarks marks) {
        Objects.requireNonNull(marks, "marks");
        LpAsset asset = insurance.spec().assets().get(0);
        long insuranceValue = asset.valueOf(insurance.available(insuranceAsset), marks.price(insuranceAsset),
                RoundingMode.FLOOR);
        long net = Fixed.add(marks.longPnl(), marks.shortPnl());
        long borne = Math.max(0, Math.min(net, insuranceValue));
        long offLong = Math.min(borne, Math.max(marks.longPnl(), 0));
        long offShort = borne - offLong;
        long premium = Fixed.ppm(marks.pendingFees(), insuranceFeeSharePpm, RoundingMode.FLOOR);
        LpMarks forMain = marks.withTraders(marks.longPnl() - offLong, marks.shortPnl() - offShort,
                marks.pendingFees() - premium);
        LpMarks forInsurance = marks.withTraders(borne, 0, premium);
        main.spec().assets().forEach(a -> forMain.price(a.id()));
        main.mark(forMain);
        insurance.mark(forInsurance);
    }

    /** The main (senior) pool. */
    public LiquidityPool main() {
        return main;
    }

    /** The insurance (first-loss) tranche. */
    public LiquidityPool insurance() {
        return insurance;
    }

    /** Profits paid by insurance and not yet repaid by traders' losses, in units of the insurance asset. */
    public long insuranceDeficit() {
        return insuranceDeficit;
    }

    /**
     * How an amount was divided between the tranches.
     *
     * @param insurance the insurance tranche's part
     * @param main the main pool's part
     */
    public record Split(long insurance, long main) {}

    /**
     * Both tranches as plain records.
     *
     * @param main the main pool
     * @param insurance the insurance tranche
     * @param insuranceFeeSharePpm the insurance tranche's part of fees, ppm
     * @param insuranceDeficit profits paid by insurance not yet repaid
     */
    public record State(LpState main, LpState insurance, long insuranceFeeSharePpm, long insuranceDeficit) {
        public State {
            Objects.requireNonNull(main, "main");
            Objects.requireNonNull(insurance, "insurance");
        }
    }
}
