/**
 * Margin models and the mechanisms around them, in exact {@code long} arithmetic that rounds in
 * the venue's favour.
 *
 * <ul>
 *   <li><b>Models</b> ({@code MarginModel}): {@link io.fulcrum.margin.CrossMargin} (one account
 *       value backs every position; tiered maintenance with the cumulative deduction, chosen
 *       leverage, resting orders at their worst fills, loans, guards' margin scale),
 *       {@link io.fulcrum.margin.PortfolioMargin} (scenario grids: SPAN-like and Hyperliquid-like
 *       presets, {@link io.fulcrum.margin.ScenarioGrid}, {@link io.fulcrum.margin.CorrelationGroup}s
 *       with offset credits, spot and perps netted per underlying, §6) and
 *       {@link io.fulcrum.margin.UnifiedMarginRatio} (Binance's uniMMR with its
 *       {@link io.fulcrum.margin.UnifiedMarginStatus} bands, §5.4). Isolated margin is a
 *       sub-account in an isolated mode ({@code Command.SetMarginMode}), evaluated by the same model.
 *   <li><b>Collateral and fees</b>: {@link io.fulcrum.margin.HaircutCollateral} with
 *       {@link io.fulcrum.margin.HaircutTier}s (value above a threshold counts at a lower ratio),
 *       {@link io.fulcrum.margin.FlatFeeSchedule}.
 *   <li><b>Formulas</b>: {@link io.fulcrum.margin.LiquidationPrice} (Hyperliquid; Binance one-way,
 *       hedge and cross, rounded so the venue is never late), {@link io.fulcrum.margin.OpenInterestMargin}
 *       (dYdX's open-interest-scaled initial margin), {@link io.fulcrum.margin.MarginTransition}
 *       (dYdX's rule for changes under initial margin), {@link io.fulcrum.margin.Leverage} and
 *       {@link io.fulcrum.margin.TransferRule} (Hyperliquid's withdrawal floor).
 *   <li><b>Liquidation</b>: {@link io.fulcrum.margin.FullCloseLiquidation} and
 *       {@link io.fulcrum.margin.ThresholdIndex}, the {@code HealthIndex} that lets a venue
 *       re-examine after a price move only the accounts the move can have pushed below
 *       maintenance; the exact mechanics {@link io.fulcrum.margin.DydxLiquidationMath},
 *       {@link io.fulcrum.margin.HyperliquidLiquidationRule},
 *       {@link io.fulcrum.margin.PartialLiquidationSize}, {@link io.fulcrum.margin.LiquidationPenalty}
 *       and {@link io.fulcrum.margin.InsuranceDraw} (§1.4, §2.3–2.4, §9);
 *       {@link io.fulcrum.margin.CollateralLossMargin} (Avantis: liquidated at 85 % of collateral lost).
 *   <li><b>Liquidation policies and insurance</b>: {@link io.fulcrum.margin.PartialLiquidation},
 *       {@link io.fulcrum.margin.HyperliquidLiquidation}, {@link io.fulcrum.margin.DydxLiquidation},
 *       {@link io.fulcrum.margin.InsuranceFunds} (shared, per market, per group, capped).
 *   <li><b>Dynamic risk</b>: {@link io.fulcrum.margin.RiskControls} ({@code RiskControl}s).
 *   <li><b>Auto-deleveraging</b>: {@link io.fulcrum.margin.AdlRankings} (Hyperliquid, BitMEX and
 *       Binance scores, dYdX's seeded rotation; §1.5, §2.4, §5.3).
 *   <li><b>Funding</b>: {@link io.fulcrum.margin.PremiumIndex}, {@link io.fulcrum.margin.PremiumAverage},
 *       {@link io.fulcrum.margin.ClampedFunding}, {@link io.fulcrum.margin.DydxFunding},
 *       {@link io.fulcrum.margin.VelocityFunding}, {@link io.fulcrum.margin.DriftFunding},
 *       {@link io.fulcrum.margin.KinkedRate} and {@link io.fulcrum.margin.SocialisedLoss} (§1.1,
 *       §2.5, §3.3, §5.2, §7, §9); {@link io.fulcrum.margin.FundingModels}, the ones a venue runs.
 * </ul>
 *
 * <p>Section numbers such as "MECHANISMS.md §2.2" refer to the project's mechanism reference,
 * which gives the source and worked numbers for each mechanism.
 */
package io.fulcrum.margin;
