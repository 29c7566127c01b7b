/**
 * Headset-only code, loaded with `import()` when the person enters VR: a
 * phone never downloads it. Starts a WebXR session over the same scene,
 * reports its frame clock, and returns the scene to its 2D camera intact
 * when the session ends, whoever ends it (Exit button, system button, or
 * the browser).
 */
import type { Scene } from '@babylonjs/core/scene';
import { WebXRExperienceHelper } from '@babylonjs/core/XR/webXRExperienceHelper';
import { WebXRState } from '@babylonjs/core/XR/webXRTypes';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Ray } from '../input/intents';
import { rayFromXrPose } from '../input/xr-ray';
import type { Card } from '../selection/describe';
import { createCanvasPanel, type CanvasPanel } from '../world/panels';
import { paintCard } from '../world/painters';

/** Immersive modes Chasm can start. */
export type ImmersiveMode = 'immersive-vr' | 'immersive-ar';

/** A running immersive session. */
export interface ImmersiveSession {
  readonly mode: ImmersiveMode;
  /** The XR frame timestamp of the frame being rendered, in ms. */
  frameTimeMs(): number;
  /** The display rate the session runs at, in Hz, or null when the runtime does not say. */
  targetHz(): number | null;
  /** Fixed foveation level 0..1 of the XR layer, or null where unsupported. */
  foveation(): number | null;
  /** Sets the layer's fixed foveation (0..1) where the runtime supports it. */
  setFoveation(level: number | null): void;
  /** Asks for a display rate the session offers (the nearest at or below `hz`). */
  setTargetHz(hz: number): void;
  /** Shows a selection card floating in front of the viewer, or hides it with null. */
  showCard(card: Card | null): void;
  /** Whether the session is hidden (the system menu is up): the simulation pauses. */
  hidden(): boolean;
  /** Ends the session; safe to call more than once. */
  exit(): Promise<void>;
  /** Resolves once the session has ended and the 2D view is back. */
  readonly ended: Promise<void>;
}

/** Distance of the in-VR card from the eyes, in metres: arm's length, comfortable to read. */
const CARD_DISTANCE_M = 1.2;

/**
 * Starts an immersive session on the scene; rejects (leaving the 2D view as
 * it was) when the browser refuses. `onSelect` receives the world ray of
 * every controller trigger or hand pinch.
 */
export async function enterImmersive(scene: Scene, mode: ImmersiveMode, onSelect: (ray: Ray) => void): Promise<ImmersiveSession> {
  const helper = await WebXRExperienceHelper.CreateAsync(scene);
  const manager = helper.sessionManager;
  let resolveEnded!: () => void;
  const ended = new Promise<void>((resolve) => (resolveEnded = resolve));
  let inSession = false;
  const stateObserver = helper.onStateChangedObservable.add((state) => {
    if (state === WebXRState.IN_XR) inSession = true;
    if (state === WebXRState.NOT_IN_XR && inSession) {
      inSession = false;
      helper.onStateChangedObservable.remove(stateObserver);
      // The helper has already restored the 2D camera; disposing it removes
      // the XR camera and every observer it registered.
      helper.dispose();
      resolveEnded();
    }
  });
  try {
    await helper.enterXRAsync(mode, 'local-floor');
  } catch (error) {
    helper.onStateChangedObservable.remove(stateObserver);
    helper.dispose();
    throw error;
  }

  // Controllers' triggers and hands' pinches both arrive as the session's
  // select event, with the frame to read the pointer's pose from.
  const session = manager.session;
  const onSelectEvent = (event: XRInputSourceEvent) => {
    const pose = event.frame.getPose(event.inputSource.targetRaySpace, manager.referenceSpace);
    if (pose) onSelect(rayFromXrPose(pose.transform));
  };
  session.addEventListener('select', onSelectEvent);

  let card: CanvasPanel | null = null;
  const hideCard = () => {
    card?.dispose();
    card = null;
  };
  void ended.then(() => {
    session.removeEventListener('select', onSelectEvent);
    hideCard();
  });

  return {
    mode,
    frameTimeMs: () => manager.currentTimestamp,
    targetHz: () => manager.currentFrameRate ?? null,
    foveation: () => manager.fixedFoveation ?? null,
    setFoveation(level) {
      if (level !== null && manager.fixedFoveation !== null && manager.fixedFoveation !== undefined) manager.fixedFoveation = level;
    },
    setTargetHz(hz) {
      const rates = Array.from(manager.supportedFrameRates ?? []);
      const rate = rates.filter((r) => r <= hz).sort((a, b) => b - a)[0];
      if (rate !== undefined && rate !== manager.currentFrameRate) void manager.updateTargetFrameRate(rate).catch(() => undefined);
    },
    showCard(content) {
      hideCard();
      if (!content || !inSession) return;
      const camera = helper.camera;
      const forward = camera.getDirection(Vector3.Forward());
      forward.y = 0;
      if (forward.lengthSquared() < 1e-6) forward.set(0, 0, 1);
      forward.normalize();
      const at = camera.globalPosition.add(forward.scale(CARD_DISTANCE_M));
      card = createCanvasPanel(scene, 'xr-card', {
        widthM: 0.6,
        heightM: 0.3,
        widthPx: 800,
        position: [at.x, camera.globalPosition.y - 0.1, at.z],
        // The plane's front faces -z; turn it to face the viewer.
        yawRad: Math.atan2(forward.x, forward.z),
      });
      card.draw((ctx, w, h) => paintCard(ctx, w, h, content.title, content.lines));
    },
    hidden: () => session.visibilityState === 'hidden',
    async exit() {
      if (inSession) await helper.exitXRAsync();
      await ended;
    },
    ended,
  };
}
