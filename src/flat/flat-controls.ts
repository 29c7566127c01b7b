/**
 * The 2D input adapter: pointer drags look, WASD/arrows walk, the wheel and
 * a two-finger pinch zoom, an on-screen stick walks on touch screens, and
 * (when switched on) turning the phone looks around. It collects DOM events
 * and turns them into intents with the pure mappings in
 * `input/flat-mapping.ts`; the app drains them once per frame.
 */
import type { InputMode, Intent, Ray } from '../input/intents';
import { INSPECT } from '../selection/inspect';
import {
  isMoveKey,
  keyAction,
  lookIntentFromDrag,
  lookIntentFromOrientation,
  moveIntentFromKeys,
  moveIntentFromStick,
  stickKnobOffset,
  zoomIntentFromPinch,
  zoomIntentFromWheel,
  type Orientation,
} from '../input/flat-mapping';

/** A running 2D input adapter. */
export interface FlatControls {
  /** Intents gathered since the last call (held keys and the stick count once per call). */
  drain(): Intent[];
  /** Starts or stops looking by turning the device (the permission must already be granted). */
  setGyro(on: boolean): void;
  /**
   * Mouse look: locks the pointer to the canvas (call from a click). While
   * locked the mouse turns the view, a click selects what the centre of the
   * view shows, and Esc releases it.
   */
  lockPointer(): void;
  /** How the person last moved or pointed here (a pen counts as touch); null before any input. */
  inputMode(): FlatInputMode | null;
  /** The ray through the finger or mouse pressed on the canvas now (the first, if several), or null. */
  pressedRay(): Ray | null;
  /** Removes every listener and the on-screen stick. */
  detach(): void;
}

/** The 2D input modes. */
export type FlatInputMode = Extract<InputMode, 'touch' | 'mouse' | 'keys'>;

/** What the adapter needs from the page. */
export interface FlatControlsOptions {
  /** Turns a point on the canvas (CSS px from its top-left) into a world ray for selection. */
  rayAt(xPx: number, yPx: number): Ray;
  /** Where the on-screen stick goes (touch screens only); null: no stick. */
  stickParent: HTMLElement | null;
  /** Accessible name of the stick. */
  stickLabel: string;
  /** Called when mouse look starts or stops. */
  onPointerLock?(locked: boolean): void;
}

/** A press that moves less than this (CSS px) and ends within CLICK_MS is a click or tap, not a drag. */
const CLICK_SLOP_PX = 8;
const CLICK_MS = 500;

/** Radians per CSS pixel of drag. Touch drags cover fewer pixels, so they turn faster. */
const MOUSE_RAD_PER_PX = 0.004;
const TOUCH_RAD_PER_PX = 0.006;
/** Travel of the stick's knob, in CSS px (the stick is 2 × this + the knob wide). */
const STICK_RADIUS_PX = 48;

interface Drag {
  x: number;
  y: number;
  touch: boolean;
  startX: number;
  startY: number;
  startMs: number;
  /**
   * Tap-and-hold: whether the press may still become one (one finger, the left button, not moved past the
   * slop), the frames it has been seen down in, and `held` once it became one (its release selects nothing).
   */
  mayHold: boolean;
  frames: number;
  held: boolean;
}

/**
 * Pointer input on the canvas: a drag looks, a two-finger pinch and the wheel zoom, a tap
 * or click selects; with the pointer locked the mouse looks and a click selects the centre.
 */
function listenPointers(
  canvas: HTMLCanvasElement,
  o: FlatControlsOptions,
  pending: Intent[],
  signal: AbortSignal,
): { clear(): void; pressed(): Drag | null; heldPress(nowMs: number): Intent | null } {
  const opts = { signal };
  const drags = new Map<number, Drag>();
  /** Finger distance at the last pinch step, while two fingers are down. */
  let pinchPx: number | null = null;
  const fingerGap = () => {
    const [a, b] = [...drags.values()].filter((d) => d.touch);
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : null;
  };
  const locked = () => document.pointerLockElement === canvas;
  document.addEventListener('pointerlockchange', () => o.onPointerLock?.(locked()), opts);
  document.addEventListener(
    'mousemove',
    (e) => {
      if (locked()) pending.push(lookIntentFromDrag(e.movementX, e.movementY, { radPerPx: MOUSE_RAD_PER_PX, grab: false }));
    },
    opts,
  );
  canvas.addEventListener(
    'pointerdown',
    (e) => {
      if (locked()) {
        // Mouse look: a click selects what the centre of the view shows.
        if (e.button === 0) pending.push({ kind: 'select', ray: o.rayAt(canvas.clientWidth / 2, canvas.clientHeight / 2) });
        return;
      }
      // A second finger makes a pinch of it, never a tap-and-hold.
      for (const other of drags.values()) other.mayHold = false;
      const drag: Drag = {
        x: e.clientX,
        y: e.clientY,
        touch: e.pointerType !== 'mouse',
        startX: e.clientX,
        startY: e.clientY,
        startMs: e.timeStamp,
        mayHold: drags.size === 0 && e.button === 0,
        frames: 0,
        held: false,
      };
      drags.set(e.pointerId, drag);
      canvas.setPointerCapture(e.pointerId);
      pinchPx = fingerGap();
    },
    opts,
  );
  canvas.addEventListener(
    'pointermove',
    (e) => {
      const d = drags.get(e.pointerId);
      if (!d) return;
      const dx = e.clientX - d.x;
      const dy = e.clientY - d.y;
      if (Math.hypot(e.clientX - d.startX, e.clientY - d.startY) >= CLICK_SLOP_PX) d.mayHold = false;
      d.x = e.clientX;
      d.y = e.clientY;
      if (pinchPx !== null) {
        // Two fingers: pinch zooms (and does not look).
        const gap = fingerGap();
        const zoom = gap === null ? null : zoomIntentFromPinch(pinchPx, gap);
        if (zoom) pending.push(zoom);
        pinchPx = gap;
        return;
      }
      pending.push(lookIntentFromDrag(dx, dy, { radPerPx: d.touch ? TOUCH_RAD_PER_PX : MOUSE_RAD_PER_PX, grab: d.touch }));
    },
    opts,
  );
  const release = (e: PointerEvent) => {
    const d = drags.get(e.pointerId);
    drags.delete(e.pointerId);
    const wasPinch = pinchPx !== null;
    pinchPx = fingerGap();
    if (!d || d.held || drags.size > 0 || wasPinch || e.type !== 'pointerup') return;
    const still = Math.hypot(e.clientX - d.startX, e.clientY - d.startY) < CLICK_SLOP_PX;
    if (still && e.timeStamp - d.startMs < CLICK_MS) {
      const box = canvas.getBoundingClientRect();
      pending.push({ kind: 'select', ray: o.rayAt(e.clientX - box.left, e.clientY - box.top) });
    }
  };
  canvas.addEventListener('pointerup', release, opts);
  canvas.addEventListener('pointercancel', release, opts);
  canvas.addEventListener(
    'wheel',
    (e) => {
      const zoom = zoomIntentFromWheel(e.deltaMode === WheelEvent.DOM_DELTA_LINE ? e.deltaY * 16 : e.deltaY);
      if (zoom) pending.push(zoom);
      e.preventDefault();
    },
    { signal, passive: false },
  );
  return {
    clear: () => drags.clear(),
    pressed: () => drags.values().next().value ?? null,
    /**
     * Once a frame: a press held still for `INSPECT.holdMs`, over at least two frames, becomes a grab of what
     * is under it. Checked when the frame drains its input (moves are delivered before it, never after a
     * timer that a busy main thread ran first), so a slow drag start is still a drag.
     */
    heldPress(nowMs: number): Intent | null {
      if (drags.size !== 1) return null;
      const d = drags.values().next().value;
      if (!d?.mayHold) return null;
      d.frames++;
      if (d.frames < 2 || nowMs - d.startMs < INSPECT.holdMs) return null;
      d.mayHold = false;
      d.held = true;
      const box = canvas.getBoundingClientRect();
      return { kind: 'grab', hand: 'screen', ray: o.rayAt(d.startX - box.left, d.startY - box.top) };
    },
  };
}

/** The movement keys held down (WASD and arrows), while the canvas or the page has focus; world actions (Enter, ], [) become intents. */
function listenKeys(canvas: HTMLCanvasElement, o: FlatControlsOptions, pending: Intent[], signal: AbortSignal): Set<string> {
  const held = new Set<string>();
  window.addEventListener(
    'keydown',
    (e) => {
      // Keys act on the world only while it has the focus: buttons and fields keep Enter and Space.
      if (e.target instanceof HTMLElement && e.target !== canvas && e.target !== document.body) return;
      const action = keyAction(e.key, e.altKey || e.ctrlKey || e.metaKey);
      if (!action || e.repeat) return;
      e.preventDefault();
      if (action === 'select-centre') pending.push({ kind: 'select', ray: o.rayAt(canvas.clientWidth / 2, canvas.clientHeight / 2) });
      else if (action === 'inspect-centre')
        pending.push({ kind: 'grab', hand: 'screen', ray: o.rayAt(canvas.clientWidth / 2, canvas.clientHeight / 2), toggles: true });
      else pending.push({ kind: 'step-robot', delta: action === 'next-robot' ? 1 : -1 });
    },
    { signal },
  );
  window.addEventListener(
    'keydown',
    (e) => {
      if (!isMoveKey(e.code) || e.altKey || e.ctrlKey || e.metaKey) return;
      // Arrow keys must keep working in buttons and form fields.
      if (e.target instanceof HTMLElement && e.target !== canvas && e.target !== document.body) return;
      held.add(e.code);
      e.preventDefault();
    },
    { signal },
  );
  window.addEventListener('keyup', (e) => held.delete(e.code), { signal });
  // A key released while the window is unfocused never sends keyup.
  window.addEventListener('blur', () => held.clear(), { signal });
  return held;
}

/** Screen rotation in degrees; `screen.orientation` is missing in Safari before 16.4, whatever the DOM typings say. */
const screenAngle = () => (screen as { orientation?: ScreenOrientation }).orientation?.angle ?? 0;
/** Pointer lock is missing on iOS, whatever the DOM typings say. */
type MaybePointerLock = { requestPointerLock?: () => Promise<void> | void };

/** Listens on the canvas and window for 2D input. */
export function attachFlatControls(canvas: HTMLCanvasElement, o: FlatControlsOptions): FlatControls {
  const pending: Intent[] = [];
  const listeners = new AbortController();
  const pointers = listenPointers(canvas, o, pending, listeners.signal);
  const held = listenKeys(canvas, o, pending, listeners.signal);
  const stick = o.stickParent ? createStick(o.stickParent, o.stickLabel, listeners.signal) : null;
  let mode: FlatInputMode | null = null;
  canvas.addEventListener('pointerdown', (e) => (mode = e.pointerType === 'mouse' ? 'mouse' : 'touch'), { signal: listeners.signal, capture: true });
  window.addEventListener('keydown', (e) => isMoveKey(e.code) && (mode = 'keys'), { signal: listeners.signal });

  let lastOrientation: Orientation | null = null;
  const onOrientation = (e: DeviceOrientationEvent) => {
    if (e.alpha === null || e.beta === null || e.gamma === null) return;
    const now = { alpha: e.alpha, beta: e.beta, gamma: e.gamma };
    const look = lastOrientation ? lookIntentFromOrientation(lastOrientation, now, screenAngle()) : null;
    if (look) pending.push(look);
    lastOrientation = now;
  };

  return {
    drain() {
      const out = pending.splice(0);
      const grab = pointers.heldPress(performance.now());
      if (grab) out.push(grab);
      const move = stick?.move() ?? moveIntentFromKeys(held);
      if (move) out.push(move);
      return out;
    },
    setGyro(on) {
      lastOrientation = null;
      if (on) window.addEventListener('deviceorientation', onOrientation, { signal: listeners.signal });
      else window.removeEventListener('deviceorientation', onOrientation);
    },
    inputMode: () => (stick?.move() ? 'touch' : mode),
    pressedRay() {
      const d = pointers.pressed();
      if (!d) return null;
      const box = canvas.getBoundingClientRect();
      return o.rayAt(d.x - box.left, d.y - box.top);
    },
    lockPointer() {
      // Browsers without pointer lock (or refusing it) leave drag-to-look as it is.
      void Promise.resolve((canvas as MaybePointerLock).requestPointerLock?.()).catch(() => undefined);
    },
    detach() {
      if (document.pointerLockElement === canvas) document.exitPointerLock();
      o.onPointerLock?.(false);
      listeners.abort();
      stick?.element.remove();
      held.clear();
      pointers.clear();
      pending.length = 0;
    },
  };
}

/** The on-screen stick: bottom left, drag its knob to walk; it springs back on release. */
function createStick(parent: HTMLElement, label: string, signal: AbortSignal) {
  const element = document.createElement('div');
  element.className = 'stick';
  element.setAttribute('role', 'group');
  element.setAttribute('aria-label', label);
  const knob = document.createElement('div');
  knob.className = 'stick-knob';
  element.append(knob);
  // First in the shell's bottom-aligned column: it sits just above the toolbar.
  parent.prepend(element);
  let pointer: number | null = null;
  let push = { x: 0, y: 0 };
  const centre = () => {
    const r = element.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  };
  const show = () => {
    const k = stickKnobOffset(push.x, push.y, STICK_RADIUS_PX);
    // A CSS transform set through the CSSOM: allowed under style-src 'self' (no inline style attribute is parsed).
    knob.style.transform = `translate(${k.x}px, ${k.y}px)`;
  };
  element.addEventListener(
    'pointerdown',
    (e) => {
      pointer = e.pointerId;
      element.setPointerCapture(e.pointerId);
      const c = centre();
      push = { x: e.clientX - c.x, y: e.clientY - c.y };
      show();
      e.preventDefault();
    },
    { signal },
  );
  element.addEventListener(
    'pointermove',
    (e) => {
      if (e.pointerId !== pointer) return;
      const c = centre();
      push = { x: e.clientX - c.x, y: e.clientY - c.y };
      show();
    },
    { signal },
  );
  const end = (e: PointerEvent) => {
    if (e.pointerId !== pointer) return;
    pointer = null;
    push = { x: 0, y: 0 };
    show();
  };
  element.addEventListener('pointerup', end, { signal });
  element.addEventListener('pointercancel', end, { signal });
  return {
    element,
    move: () => (pointer === null ? null : moveIntentFromStick(push.x, push.y, { radiusPx: STICK_RADIUS_PX })),
  };
}
