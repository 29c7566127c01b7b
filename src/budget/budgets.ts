/**
 * One typed budget table, one row per device class. Every number names its
 * source. The performance issue extends the rows (texture memory, LOD
 * distances, governor ranges); everything reads budgets from here.
 */
import type { HeadsetModel, Terminal } from '../device/classify';

/** Device classes that have a budget row. */
export type DeviceClass = 'quest-2' | 'quest-3' | 'quest-pro' | 'phone' | 'desktop';

/** The budget one device class is held to. */
export interface Budget {
  /** Display refresh the app targets, in Hz. */
  targetHz: number;
  /** Most draw calls per frame (all views). */
  maxDrawCalls: number;
  /** Most triangles drawn per frame. */
  maxTriangles: number;
}

/** The budget table. */
export const BUDGETS: Readonly<Record<DeviceClass, Budget>> = {
  // Meta: Quest 2 runs browser content at 72 Hz by default (90 Hz optional);
  // "under 100 draw calls" for web content; ~750k triangles on Quest 2.
  'quest-2': { targetHz: 72, maxDrawCalls: 100, maxTriangles: 750_000 },
  // Meta: Quest 3/3S at 90 Hz; ~1M triangles on Quest 3.
  'quest-3': { targetHz: 90, maxDrawCalls: 100, maxTriangles: 1_000_000 },
  // Meta: Quest Pro at 90 Hz; XR2+ class GPU, held to the Quest 2 triangle figure.
  'quest-pro': { targetHz: 90, maxDrawCalls: 100, maxTriangles: 750_000 },
  // Phones: 60 Hz displays are the common floor; mid-range GPUs, same web draw-call guidance.
  phone: { targetHz: 60, maxDrawCalls: 100, maxTriangles: 500_000 },
  // Desktop: 60 Hz is the common display rate; integrated GPUs handle far more.
  desktop: { targetHz: 60, maxDrawCalls: 300, maxTriangles: 2_000_000 },
};

const HEADSET_CLASS: Readonly<Record<HeadsetModel, DeviceClass>> = {
  'quest-1': 'quest-2',
  'quest-2': 'quest-2',
  'quest-3': 'quest-3',
  'quest-3s': 'quest-3',
  'quest-pro': 'quest-pro',
  // Unknown headsets get the most conservative headset row.
  'other-headset': 'quest-2',
};

/** The device class whose budget applies to a terminal (and headset model). */
export function deviceClassOf(terminal: Terminal, headsetModel: HeadsetModel | null): DeviceClass {
  if (terminal === 'headset') return HEADSET_CLASS[headsetModel ?? 'other-headset'];
  return terminal;
}
