/**
 * The quality governor: a pure closed loop from frame times to a quality
 * level. Over budget, it steps down a ladder (foveation up, resolution
 * down, LOD bias up, costly effects off, and last the frame rate); with
 * headroom it climbs back, and on a row with a boost rate (Quest 3's
 * 120 Hz) above its home rung. One change per second at most, a slower
 * climb than descent (hysteresis), a spike-proof percentile, and a floor.
 */
import { frameBudgetMsAt, type Budget } from './budgets';
import { recentPercentile, type FrameStats } from './frame-stats';

/** One rung of the quality ladder. */
export interface QualityStep {
  name: string;
  /** Fixed foveation 0..1, or null where the device has none. */
  foveation: number | null;
  /** Render resolution as a share of native. */
  resolutionScale: number;
  /** Multiplies LOD distances' effect (>1: coarser sooner). */
  lodBias: number;
  /** Whether costly effects (anti-aliasing, shadows) are on. */
  effects: boolean;
  targetHz: number;
  /** Estimated frame cost relative to the top rung (used to choose how far to step). */
  costFactor: number;
  /** A rung above the row's own rate, reached only with headroom (the governor starts below it). */
  boost?: boolean;
}

/** The rung at `level`, clamped to the ladder (a ladder always has full quality, so it is never empty). */
export function rungOf(ladder: readonly QualityStep[], level: number): QualityStep {
  const step = ladder[Math.max(0, Math.min(ladder.length - 1, level))];
  if (!step) throw new Error('a quality ladder has at least one rung');
  return step;
}

/** Builds the ladder for a budget, best first; the last rung is the floor. */
export function createLadder(b: Budget): QualityStep[] {
  const hz = b.targetHz;
  const fov = b.foveation;
  const res = b.resolutionScale;
  const full: QualityStep = { name: 'full', foveation: fov?.min ?? null, resolutionScale: res.max, lodBias: 1, effects: true, targetHz: hz, costFactor: 1 };
  // The boost rate: the same picture, more frames; the first thing given back.
  const boost: QualityStep[] = b.boostHz !== null && b.boostHz > hz ? [{ ...full, name: `${b.boostHz} Hz`, targetHz: b.boostHz, boost: true }] : [];
  const steps: QualityStep[] = [...boost, full];
  const push = (name: string, change: Partial<QualityStep>, costScale: number) => {
    const prev = steps.at(-1) ?? full;
    steps.push({ ...prev, ...change, name, costFactor: prev.costFactor * costScale });
  };
  // Fixed foveation saves fill rate at the edges of the lenses (roughly 10–15 %).
  if (fov && fov.max > fov.min) push('foveation high', { foveation: fov.max }, 0.88);
  // Pixel cost scales with the square of the resolution scale.
  const mid = Math.max(res.min, Math.round(res.max * 0.85 * 100) / 100);
  if (mid < res.max) push(`resolution ${Math.round(mid * 100)} %`, { resolutionScale: mid }, (mid / res.max) ** 2);
  if (res.min < mid) push(`resolution ${Math.round(res.min * 100)} %`, { resolutionScale: res.min }, (res.min / mid) ** 2);
  push('LOD bias 1.6', { lodBias: 1.6 }, 0.85);
  push('effects off', { effects: false }, 0.9);
  for (const lower of b.fallbackHz.filter((f) => f < hz)) push(`${lower} Hz`, { targetHz: lower }, 1);
  return steps;
}

/** Tuning of the loop. */
export interface GovernorOptions {
  /** Frames in the measuring window. @default 30 */
  windowFrames: number;
  /** Percentile of the window compared to the budget. @default 90 */
  percentile: number;
  /** Over budget means the percentile exceeds budget × this. @default 1.05 */
  overRatio: number;
  /** Headroom means the percentile stays under budget × this. @default 0.7 */
  headroomRatio: number;
  /** Least time between two changes, in ms. @default 1000 */
  cooldownMs: number;
  /** Headroom must last this long before climbing, in ms. @default 2000 */
  climbAfterMs: number;
  /** Time after a change before measuring again (the change takes effect), in ms. @default 150 */
  settleMs: number;
}

export const DEFAULT_GOVERNOR: GovernorOptions = {
  windowFrames: 30,
  percentile: 90,
  overRatio: 1.05,
  headroomRatio: 0.7,
  cooldownMs: 1000,
  climbAfterMs: 2000,
  settleMs: 150,
};

/** The governor's state: plain data. */
export interface GovernorState {
  level: number;
  /** Lowest level it may use (the floor is the last rung unless set higher). */
  floor: number;
  lastChangeMs: number;
  headroomSinceMs: number | null;
  /** Frames measured since the last change settled (the window is the most recent of them). */
  since: number;
  /** Room for the window's percentile, allocated once. */
  scratch: Float64Array;
}

/** The home rung: full quality at the row's own rate (below any boost rung). */
export const homeLevel = (ladder: readonly QualityStep[]): number => ladder.filter((s) => s.boost).length;

/** Starts at the home rung. */
export function createGovernor(ladder: readonly QualityStep[], floor = ladder.length - 1, o: GovernorOptions = DEFAULT_GOVERNOR): GovernorState {
  return {
    level: homeLevel(ladder),
    floor: Math.min(floor, ladder.length - 1),
    lastChangeMs: Number.NEGATIVE_INFINITY,
    headroomSinceMs: null,
    since: 0,
    scratch: new Float64Array(o.windowFrames),
  };
}

/** The frame budget of a rung, in ms. */
export const budgetMsOf = (step: QualityStep) => frameBudgetMsAt(step.targetHz);

/**
 * Called once a frame has been recorded in `frames` (the one frame ring the
 * HUD and the diagnostics read too), at time `nowMs`; returns the new level
 * when it changes, else null. The window is the most recent frames since
 * the last change settled; frames during the settling time are not counted.
 */
export function updateGovernor(
  s: GovernorState,
  ladder: readonly QualityStep[],
  frames: FrameStats,
  nowMs: number,
  o: GovernorOptions = DEFAULT_GOVERNOR,
): number | null {
  if (nowMs - s.lastChangeMs < o.settleMs) {
    s.since = 0;
    return null;
  }
  s.since = Math.min(s.since + 1, o.windowFrames);
  if (s.since < Math.ceil(o.windowFrames / 2)) return null;
  const step = rungOf(ladder, s.level);
  const budget = budgetMsOf(step);
  const p = recentPercentile(frames, s.since, o.percentile, s.scratch);
  const canChange = nowMs - s.lastChangeMs >= o.cooldownMs;

  if (p > budget * o.overRatio) {
    s.headroomSinceMs = null;
    if (!canChange || s.level >= s.floor) return null;
    // Step as far as the measured overload needs, in one change.
    let next = s.level + 1;
    while (next < s.floor && (p * rungOf(ladder, next).costFactor) / step.costFactor > budgetMsOf(rungOf(ladder, next)) * 0.9) next++;
    return change(s, next, nowMs);
  }
  if (p < budget * o.headroomRatio && s.level > 0) {
    s.headroomSinceMs ??= nowMs;
    const up = rungOf(ladder, s.level - 1);
    const predicted = (p * up.costFactor) / step.costFactor;
    if (nowMs - s.headroomSinceMs >= o.climbAfterMs && canChange && predicted < budgetMsOf(up) * 0.85) return change(s, s.level - 1, nowMs);
    return null;
  }
  s.headroomSinceMs = null;
  return null;
}

function change(s: GovernorState, level: number, nowMs: number): number {
  s.level = level;
  s.lastChangeMs = nowMs;
  s.headroomSinceMs = null;
  s.since = 0;
  return level;
}
