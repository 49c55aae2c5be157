/**
 * Pool matching: markets whose counterparty is a pool instead of a book.
 *
 * <ul>
 *   <li><b>Engine</b>: {@link io.fulcrum.amm.OraclePool}, a {@code MatchingEngine} that fills each
 *       order whole at the oracle index adjusted by a {@link io.fulcrum.amm.PoolImpact} and a spread;
 *       the venue's pool account takes the other side.
 *   <li><b>GMX v2</b> (MECHANISMS.md §3): {@link io.fulcrum.amm.PriceImpact} (usable as a
 *       {@code PoolImpact}), {@link io.fulcrum.amm.GmxFunding}, {@link io.fulcrum.amm.BorrowingFee},
 *       {@link io.fulcrum.amm.PoolValue}.
 *   <li><b>Avantis</b> (§4): {@link io.fulcrum.amm.SkewFeeTable}, {@link io.fulcrum.amm.ZeroFeePerp},
 *       {@link io.fulcrum.amm.LossRebate}, {@link io.fulcrum.amm.PoolLiquidation},
 *       {@link io.fulcrum.amm.OpenInterestCaps}.
 *   <li><b>Liquidity providers</b>: {@link io.fulcrum.amm.LiquidityPool} (shares priced at pool value
 *       with separate deposit and withdrawal PnL caps), {@link io.fulcrum.amm.PoolTranche} (a
 *       first-loss insurance tranche), {@link io.fulcrum.amm.LpPnlReport} (per-period attribution).
 *   <li><b>Virtual AMM</b>: {@link io.fulcrum.amm.VirtualAmm} (x·y = k with peg, repeg and
 *       k-adjustment costs, mark-vs-index funding).
 * </ul>
 */
package io.fulcrum.amm;
