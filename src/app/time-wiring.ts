/**
 * The simulation's time, as the person sets it: the toolbar's Time card (and
 * the in-VR menu's Speed row) pause, resume, change the speed and reset to
 * the seed. The frame loop reads `state.time`; a shared room keeps its own.
 */
import type { SimTime } from '../sim/clock';
import type { TimeView } from '../ui/time-card';
import { describeTarget, sameCard } from '../selection/describe';
import type { App, Disposer } from './state';
import { cardFor, showSelection } from './selects';

/** The time card's view of now, or null before the first layout. */
function timeView(app: App): TimeView | null {
  const { twin, time, room } = app.state;
  return twin ? { simS: twin.sim.tick / 10, seed: twin.layout.seed, speed: time.speed, paused: time.paused, inRoom: room !== null } : null;
}

/** Changes the time (alone; a shared room keeps its own) and shows it where it is shown. */
export function changeTime(app: App, change: (t: SimTime) => SimTime): void {
  if (app.state.room) return;
  app.state.time = change(app.state.time);
  if (app.shell.timeShown) app.shell.showTime(timeView(app));
}

/**
 * The selection's card follows the simulation (a robot's task, its route, its battery), once a second, when
 * its words change. In VR the card is repainted where it floats, not moved.
 */
function refreshCard(app: App): void {
  const { selection, immersive } = app.state;
  const card = selection && cardFor(app, selection.target);
  if (!selection || !card || sameCard(card, selection.card)) return;
  if (immersive) {
    immersive.refreshCard(selection.card, card);
    app.state.selection = { ...selection, card };
  } else showSelection(app, { ...selection, card });
}

/** How often the order board's figures are told to assistive technology, at most. */
const NEWS_EVERY_MS = 10_000;

/** The time step: the Time card and its controls; the card's clock ticks once a second while it shows. The board's figures are told to screen readers every 10 s. */
export function wireTime(app: App): Disposer {
  const { shell, state } = app;
  const show = () => shell.showTime(timeView(app));
  const ticking = setInterval(() => {
    if (shell.timeShown) show();
    refreshCard(app);
  }, 1000);
  const news = setInterval(() => {
    const twin = state.twin;
    if (!twin || state.immersive) return;
    const board = describeTarget(twin.sim, { kind: 'board' }, state.strings.card);
    shell.announce([board.title, ...board.lines].join('. '));
  }, NEWS_EVERY_MS);
  const offs = [
    shell.onTime(() => (shell.timeShown ? shell.showTime(null) : show())),
    shell.onPause(() => changeTime(app, (t) => ({ ...t, paused: !t.paused }))),
    shell.onSpeed((speed) => changeTime(app, () => ({ speed, paused: false }))),
    shell.onResetTime(() => {
      if (state.room) return;
      state.twin?.resetSimulation();
      show();
    }),
  ];
  return () => {
    clearInterval(ticking);
    clearInterval(news);
    for (const off of offs) off();
    shell.showTime(null);
  };
}
