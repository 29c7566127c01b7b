/**
 * Where the layout comes from: `?layout=NAME` (one of the shipped layouts, or a layout file on this site by path or URL),
 * or a file the person picks or drops. Every path ends in a validated layout
 * or in messages saying what is wrong; nothing here throws.
 */
import defaultLayoutJson from '../../assets/layouts/default.json';
import { parseLayout, validateLayout } from '../layout/validate';
import { EN } from '../ui/strings';
import type { LayoutLoadProblem } from '../layout/load-problem';
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
export type LayoutLoad = { ok: true; layout: Layout; source: string } | { ok: false; problem: LayoutLoadProblem };

const refused = (problem: LayoutLoadProblem): LayoutLoad => ({ ok: false, problem });
const detailOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The standard layout, bundled with the app so a world always loads, online or not. */
export function defaultLayout(): Layout {
  const r = validateLayout(defaultLayoutJson);
  if (!r.ok) throw new Error(`the bundled default layout is invalid: ${EN.layoutProblems(r.problems)}`);
  return r.layout;
}

/** Whether `?layout=` names a layout file (a path or URL to a `.json` file) rather than a shipped layout; anything else is a name. */
export const isLayoutFileRef = (name: string): boolean => /\.json$/i.test(name.replace(/[?#].*$/, ''));

/** Fetches a layout file from this site, as a picked file is read: size-limited, validated. */
async function loadLayoutUrl(name: string): Promise<LayoutLoad> {
  let url: URL;
  try {
    url = new URL(name, location.href);
  } catch (error) {
    return refused({ kind: 'not-fetched', name: name.slice(0, 80), detail: detailOf(error) });
  }
  if (url.origin !== location.origin) return refused({ kind: 'other-origin', name: name.slice(0, 80), origin: location.origin });
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) return refused({ kind: 'not-fetched', name, detail: `HTTP ${response.status}` });
    const text = await response.text();
    if (text.length > LIMITS.maxBytes) return refused({ kind: 'too-big', file: name, kb: Math.round(text.length / 1024), maxKb: LIMITS.maxBytes / 1024 });
    const r = parseLayout(text);
    return r.ok ? { ok: true, layout: r.layout, source: url.pathname } : refused({ kind: 'invalid', what: { name }, problems: r.problems });
  } catch (error) {
    return refused({ kind: 'not-fetched', name, detail: detailOf(error) });
  }
}

/** Resolves the `layout` URL parameter (a shipped layout's name, or a layout file on this site); null means "the default". */
export async function loadNamedLayout(name: string | null): Promise<LayoutLoad> {
  if (name === null || name === '' || name === 'default') return { ok: true, layout: defaultLayout(), source: 'default' };
  if (isLayoutFileRef(name)) return loadLayoutUrl(name);
  const url = /^[a-z0-9-]{1,32}$/i.test(name) ? SHIPPED[name] : undefined;
  if (url === undefined) {
    return refused({ kind: 'unknown-name', name: name.slice(0, 40), available: LAYOUT_NAMES });
  }
  try {
    const response = await fetch(url);
    if (!response.ok) return refused({ kind: 'not-fetched', name, detail: `HTTP ${response.status}` });
    const r = parseLayout(await response.text());
    return r.ok ? { ok: true, layout: r.layout, source: name } : refused({ kind: 'invalid', what: { name }, problems: r.problems });
  } catch (error) {
    return refused({ kind: 'not-fetched', name, detail: detailOf(error) });
  }
}

/** Reads a layout from a file the person picked or dropped. */
export async function loadLayoutFile(file: File): Promise<LayoutLoad> {
  if (file.size > LIMITS.maxBytes) {
    return refused({ kind: 'too-big', file: file.name, kb: Math.round(file.size / 1024), maxKb: LIMITS.maxBytes / 1024 });
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return refused({ kind: 'unreadable', file: file.name, detail: detailOf(error) });
  }
  const r = parseLayout(text);
  return r.ok ? { ok: true, layout: r.layout, source: file.name } : refused({ kind: 'invalid', what: { file: file.name }, problems: r.problems });
}
