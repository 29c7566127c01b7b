import { describe, expect, it } from 'vitest';
import { followIntents, movedByHand } from '../../src/room/follow';
import { createRig, updateRig } from '../../src/input/intents';

describe('follow', () => {
  it("brings the rig to the followed participant's place and heading within a second", () => {
    let rig = createRig({ xM: 0, zM: 0, yawRad: 0, pitchRad: 0 });
    const target = { xM: 3, zM: -2, yawDeg: 170, pitchDeg: -10 };
    for (let i = 0; i < 60; i++) for (const intent of followIntents(rig, target, 1 / 60)) rig = updateRig(rig, intent, 1 / 60);
    expect(rig.xM).toBeCloseTo(3, 1);
    expect(rig.zM).toBeCloseTo(-2, 1);
    expect((rig.yawRad * 180) / Math.PI).toBeCloseTo(170, 0);
    expect((rig.pitchRad * 180) / Math.PI).toBeCloseTo(-10, 0);
  });
  it('turns the short way round', () => {
    const rig = createRig({ yawRad: (170 * Math.PI) / 180 });
    const [, look] = followIntents(rig, { xM: 0, zM: 0, yawDeg: -170, pitchDeg: 0 }, 1 / 60);
    expect(look?.kind === 'look' && look.yawDeltaRad).toBeGreaterThan(0);
  });
  it("the person's own moves end it; selects do not", () => {
    expect(movedByHand([{ kind: 'move', forward: 1, right: 0 }])).toBe(true);
    expect(movedByHand([{ kind: 'select', ray: { origin: [0, 0, 0], direction: [0, 0, 1] } }])).toBe(false);
    expect(movedByHand([])).toBe(false);
  });
});
