/**
 * Pool matching: markets whose counterparty is a pool instead of a book.
 *
 * <ul>
 *   <li><b>Engines</b>: {@link io.fulcrum.amm.OraclePool}, a {@code MatchingEngine} that fills each
 *       order whole at the oracle index adjusted by a {@link io.fulcrum.amm.PoolImpact}, a spread and
 *       an {@link io.fulcrum.amm.OracleConfidence}; {@link io.fulcrum.amm.VirtualAmmPool}, an x·y = k
 *       curve the venue can re-tune. The venue's pool vault takes the other side.
 *   <li><b>Pool fee rules</b> ({@code PoolFeeRule}): {@link io.fulcrum.amm.GmxPositionFees},
 *       {@link io.fulcrum.amm.AvantisFees}; and an {@code OpenInterestLimit},
 *       {@link io.fulcrum.amm.OpenInterestCaps}.
 *   <li><b>GMX v2</b> (MECHANISMS.md §3): {@link io.fulcrum.amm.PriceImpact} (usable as a
 *       {@code PoolImpact}), {@link io.fulcrum.amm.GmxFunding}, {@link io.fulcrum.amm.BorrowingFee},
 *       {@link io.fulcrum.amm.PoolValue}.
 *   <li><b>Avantis</b> (§4): {@link io.fulcrum.amm.SkewFeeTable}, {@link io.fulcrum.amm.ZeroFeePerp},
 *       {@link io.fulcrum.amm.LossRebate}, {@link io.fulcrum.amm.PoolLiquidation}.
 *   <li><b>Liquidity providers</b>, stand-alone: {@link io.fulcrum.amm.LiquidityPool} (shares priced
 *       at pool value with separate deposit and withdrawal PnL caps), {@link io.fulcrum.amm.PoolTranche}
 *       (a first-loss insurance tranche), {@link io.fulcrum.amm.LpPnlReport} (per-period attribution).
 *   <li><b>Virtual AMM</b>: {@link io.fulcrum.amm.VirtualAmm} (x·y = k with peg, repeg and
 *       k-adjustment costs, mark-vs-index funding).
 * </ul>
 */
package io.fulcrum.amm;
