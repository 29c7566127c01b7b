/**
 * Where the in-VR menu's buttons are, in the emulated headset's floor space, so a test can aim a
 * controller, a hand or a transient pointer at one. The panel (`MENU_PANEL`) opens ahead of and below
 * the eyes, its top tilted away; the geometry is the app's own (src/xr/menu-model.ts).
 */
import { readFileSync } from 'node:fs';
import {
  findRows,
  MENU_M_PER_PX,
  MENU_PANEL,
  menuHalfCentrePx,
  menuHeightPx,
  menuRowCentrePx,
  menuRows,
  menuSlots,
  type MenuContext,
  type MenuRow,
} from '../../src/xr/menu-model';
import type { Layout } from '../../src/layout/schema';
import { defaultSettings } from '../../src/settings/settings';
import { EN } from '../../src/ui/strings';

type Vec3 = [number, number, number];
type Quat = [number, number, number, number];

/** The in-VR menu's rows, in order (their ids), as a first-time English-speaking headset user sees them. */
const CONTEXT: MenuContext = {
  settings: defaultSettings,
  strings: () => EN,
  time: () => ({ speed: 1, paused: false, inRoom: false }),
  medicines: () => (JSON.parse(readFileSync('assets/layouts/default.json', 'utf8')) as Layout).skus.map((s) => s.name),
};
export const MENU_ROWS = menuRows(CONTEXT).map((r) => r.id);
/** The Find list's first page (the standard layout's medicines), as the same person sees it. */
export const FIND_ROWS = findRows(CONTEXT, 0).map((r) => r.id);

/**
 * The centre of row `id`'s button (or of its `half` where the row is split) for a menu opened with the
 * eyes at `eyeY` looking along -z.
 */
export function menuTarget(id: MenuRow['id'], half: 'left' | 'right' | null = null, eyeY = 1.6): Vec3 {
  const heightPx = menuHeightPx(menuSlots(CONTEXT));
  // A main row where it is on the main page, else where it is on the Find list's first page.
  const row = MENU_ROWS.includes(id) ? MENU_ROWS.indexOf(id) : FIND_ROWS.indexOf(id);
  const x = half ? menuHalfCentrePx(half === 'left' ? -1 : 1) * MENU_M_PER_PX : 0;
  return onPanel(x, (heightPx / 2 - menuRowCentrePx(row)) * MENU_M_PER_PX, eyeY);
}

/** The point `x` right of and `h` above the centre of a menu opened with the eyes at `eyeY` looking along -z. */
const onPanel = (x: number, h: number, eyeY: number): Vec3 => [
  x,
  eyeY - MENU_PANEL.belowEyesM + h * Math.cos(MENU_PANEL.tiltRad),
  -(MENU_PANEL.distanceM + h * Math.sin(MENU_PANEL.tiltRad)),
];

/**
 * A point on the empty foot of the panel while the Find list shows: the panel is as tall as the main
 * page, and the shorter list leaves its lowest part empty (5 cm above the panel's lower edge).
 */
export function menuFootTarget(eyeY = 1.6): Vec3 {
  const slots = menuSlots(CONTEXT);
  if (FIND_ROWS.length >= slots) throw new Error('the Find list fills the panel: it has no empty foot');
  return onPanel(0, -(menuHeightPx(slots) / 2) * MENU_M_PER_PX + 0.05, eyeY);
}

/** A quaternion turning a pointer (which points along -z in the headset's space) from `from` towards `to`. */
export function aimQuat(from: readonly [number, number, number], to: readonly [number, number, number]): Quat {
  const [dx, dy, dz] = [to[0] - from[0], to[1] - from[1], to[2] - from[2]];
  const yaw = Math.atan2(-dx, -dz);
  const pitch = Math.atan2(dy, Math.hypot(dx, dz));
  const [sy, cy, sp, cp] = [Math.sin(yaw / 2), Math.cos(yaw / 2), Math.sin(pitch / 2), Math.cos(pitch / 2)];
  return [cy * sp, sy * cp, -sy * sp, cy * cp];
}

/** Aims from `from` at row `id` (or its half) of a menu opened with the eyes at `eyeY`. */
export const aimAtMenu = (from: Vec3, id: MenuRow['id'], half: 'left' | 'right' | null = null, eyeY = 1.6): Quat => aimQuat(from, menuTarget(id, half, eyeY));
