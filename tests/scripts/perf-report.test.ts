import { describe, expect, it } from 'vitest';
import { floorRatio, renderReport } from '../../e2e/perf/report';

describe('perf report: start-up against the Babylon floor', () => {
  it('gives the ratio of the medians and the median of the pairs, which a slow spell moves less', () => {
    // The third pair ran in a slow spell of the machine: both pages took longer.
    const f = { scenario: 'phone-mid', floorMs: [2000, 2100, 3000, 2050, 2020], appMs: [2200, 2300, 3300, 2250, 2400] };
    const r = floorRatio(f);
    expect(r.ofMedians).toBeCloseTo(2300 / 2050, 6);
    // Pairs: 1.100, 1.095, 1.100, 1.098, 1.188.
    expect(r.ofPairs).toBeCloseTo(1.1, 6);
  });

  it('states both ratios and the goal in the report', () => {
    const html = renderReport([], 'now', { scenario: 'phone-mid', floorMs: [2000, 2000, 2000], appMs: [2400, 2400, 2400] });
    expect(html).toContain('Chasm ÷ floor: 1.20× of the medians, 1.20× the median pair (goal: at most 1.15×)');
  });
});
