/**
 * The URL parameters Chasm understands, parsed once and purely: an odd
 * value becomes a message for the person, never an exception.
 */

/** What the URL asks for. */
export interface UrlOptions {
  /** `?layout=NAME`: a shipped layout, or null for the standard one. */
  layout: string | null;
  /** `?budgets=off`: build the world without budgets (the perf baseline). */
  budgets: 'on' | 'off';
  /** `?hud`: show the perf HUD. */
  hud: boolean;
  /** `?seed=N`: the simulation's seed in place of the layout's (a whole number, 0 to 2³² − 1, as a layout's); null: the layout's. */
  seed: number | null;
  /** One per parameter that could not be used (as data; `ui/strings.ts` words it). */
  problems: UrlProblem[];
}

/** A URL parameter that could not be used: its value (cut to 20 characters) was not understood. */
export interface UrlProblem {
  param: 'budgets' | 'hud' | 'seed';
  value: string;
}

/** The largest seed a layout takes (`layout/validate.ts`). */
const MAX_SEED = 4_294_967_295;

const FLAG_TRUE = new Set(['', '1', 'on', 'true', 'yes']);
const FLAG_FALSE = new Set(['0', 'off', 'false', 'no']);

/** Parses `location.search` (with or without the leading '?'). */
export function parseUrlOptions(search: string): UrlOptions {
  const params = new URLSearchParams(search);
  const problems: UrlProblem[] = [];
  const budgetsRaw = params.get('budgets');
  let budgets: UrlOptions['budgets'] = 'on';
  if (budgetsRaw !== null) {
    const v = budgetsRaw.trim().toLowerCase();
    if (FLAG_FALSE.has(v)) budgets = 'off';
    else if (!FLAG_TRUE.has(v)) problems.push({ param: 'budgets', value: budgetsRaw.slice(0, 20) });
  }
  const hudRaw = params.get('hud');
  let hud = false;
  if (hudRaw !== null) {
    const v = hudRaw.trim().toLowerCase();
    if (FLAG_TRUE.has(v)) hud = true;
    else if (!FLAG_FALSE.has(v)) problems.push({ param: 'hud', value: hudRaw.slice(0, 20) });
  }
  const seedRaw = params.get('seed');
  let seed: number | null = null;
  if (seedRaw !== null) {
    const v = seedRaw.trim();
    if (/^\d{1,10}$/.test(v) && Number(v) <= MAX_SEED) seed = Number(v);
    else problems.push({ param: 'seed', value: seedRaw.slice(0, 20) });
  }
  const layout = params.get('layout');
  return { layout: layout === null || layout.trim() === '' ? null : layout.trim(), budgets, hud, seed, problems };
}
