import { describe, expect, it } from 'vitest';
import { formatViewHash, parseViewHash, type ViewLink } from '../../src/settings/view-hash';
import fc from 'fast-check';

describe('view links', () => {
  it('round-trip a view within a centimetre and a tenth of a degree', () => {
    const view: ViewLink = {
      at: { xM: 12.345, zM: -4.051, yawDeg: 91.23, pitchDeg: -10.04 },
      sel: { kind: 'robot', id: 2 },
      seed: 42,
      simS: 3600.7,
      speed: 10,
      paused: true,
    };
    const hash = formatViewHash(view);
    expect(hash).toBe('at=12.35,-4.05,91.2,-10.0&sel=robot-3&seed=42&t=3600&speed=10&paused');
    const { link, problems } = parseViewHash(`#${hash}`);
    expect(problems).toEqual([]);
    expect(link.at!.xM).toBeCloseTo(12.345, 1);
    expect(Math.abs(link.at!.yawDeg - 91.23)).toBeLessThan(0.1);
    expect(link).toMatchObject({ sel: { kind: 'robot', id: 2 }, seed: 42, simS: 3600, speed: 10, paused: true });
    expect(parseViewHash('#sel=bin-120').link.sel).toEqual({ kind: 'bin', index: 120 });
  });
  it('an empty hash is the default view, with nothing to say', () => {
    expect(parseViewHash('')).toEqual({ link: {}, problems: [] });
    expect(parseViewHash('#')).toEqual({ link: {}, problems: [] });
  });
  it('names each odd value and keeps the rest', () => {
    const { link, problems } = parseViewHash('#at=1,2,x,0&sel=robot-0&seed=-1&t=1e9&speed=7&zoom=3&paused');
    expect(problems).toEqual(['at', 'sel', 'seed', 't', 'speed', 'unknown']);
    expect(link).toEqual({ paused: true });
    expect(parseViewHash('#at=1,2,30,95').problems).toEqual(['at']);
  });
  it('never throws, whatever the hash', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseViewHash(s)));
  });
});
