/**
 * Where the layout comes from: `?layout=NAME` (one of the shipped layouts),
 * or a file the person picks or drops. Every path ends in a validated layout
 * or in messages saying what is wrong; nothing here throws.
 */
import defaultLayoutJson from '../../assets/layouts/default.json';
import { describeProblems, parseLayout, validateLayout, type LayoutProblem } from '../layout/validate';
import { LIMITS, type Layout } from '../layout/schema';

/** Shipped layouts other than the default, as built asset URLs (fetched only when asked for). */
const SHIPPED: Record<string, string> = Object.fromEntries(
  Object.entries(import.meta.glob<string>('../../assets/layouts/*.json', { query: '?url', import: 'default', eager: true })).map(([path, url]) => [
    path.replace(/^.*\/(.+)\.json$/, '$1'),
    url,
  ]),
);

/** Names `?layout=` accepts. */
export const LAYOUT_NAMES = Object.keys(SHIPPED).sort();

/** A layout to show, or why it cannot be shown. */
export type LayoutLoad = { ok: true; layout: Layout; source: string } | { ok: false; message: string };

/** The standard layout, bundled with the app so a world always loads, online or not. */
export function defaultLayout(): Layout {
  const r = validateLayout(defaultLayoutJson);
  if (!r.ok) throw new Error(`the bundled default layout is invalid: ${describeProblems(r.problems)}`);
  return r.layout;
}

const failed = (what: string, problems: readonly LayoutProblem[]) => `${what} cannot be used:\n${describeProblems(problems)}`;

/** Resolves the `layout` URL parameter; null means "the default". */
export async function loadNamedLayout(name: string | null): Promise<LayoutLoad> {
  if (name === null || name === '' || name === 'default') return { ok: true, layout: defaultLayout(), source: 'default' };
  const url = /^[a-z0-9-]{1,32}$/i.test(name) ? SHIPPED[name] : undefined;
  if (url === undefined) {
    return { ok: false, message: `There is no layout called "${name.slice(0, 40)}". Available: ${LAYOUT_NAMES.join(', ')}.` };
  }
  try {
    const response = await fetch(url);
    if (!response.ok) return { ok: false, message: `Layout "${name}" could not be fetched (HTTP ${response.status}).` };
    const r = parseLayout(await response.text());
    return r.ok ? { ok: true, layout: r.layout, source: name } : { ok: false, message: failed(`Layout "${name}"`, r.problems) };
  } catch (error) {
    return { ok: false, message: `Layout "${name}" could not be fetched: ${error instanceof Error ? error.message : String(error)}.` };
  }
}

/** Reads a layout from a file the person picked or dropped. */
export async function loadLayoutFile(file: File): Promise<LayoutLoad> {
  if (file.size > LIMITS.maxBytes) {
    return { ok: false, message: `"${file.name}" is ${Math.round(file.size / 1024)} KB; a layout may be at most ${LIMITS.maxBytes / 1024} KB.` };
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { ok: false, message: `"${file.name}" could not be read: ${error instanceof Error ? error.message : String(error)}.` };
  }
  const r = parseLayout(text);
  return r.ok ? { ok: true, layout: r.layout, source: file.name } : { ok: false, message: failed(`"${file.name}"`, r.problems) };
}
