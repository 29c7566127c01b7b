import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseLayout, validateLayout } from '../../src/layout/validate';
import { EN, ZH_CN } from '../../src/ui/strings';

const describeProblems = EN.layoutProblems;
import { itemCount, LIMITS } from '../../src/layout/schema';

const read = (name: string) => readFileSync(`assets/layouts/${name}.json`, 'utf8');
const good = () => JSON.parse(read('default')) as Record<string, any>;

/** Applies a change to a copy of the default layout and returns the problems. */
function problemsAfter(change: (l: Record<string, any>) => void) {
  const l = good();
  change(l);
  const r = validateLayout(l);
  if (r.ok) throw new Error('expected the layout to be rejected');
  return r.problems;
}

describe('shipped layouts', () => {
  it.each([
    ['small', 1_000, 20_000, 6],
    ['default', 20_000, 100_000, 24],
    ['large', 100_000, LIMITS.maxItems, 100],
  ])('%s is valid, with the item and robot counts the issue asks for', (name, minItems, maxItems, robots) => {
    const r = parseLayout(read(name));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(itemCount(r.layout)).toBeGreaterThanOrEqual(minItems);
    expect(itemCount(r.layout)).toBeLessThanOrEqual(maxItems);
    expect(r.layout.robots.count).toBe(robots);
  });
});

describe('malformed layouts: each gets a message naming the field', () => {
  const cases: Array<[string, (l: Record<string, any>) => void, string, RegExp]> = [
    ['wrong format tag', (l) => (l.format = 'chasm-layout/0'), 'format', /must be "chasm-layout\/1"/],
    ['missing name', (l) => delete l.name, 'name', /is missing/],
    ['empty name', (l) => (l.name = '   '), 'name', /1 to 80 characters/],
    ['seed not a whole number', (l) => (l.seed = 1.5), 'seed', /whole number/],
    ['negative seed', (l) => (l.seed = -1), 'seed', /between 0 and 4294967295/],
    ['floor not an object', (l) => (l.floor = 12), 'floor', /must be an object/],
    ['floor too small', (l) => (l.floor.widthM = 5), 'floor.widthM', /between 10 and 200, got 5/],
    ['rows as a string', (l) => (l.racks.rows = '8'), 'racks.rows', /finite number/],
    ['levels out of range', (l) => (l.racks.levels = 12), 'racks.levels', /between 1 and 8/],
    ['NaN-like aisle width', (l) => (l.racks.aisleWidthM = null), 'racks.aisleWidthM', /finite number/],
    ['racks wider than the floor', (l) => (l.racks.rows = 12), 'racks.rows', /need 32\.8 m but floor\.widthM is 26/],
    ['racks deeper than the floor', (l) => (l.racks.unitsPerRow = 9), 'racks.unitsPerRow', /floor depth/],
    [
      'too many items',
      (l) => {
        l.floor = { widthM: 200, depthM: 200 };
        l.racks.rows = 40;
        l.racks.unitsPerRow = 40;
        l.itemsPerBin = 64;
      },
      'itemsPerBin',
      /limit is 250,000/,
    ],
    ['skus not an array', (l) => (l.skus = {}), 'skus', /must be an array/],
    ['no skus', (l) => (l.skus = []), 'skus', /between 1 and 500 entries, got 0/],
    ['bad sku colour', (l) => (l.skus[3].colour = 'blue'), 'skus[3].colour', /colour like/],
    ['bad sku size', (l) => (l.skus[0].sizeM = [0.1, 0.1]), 'skus[0].sizeM', /\[width, height, depth\]/],
    ['duplicate sku id', (l) => (l.skus[1].id = l.skus[0].id), 'skus', /used twice/],
    ['sku id with spaces', (l) => (l.skus[2].id = 'a b'), 'skus[2].id', /letters, digits/],
    ['sku names not an object', (l) => (l.skus[0].names = 'Paracetamol'), 'skus[0].names', /must be an object/],
    [
      'sku name under a tag that is not a language',
      (l) => (l.skus[0].names = { chinese: '对乙酰氨基酚' }),
      'skus[0].names',
      /language tags like "zh-CN", got "chinese"/,
    ],
    ['empty translated sku name', (l) => (l.skus[1].names = { 'zh-CN': ' ' }), 'skus[1].names.zh-CN', /1 to 80 characters/],
    ['too many robots', (l) => (l.robots.count = 1000), 'robots.count', /between 0 and 200/],
    ['station kind unknown', (l) => (l.stations[0].kind = 'kitchen'), 'stations[0].kind', /one of packing, dispatch, charging/],
    ['station off the floor', (l) => (l.stations[0].xM = 99), 'stations[0].xM', /between -13 and 13/],
    ['station among the racks', (l) => (l.stations[0].zM = 0), 'stations[0].zM', /front zone/],
    ['no packing station', (l) => l.stations.forEach((s: any) => (s.kind = 'dispatch')), 'stations', /at least one packing station/],
    ['order lines out of range', (l) => (l.orders.maxLines = 0), 'orders.maxLines', /between 1 and 10/],
    [
      'more robots than homes',
      (l) => {
        l.floor.widthM = 22.5;
        l.robots.count = 200;
      },
      'robots.count',
      /room for \d+ robot homes, not 200/,
    ],
  ];

  it.each(cases)('%s', (_label, change, path, message) => {
    const problems = problemsAfter(change);
    expect(problems.map((p) => p.path)).toContain(path);
    expect(describeProblems(problems.filter((p) => p.path === path))).toMatch(message);
  });

  it('has at least 15 distinct cases', () => {
    expect(new Set(cases.map((c) => `${c[2]} ${c[3].source}`)).size).toBeGreaterThanOrEqual(15);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a number', 42],
    ['a string', 'layout'],
  ])('rejects %s as the whole layout', (_label, input) => {
    const r = validateLayout(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toEqual({ path: '(layout)', kind: 'not-object' });
  });

  it('rejects text that is not JSON, naming the file', () => {
    const r = parseLayout('{"format": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(describeProblems(r.problems)).toMatch(/^\(file\) is not valid JSON/);
  });

  it('rejects an oversized file before parsing it', () => {
    const r = parseLayout(' '.repeat(LIMITS.maxBytes + 1));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(describeProblems(r.problems)).toMatch(/limit is 256 KB/);
  });

  it('reports every independent problem at once, in one line each', () => {
    const problems = problemsAfter((l) => {
      l.seed = 'x';
      l.robots.speedMps = 0;
    });
    expect(describeProblems(problems).split('\n')).toEqual(['seed must be a finite number', 'robots.speedMps must be between 0.2 and 3, got 0']);
  });
});

describe('layout problems in Simplified Chinese', () => {
  it('name the field and say what is wrong, with no English left', () => {
    const problems = problemsAfter((l) => {
      l.racks.levels = 99;
      l.skus[0].colour = 'red';
      l.robots = 'many';
    });
    const lines = ZH_CN.layoutProblems(problems).split('\n');
    expect(lines).toContain('racks.levels 必须在 1 到 8 之间，实际为 99');
    expect(lines.some((line) => line.startsWith('skus[0].colour 必须是类似 "#3a86c8" 的颜色'))).toBe(true);
    // Apart from field paths and values, no Latin words.
    for (const line of lines) expect(line.replace(/^\S+ /, '').replace(/"[^"]*"/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });
});
