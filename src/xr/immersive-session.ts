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
  /** Ends the session; safe to call more than once. */
  exit(): Promise<void>;
  /** Resolves once the session has ended and the 2D view is back. */
  readonly ended: Promise<void>;
}

/** Starts an immersive session on the scene; rejects (leaving the 2D view as it was) when the browser refuses. */
export async function enterImmersive(scene: Scene, mode: ImmersiveMode): Promise<ImmersiveSession> {
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

  return {
    mode,
    frameTimeMs: () => manager.currentTimestamp,
    targetHz: () => manager.currentFrameRate ?? null,
    foveation: () => manager.fixedFoveation ?? null,
    async exit() {
      if (inSession) await helper.exitXRAsync();
      await ended;
    },
    ended,
  };
}
