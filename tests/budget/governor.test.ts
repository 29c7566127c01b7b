import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../../src/budget/budgets';
import { budgetMsOf, createGovernor, createLadder, updateGovernor, type QualityStep } from '../../src/budget/governor';

const ladder = createLadder(BUDGETS['quest-3']);

/**
 * Runs a synthetic headset: each frame costs `load(t)` ms at the top rung,
 * scaled by the current rung's cost factor; frames come at the display rate
 * or slower when they run over. Records the level over time.
 */
function simulate(load: (tMs: number) => number, seconds: number, steps: readonly QualityStep[] = ladder) {
  const g = createGovernor(steps);
  const changes: number[] = [];
  const trace: Array<{ t: number; level: number; frameMs: number; budgetMs: number }> = [];
  for (let t = 0; t < seconds * 1000; ) {
    const step = steps[g.level]!;
    const frameMs = load(t) * step.costFactor;
    const budgetMs = budgetMsOf(step);
    trace.push({ t, level: g.level, frameMs, budgetMs });
    t += Math.max(frameMs, budgetMs);
    if (updateGovernor(g, steps, frameMs, t) !== null) changes.push(t);
  }
  return { g, changes, trace };
}

const overBudget = (e: { frameMs: number; budgetMs: number }) => e.frameMs > e.budgetMs;

describe('quality ladder', () => {
  it('goes foveation, resolution, LOD, effects, and the frame rate last', () => {
    expect(ladder.map((s) => s.name)).toEqual(['full', 'foveation high', 'resolution 85 %', 'resolution 70 %', 'LOD bias 1.6', 'effects off', '72 Hz']);
    expect(ladder.at(-1)!.targetHz).toBe(72);
    for (let i = 1; i < ladder.length; i++) expect(ladder[i]!.costFactor).toBeLessThanOrEqual(ladder[i - 1]!.costFactor);
  });

  it('has no foveation rung where the device has none', () => {
    expect(createLadder(BUDGETS['phone-mid']).some((s) => s.name.startsWith('foveation'))).toBe(false);
  });
});

describe('quality governor', () => {
  it('step load: back within budget within 1 s of the step', () => {
    const stepAt = 3000;
    const { trace } = simulate((t) => (t < stepAt ? 8 : 14), 8);
    const late = trace.filter((e) => e.t > stepAt + 1000);
    expect(late.length).toBeGreaterThan(100);
    expect(late.filter(overBudget)).toEqual([]);
  });

  it('never changes more than once per second', () => {
    const { changes } = simulate((t) => 6 + (t / 1000) * 1.2, 12); // a ramp from 6 to 20 ms
    expect(changes.length).toBeGreaterThan(1);
    for (let i = 1; i < changes.length; i++) expect(changes[i]! - changes[i - 1]!).toBeGreaterThanOrEqual(1000);
  });

  it('ignores a single spike', () => {
    const { changes } = simulate((t) => (t > 2000 && t < 2012 ? 60 : 8), 5);
    expect(changes).toEqual([]);
  });

  it('climbs back after the load ends', () => {
    const { g, trace } = simulate((t) => (t > 1000 && t < 4000 ? 15 : 7), 14);
    expect(Math.max(...trace.map((e) => e.level))).toBeGreaterThan(0);
    expect(g.level).toBe(0);
  });

  it('does not ping-pong under an oscillating load', () => {
    const { changes } = simulate((t) => (Math.floor(t / 500) % 2 ? 13 : 6), 20);
    for (let i = 1; i < changes.length; i++) expect(changes[i]! - changes[i - 1]!).toBeGreaterThanOrEqual(1000);
    expect(changes.length).toBeLessThanOrEqual(4);
  });

  it('never goes below the floor, even under hopeless load', () => {
    const { g, trace } = simulate(() => 200, 10);
    expect(g.level).toBe(ladder.length - 1);
    expect(Math.max(...trace.map((e) => e.level))).toBe(ladder.length - 1);
    const floored = createGovernor(ladder, 3);
    for (let t = 0; t < 10_000; t += 20) updateGovernor(floored, ladder, 200, t);
    expect(floored.level).toBe(3);
  });

  it('ignores nonsense frame times', () => {
    const g = createGovernor(ladder);
    for (const bad of [Number.NaN, -1, 0, Infinity]) expect(updateGovernor(g, ladder, bad, 5000)).toBeNull();
    expect(g.window).toEqual([]);
  });
});
