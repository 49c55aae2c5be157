/**
 * Margin models and the policies around them, in exact {@code long} arithmetic that rounds in the
 * venue's favour: {@link io.fulcrum.margin.CrossMargin} (dYdX-v4-style cross margin with tiered
 * maintenance), {@link io.fulcrum.margin.HaircutCollateral} (what holdings count for),
 * {@link io.fulcrum.margin.FlatFeeSchedule} (maker/taker fees and rebates) and
 * {@link io.fulcrum.margin.FullCloseLiquidation} (close everything within a price band).
 *
 * <p>Section numbers such as "MECHANISMS.md §2.2" refer to the project's mechanism reference,
 * which gives the source and worked numbers for each mechanism.
 */
package io.fulcrum.margin;
