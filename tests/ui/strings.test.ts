import { describe, expect, it } from 'vitest';
import { EN, ZH_CN, stringsFor } from '../../src/ui/strings';
import { shareStatus, showsCode } from '../../src/ui/share-card';

/** Every leaf path of a strings table, with its kind. */
function leaves(table: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(table as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') for (const [p, kind] of leaves(v, path)) out.set(p, kind);
    else out.set(path, typeof v);
  }
  return out;
}

describe('strings', () => {
  it('has the same keys, of the same kinds, in both languages', () => {
    expect([...leaves(ZH_CN)].sort()).toEqual([...leaves(EN)].sort());
  });

  it('translates every sentence (only names and symbols may stay the same)', () => {
    const same = [...leaves(EN).keys()].filter((path) => {
      const get = (t: unknown) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], t);
      const en = get(EN);
      const zh = get(ZH_CN);
      return typeof en === 'string' && en === zh && /[a-z]{4,}\s[a-z]{3,}/i.test(en);
    });
    // Language names are written in their own language in both tables.
    expect(same).toEqual([]);
  });

  it('picks the table for a language', () => {
    expect(stringsFor('zh-CN').lang).toBe('zh-CN');
    expect(stringsFor('en').lang).toBe('en');
  });
});

describe('the share card says how the room is doing', () => {
  const view = { link: 'https://x/?room=k', problem: null, people: 3, others: [], following: null };
  it('in each state, in both languages', () => {
    expect(shareStatus(EN.share, { ...view, status: 'connected' })).toBe('Connected: 3 in the room.');
    expect(shareStatus(EN.share, { ...view, status: 'full' })).toContain('full (32 people)');
    expect(shareStatus(ZH_CN.share, { ...view, status: 'full' })).toContain('32');
    expect(shareStatus(EN.share, { ...view, status: 'unavailable', problem: '404' })).toContain('(404)');
  });
  it('shows the QR code only for a room that can be joined', () => {
    expect(showsCode({ ...view, status: 'connecting' })).toBe(true);
    expect(showsCode({ ...view, status: 'full' })).toBe(false);
    expect(showsCode({ ...view, status: 'unavailable' })).toBe(false);
  });
});

describe('the gap wall in Simplified Chinese', () => {
  it('gives every figure its title, unit, note and one label per bar in Chinese; the numbers stay the seeds\u2019', async () => {
    const { FIGURES } = await import('../../src/lobby/figures');
    const cjk = /[\u4e00-\u9fff]/;
    for (const f of FIGURES) {
      const w = ZH_CN.world.figureWords(f);
      expect(w.title, f.id).toMatch(cjk);
      expect(w.note, f.id).toMatch(cjk);
      expect(w.unit, f.id).toMatch(cjk);
      expect(w.labels, f.id).toHaveLength(f.bars.length);
      for (const label of w.labels) expect(label, f.id).toMatch(cjk);
      expect(EN.world.figureWords(f)).toEqual({ title: f.title, unit: f.unit, labels: f.bars.map((b) => b.label), note: f.note });
    }
    // The sources are the English essays, and say so.
    expect(ZH_CN.world.source('x.txt')).toContain('英文原文');
  });
});
