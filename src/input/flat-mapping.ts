/**
 * Pure mappings from 2D input (keys held, pointer drags) to intents. The DOM
 * adapters in `flat/` only collect events and call these.
 */
import type { Intent } from './intents';

/** `KeyboardEvent.code` values that walk, by axis and sign. */
const KEY_AXES: Readonly<Record<string, readonly ['forward' | 'right', 1 | -1]>> = {
  KeyW: ['forward', 1],
  ArrowUp: ['forward', 1],
  KeyS: ['forward', -1],
  ArrowDown: ['forward', -1],
  KeyD: ['right', 1],
  ArrowRight: ['right', 1],
  KeyA: ['right', -1],
  ArrowLeft: ['right', -1],
};

/** World actions a key stands for, with the focus on the world: select what is at the view's centre, or step through the robots. */
export type KeyAction = 'select-centre' | 'inspect-centre' | 'next-robot' | 'previous-robot';

/** The world action of a key (`KeyboardEvent.key`), or null; modified keys are left to the browser. */
export function keyAction(key: string, modified: boolean): KeyAction | null {
  if (modified) return null;
  switch (key) {
    case 'Enter':
    case ' ':
      return 'select-centre';
    case 'i':
    case 'I':
      return 'inspect-centre';
    case ']':
      return 'next-robot';
    case '[':
      return 'previous-robot';
    default:
      return null;
  }
}

/** Whether a key code is one the walk mapping uses (so its default can be prevented). */
export function isMoveKey(code: string): boolean {
  return code in KEY_AXES;
}

/** The walk intent for the set of keys held, or null when they cancel out or none is held; diagonals are not faster. */
export function moveIntentFromKeys(held: Iterable<string>): Intent | null {
  let forward = 0;
  let right = 0;
  for (const code of new Set(held)) {
    const axis = KEY_AXES[code];
    if (!axis) continue;
    if (axis[0] === 'forward') forward += axis[1];
    else right += axis[1];
  }
  if (forward === 0 && right === 0) return null;
  const len = Math.hypot(forward, right);
  return { kind: 'move', forward: forward / len, right: right / len };
}

/** How a drag turns the view. */
export interface DragLookOptions {
  /** Radians of turn per CSS pixel dragged. @default 0.005 */
  radPerPx: number;
  /**
   * true: drag "grabs" the world (drag right turns the view left), as phone
   * map and panorama viewers do; false: drag points the view (mouse look).
   */
  grab: boolean;
}

/** The look intent for a pointer drag of (dxPx, dyPx) CSS pixels. */
export function lookIntentFromDrag(dxPx: number, dyPx: number, o: DragLookOptions): Intent {
  const sign = o.grab ? -1 : 1;
  // Screen y grows downward; dragging (pointing) up looks up.
  return { kind: 'look', yawDeltaRad: sign * dxPx * o.radPerPx, pitchDeltaRad: -sign * dyPx * o.radPerPx };
}

/** The on-screen stick: radius of its travel in CSS px, and the share of it that does nothing. */
export interface JoystickOptions {
  radiusPx: number;
  /** @default 0.15 */
  deadZone?: number;
}

/**
 * The walk intent for a stick pushed (dxPx, dyPx) from its centre, or null
 * inside the dead zone. Up walks forward; the push is clamped to the rim
 * and rescaled so speed starts from zero at the dead zone's edge.
 */
export function moveIntentFromStick(dxPx: number, dyPx: number, o: JoystickOptions): Intent | null {
  const dead = o.deadZone ?? 0.15;
  const len = Math.hypot(dxPx, dyPx) / o.radiusPx;
  if (!Number.isFinite(len) || len <= dead) return null;
  const strength = (Math.min(1, len) - dead) / (1 - dead);
  const scale = strength / len / o.radiusPx;
  return { kind: 'move', forward: -dyPx * scale, right: dxPx * scale };
}

/** Where the stick's knob is drawn: the push clamped to the rim, in CSS px. */
export function stickKnobOffset(dxPx: number, dyPx: number, radiusPx: number): { x: number; y: number } {
  const len = Math.hypot(dxPx, dyPx);
  const k = len > radiusPx ? radiusPx / len : 1;
  return { x: dxPx * k, y: dyPx * k };
}

/** The zoom intent for two fingers moving from `fromPx` apart to `toPx` apart (spreading zooms in). */
export function zoomIntentFromPinch(fromPx: number, toPx: number): Intent | null {
  if (!(fromPx > 0) || !(toPx > 0) || fromPx === toPx) return null;
  return { kind: 'zoom', factor: toPx / fromPx };
}

/** The zoom intent for a mouse wheel turn (`deltaY` in CSS px; up zooms in). */
export function zoomIntentFromWheel(deltaYPx: number): Intent | null {
  if (!Number.isFinite(deltaYPx) || deltaYPx === 0) return null;
  return { kind: 'zoom', factor: Math.exp(-deltaYPx * 0.002) };
}

/** A device orientation reading in degrees (DeviceOrientationEvent's alpha, beta, gamma). */
export interface Orientation {
  alpha: number;
  beta: number;
  gamma: number;
}

const wrapDeg = (d: number) => ((((d + 180) % 360) + 360) % 360) - 180;

/**
 * The look intent for the phone turning from `prev` to `next`, held in a
 * screen orientation of `screenAngleDeg` (0 portrait, 90 or 270 landscape):
 * turning the phone left turns the view left, tilting its top away looks up.
 */
export function lookIntentFromOrientation(prev: Orientation, next: Orientation, screenAngleDeg: number): Intent | null {
  const yaw = wrapDeg(next.alpha - prev.alpha);
  const landscape = Math.abs(wrapDeg(screenAngleDeg)) === 90;
  // In landscape the phone's tilt toward the person is gamma, with its sign set by which way it was turned.
  const pitch = landscape ? (wrapDeg(screenAngleDeg) === 90 ? -1 : 1) * wrapDeg(next.gamma - prev.gamma) : wrapDeg(next.beta - prev.beta);
  if (![yaw, pitch].every(Number.isFinite) || (yaw === 0 && pitch === 0)) return null;
  const rad = Math.PI / 180;
  return { kind: 'look', yawDeltaRad: -yaw * rad, pitchDeltaRad: pitch * rad };
}
