/**
 * Find: what the person types is searched in the twin (`selection/search.ts`,
 * pure); a result chosen is highlighted, its card shown, and the viewer
 * stands facing it (on walkable floor). A medicine's bins are stepped
 * through one by one.
 */
import { search, type Found } from '../selection/search';
import { selectFacing } from './selects';
import type { App, Disposer } from './state';

/** The results shown, and the medicine being stepped through (its bins, and which one). */
interface FindState {
  found: Found[];
  stepping: { bins: number[]; at: number } | null;
}

/** Shows bin `at` of the medicine being stepped through. */
function stepTo(app: App, find: FindState, at: number): void {
  const s = find.stepping;
  if (!s || s.bins.length === 0) return;
  s.at = (at + s.bins.length) % s.bins.length;
  const index = s.bins[s.at];
  if (index !== undefined) selectFacing(app, { kind: 'bin', index });
  app.shell.showFindStep({ at: s.at, of: s.bins.length });
}

/** The find step. */
export function wireFind(app: App): Disposer {
  const { shell, state } = app;
  const find: FindState = { found: [], stepping: null };
  const offs = [
    shell.onFind((text) => {
      const twin = state.twin;
      find.found = twin && text.trim() ? search(text, twin.geometry, twin.sim.robots.length, state.strings.lang) : [];
      const t = state.strings;
      shell.showFound(
        text.trim()
          ? find.found.map((f) => ({
              label: f.kind === 'robot' ? t.card.robot(f.id + 1) : f.kind === 'bin' ? t.card.bin(f.code) : t.find.medicine(f.name, f.bins.length),
            }))
          : null,
      );
    }),
    shell.onChooseFound((i) => {
      const f = find.found[i];
      if (!f) return;
      // The list steps aside for the view; typing again brings it back.
      shell.showFound(null);
      find.stepping = null;
      shell.showFindStep(null);
      if (f.kind === 'robot') selectFacing(app, { kind: 'robot', id: f.id });
      else if (f.kind === 'bin') selectFacing(app, { kind: 'bin', index: f.index });
      else {
        find.stepping = { bins: f.bins, at: 0 };
        stepTo(app, find, 0);
      }
    }),
    shell.onFindStep((delta) => stepTo(app, find, (find.stepping?.at ?? 0) + delta)),
  ];
  return () => {
    for (const off of offs) off();
  };
}
