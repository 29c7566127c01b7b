/**
 * Grab input in a headset: a controller's squeeze, or a hand's pinch held on
 * a pack for `INSPECT.holdMs`, becomes a `grab` intent; letting go becomes
 * `let-go`. Each hand's grip pose is read every XR frame, in the scene's
 * left-handed world, for the held pack to follow. A held pinch that grabbed
 * is not also a select when it ends.
 */
import type { WebXRSessionManager } from '@babylonjs/core/XR/webXRSessionManager';
import type { Intent, Ray } from '../input/intents';
import { flipOrientation, flipPoint, rayFromXrPose } from '../input/xr-ray';
import { INSPECT } from '../selection/inspect';
import type { XrFrameFeature } from './frame-features';

/** A grip's pose in the scene: position (m) and orientation (a unit quaternion), both left-handed. */
export interface GripPose {
  position: [number, number, number];
  rotation: [number, number, number, number];
}

/** The running grab input. */
export interface GrabInput extends XrFrameFeature {
  /** Each hand's grip in the last XR frame, or null where not tracked. */
  grips(): { left: GripPose | null; right: GripPose | null };
  /** Whether this select ends a pinch that grabbed (it is not also a select). */
  takesSelect(source: XRInputSource): boolean;
  /** The grab and let-go intents since the last call. */
  drain(): Intent[];
}

const handOf = (source: XRInputSource): 'left' | 'right' | null => (source.handedness === 'left' || source.handedness === 'right' ? source.handedness : null);

/** WebXR's right-handed pose in the scene's left-handed world (z flipped, as Babylon's XR camera does). */
export function gripFromXrPose(pose: { position: DOMPointReadOnly; orientation: DOMPointReadOnly }): GripPose {
  const p = flipPoint(pose.position);
  return { position: [p.x, p.y, p.z], rotation: flipOrientation(pose.orientation) };
}

/**
 * Listens for squeezes and pinches. `grabbable(ray)` says whether a ray points at a pack (a held pinch
 * elsewhere stays a select: a teleport, a card).
 */
export function startGrabInput(session: XRSession, manager: WebXRSessionManager, grabbable: (ray: Ray) => boolean): GrabInput {
  let pending: Intent[] = [];
  const grips: { left: GripPose | null; right: GripPose | null } = { left: null, right: null };
  /** Pinches held on a pack, waiting out the hold (since when, and for how many frames); and those that grabbed. */
  const armed = new Map<XRInputSource, { sinceMs: number; frames: number }>();
  const grabbing = new Set<XRInputSource>();
  const rayOf = (event: XRInputSourceEvent): Ray | null => {
    const pose = event.frame.getPose(event.inputSource.targetRaySpace, manager.referenceSpace);
    return pose ? rayFromXrPose(pose.transform) : null;
  };
  const onSqueezeStart = (event: XRInputSourceEvent) => {
    const hand = handOf(event.inputSource);
    const ray = session.visibilityState === 'visible' ? rayOf(event) : null;
    if (hand && ray) pending.push({ kind: 'grab', hand, ray });
  };
  const onSqueezeEnd = (event: XRInputSourceEvent) => {
    const hand = handOf(event.inputSource);
    if (hand) pending.push({ kind: 'let-go', hand });
  };
  const onSelectStart = (event: XRInputSourceEvent) => {
    // Hands have no squeeze: a pinch held on a pack grabs it.
    if (!event.inputSource.hand || session.visibilityState !== 'visible') return;
    const ray = rayOf(event);
    if (ray && grabbable(ray)) armed.set(event.inputSource, { sinceMs: performance.now(), frames: 0 });
  };
  const onSelectEnd = (event: XRInputSourceEvent) => {
    armed.delete(event.inputSource);
    const hand = handOf(event.inputSource);
    // The select event has fired by now (WebXR fires select, then selectend).
    if (grabbing.delete(event.inputSource) && hand) pending.push({ kind: 'let-go', hand });
  };
  const listeners: Array<[string, (event: XRInputSourceEvent) => void]> = [
    ['squeezestart', onSqueezeStart],
    ['squeezeend', onSqueezeEnd],
    ['selectstart', onSelectStart],
    ['selectend', onSelectEnd],
  ];
  for (const [type, listener] of listeners) session.addEventListener(type, listener as EventListener);
  return {
    update() {
      const frame = manager.currentFrame;
      grips.left = grips.right = null;
      for (const source of session.inputSources) {
        const hand = handOf(source);
        const pose = hand && frame ? frame.getPose(source.gripSpace ?? source.targetRaySpace, manager.referenceSpace) : null;
        if (hand && pose) grips[hand] = gripFromXrPose(pose.transform);
      }
      // Pinches held long enough on a pack take it now, with the hand's ray of this frame.
      const now = performance.now();
      for (const [source, hold] of armed) {
        // Long in time and in frames: a short pinch seen in two slow frames (a busy device, an emulator) stays a select.
        if (++hold.frames < INSPECT.holdFrames || now - hold.sinceMs < INSPECT.holdMs) continue;
        armed.delete(source);
        const hand = handOf(source);
        const pose = frame?.getPose(source.targetRaySpace, manager.referenceSpace);
        if (!hand || !pose) continue;
        grabbing.add(source);
        pending.push({ kind: 'grab', hand, ray: rayFromXrPose(pose.transform) });
      }
    },
    grips: () => grips,
    takesSelect: (source) => grabbing.has(source),
    drain() {
      const out = pending;
      pending = [];
      return out;
    },
    dispose() {
      for (const [type, listener] of listeners) session.removeEventListener(type, listener as EventListener);
    },
  };
}
