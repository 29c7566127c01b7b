import { describe, expect, it } from 'vitest';
import { parseUrlOptions } from '../../src/settings/url-options';
import { EN, ZH_CN } from '../../src/ui/strings';

describe('parseUrlOptions', () => {
  it('defaults: standard layout, budgets on, no HUD, no problems', () => {
    expect(parseUrlOptions('')).toEqual({ layout: null, budgets: 'on', hud: false, seed: null, problems: [] });
  });

  it.each(['off', 'OFF', '0', 'false', 'no'])('budgets=%s turns budgets off', (v) => {
    expect(parseUrlOptions(`?budgets=${v}`).budgets).toBe('off');
  });

  it('an odd budgets value keeps budgets on and says so', () => {
    const o = parseUrlOptions('?budgets=maybe');
    expect(o.budgets).toBe('on');
    expect(o.problems).toEqual([{ param: 'budgets', value: 'maybe' }]);
    expect(o.problems.map(EN.urlProblem)).toEqual(['budgets=maybe is not understood (use budgets=off); budgets stay on.']);
    expect(ZH_CN.urlProblem(o.problems[0]!)).toContain('budgets=maybe');
  });

  it('hud as a bare flag or with a value', () => {
    expect(parseUrlOptions('?hud').hud).toBe(true);
    expect(parseUrlOptions('?hud=1').hud).toBe(true);
    expect(parseUrlOptions('?hud=off').hud).toBe(false);
    expect(parseUrlOptions('?hud=%F0%9F%A4%94').problems).toHaveLength(1);
  });

  it("seed: a whole number in a layout seed's range; anything else says so and keeps the layout's", () => {
    expect(parseUrlOptions('?seed=42').seed).toBe(42);
    expect(parseUrlOptions('?seed=%2042%20').seed).toBe(42);
    expect(parseUrlOptions('?seed=4294967295').seed).toBe(4294967295);
    for (const bad of ['-1', '1.5', 'abc', '4294967296', '', '1e3']) {
      const o = parseUrlOptions(`?seed=${bad}`);
      expect(o.seed, bad).toBeNull();
      expect(o.problems, bad).toEqual([{ param: 'seed', value: bad }]);
    }
    expect(EN.urlProblem({ param: 'seed', value: 'abc' })).toContain("the layout's own seed is used");
    expect(ZH_CN.urlProblem({ param: 'seed', value: 'abc' })).toContain('种子');
  });

  it('trims the layout name and treats an empty one as the standard layout', () => {
    expect(parseUrlOptions('?layout=%20small%20').layout).toBe('small');
    expect(parseUrlOptions('?layout=').layout).toBeNull();
  });

  it('never throws on malformed escapes and truncates what it echoes', () => {
    const o = parseUrlOptions(`?budgets=${'x'.repeat(500)}&layout=%E0%A4%A`);
    expect(EN.urlProblem(o.problems[0]!).length).toBeLessThan(120);
    expect(typeof o.layout).toBe('string');
  });
});
