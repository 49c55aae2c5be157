package io.fulcrum.margin;

import io.fulcrum.api.MarketId;
import io.fulcrum.api.spi.InsuranceClaim;
import io.fulcrum.api.spi.InsuranceFund;
import java.util.Objects;

/**
 * The policy behind {@link InsuranceFunds#withBlockCaps}: {@code base}'s routing, fee shares and
 * draw, cut to what is left this block of a cap per account and a cap per fund (dYdX v4's "max
 * insurance lost" per subaccount per block, MECHANISMS.md §2.3). Example: base draw 1,500,000,
 * per-account cap 1,000,000 of which the account used 700,000 this block → 300,000.
 */
record BlockCappedInsuranceFund(InsuranceFund base, long perAccountPerBlock, long perFundPerBlock)
        implements InsuranceFund {
    BlockCappedInsuranceFund {
        Objects.requireNonNull(base, "base");
    }

    @Override
    public String fundFor(MarketId market) {
        return base.fundFor(Objects.requireNonNull(market, "market"));
    }

    @Override
    public long drawFor(InsuranceClaim claim) {
        long draw = base.drawFor(claim);
        long accountLeft = InsuranceDraw.remainingCap(perAccountPerBlock, claim.drawnByAccountThisBlock());
        long fundLeft = InsuranceDraw.remainingCap(perFundPerBlock, claim.drawnFromFundThisBlock());
        return Math.max(0, Math.min(draw, Math.min(accountLeft, fundLeft)));
    }

    @Override
    public long feeSharePpm(MarketId market) {
        return base.feeSharePpm(Objects.requireNonNull(market, "market"));
    }

    /** Example: {@code InsuranceFunds.withBlockCaps(InsuranceFunds[...], per account 1000000000000, per fund no cap)}. */
    @Override
    public String toString() {
        return "InsuranceFunds.withBlockCaps(" + base + ", per account " + cap(perAccountPerBlock) + ", per fund "
                + cap(perFundPerBlock) + ")";
    }

    private static String cap(long cap) {
        return cap == InsuranceDraw.NO_CAP ? "no cap" : Long.toString(cap);
    }
}
