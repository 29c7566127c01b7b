/**
 * The time card: the simulated clock and the layout's seed, pause and
 * resume, the speed (1×, 10×, 60×), and a reset to the seed. In a shared
 * room the room keeps the time: the card says so and its controls rest.
 */
import { el, onClick, subscribe, type Texts } from './dom';
import { formatSimTime, SPEEDS, type Speed } from '../sim/clock';

/** What the time card shows. */
export interface TimeView {
  simS: number;
  seed: number;
  speed: Speed;
  paused: boolean;
  /** In a shared room: the room's clock runs the simulation. */
  inRoom: boolean;
}

export function createTimeCard(t: Texts) {
  const title = t.text(el('h2', { id: 'time-title' }), (s) => s.time.title);
  const clock = el('p', { className: 'time-clock' });
  clock.setAttribute('role', 'status');
  const room = t.text(el('p', { hidden: true }), (s) => s.time.roomKeeps);
  const pause = el('button', { type: 'button' });
  const speedButtons = SPEEDS.map((speed) => {
    const b = t.button((s) => s.time.speed(speed));
    b.dataset.speed = String(speed);
    return b;
  });
  const speeds = el('div', { className: 'actions' }, speedButtons);
  speeds.setAttribute('role', 'group');
  t.text(speeds, (s) => s.time.speedGroup, 'aria-label');
  const reset = t.button((s) => s.time.reset);
  const close = t.button((s) => s.close);
  const section = el('section', { className: 'card time', hidden: true }, [
    title,
    clock,
    room,
    el('div', { className: 'actions' }, [pause, reset]),
    speeds,
    el('div', { className: 'actions' }, [close]),
  ]);
  section.setAttribute('aria-labelledby', title.id);
  let view: TimeView | null = null;
  const speedHandlers: Array<(speed: Speed) => void> = [];
  const closed: Array<() => void> = [];
  t.live((s) => {
    if (!view) return;
    clock.textContent = s.time.clock(formatSimTime(view.simS), view.paused ? s.time.paused : s.time.speed(view.speed), view.seed);
    pause.textContent = view.paused ? s.time.resume : s.time.pause;
  });
  speedButtons.forEach((b, i) =>
    b.addEventListener('click', () => {
      const speed = SPEEDS[i];
      if (speed !== undefined) for (const h of speedHandlers) h(speed);
    }),
  );
  close.addEventListener('click', () => {
    section.hidden = true;
    for (const h of closed) h();
  });
  return {
    section,
    /** Shows the card with `next` (or hides it with null). */
    showTime(next: TimeView | null) {
      view = next;
      section.hidden = next === null;
      if (!next) return;
      room.hidden = !next.inRoom;
      for (const b of [pause, reset, ...speedButtons]) b.disabled = next.inRoom;
      pause.setAttribute('aria-pressed', String(next.paused));
      speedButtons.forEach((b, i) => b.setAttribute('aria-pressed', String(!next.paused && SPEEDS[i] === next.speed)));
      t.rerender();
    },
    get open() {
      return !section.hidden;
    },
    onPause: onClick(pause),
    onReset: onClick(reset),
    onSpeed: (handler: (speed: Speed) => void) => subscribe(speedHandlers, handler),
    onTimeClosed: (handler: () => void) => subscribe(closed, handler),
  };
}
