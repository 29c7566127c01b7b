/**
 * The table-top model's kept place: a persistent anchor's handle (the headset keeps the anchor itself, at
 * the real spot), with the model's turn and scale, which an anchor does not carry. Stored in localStorage so
 * the next passthrough session puts the model back where it was. Parsing is pure and total: anything
 * malformed is no record, and the model is placed afresh.
 */
import { clampScale } from '../world/placement';

export interface AnchorRecord {
  /** The headset's persistent anchor handle (a UUID on the Quest Browser). */
  handle: string;
  yawRad: number;
  scale: number;
}

/** Where the record is kept. */
export const ANCHOR_KEY = 'chasm.tableTopAnchor';

/** Reads a stored record, or null when there is none or it is malformed. */
export function parseAnchorRecord(raw: string | null): AnchorRecord | null {
  if (raw === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { handle, yawRad, scale } = data as Record<string, unknown>;
  if (typeof handle !== 'string' || handle.length === 0 || handle.length > 128) return null;
  if (typeof yawRad !== 'number' || !Number.isFinite(yawRad) || typeof scale !== 'number') return null;
  return { handle, yawRad, scale: clampScale(scale) };
}
