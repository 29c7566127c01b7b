import { describe, expect, it } from 'vitest';
import { parseUrlOptions } from '../../src/settings/url-options';
import { EN, ZH_CN } from '../../src/ui/strings';

describe('parseUrlOptions', () => {
  it('defaults: standard layout, budgets on, no HUD, no problems', () => {
    expect(parseUrlOptions('')).toEqual({ layout: null, budgets: 'on', hud: false, problems: [] });
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
