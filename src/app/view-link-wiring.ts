/**
 * The address bar is a link to here: once a second (at most) the URL's
 * hash takes the viewer's standpoint, the selection and the simulation's
 * seed, time and speed (`settings/view-hash.ts`), with `replaceState`. A
 * link opened on any terminal restores them once the world is shown; an
 * odd part is said in one line and the rest still applies.
 */
import { formatViewHash, parseViewHash, type ViewLink } from '../settings/view-hash';
import { describeTarget } from '../selection/describe';
import { showSelection } from './selects';
import { showLayout } from './world-loading';
import { standIntents } from '../input/intents';
import type { App, Disposer } from './state';

const DEG = Math.PI / 180;

/** This view as a link. */
function currentLink(app: App): ViewLink | null {
  const { twin, selection, time, room } = app.state;
  if (!twin) return null;
  const r = app.rig.state;
  const target = selection?.target;
  return {
    at: { xM: r.xM, zM: r.zM, yawDeg: r.yawRad / DEG, pitchDeg: r.pitchRad / DEG },
    ...(target?.kind === 'robot' ? { sel: { kind: 'robot', id: target.id } } : target?.kind === 'bin' ? { sel: { kind: 'bin', index: target.index } } : {}),
    seed: twin.layout.seed,
    simS: twin.sim.tick / 10,
    // A shared room keeps its own time.
    ...(room ? {} : { speed: time.speed, paused: time.paused }),
  };
}

/** Restores a link's view on the world shown: seed, time, speed, standpoint, selection. Returns what could not be used. */
function restore(app: App, link: ViewLink): string[] {
  const { state } = app;
  const unused: string[] = [];
  let twin = state.twin;
  if (!twin) return unused;
  // A shared room's seed, time and speed are the room's.
  if (!state.room) {
    if (link.seed !== undefined && link.seed !== twin.layout.seed) {
      showLayout(app, { ...twin.layout, seed: link.seed }, state.twinSource);
      twin = state.twin ?? twin;
    }
    if (link.simS !== undefined) twin.catchUpTo(link.simS * 10);
    state.time = { speed: link.speed ?? state.time.speed, paused: link.paused ?? false };
  }
  if (link.at) app.rig.apply(standIntents(app.rig.state, { ...link.at, yawRad: link.at.yawDeg * DEG, pitchRad: link.at.pitchDeg * DEG }), 0);
  const sel = link.sel;
  if (sel) {
    const exists = sel.kind === 'robot' ? sel.id < twin.sim.robots.length : sel.index < twin.geometry.bins.length;
    if (exists) showSelection(app, { target: sel, card: describeTarget(twin.sim, sel, state.strings.card) });
    else unused.push('sel');
  }
  return unused;
}

/** The view-link step: restores the page's link once the world is ready, then keeps the hash following the view. */
export function wireViewLink(app: App, ready: Promise<void>): Disposer {
  const { shell, state } = app;
  const { link, problems } = parseViewHash(location.hash);
  let restored = false;
  void ready.then(() => {
    if (state.stopped) return;
    const unused = [...problems, ...restore(app, link)];
    restored = true;
    if (unused.length) shell.showAlert(state.strings.notice, state.strings.viewLink.problem(unused.join(', ')));
  });
  const follow = setInterval(() => {
    // In VR the headset's pose is the person's own, not a standpoint to share.
    if (!restored || state.immersive) return;
    const now = currentLink(app);
    if (!now) return;
    const hash = `#${formatViewHash(now)}`;
    if (hash !== location.hash) history.replaceState(history.state, '', hash);
  }, 1000);
  const off = shell.onCopyView(() => {
    const url = location.href;
    const share = (navigator as { share?: (data: ShareData) => Promise<void> }).share;
    // The system share sheet where there is one (phones), else the clipboard.
    const done = share ? share.call(navigator, { url }) : navigator.clipboard.writeText(url);
    void done.then(() => shell.showAlert(state.strings.notice, state.strings.viewLink.copied)).catch(() => undefined);
  });
  return () => {
    clearInterval(follow);
    off();
  };
}
