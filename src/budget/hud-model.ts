/**
 * What the perf HUD shows, computed from the frame-statistics ring and the
 * budget: percentiles, the share of frames over budget, and the frame-time
 * graph scaled so the budget line sits at a fixed height. Pure.
 */
import { frameMsPercentiles, frameSamplesMs, type FramePercentiles, type FrameStats } from './frame-stats';

/** The HUD's numbers and graph. */
export interface HudModel extends FramePercentiles {
  /** Share of frames over the budget, 0..1. */
  overBudgetShare: number;
  budgetMs: number;
  /** Frame times oldest first, each as a height 0..1 where the budget line is at `budgetLevel`. */
  graph: number[];
  /** Height of the budget line, 0..1. */
  budgetLevel: number;
}

/** Budget line height in the graph: room above it to show overruns. */
const BUDGET_LEVEL = 0.5;

/** Builds the HUD model from the frames held and the frame budget in ms. */
export function createHudModel(frames: FrameStats, budgetMs: number): HudModel {
  const samples = frameSamplesMs(frames);
  let over = 0;
  for (const ms of samples) if (ms > budgetMs) over++;
  const scale = BUDGET_LEVEL / budgetMs;
  return {
    ...frameMsPercentiles(frames),
    overBudgetShare: samples.length ? over / samples.length : 0,
    budgetMs,
    graph: Array.from(samples, (ms) => Math.min(1, ms * scale)),
    budgetLevel: BUDGET_LEVEL,
  };
}
