import { describe, expect, it } from 'vitest';
import { meanMs, sixtyXOnPhone, summaryLines, STEP_BUDGET_MS } from '../../scripts/bench-summary.mjs';
import { STEP_BUDGET_MS as RUNNER_STEP_BUDGET_MS } from '../../src/world/sim-runner';

const report = { files: [{ groups: [{ benchmarks: [{ name: 'a 60 Hz frame (10 steps)', mean: 1.5 }] }] }] };

describe('bench summary: 60× on a throttled phone', () => {
  it('reads a benchmark by the start of its name, and names one that is missing', () => {
    expect(meanMs(report, 'a 60 Hz frame')).toBe(1.5);
    expect(() => meanMs(report, 'the worker')).toThrow(/the worker/);
  });

  it('uses the frame step budget the twin uses', () => {
    expect(STEP_BUDGET_MS).toBe(RUNNER_STEP_BUDGET_MS);
  });

  it('a batch over the step budget is relayed: the worst frame is the budget, or an answer restored', () => {
    const v = sixtyXOnPhone({ batch60Hz: 1.5, answerMs: 1.2, workerSecondMs: 100 });
    expect(v.relays).toBe(true);
    expect(v.worstFrameMs).toBeCloseTo(4.8);
    expect(v.workerCore).toBeCloseTo(0.4);
    expect(v.fits).toBe(true);
    expect(summaryLines(v).at(-1)).toContain('fits');
  });

  it('does not fit when the worker cannot keep 60× or an answer takes the frame', () => {
    expect(sixtyXOnPhone({ batch60Hz: 1.5, answerMs: 1.2, workerSecondMs: 250 }).fits).toBe(false);
    expect(sixtyXOnPhone({ batch60Hz: 1.5, answerMs: 2.5, workerSecondMs: 100 }).fits).toBe(false);
    expect(summaryLines(sixtyXOnPhone({ batch60Hz: 1.5, answerMs: 2.5, workerSecondMs: 100 })).at(-1)).toContain('does NOT fit');
  });

  it('a batch within the budget needs no worker', () => {
    const v = sixtyXOnPhone({ batch60Hz: 0.5, answerMs: 1.2, workerSecondMs: 1000 });
    expect(v).toMatchObject({ relays: false, worstFrameMs: 2, fits: true });
  });
});
