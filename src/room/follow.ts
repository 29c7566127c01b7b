/**
 * Follow: a phone or desktop sees what another participant sees. Each frame
 * the followed pose becomes intents for the viewer's own rig (the one input
 * vocabulary): a teleport towards its position and a look towards its
 * heading, eased so the view glides rather than jumps. Pure.
 */
import type { Intent, RigState } from '../input/intents';
import { standIntents, wrapAngleRad } from '../input/intents';
import { ease } from './avatar-motion';

const DEG = Math.PI / 180;

/** The intents that bring `rig` towards the followed `target` over `dtS` seconds. */
export function followIntents(rig: RigState, target: { xM: number; zM: number; yawDeg: number; pitchDeg: number }, dtS: number): Intent[] {
  // The same share of the way for the heading as for the position.
  const k = ease(0, 1, dtS);
  return standIntents(rig, {
    xM: ease(rig.xM, target.xM, dtS),
    zM: ease(rig.zM, target.zM, dtS),
    yawRad: rig.yawRad + wrapAngleRad(target.yawDeg * DEG - rig.yawRad) * k,
    pitchRad: rig.pitchRad + (target.pitchDeg * DEG - rig.pitchRad) * k,
  });
}

/** Whether the person moved the view themselves (which ends following). */
export function movedByHand(intents: readonly Intent[]): boolean {
  return intents.some((i) => i.kind === 'move' || i.kind === 'look' || i.kind === 'teleport' || i.kind === 'walk-to' || i.kind === 'turn');
}
