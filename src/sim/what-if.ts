/**
 * What-if: the same layout and seed with another order rate or robot
 * count, run beside the baseline so the order board can show the effect.
 * Pure: a what-if is a derived layout; the twin runs it, and a second,
 * unseen simulation of the baseline in step with it.
 */
import { robotCapacity } from '../layout/geometry';
import { LIMITS, type Layout } from '../layout/schema';

/** Order-rate multipliers a person can choose. */
export const ORDER_RATES = [0.5, 0.75, 1, 1.5, 2, 3] as const;

/** A what-if as the person sets it: the layout's own values are `{ orderRate: 1, robots: null }`. */
export interface WhatIf {
  /** Multiplies the layout's orders per hour (×0.5 to ×3). */
  orderRate: number;
  /** Robots to run, or null for the layout's own count. */
  robots: number | null;
}

export const NO_WHAT_IF: WhatIf = { orderRate: 1, robots: null };

/** The robot counts a what-if may choose for this layout: 1 to as many as its front zone has homes for. */
export function robotRange(layout: Layout): { min: number; max: number } {
  return { min: Math.min(1, layout.robots.count), max: Math.max(layout.robots.count, robotCapacity(layout)) };
}

/** A what-if brought within the layout's limits: the nearest offered order rate, a robot count in range. */
export function clampWhatIf(layout: Layout, w: WhatIf): WhatIf {
  const rate = Number.isFinite(w.orderRate) ? w.orderRate : 1;
  const orderRate = ORDER_RATES.reduce<number>((best, r) => (Math.abs(r - rate) < Math.abs(best - rate) ? r : best), 1);
  const { min, max } = robotRange(layout);
  const robots = w.robots === null || !Number.isFinite(w.robots) ? null : Math.min(max, Math.max(min, Math.round(w.robots)));
  return { orderRate, robots: robots === layout.robots.count ? null : robots };
}

/** Whether a what-if changes nothing. */
export const isBaseline = (w: WhatIf): boolean => w.orderRate === 1 && w.robots === null;

/** The layout the what-if runs: the same floor, stock and seed, with its order rate and robot count. */
export function applyWhatIf(layout: Layout, w: WhatIf): Layout {
  if (isBaseline(w)) return layout;
  const perHour = Math.min(LIMITS.ordersPerHour[1], Math.max(LIMITS.ordersPerHour[0], layout.orders.perHour * w.orderRate));
  return { ...layout, robots: { ...layout.robots, count: w.robots ?? layout.robots.count }, orders: { ...layout.orders, perHour } };
}
