/**
 * Loading layouts into the twin: the first one at start, a file the person
 * drops or picks, one after another. A layout that cannot be used is said
 * and the world shown is kept.
 */
import { classifyTerminal } from '../device/classify';
import { probeCapabilities } from '../device/probe';
import { createTwin, type Twin } from '../world/twin';
import { endRunAhead } from '../world/run-ahead';
import { whenDrawn } from '../world/when-drawn';
import type { Layout } from '../layout/schema';
import { defaultLayout, isLayoutFileRef, loadLayoutFile, loadNamedLayout } from './layout-source';
import { keepLayout, readKeptLayouts } from './kept-wiring';
import { keptShownAtStart } from './kept-layouts';
import type { Kept } from '../layout/kept';
import { parseLayout } from '../layout/validate';
import { reapplyQuality } from './view';
import { NO_WHAT_IF, robotRange, type WhatIf } from '../sim/what-if';
import type { App, Disposer } from './state';

/** Shows the what-if in effect and the layout's limits in the settings panel. */
export function showWhatIfFields(app: App): void {
  const { twin, room } = app.state;
  if (!twin) return;
  const { min, max } = robotRange(twin.layout);
  app.shell.showWhatIf({ whatIf: twin.whatIf, min, max, own: twin.layout.robots.count, inRoom: room !== null });
}

/**
 * Builds a twin for `layout` (run with `whatIf`, alone; a shared room runs the layout itself) and shows it
 * in place of the one shown.
 */
export function showLayout(app: App, layout: Layout, source: string, o: { whatIf?: WhatIf; keepView?: boolean } = {}): void {
  const { shell, state } = app;
  if (state.stopped) return;
  const s = state.strings;
  shell.setBusy(true);
  shell.setStatus(s.loadingWorld);
  try {
    let next: Twin;
    performance.mark('chasm:layout-ready');
    try {
      next = createTwin(app.scene, layout, {
        robotModel: app.robotModel,
        budgets: app.options.budgets,
        lodDistancesM: app.quality.budget.lodDistancesM,
        strings: s.world,
        whatIf: state.room ? NO_WHAT_IF : (o.whatIf ?? NO_WHAT_IF),
      });
    } catch (error) {
      // Validation should have caught it; if not, say so and keep what is shown.
      shell.showAlert(s.layoutProblem, `${error instanceof Error ? error.message : String(error)}\n\n${state.twin ? s.keptWorld : ''}`);
      return;
    }
    performance.mark('chasm:twin-built');
    state.twin?.dispose();
    state.twin = next;
    next.setPlacement(state.placement);
    next.setCongestionShown(app.settings.current.congestion);
    reapplyQuality(app);
    state.twinSource = source;
    // The same floor with another what-if: the viewer stays where they stand.
    if (o.keepView) app.rig.place(app.rig.state, next.bounds);
    else app.rig.place(next.startPose, next.bounds);
    state.selection = null;
    shell.showCard(null);
    showWhatIfFields(app);
    const showNotices = () => {
      const t = state.strings;
      const notices = [...app.options.problems.map(t.urlProblem), ...(app.options.budgets === 'off' ? [t.budgetsOff] : []), ...next.notices];
      if (notices.length) shell.showAlert(t.notice, notices.join('\n'));
    };
    showNotices();
    void next.complete.then(() => {
      performance.mark('chasm:complete');
      // A missing model is said when it is found missing, while this twin is still the one shown.
      if (next.notices.length && state.twin === next && !state.stopped) showNotices();
    });
  } finally {
    shell.setBusy(false);
    shell.showProfile(state.profile);
  }
}

/** Loads a layout file after any load under way; a bad file is said and the world kept. */
export function loadFile(app: App, file: File): void {
  const { state, shell } = app;
  state.loading = state.loading.then(async () => {
    const r = await loadLayoutFile(file);
    if (state.stopped) return;
    if (!r.ok) {
      shell.showAlert(state.strings.layoutProblem, `${state.strings.layoutLoad(r.problem)}\n\n${state.strings.keptWorld}`);
      return;
    }
    shell.showAlert(null);
    showLayout(app, r.layout, r.source);
    keepLayout(app, r.layout, r.source);
  });
}

/**
 * The world step: loads the URL's layout (or the standard one, saying why),
 * refines the terminal with the XR probe, and settles `app.ready` once the
 * first frame of the world is drawn and `app.complete` once it is whole.
 */
export function wireWorld(app: App, milestones: { ready(p: Promise<void>): void; complete(p: Promise<void>): void }): Disposer {
  const { state, shell } = app;
  // `?seed=` replaces the first layout's seed (a shared room's layout, later, carries its own).
  const seeded = (layout: Layout): Layout => (app.options.seed === null ? layout : { ...layout, seed: app.options.seed });
  const named = app.options.layout;
  // With no ?layout=, the layout kept for this start is shown: the start waits for the store only when
  // the last write said there is one (`keptShownAtStart`), not on every first visit.
  const waitsForKept = named === null && keptShownAtStart();
  const keptFirst = waitsForKept ? readKeptLayouts(app) : null;
  const showKept = (k: Kept | null): boolean => {
    const atStart = k?.layouts.find((l) => l.id === k.current);
    const keptLayout = atStart ? parseLayout(atStart.text) : null;
    if (!atStart || !keptLayout?.ok) return false;
    showLayout(app, seeded(keptLayout.layout), atStart.source);
    return true;
  };
  const firstLayout = (keptFirst ?? Promise.resolve(null)).then(async (k) => {
    if (showKept(k)) return;
    const r = await loadNamedLayout(named);
    if (r.ok) {
      showLayout(app, seeded(r.layout), r.source);
      // A layout file named by the link is kept, as a picked one is (the shipped ones need no keeping).
      if (named !== null && isLayoutFileRef(named)) keepLayout(app, r.layout, r.source);
      return;
    }
    shell.showAlert(state.strings.layoutProblem, `${state.strings.layoutLoad(r.problem)}\n\n${state.strings.standardInstead}`);
    showLayout(app, seeded(defaultLayout()), 'default');
  });
  state.loading = firstLayout;
  const classified = probeCapabilities().then((signals) => {
    if (state.stopped) return;
    state.profile = classifyTerminal(signals);
    if (state.twin) shell.showProfile(state.profile);
  });
  // Time to first frame of the world, for the perf traces (performance.getEntriesByName).
  const firstFrame = firstLayout.then(() => whenDrawn(app.scene)).then(() => void performance.mark('chasm:first-frame'));
  // Not waited for, the store is read after the first frame: its first open on a phone competes with the start.
  if (!keptFirst) {
    const kept = readKeptLayouts(app, firstFrame);
    // A layout kept before the hint existed (or with the hint lost) is shown once the store answers, if
    // the standard layout is still what shows; from then on the hint says so and the start waits for it.
    if (named === null)
      void kept.then((k) => {
        if (!state.stopped && k.current !== null && state.twinSource === 'default') showKept(k);
      });
  }
  const ready = Promise.all([firstFrame, classified]).then(() => undefined);
  milestones.ready(ready);
  milestones.complete(ready.then(() => state.twin?.complete));
  return () => {
    state.twin?.dispose();
    state.twin = null;
    endRunAhead();
  };
}
