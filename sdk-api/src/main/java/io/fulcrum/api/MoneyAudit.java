package io.fulcrum.api;

import java.util.List;

/**
 * Proof that a venue has created or lost no money: for each asset, what came in net of what
 * went out equals what the venue's books hold.
 *
 * <p>For the settlement asset: {@code netDeposits = Σ balances − Σ position cost bases + fee
 * pool + lending pool + funding pool + insurance funds} (the lending pool goes negative by every loan paid out and
 * back up by every repayment; interest is owed, not moved, until it is repaid; the funding pool
 * holds what positions have settled of their funding and not yet been paid out to the other
 * side, and, once everyone has settled, the rounding the venue keeps). Cost bases enter because a fill moves cash between two accounts' cost bases before any
 * PnL is realised: a long bought for 100 and a short sold for 100 hold +100 and −100. For other
 * assets: {@code netDeposits = Σ balances}.
 *
 * <p>Example: A deposits 1,000 and B 1,000; A buys 1 @ 100 from B paying a fee of 1: balances
 * 999 + 1,000, cost bases +100 − 100, fee pool 1; 1,999 − 0 + 1 = 2,000. Conserved.
 *
 * @param lines one line per asset, ordered by asset
 */
public record MoneyAudit(List<Line> lines) {
    /**
     * One asset's books.
     *
     * @param asset the asset
     * @param netDeposits deposits minus withdrawals
     * @param balances the sum of all accounts' balances
     * @param costBases the sum of all positions' signed cost bases (settlement asset only)
     * @param feePool fees collected (settlement asset only)
     * @param lendingPool the venue's lending cash: repayments minus loans paid out (settlement
     *     asset only; negative while loans are out)
     * @param fundingPool funding and socialised losses settled by payers minus what was paid out
     *     to receivers and bankrupt accounts (settlement asset only)
     * @param insuranceFunds the insurance funds' balances, in all (settlement asset only)
     */
    public record Line(AssetId asset, long netDeposits, long balances, long costBases, long feePool,
            long lendingPool, long fundingPool, long insuranceFunds) {
        /** True if the line balances to the unit. */
        public boolean isConserved() {
            return netDeposits == balances - costBases + feePool + lendingPool + fundingPool + insuranceFunds;
        }
    }

    public MoneyAudit {
        lines = List.copyOf(lines);
    }

    /** True if every asset's line balances to the unit. */
    public boolean isConserved() {
        return lines.stream().allMatch(Line::isConserved);
    }
}
