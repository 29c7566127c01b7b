/**
 * Layouts kept on this device: the ones the person loaded (picked, dropped
 * or from a URL), newest first, and which of them is shown at the next
 * start. Pure list logic; `app/kept-layouts.ts` stores it in IndexedDB.
 */
import type { Layout } from './schema';

/** A layout as it is kept and sent: the validated layout's JSON (the same text on every terminal for the same layout). */
export function layoutText(layout: Layout): string {
  return JSON.stringify(layout);
}

/** A short name for a layout's text (FNV-1a, 32 bits, hex): two terminals showing the same layout agree on it. */
export function layoutId(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** One kept layout. */
export interface KeptLayout {
  id: string;
  name: string;
  /** Where it came from: a file's name or a URL. */
  source: string;
  /** `layoutText` of the validated layout. */
  text: string;
  savedAt: number;
}

/** Everything kept: the layouts, and the one shown at the next start (null: the standard layout). */
export interface Kept {
  layouts: KeptLayout[];
  current: string | null;
}

/** Why the kept layouts could not be read or written (no storage here, a full disk, anything else). */
export type KeptProblem = 'unavailable' | 'full' | 'failed';

/** The most layouts kept; the oldest goes first. */
export const MAX_KEPT = 8;

export const NOTHING_KEPT: Kept = { layouts: [], current: null };

/** Keeps `layout` (loaded from `source`) as the newest, shown at the next start; the same layout again moves to the front. */
export function keep(k: Kept, layout: Layout, source: string, nowMs: number): Kept {
  const text = layoutText(layout);
  const id = layoutId(text);
  const entry: KeptLayout = { id, name: layout.name, source, text, savedAt: nowMs };
  return { layouts: [entry, ...k.layouts.filter((l) => l.id !== id)].slice(0, MAX_KEPT), current: id };
}

/** Forgets a kept layout; if it was to be shown at the next start, the standard one is. */
export function forget(k: Kept, id: string): Kept {
  return { layouts: k.layouts.filter((l) => l.id !== id), current: k.current === id ? null : k.current };
}

/** Chooses which kept layout shows at the next start (null: the standard one). */
export function choose(k: Kept, id: string | null): Kept {
  return { ...k, current: id !== null && k.layouts.some((l) => l.id === id) ? id : null };
}

/** Reads stored data as `Kept`, dropping anything malformed (never throws). */
export function parseKept(raw: unknown): Kept {
  if (typeof raw !== 'object' || raw === null) return NOTHING_KEPT;
  const r = raw as { layouts?: unknown; current?: unknown };
  const layouts = (Array.isArray(r.layouts) ? (r.layouts as unknown[]) : [])
    .filter((l): l is KeptLayout => {
      const e = l as Partial<KeptLayout> | null;
      return (
        typeof e === 'object' &&
        e !== null &&
        typeof e.id === 'string' &&
        typeof e.name === 'string' &&
        typeof e.text === 'string' &&
        typeof e.source === 'string'
      );
    })
    .slice(0, MAX_KEPT);
  const current = typeof r.current === 'string' && layouts.some((l) => l.id === r.current) ? r.current : null;
  return { layouts, current };
}
