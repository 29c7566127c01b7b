import { describe, expect, it } from 'vitest';
import { createGeometry } from '../../src/layout/geometry';
import { pickTarget, rayBox, type Ray } from '../../src/selection/pick';
import { describeTarget } from '../../src/selection/describe';
import { EN, ZH_CN } from '../../src/ui/strings';
import { createSimulation, stepSimulation } from '../../src/sim/simulation';
import { loadLayout } from '../sim/support';

const g = createGeometry(loadLayout('default'));
const board = { zM: 13, minX: -3, maxX: 3, minY: 2, maxY: 4 };

describe('rayBox', () => {
  it('hits a box in front, misses one beside, and ignores one behind', () => {
    const ray: Ray = { origin: [0, 0, 0], direction: [0, 0, 1] };
    expect(rayBox(ray, [-1, -1, 4], [1, 1, 6])).toBe(4);
    expect(rayBox(ray, [2, -1, 4], [3, 1, 6])).toBe(Infinity);
    expect(rayBox(ray, [-1, -1, -6], [1, 1, -4])).toBe(Infinity);
  });
});

describe('pickTarget', () => {
  it('picks a robot in front of the viewer before the floor behind it', () => {
    const ray: Ray = { origin: [0, 1.6, -10], direction: [0, -0.3, 1] };
    const t = pickTarget(ray, g, [{ xM: 0, zM: -8 }], board);
    expect(t).toEqual({ kind: 'robot', id: 0 });
  });

  it('picks the floor point a downward ray meets when nothing stands there', () => {
    const t = pickTarget({ origin: [0, 1.6, -10], direction: [0, -1.6, 2] }, g, [], board);
    expect(t).toMatchObject({ kind: 'floor' });
    if (t?.kind === 'floor') {
      expect(t.xM).toBeCloseTo(0);
      expect(t.zM).toBeCloseTo(-8);
    }
  });

  it('picks a bin when pointing at a shelf face from the aisle', () => {
    const bin = g.bins[0]!;
    const faceX = bin.xM + (bin.side * bin.depthM) / 2;
    const from = faceX + bin.side * 0.8;
    const t = pickTarget({ origin: [from, bin.yM + 0.1, bin.zM], direction: [-bin.side, 0, 0] }, g, [], board);
    expect(t?.kind).toBe('bin');
    if (t?.kind === 'bin') expect(g.bins[t.index]!.zM).toBeCloseTo(bin.zM);
  });

  it('picks the order board above the racks', () => {
    expect(pickTarget({ origin: [0, 3, -10], direction: [0, 0, 1] }, g, [], board)).toEqual({ kind: 'board' });
  });

  it('returns null for a ray into the sky', () => {
    expect(pickTarget({ origin: [0, 1.6, -10], direction: [0, 1, 0] }, g, [], board)).toBeNull();
  });
});

describe('describeTarget', () => {
  const sim = createSimulation(g);
  for (let i = 0; i < 600; i++) stepSimulation(sim);

  it('tells a robot\u2019s task, route and battery', () => {
    const busy = sim.robots.find((r) => r.state !== 'idle') ?? sim.robots[0]!;
    const card = describeTarget(sim, { kind: 'robot', id: busy.id }, EN.card);
    expect(card.title).toBe(`Robot ${busy.id + 1}`);
    expect(card.lines[0]).toMatch(/^Task: /);
    expect(card.lines[1]).toMatch(/^Route: /);
    expect(card.lines[2]).toMatch(/^Battery: \d+ %$/);
  });

  it('tells a bin\u2019s stock and SKU', () => {
    const card = describeTarget(sim, { kind: 'bin', index: 5 }, EN.card);
    expect(card.title).toMatch(/^Bin R\d+-[WE]-U\d+-L\d+-S\d+$/);
    expect(card.lines[0]).toMatch(/^Stock: 14 × /);
  });

  it('shows the board\u2019s KPIs over time', () => {
    const card = describeTarget(sim, { kind: 'board' }, EN.card);
    expect(card.lines.join('\n')).toMatch(/Orders per hour: \d+/);
    expect(card.lines.at(-1)).toMatch(/^Trend: /);
  });

  it('speaks Simplified Chinese with the same facts', () => {
    const busy = sim.robots.find((r) => r.state !== 'idle') ?? sim.robots[0]!;
    const en = describeTarget(sim, { kind: 'robot', id: busy.id }, EN.card);
    const zh = describeTarget(sim, { kind: 'robot', id: busy.id }, ZH_CN.card);
    expect(zh.title).toBe(`机器人 ${busy.id + 1}`);
    expect(zh.lines).toHaveLength(en.lines.length);
    expect(zh.lines[2]).toBe(`电量：${Math.round(busy.battery * 100)}%`);
    expect(zh.lines.join('')).not.toMatch(/Task|Route|Battery/);
  });
});

describe('canStandAt', () => {
  it('allows aisles and refuses racks and points off the floor', async () => {
    const { canStandAt, cellCentre } = await import('../../src/layout/geometry');
    const free = g.blocked.indexOf(0);
    const rack = g.blocked.indexOf(1);
    const a = cellCentre(g, free);
    const b = cellCentre(g, rack);
    expect(canStandAt(g, a.xM, a.zM)).toBe(true);
    expect(canStandAt(g, b.xM, b.zM)).toBe(false);
    expect(canStandAt(g, 1e6, 0)).toBe(false);
    expect(canStandAt(g, Number.NaN, 0)).toBe(false);
  });
});
