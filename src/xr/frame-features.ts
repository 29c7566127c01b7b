/**
 * The session's per-frame features, one small function each, updated in a
 * fixed order from one XR frame observer with one clock (`nowMs`, `dtS`
 * computed once), and disposed together when the session ends. The order:
 * what the others read (the head's height above the floor, what the person
 * points with), viewport scale (a request applies from the next frame), the
 * menu button, the menu following the head, the perf HUD, the comfort
 * vignette, the seated offset, and the first-time controls card.
 */
import type { Scene } from '@babylonjs/core/scene';
import type { WebXRCamera } from '@babylonjs/core/XR/webXRCamera';
import type { WebXRSessionManager } from '@babylonjs/core/XR/webXRSessionManager';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { SEATED_OFFSET_M, type Settings } from '../settings/settings';
import { createCanvasPanel, type CanvasPanel } from '../world/panels';
import { paintCard } from '../world/painters';
import { createComfortVignette } from './comfort-vignette';
import type { XrMenu } from './xr-menu';
import type { Card } from '../selection/describe';
import type { InputMode } from '../input/intents';

/** Where the viewer faces, level (unit length; +z when looking straight up or down): cards and panels open along it. */
export function flatForward(camera: WebXRCamera): Vector3 {
  const forward = camera.getDirection(Vector3.Forward());
  forward.y = 0;
  if (forward.lengthSquared() < 1e-6) forward.set(0, 0, 1);
  return forward.normalize();
}

/** What every feature reads in one XR frame. */
export interface XrFrameContext {
  /** The XR frame's timestamp, in ms. */
  nowMs: number;
  /** Seconds since the last XR frame (0 on the first). */
  dtS: number;
  settings: Settings;
  /** Whether the session is visible (input pauses while a system prompt is up). */
  visible: boolean;
}

/** One per-frame feature of the session. */
export interface XrFrameFeature {
  update(frame: XrFrameContext): void;
  dispose(): void;
}

/** Runs features in order on every XR frame, with one clock; returns the teardown of them all. */
export function runFrameFeatures(manager: WebXRSessionManager, settings: () => Settings, features: readonly XrFrameFeature[]): () => void {
  let lastMs = Number.NaN;
  const observer = manager.onXRFrameObservable.add(() => {
    const nowMs = manager.currentTimestamp;
    const frame: XrFrameContext = {
      nowMs,
      dtS: Number.isFinite(lastMs) ? Math.max(0, (nowMs - lastMs) / 1000) : 0,
      settings: settings(),
      visible: manager.session.visibilityState === 'visible',
    };
    lastMs = nowMs;
    for (const feature of features) feature.update(frame);
  });
  return () => {
    manager.onXRFrameObservable.remove(observer);
    for (const feature of [...features].reverse()) feature.dispose();
  };
}

/**
 * The head's height above the tracked floor (the session's own floor space, before any move or seated lift),
 * read in each XR frame: a menu press arrives in a select event, where the frame may no longer be read.
 */
export function headHeightFeature(manager: WebXRSessionManager): XrFrameFeature & { heightM: () => number | null } {
  let headM: number | null = null;
  return {
    update() {
      headM = manager.currentFrame?.getViewerPose(manager.baseReferenceSpace)?.transform.position.y ?? headM;
    },
    heightM: () => headM,
    dispose() {},
  };
}

/** Hands when any source is a tracked hand, gaze for transient pointers alone, else controllers. */
function inputModeOf(sources: XRInputSourceArray): InputMode | null {
  const all = Array.from(sources);
  if (all.some((s) => s.hand)) return 'hands';
  if (all.some((s) => s.targetRayMode === 'tracked-pointer')) return 'controllers';
  return all.length > 0 ? 'gaze' : null;
}

/**
 * What the person points with, seen every frame: a transient pointer (gaze and pinch) exists only while
 * pinching, so between pinches the last one seen counts.
 */
export function inputModeFeature(session: XRSession): XrFrameFeature & { mode: () => InputMode | null } {
  let last: InputMode | null = null;
  const mode = () => (last = inputModeOf(session.inputSources) ?? last);
  return {
    update: () => void mode(),
    mode,
    dispose() {},
  };
}

/** Asks for a viewport scale on every view each frame (WebXR dynamic viewport scaling; a request applies from the next frame). */
export function viewportScaleFeature(manager: WebXRSessionManager, scale: () => number): XrFrameFeature {
  return {
    update() {
      const pose = manager.currentFrame?.getViewerPose(manager.referenceSpace);
      for (const view of pose?.views ?? []) (view as { requestViewportScale?: (s: number | null) => void }).requestViewportScale?.(scale());
    },
    dispose() {},
  };
}

/**
 * A menu-button press held this long recentres the view: 1.5 s (about what the system button asks for the
 * same), and over at least 6 frames, so a short press seen in two slow frames (a busy device, an emulator)
 * is never taken for a long one. At 72 Hz, 1.5 s is 108 frames.
 */
export const LONG_PRESS_MS = 1500;
export const LONG_PRESS_FRAMES = 6;

/**
 * The left controller's X or Y button opens and closes the menu (on press, not while held); held on, it
 * recentres the view. The menu follows the head.
 */
export function menuButtonFeature(session: XRSession, menu: XrMenu, recenter: () => void): XrFrameFeature {
  /** When the button went down (null: up), the frames it has been seen down, and whether this press already recentred. */
  let downAtMs: number | null = null;
  let framesDown = 0;
  let held = false;
  return {
    update({ visible, nowMs }) {
      const left = Array.from(session.inputSources).find((src) => src.handedness === 'left' && src.gamepad && !src.hand);
      const buttons = left?.gamepad?.buttons ?? [];
      const pressed = visible && [4, 5].some((i) => buttons[i]?.pressed === true);
      // A press opens or closes the menu at once; held on for LONG_PRESS_MS it recentres instead (and the menu closes).
      if (pressed && downAtMs === null) {
        downAtMs = nowMs;
        framesDown = 1;
        held = false;
        menu.toggle();
      } else if (pressed && downAtMs !== null) {
        framesDown++;
        if (!held && framesDown >= LONG_PRESS_FRAMES && nowMs - downAtMs >= LONG_PRESS_MS) {
          held = true;
          recenter();
        }
      } else if (!pressed) downAtMs = null;
      menu.follow();
    },
    dispose: () => menu.dispose(),
  };
}

/** The perf HUD beside the view while the setting is on, repainted four times a second. */
export function hudFeature(scene: Scene, camera: WebXRCamera, card: () => { title: string; lines: string[] }): XrFrameFeature {
  let hud: CanvasPanel | null = null;
  let paintedMs = -Infinity;
  /** Low and to the right of the view, 0.9 m away, facing the viewer. */
  const place = (panel: CanvasPanel) => {
    const forward = flatForward(camera);
    const right = new Vector3(forward.z, 0, -forward.x);
    const p = camera.globalPosition;
    panel.mesh.position.set(p.x + forward.x * 0.9 + right.x * 0.35, p.y - 0.25, p.z + forward.z * 0.9 + right.z * 0.35);
    panel.mesh.rotation.y = Math.atan2(forward.x, forward.z) + 0.35;
  };
  return {
    update({ settings, nowMs }) {
      if (settings.hud && !hud)
        hud = createCanvasPanel(scene, 'xr-hud', { widthM: 0.42, heightM: 0.3, widthPx: 640, position: [0, -100, 0], yawRad: 0, movable: true });
      if (!settings.hud && hud) {
        hud.dispose();
        hud = null;
      }
      if (hud && nowMs - paintedMs > 250) {
        paintedMs = nowMs;
        place(hud);
        const { title, lines } = card();
        hud.draw((ctx, w, h) => paintCard(ctx, w, h, title, lines));
      }
    },
    dispose() {
      hud?.dispose();
      hud = null;
    },
  };
}

/** The first-time controls card, and how it is dismissed. */
export interface IntroFeature extends XrFrameFeature {
  /** Offers a select to the card: true (the select is taken) when the card was up and is now dismissed, and remembered. */
  dismiss(): boolean;
}

/**
 * A first-time headset user's controls card (`introCard`), 1 m ahead at eye height once the session has
 * its first frame, repainted when what the person holds changes (controllers connect a few frames in; a
 * person puts them down for hands). The next select anywhere dismisses it, and the settings remember.
 */
export function introFeature(scene: Scene, camera: WebXRCamera, content: (settings: Settings) => Card, seen: () => void): IntroFeature {
  let card: CanvasPanel | null = null;
  let painted = '';
  let done = false;
  const hide = () => {
    card?.dispose();
    card = null;
  };
  return {
    update({ settings }) {
      if (done || settings.vrIntroSeen) {
        hide();
        return;
      }
      if (!card) {
        const forward = flatForward(camera);
        const p = camera.globalPosition;
        card = createCanvasPanel(scene, 'xr-intro', {
          widthM: 0.8,
          heightM: 0.5,
          widthPx: 960,
          position: [p.x + forward.x, p.y - 0.05, p.z + forward.z],
          yawRad: Math.atan2(forward.x, forward.z),
        });
      }
      const { title, lines } = content(settings);
      const key = [title, ...lines].join('\n');
      if (key !== painted) {
        painted = key;
        card.draw((ctx, w, h) => paintCard(ctx, w, h, title, lines));
      }
    },
    dismiss() {
      if (!card) return false;
      done = true;
      hide();
      seen();
      return true;
    },
    dispose: hide,
  };
}

/** The comfort vignette: narrows the view while the locomotion moves the viewer smoothly (and the setting is on). */
export function vignetteFeature(scene: Scene, camera: WebXRCamera, motion: () => number): XrFrameFeature {
  const vignette = createComfortVignette(scene, camera);
  return {
    update: ({ settings, dtS }) => vignette.update(settings.comfort.vignette ? motion() : 0, dtS),
    dispose: () => vignette.dispose(),
  };
}

/**
 * Seated mode lifts the view so a seated person sees the world at standing height: their own, calibrated
 * (the standing eye height less the head's height when seated mode went on or the calibration changed), or
 * SEATED_OFFSET_M until they calibrate. The offset is worked out only on those changes, so the head's own
 * movement still moves the view.
 */
export function seatedFeature(camera: WebXRCamera, headHeightM: () => number | null): XrFrameFeature {
  let offsetM = 0;
  let key = '';
  return {
    update({ settings }) {
      const { seated, standingEyeM } = settings.comfort;
      const now = `${seated}:${standingEyeM}`;
      if (now === key) return;
      key = now;
      const head = headHeightM();
      const next = !seated ? 0 : standingEyeM !== null && head !== null ? Math.max(0, standingEyeM - head) : SEATED_OFFSET_M;
      camera.position.y += next - offsetM;
      offsetM = next;
    },
    dispose() {},
  };
}
