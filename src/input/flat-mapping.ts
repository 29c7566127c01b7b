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
