/**
 * Layouts that stay: a layout the person loads (a file picked or dropped, or
 * `?layout=` with a file's link) is kept on the device (`kept-layouts.ts`)
 * and shown again at the next start, offline too. Settings → Layouts on
 * this device lists them: show one, forget one, or go back to the standard
 * layout. A store that cannot keep them is said; what is shown stays.
 */
import { choose, forget, keep, type Kept } from '../layout/kept';
import type { Layout } from '../layout/schema';
import { parseLayout } from '../layout/validate';
import { readKept, writeKept } from './kept-layouts';
import { defaultLayout } from './layout-source';
import { showLayout } from './world-loading';
import type { App, Disposer } from './state';

/** The settings panel's list, from the state. */
function showKept(app: App): void {
  const { layouts, current } = app.state.kept;
  app.shell.showKept({ layouts: layouts.map(({ id, name, source }) => ({ id, name, source })), current });
}

/**
 * Reads what is kept, once `after` settles (a start that does not show a kept layout reads it after its
 * first frame); every change to it waits for this first read. Resolves with it (nothing, when it cannot be read).
 */
export function readKeptLayouts(app: App, after: Promise<unknown> = Promise.resolve()): Promise<Kept> {
  // Read even if what it waits for failed: the settings panel lists what is kept either way.
  const read = after.then(readKept, readKept).then((kept) => {
    // Nothing kept can be read (a private window, an old browser): the standard layouts work as ever, silently.
    app.state.kept = kept;
    showKept(app);
    return kept;
  });
  app.state.keptChain = read.then(() => undefined);
  return read;
}

/** Changes what is kept, after any change before it, and stores it; a store that cannot keep it is said (`sayProblem`). */
function changeKept(app: App, change: (k: Kept) => Kept, sayProblem: boolean): void {
  const { state } = app;
  state.keptChain = state.keptChain.then(async () => {
    state.kept = change(state.kept);
    const problem = await writeKept(state.kept);
    // Listed once stored: what the list shows is what the next start finds.
    showKept(app);
    if (problem && sayProblem && !state.stopped) app.shell.showAlert(state.strings.notice, state.strings.kept.problem(problem));
  });
}

/** Keeps a layout the person loaded, to show at the next start. */
export function keepLayout(app: App, layout: Layout, source: string): void {
  changeKept(app, (k) => keep(k, layout, source, Date.now()), true);
}

/** The kept-layouts step: the settings panel's Show, Forget and standard layout. */
export function wireKeptLayouts(app: App): Disposer {
  const { shell, state } = app;
  return shell.onKeptAction((a) => {
    if (a.kind === 'forget') {
      changeKept(app, (k) => forget(k, a.id), false);
      return;
    }
    if (a.kind === 'standard') {
      showLayout(app, defaultLayout(), 'default');
      changeKept(app, (k) => choose(k, null), false);
      return;
    }
    const kept = state.kept.layouts.find((l) => l.id === a.id);
    const r = kept ? parseLayout(kept.text) : null;
    if (!kept || !r?.ok) return;
    showLayout(app, r.layout, kept.source);
    changeKept(app, (k) => choose(k, a.id), false);
  });
}
