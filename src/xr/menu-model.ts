/**
 * What the in-VR menu shows and does, as plain data: one row per button,
 * its label in the person's language and the action it triggers. Pure, so
 * the labels and the cycling of values are tested in Node.
 */
import { LANGUAGES, QUALITY_MODES, SNAP_TURN_DEGREES, type Settings } from '../settings/settings';
import type { Strings } from '../ui/strings';

/** What a button does. */
export type MenuAction = { kind: 'settings'; change: (s: Settings) => Settings } | { kind: 'share' } | { kind: 'exit' };

export interface MenuRow {
  id: 'snap' | 'smoothTurn' | 'smoothMove' | 'vignette' | 'seated' | 'quality' | 'language' | 'hud' | 'share' | 'exit';
  label: string;
  action: MenuAction;
}

/** What the rows read. */
export interface MenuContext {
  settings: () => Settings;
  strings: () => Strings;
}

/** The next value after `v` in `values`, wrapping. */
export function cycle<T>(values: readonly T[], v: T): T {
  return values[(values.indexOf(v) + 1) % values.length] ?? v;
}

/** The menu's rows, for the current settings and language. */
export function menuRows(c: MenuContext): MenuRow[] {
  const s = c.settings();
  const t = c.strings();
  const onOff = (on: boolean) => (on ? t.xrMenu.on : t.xrMenu.off);
  const comfort = (key: 'smoothTurn' | 'smoothMove' | 'vignette' | 'seated'): MenuRow => ({
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
    comfort('smoothTurn'),
    comfort('smoothMove'),
    comfort('vignette'),
    comfort('seated'),
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
    { id: 'share', label: t.share.title, action: { kind: 'share' } },
    { id: 'exit', label: t.exitVr, action: { kind: 'exit' } },
  ];
}
