/**
 * Follow: a phone or desktop sees what another participant sees. Each frame
 * the followed pose becomes intents for the viewer's own rig (the one input
 * vocabulary): a teleport towards its position and a look towards its
 * heading, eased so the view glides rather than jumps. Pure.
 */
import type { Intent, RigState } from '../input/intents';
import { wrapAngleRad } from '../input/intents';
import { ease } from './avatar-motion';

const DEG = Math.PI / 180;

/** The intents that bring `rig` towards the followed `target` over `dtS` seconds. */
export function followIntents(rig: RigState, target: { xM: number; zM: number; yawDeg: number; pitchDeg: number }, dtS: number): Intent[] {
  const x = ease(rig.xM, target.xM, dtS);
  const z = ease(rig.zM, target.zM, dtS);
  const yawDelta = wrapAngleRad(target.yawDeg * DEG - rig.yawRad);
  const pitchDelta = target.pitchDeg * DEG - rig.pitchRad;
  const k = ease(0, 1, dtS);
  return [
    { kind: 'teleport', x, z },
    { kind: 'look', yawDeltaRad: yawDelta * k, pitchDeltaRad: pitchDelta * k },
  ];
}

/** Whether the person moved the view themselves (which ends following). */
export function movedByHand(intents: readonly Intent[]): boolean {
  return intents.some((i) => i.kind === 'move' || i.kind === 'look' || i.kind === 'teleport' || i.kind === 'walk-to' || i.kind === 'turn');
}
