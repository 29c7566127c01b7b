/**
 * What the in-VR menu shows and does, as plain data: one row per button,
 * its label in the person's language and the action it triggers. Pure, so
 * the labels and the cycling of values are tested in Node.
 */
import { LANGUAGES, QUALITY_MODES, SNAP_TURN_DEGREES, type Settings } from '../settings/settings';
import type { Strings } from '../ui/strings';
import { nextSpeed, type SimTime } from '../sim/clock';
import type { InputMode } from '../input/intents';
import type { Card } from '../selection/describe';

/** What a button does. */
export type MenuAction =
  | { kind: 'settings'; change: (s: Settings) => Settings }
  | { kind: 'time'; change: (t: SimTime) => SimTime }
  | { kind: 'share' }
  | { kind: 'recenter' }
  /** Measures the standing eye height now (the person stands up straight and presses). */
  | { kind: 'calibrate' }
  /** One snap turn, left (-1) or right (1): controllers with no stick turn from here. */
  | { kind: 'turn'; direction: -1 | 1 }
  | { kind: 'exit' };

export interface MenuRow {
  id:
    | 'snap'
    | 'turn'
    | 'smoothTurn'
    | 'smoothMove'
    | 'vignette'
    | 'seated'
    | 'height'
    | 'leftHanded'
    | 'quality'
    | 'language'
    | 'hud'
    | 'speed'
    | 'share'
    | 'recenter'
    | 'exit';
  label: string;
  action: MenuAction;
  /** A second button sharing the row, on its right half (the row's own button takes the left half). */
  right?: { label: string; action: MenuAction };
}

/** What the rows read. */
export interface MenuContext {
  settings: () => Settings;
  strings: () => Strings;
  /** The simulation's time, and whether a shared room keeps it (the Speed row then only says so). */
  time: () => SimTime & { inRoom: boolean };
}

/**
 * The panel's geometry: 0.5 m wide at 0.75 m, 0.12 m below the eyes, its top tilted away; on its
 * 1024 px texture a 80 px title under 24 px of margin, then one 76 px row per button, 900 px wide
 * (38 px text is about 1.4° tall at that distance, easy to read). Tests aim controllers with it.
 */
export const MENU_PANEL = { widthM: 0.5, widthPx: 1024, distanceM: 0.75, belowEyesM: 0.12, tiltRad: 0.15, topPx: 24, titlePx: 80, rowPx: 76, rowWidthPx: 900 };

/** The panel's texture height for `rows` rows (a margin below the last). */
export const menuHeightPx = (rows: number): number => MENU_PANEL.topPx + MENU_PANEL.titlePx + rows * MENU_PANEL.rowPx + 40;

/** Where row `row`'s button centre sits, in px from the panel's top (each button has 8 px of padding above it). */
export const menuRowCentrePx = (row: number): number => MENU_PANEL.topPx + MENU_PANEL.titlePx + row * MENU_PANEL.rowPx + 8 + (MENU_PANEL.rowPx - 8) / 2;

/** Where a split row's half `side` has its centre, in px from the panel's centre line (right positive). */
export const menuHalfCentrePx = (side: -1 | 1): number => (side * MENU_PANEL.rowWidthPx) / 4;

/** The next value after `v` in `values`, wrapping. */
export function cycle<T>(values: readonly T[], v: T): T {
  return values[(values.indexOf(v) + 1) % values.length] ?? v;
}

/** The Speed row: cycles 1×, 10×, 60×, paused; in a shared room it only says the room keeps the time. */
function speedRow(time: SimTime & { inRoom: boolean }, t: Strings): MenuRow {
  const value = time.inRoom ? t.time.speed(1) : time.paused ? t.time.paused : t.time.speed(time.speed);
  return { id: 'speed', label: t.time.speedRow(value), action: { kind: 'time', change: (x) => (time.inRoom ? x : nextSpeed(x)) } };
}

/** The menu's rows, for the current settings and language. */
export function menuRows(c: MenuContext): MenuRow[] {
  const s = c.settings();
  const t = c.strings();
  const onOff = (on: boolean) => (on ? t.xrMenu.on : t.xrMenu.off);
  const comfort = (key: 'smoothTurn' | 'smoothMove' | 'vignette' | 'seated' | 'leftHanded'): MenuRow => ({
    id: key,
    label: `${t.settings[key]}: ${onOff(s.comfort[key])}`,
    action: { kind: 'settings', change: (x) => ({ ...x, comfort: { ...x.comfort, [key]: !x.comfort[key] } }) },
  });
  return [
    {
      id: 'snap',
      label: `${t.settings.snapTurn}: ${t.settings.degrees(s.comfort.snapTurnDeg)}`,
      action: { kind: 'settings', change: (x) => ({ ...x, comfort: { ...x.comfort, snapTurnDeg: cycle(SNAP_TURN_DEGREES, x.comfort.snapTurnDeg) } }) },
    },
    {
      id: 'turn',
      label: t.xrMenu.turn(-1, s.comfort.snapTurnDeg),
      action: { kind: 'turn', direction: -1 },
      right: { label: t.xrMenu.turn(1, s.comfort.snapTurnDeg), action: { kind: 'turn', direction: 1 } },
    },
    comfort('smoothTurn'),
    comfort('smoothMove'),
    comfort('vignette'),
    comfort('seated'),
    { id: 'height', label: t.xrMenu.height(s.comfort.standingEyeM), action: { kind: 'calibrate' } },
    comfort('leftHanded'),
    {
      id: 'quality',
      label: `${t.settings.quality}: ${t.settings.qualities[s.quality]}`,
      action: { kind: 'settings', change: (x) => ({ ...x, quality: cycle(QUALITY_MODES, x.quality) }) },
    },
    {
      id: 'language',
      label: `${t.settings.language}: ${t.settings.languages[s.language]}`,
      action: { kind: 'settings', change: (x) => ({ ...x, language: cycle(LANGUAGES, x.language) }) },
    },
    { id: 'hud', label: `${t.perfHud}: ${onOff(s.hud)}`, action: { kind: 'settings', change: (x) => ({ ...x, hud: !x.hud }) } },
    speedRow(c.time(), t),
    { id: 'share', label: t.share.title, action: { kind: 'share' } },
    { id: 'recenter', label: t.xrMenu.recenter, action: { kind: 'recenter' } },
    { id: 'exit', label: t.exitVr, action: { kind: 'exit' } },
  ];
}

/**
 * The first-time headset card: the controls for what the person holds (controllers, with the stick of their
 * main hand; hands; or gaze and pinch), in their language. Shown until its first select dismisses it.
 */
export function introCard(mode: InputMode | null, settings: Settings, t: Strings): Card {
  const stick = settings.comfort.leftHanded ? 'left' : 'right';
  // Before any input source connects (the first frames), words for every kind.
  const lines = mode === 'hands' ? t.xrIntro.hands : mode === 'gaze' ? t.xrIntro.gaze : mode === 'controllers' ? t.xrIntro.controllers(stick) : t.xrIntro.any;
  return { title: t.xrIntro.title, lines: [...lines] };
}
