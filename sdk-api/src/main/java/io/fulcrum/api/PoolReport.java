package io.fulcrum.api;

import java.util.List;
import java.util.Objects;

/**
 * The state of a pool vault (the liquidity behind one pool market, or shared by several) and
 * the running totals that explain its value, all in settlement units. Two reports taken at the
 * start and end of a period give the liquidity providers' PnL for it and where it came from
 * ({@link #periodSince}): fees earned, what traders realised against the pool, the change in
 * traders' open PnL, and the revaluation of tokens other than the settlement asset.
 *
 * <p>Example: a 10,000 USDC pool earns two fees of 2.50 and a trader closes with a 100 profit:
 * token value 9,905, fees 5, traders realised 100, {@code revaluation()} 0; over that period
 * the LPs lost 95.
 *
 * @param market the market asked about
 * @param poolAccount the vault's account (owner 0), the counterparty of its fills
 * @param markets every market the vault backs
 * @param lpSupply the liquidity shares outstanding
 * @param tokenValue what the vault holds, each asset at its price (rounded down)
 * @param tradersUnrealizedPnl the traders' open PnL against the vault at mark (positive: they are up)
 * @param valueForDeposit the value deposits into the main liquidity are priced at (trader profit
 *     capped at 90 % of the tokens; with an insurance tranche, less the tranche's value)
 * @param valueForWithdrawal the value withdrawals are priced at (trader profit capped at 70 %)
 * @param reservedNotional the notional at mark of the vault's positions, which its tokens back
 * @param deposited liquidity added, valued when added
 * @param withdrawn liquidity removed, valued when removed
 * @param donated money deposited straight into the pool account, valued when deposited
 * @param feesEarned fees traders paid the vault, net of rebates it paid
 * @param fundingEarned what the vault's own position received in funding, less what it paid, plus
 *     the borrowing fees traders owe it
 * @param tradersRealizedPnl what the vault has paid out on the fills it closed, in total: its own
 *     realised PnL on its net position, negated (positive: it paid). Traders' own realised PnL
 *     differs, since the vault nets their longs against their shorts; with
 *     {@code tradersUnrealizedPnl} the two views agree on the traders' total
 * @param insuranceSupply the insurance tranche's shares outstanding (0 without a tranche)
 * @param insuranceValue the tranche's value at the withdrawal cap: its cash, less the traders' open
 *     profit it would pay first, plus what their open losses would repay it
 * @param insuranceDeficit what the tranche has paid for traders' profits and not yet recovered
 */
public record PoolReport(MarketId market, AccountId poolAccount, List<MarketId> markets, long lpSupply,
        long tokenValue, long tradersUnrealizedPnl, long valueForDeposit, long valueForWithdrawal,
        long reservedNotional, long deposited, long withdrawn, long donated, long feesEarned, long fundingEarned,
        long tradersRealizedPnl, long insuranceSupply, long insuranceValue, long insuranceDeficit) {
    public PoolReport {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(poolAccount, "poolAccount");
        markets = List.copyOf(markets);
    }

    /**
     * What the tokens' value owes to price changes of non-settlement tokens: the token value less
     * everything the running totals explain. Always 0 for a pool that holds only the settlement asset.
     */
    public long revaluation() {
        return tokenValue - (deposited - withdrawn + donated + feesEarned + fundingEarned - tradersRealizedPnl);
    }

    /**
     * Where the liquidity providers' PnL between {@code start} and this report came from.
     *
     * @throws IllegalArgumentException if {@code start} is a report on another vault
     */
    public Period periodSince(PoolReport start) {
        if (!start.poolAccount.equals(poolAccount)) {
            throw new IllegalArgumentException("reports on two vaults: " + start.poolAccount + " and " + poolAccount);
        }
        return new Period(feesEarned - start.feesEarned, fundingEarned - start.fundingEarned,
                tradersRealizedPnl - start.tradersRealizedPnl,
                tradersUnrealizedPnl - start.tradersUnrealizedPnl, revaluation() - start.revaluation(),
                (deposited - withdrawn + donated) - (start.deposited - start.withdrawn + start.donated));
    }

    /**
     * A period's attribution of the liquidity providers' PnL.
     *
     * @param fees fees earned in the period
     * @param funding funding and borrowing earned in the period
     * @param tradersRealized PnL traders realised against the vault (positive: paid by it)
     * @param tradersUnrealizedChange the change of traders' open PnL (positive: they gained)
     * @param revaluation the change of non-settlement tokens' value from their prices
     * @param netFlows liquidity added less removed, plus gifts: money, not PnL
     */
    public record Period(long fees, long funding, long tradersRealized, long tradersUnrealizedChange,
            long revaluation, long netFlows) {
        /** The liquidity providers' PnL: fees, funding and revaluation, less what traders gained. */
        public long lpPnl() {
            return fees + funding - tradersRealized - tradersUnrealizedChange + revaluation;
        }
    }
}
