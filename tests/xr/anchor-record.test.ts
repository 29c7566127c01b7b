import { describe, expect, it } from 'vitest';
import { parseAnchorRecord } from '../../src/xr/anchor-record';
import { MAX_TABLE_SCALE } from '../../src/world/placement';

describe('the table-top model\u2019s kept anchor record', () => {
  it('reads a handle with the model\u2019s turn and scale', () => {
    expect(parseAnchorRecord(JSON.stringify({ handle: 'a1b2', yawRad: 0.5, scale: 0.025 }))).toEqual({ handle: 'a1b2', yawRad: 0.5, scale: 0.025 });
  });
  it('clamps a scale out of range, as the sticks would', () => {
    expect(parseAnchorRecord(JSON.stringify({ handle: 'a', yawRad: 0, scale: 5 }))?.scale).toBe(MAX_TABLE_SCALE);
  });
  it('is no record when nothing is stored or it is malformed: the model is placed afresh', () => {
    for (const raw of [
      null,
      '',
      '{',
      '[]',
      'null',
      '{"handle":""}',
      '{"handle":3,"yawRad":0,"scale":0.02}',
      '{"handle":"a","yawRad":"x","scale":0.02}',
      `{"handle":"${'x'.repeat(200)}","yawRad":0,"scale":0.02}`,
    ]) {
      expect(parseAnchorRecord(raw)).toBeNull();
    }
  });
});
