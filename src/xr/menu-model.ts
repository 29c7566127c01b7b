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
  /** Shows another page of the menu (the main rows, or a page of the Find list). */
  | { kind: 'page'; to: MenuPage }
  /** Find: the next bin holding medicine `sku` (its index in the layout), stood facing, its card shown. */
  | { kind: 'find'; sku: number }
  /** Find: the next robot after the one selected, stood facing. */
  | { kind: 'step-robot' }
  | { kind: 'exit' };

/** The menu's pages: the main rows, or page `page` of the Find list. */
export type MenuPage = { kind: 'main' } | { kind: 'find'; page: number };

/** Medicines a page of the Find list holds (the Next robot, More and Back rows follow them). */
export const FIND_PAGE_ROWS = 8;

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
    | 'find'
    | 'recenter'
    | 'exit'
    | `find-${number}`
    | 'find-robot'
    | 'find-more'
    | 'find-back';
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
  /** The layout's medicines, by name in the person's language, in the layout's order (the Find list). */
  medicines?: () => readonly string[];
}

/**
 * The panel's geometry: 0.5 m wide at 0.75 m, 0.12 m below the eyes, its top tilted away; on its
 * 1024 px texture a 80 px title under 24 px of margin, then one 76 px row per button, 900 px wide
 * (38 px text is about 1.4° tall at that distance, easy to read). Tests aim controllers with it.
 */
export const MENU_PANEL = { widthM: 0.5, widthPx: 1024, distanceM: 0.75, belowEyesM: 0.12, tiltRad: 0.15, topPx: 24, titlePx: 80, rowPx: 76, rowWidthPx: 900 };

/** Metres of the panel per texture pixel. */
export const MENU_M_PER_PX = MENU_PANEL.widthM / MENU_PANEL.widthPx;

/** The panel's texture height for `rows` rows (a margin below the last). */
export const menuHeightPx = (rows: number): number => MENU_PANEL.topPx + MENU_PANEL.titlePx + rows * MENU_PANEL.rowPx + 40;

/**
 * Whether a point on the panel, `yM` metres above its centre, is on the page shown. The panel is as tall as
 * the longest page (`slots` rows) and a page of `rows` rows fills it from the top: the empty foot below a
 * shorter page is not the menu's, so a select there goes on to what lies beyond.
 */
export function onMenuPage(yM: number, slots: number, rows: number): boolean {
  const topM = (menuHeightPx(slots) / 2) * MENU_M_PER_PX;
  return yM <= topM && yM >= topM - menuHeightPx(rows) * MENU_M_PER_PX;
}

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
    { id: 'find', label: t.xrMenu.find, action: { kind: 'page', to: { kind: 'find', page: 0 } } },
    { id: 'share', label: t.share.title, action: { kind: 'share' } },
    { id: 'recenter', label: t.xrMenu.recenter, action: { kind: 'recenter' } },
    { id: 'exit', label: t.exitVr, action: { kind: 'exit' } },
  ];
}

/**
 * A page of the Find list: the layout's medicines (a page of them), then Next robot, More (where there
 * are more pages; the last wraps to the first) and Back.
 */
export function findRows(c: MenuContext, page: number): MenuRow[] {
  const t = c.strings();
  const names = c.medicines?.() ?? [];
  const pages = Math.max(1, Math.ceil(names.length / FIND_PAGE_ROWS));
  const p = ((Math.floor(page) % pages) + pages) % pages;
  const first = p * FIND_PAGE_ROWS;
  const rows: MenuRow[] = names
    .slice(first, first + FIND_PAGE_ROWS)
    .map((name, i) => ({ id: `find-${first + i}` as const, label: name, action: { kind: 'find', sku: first + i } }));
  rows.push({ id: 'find-robot', label: t.xrMenu.nextRobot, action: { kind: 'step-robot' } });
  if (pages > 1) rows.push({ id: 'find-more', label: t.xrMenu.more(p + 1, pages), action: { kind: 'page', to: { kind: 'find', page: p + 1 } } });
  rows.push({ id: 'find-back', label: t.xrMenu.back, action: { kind: 'page', to: { kind: 'main' } } });
  return rows;
}

/** The rows a menu page shows. */
export const pageRows = (c: MenuContext, page: MenuPage): MenuRow[] => (page.kind === 'main' ? menuRows(c) : findRows(c, page.page));

/** The most rows any page shows: the panel is built this tall, a shorter page leaves the rest empty. */
export const menuSlots = (c: MenuContext): number => Math.max(menuRows(c).length, FIND_PAGE_ROWS + 3);

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
