/**
 * The 2D input adapter: pointer drags look, WASD/arrows walk. It collects
 * DOM events and turns them into intents with the pure mappings in
 * `input/flat-mapping.ts`; the app drains them once per frame.
 */
import type { Intent, Ray } from '../input/intents';
import { isMoveKey, lookIntentFromDrag, moveIntentFromKeys } from '../input/flat-mapping';

/** A running 2D input adapter. */
export interface FlatControls {
  /** Intents gathered since the last call (the held walk keys count once per call). */
  drain(): Intent[];
  /** Removes every listener. */
  detach(): void;
}

/** A press that moves less than this (CSS px) and ends within CLICK_MS is a click or tap, not a drag. */
const CLICK_SLOP_PX = 8;
const CLICK_MS = 500;

/** Radians per CSS pixel of drag. Touch drags cover fewer pixels, so they turn faster. */
const MOUSE_RAD_PER_PX = 0.004;
const TOUCH_RAD_PER_PX = 0.006;

/**
 * Listens on the canvas and window for 2D input. `rayAt` turns a point on
 * the canvas (CSS px from its top-left) into a world ray for selection.
 */
export function attachFlatControls(canvas: HTMLCanvasElement, rayAt: (xPx: number, yPx: number) => Ray): FlatControls {
  const pending: Intent[] = [];
  const held = new Set<string>();
  const drags = new Map<number, { x: number; y: number; touch: boolean; startX: number; startY: number; startMs: number }>();
  const listeners = new AbortController();
  const opts = { signal: listeners.signal };

  canvas.addEventListener(
    'pointerdown',
    (e) => {
      drags.set(e.pointerId, {
        x: e.clientX,
        y: e.clientY,
        touch: e.pointerType !== 'mouse',
        startX: e.clientX,
        startY: e.clientY,
        startMs: e.timeStamp,
      });
      canvas.setPointerCapture(e.pointerId);
    },
    opts,
  );
  canvas.addEventListener(
    'pointermove',
    (e) => {
      const d = drags.get(e.pointerId);
      if (!d) return;
      pending.push(
        lookIntentFromDrag(e.clientX - d.x, e.clientY - d.y, {
          radPerPx: d.touch ? TOUCH_RAD_PER_PX : MOUSE_RAD_PER_PX,
          grab: d.touch,
        }),
      );
      d.x = e.clientX;
      d.y = e.clientY;
    },
    opts,
  );
  canvas.addEventListener(
    'pointerup',
    (e) => {
      const d = drags.get(e.pointerId);
      drags.delete(e.pointerId);
      if (!d || drags.size > 0) return;
      const still = Math.hypot(e.clientX - d.startX, e.clientY - d.startY) < CLICK_SLOP_PX;
      if (still && e.timeStamp - d.startMs < CLICK_MS) {
        const box = canvas.getBoundingClientRect();
        pending.push({ kind: 'select', ray: rayAt(e.clientX - box.left, e.clientY - box.top) });
      }
    },
    opts,
  );
  canvas.addEventListener('pointercancel', (e) => drags.delete(e.pointerId), opts);

  window.addEventListener(
    'keydown',
    (e) => {
      if (!isMoveKey(e.code) || e.altKey || e.ctrlKey || e.metaKey) return;
      // Arrow keys must keep working in buttons and form fields.
      if (e.target instanceof HTMLElement && e.target !== canvas && e.target !== document.body) return;
      held.add(e.code);
      e.preventDefault();
    },
    opts,
  );
  window.addEventListener('keyup', (e) => held.delete(e.code), opts);
  // A key released while the window is unfocused never sends keyup.
  window.addEventListener('blur', () => held.clear(), opts);

  return {
    drain() {
      const out = pending.splice(0);
      const move = moveIntentFromKeys(held);
      if (move) out.push(move);
      return out;
    },
    detach() {
      listeners.abort();
      held.clear();
      drags.clear();
      pending.length = 0;
    },
  };
}
