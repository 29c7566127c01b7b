import { describe, expect, it } from 'vitest';
import { randomFillSync } from 'node:crypto';
import fc from 'fast-check';
import {
  allowMessage,
  cleanName,
  createRateLimiter,
  isRoomKey,
  newRoomKey,
  parseHello,
  parsePose,
  parseStats,
  participantColour,
} from '../../src/room/protocol';

const pose = { xM: 1, yM: 1.6, zM: -2, yawDeg: 45, pitchDeg: -10, left: null, right: [0, 1, 0, 0, 0, -0.98] };

describe('room keys', () => {
  it('are 128 random bits in 22 base64url characters, and distinct', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newRoomKey(randomFillSync)));
    expect(keys.size).toBe(200);
    for (const k of keys) {
      expect(k).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(isRoomKey(k)).toBe(true);
    }
  });
  it('refuses anything shorter or with other characters', () => {
    for (const bad of ['', 'abc', 'A'.repeat(21), `${'A'.repeat(21)}=`, `${'A'.repeat(22)} `, 42, null, 'A'.repeat(65)]) expect(isRoomKey(bad)).toBe(false);
  });
});

describe('parsePose', () => {
  it('takes a pose and normalises the rays', () => {
    const p = parsePose(pose);
    expect(p).toMatchObject({ xM: 1, yM: 1.6, zM: -2, yawDeg: 45, pitchDeg: -10, left: null });
    expect(p?.right?.[5]).toBeCloseTo(-1);
    expect(p?.aim).toBeNull();
  });
  it('takes what the pointer aims at: a robot or a bin by its number', () => {
    expect(parsePose({ ...pose, aim: { kind: 'robot', id: 3 } })?.aim).toEqual({ kind: 'robot', id: 3 });
    expect(parsePose({ ...pose, aim: { kind: 'bin', id: 1200 } })?.aim).toEqual({ kind: 'bin', id: 1200 });
    expect(parsePose({ ...pose, aim: null })?.aim).toBeNull();
  });
  it('refuses non-finite, out-of-range and wrongly shaped poses', () => {
    for (const bad of [
      null,
      [],
      'pose',
      { ...pose, xM: Number.NaN },
      { ...pose, zM: 1e6 },
      { ...pose, pitchDeg: 100 },
      { ...pose, yM: '1' },
      { ...pose, right: [0, 0, 0] },
      { ...pose, right: [0, 0, 0, 0, 0, 0] },
      { ...pose, right: [0, 1, 0, 0, 0, -2] },
      { ...pose, left: 'x' },
      { ...pose, aim: { kind: 'board', id: 0 } },
      { ...pose, aim: { kind: 'robot', id: 1.5 } },
      { ...pose, aim: { kind: 'bin', id: -1 } },
      { ...pose, aim: 'robot' },
    ]) {
      expect(parsePose(bad)).toBeNull();
    }
  });
  it('never throws on arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => void parsePose(v)));
  });
});

describe('parseHello and parseStats', () => {
  it('keeps a known terminal and device class, and cleans the name', () => {
    expect(parseHello({ name: ' Ana\u0007 ', terminal: 'phone', deviceClass: 'phone-mid' }, 'Guest')).toEqual({
      name: 'Ana',
      terminal: 'phone',
      deviceClass: 'phone-mid',
    });
    expect(parseHello({ terminal: 'toaster', deviceClass: 'phone-mid' }, 'Guest')).toBeNull();
    expect(cleanName('x'.repeat(100), 'G')).toHaveLength(24);
    expect(cleanName('', 'Guest 3')).toBe('Guest 3');
  });
  it('takes measured stats in range, refuses the rest', () => {
    const stats = {
      fps: 72,
      renderHz: 72,
      frameP95Ms: 13,
      drawCalls: 40,
      triangles: 1e5,
      renderWidth: 1680,
      renderHeight: 1760,
      views: 2,
      downloadedKB: 900,
      input: 'hands',
    };
    expect(parseStats(stats)).toEqual(stats);
    expect(parseStats({ ...stats, input: 'none' })).toEqual({ ...stats, input: 'none' });
    expect(parseStats({ ...stats, input: 'telepathy' })).toBeNull();
    expect(parseStats({ ...stats, downloadedKB: -5 })).toBeNull();
    expect(parseStats({ ...stats, fps: -1 })).toBeNull();
    expect(parseStats({ ...stats, views: 9 })).toBeNull();
    expect(parseStats({ fps: 60 })).toBeNull();
  });
});

describe('rate limiter', () => {
  it('passes a burst, then the rate', () => {
    const r = createRateLimiter(20, 20);
    let passed = 0;
    for (let i = 0; i < 100; i++) if (allowMessage(r, 1000)) passed++;
    expect(passed).toBe(20);
    // One second later: 20 more.
    passed = 0;
    for (let i = 0; i < 100; i++) if (allowMessage(r, 2000)) passed++;
    expect(passed).toBe(20);
  });
});

describe('participantColour', () => {
  it('gives distinct #rrggbb colours to the first dozen', () => {
    const colours = Array.from({ length: 12 }, (_, i) => participantColour(i));
    for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(colours).size).toBe(12);
  });
});
