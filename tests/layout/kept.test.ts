import { describe, expect, it } from 'vitest';
import { choose, forget, keep, layoutId, layoutText, MAX_KEPT, NOTHING_KEPT, parseKept } from '../../src/layout/kept';
import { loadLayout } from '../sim/support';

describe('kept layouts', () => {
  const small = loadLayout('small');
  const other = { ...small, name: 'Other' };

  it('keeps the newest first, shown at the next start; the same layout again moves to the front', () => {
    let k = keep(NOTHING_KEPT, small, 'a.json', 1);
    k = keep(k, other, 'b.json', 2);
    expect(k.layouts.map((l) => l.name)).toEqual(['Other', small.name]);
    expect(k.current).toBe(layoutId(layoutText(other)));
    k = keep(k, small, 'again.json', 3);
    expect(k.layouts.map((l) => [l.name, l.source])).toEqual([
      [small.name, 'again.json'],
      ['Other', 'b.json'],
    ]);
  });

  it('keeps at most MAX_KEPT, dropping the oldest', () => {
    let k = NOTHING_KEPT;
    for (let i = 0; i < MAX_KEPT + 3; i++) k = keep(k, { ...small, name: `n${i}` }, 'f', i);
    expect(k.layouts).toHaveLength(MAX_KEPT);
    expect(k.layouts.at(-1)?.name).toBe('n3');
  });

  it('forgetting the one shown at start leaves the standard layout; choosing picks only a kept one', () => {
    const k = keep(keep(NOTHING_KEPT, small, 'a', 1), other, 'b', 2);
    const id = k.current!;
    expect(forget(k, id)).toMatchObject({ current: null });
    expect(forget(k, 'nope').layouts).toHaveLength(2);
    expect(choose(k, 'nope').current).toBeNull();
    expect(choose(k, k.layouts[1]!.id).current).toBe(k.layouts[1]!.id);
  });

  it('reads stored data leniently: anything malformed is dropped, never thrown', () => {
    expect(parseKept(null)).toEqual(NOTHING_KEPT);
    expect(parseKept('text')).toEqual(NOTHING_KEPT);
    const k = keep(NOTHING_KEPT, small, 'a', 1);
    expect(parseKept(structuredClone(k))).toEqual(k);
    expect(parseKept({ layouts: [{ id: 1 }, ...k.layouts], current: 'gone' })).toEqual({ layouts: k.layouts, current: null });
  });
});
