import { describe, expect, it } from 'vitest';
import {
  cycle,
  FIND_PAGE_ROWS,
  findRows,
  introCard,
  menuHalfCentrePx,
  menuHeightPx,
  menuRows,
  menuSlots,
  MENU_M_PER_PX,
  MENU_PANEL,
  onMenuPage,
} from '../../src/xr/menu-model';
import { defaultSettings, type Settings } from '../../src/settings/settings';
import { EN, ZH_CN } from '../../src/ui/strings';

const time = () => ({ speed: 1 as const, paused: false, inRoom: false });

const apply = (s: Settings, id: string) => {
  const row = menuRows({ settings: () => s, strings: () => EN, time }).find((r) => r.id === id)!;
  if (row.action.kind !== 'settings') throw new Error(`${id} is not a setting`);
  return row.action.change(s);
};

describe('in-VR menu model', () => {
  it('lists comfort, quality, language, HUD, Share and Exit, labelled with their values', () => {
    const rows = menuRows({ settings: () => defaultSettings(), strings: () => EN, time });
    expect(rows.map((r) => r.id)).toEqual([
      'snap',
      'turn',
      'smoothTurn',
      'smoothMove',
      'vignette',
      'seated',
      'height',
      'leftHanded',
      'quality',
      'language',
      'hud',
      'speed',
      'find',
      'share',
      'recenter',
      'exit',
    ]);
    expect(rows.find((r) => r.id === 'share')).toMatchObject({ label: 'Share this room', action: { kind: 'share' } });
    expect(rows[0]!.label).toBe('Snap turn: 30°');
    expect(rows.find((r) => r.id === 'seated')!.label).toBe('Seated mode: off');
    expect(rows.at(-1)).toMatchObject({ label: 'Exit VR', action: { kind: 'exit' } });
  });
  it('speaks the person\u2019s language', () => {
    const rows = menuRows({ settings: () => defaultSettings(), strings: () => ZH_CN, time });
    expect(rows[0]!.label).toBe('分段转向: 30°');
    expect(rows.at(-1)!.label).toBe('退出 VR');
  });
  it('cycles values and toggles flags without touching the rest', () => {
    const s = defaultSettings();
    expect(apply(s, 'snap').comfort.snapTurnDeg).toBe(45);
    expect(apply(apply(s, 'snap'), 'snap').comfort.snapTurnDeg).toBe(30);
    expect(apply(s, 'seated')).toEqual({ ...s, comfort: { ...s.comfort, seated: true } });
    expect(apply(s, 'quality').quality).toBe('high');
    expect(apply(s, 'language').language).toBe('en');
    expect(apply(s, 'hud').hud).toBe(true);
    expect(s).toEqual(defaultSettings());
  });
  it('the Speed row cycles 1×, 10×, 60×, paused and back; in a shared room it only says 1×', () => {
    const speedRow = (t: { speed: 1 | 10 | 60; paused: boolean }, inRoom = false) =>
      menuRows({ settings: defaultSettings, strings: () => EN, time: () => ({ ...t, inRoom }) }).find((r) => r.id === 'speed')!;
    let t: { speed: 1 | 10 | 60; paused: boolean } = { speed: 1, paused: false };
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const row = speedRow(t);
      seen.push(row.label);
      if (row.action.kind !== 'time') throw new Error('the Speed row changes the time');
      t = row.action.change(t);
    }
    expect(seen).toEqual(['Speed: 1×', 'Speed: 10×', 'Speed: 60×', 'Speed: paused']);
    expect(t).toEqual({ speed: 1, paused: false });
    const inRoom = speedRow({ speed: 60, paused: false }, true);
    expect(inRoom.label).toBe('Speed: 1×');
    if (inRoom.action.kind === 'time') expect(inRoom.action.change({ speed: 60, paused: false })).toEqual({ speed: 60, paused: false });
  });
  it('the Turn row is split: its left half turns left and its right half right, by the snap angle (stickless controllers turn here)', () => {
    const s = { ...defaultSettings(), comfort: { ...defaultSettings().comfort, snapTurnDeg: 45 as const } };
    const turn = menuRows({ settings: () => s, strings: () => EN, time }).find((r) => r.id === 'turn')!;
    expect(turn).toMatchObject({ label: '⟲ Turn left 45°', action: { kind: 'turn', direction: -1 } });
    expect(turn.right).toMatchObject({ label: 'Turn right 45° ⟳', action: { kind: 'turn', direction: 1 } });
    // The halves' centres sit a quarter of the row's width either side of the middle.
    expect(menuHalfCentrePx(1)).toBe(MENU_PANEL.rowWidthPx / 4);
    expect(menuHalfCentrePx(-1)).toBe(-MENU_PANEL.rowWidthPx / 4);
  });
  it('the Height row asks for a calibration until there is one, then shows it (in either language)', () => {
    const s = defaultSettings();
    const height = (x: Settings, t = EN) => menuRows({ settings: () => x, strings: () => t, time }).find((r) => r.id === 'height')!;
    expect(height(s)).toMatchObject({ label: 'Calibrate height: stand up straight, press', action: { kind: 'calibrate' } });
    const calibrated = { ...s, comfort: { ...s.comfort, standingEyeM: 1.7 } };
    expect(height(calibrated).label).toBe('Height 1.70 m: stand straight, press to redo');
    expect(height(calibrated, ZH_CN).label).toBe('身高 1.70 米：站直后按下可重测');
  });
  it('the first-time card names the controls of what the person holds, with the stick of their main hand', () => {
    const s = defaultSettings();
    const left = { ...s, comfort: { ...s.comfort, leftHanded: true } };
    expect(introCard('controllers', s, EN).lines[2]).toMatch(/^Right stick/);
    expect(introCard('controllers', left, EN).lines[2]).toMatch(/^Left stick/);
    expect(introCard('hands', s, EN).lines.join(' ')).toMatch(/tab at your left hip/);
    expect(introCard('gaze', s, EN).lines[0]).toMatch(/^Look and pinch/);
    // Before any input source connects: words for every kind.
    expect(introCard(null, s, EN).lines[0]).toMatch(/^Trigger or pinch/);
    expect(introCard('hands', s, ZH_CN).title).toBe('欢迎来到仓库');
  });
  it('cycle wraps', () => {
    expect(cycle([1, 2, 3], 3)).toBe(1);
  });
  it('Find lists the layout’s medicines a page at a time in the person’s language, then Next robot, More and Back', () => {
    const names = Array.from({ length: 12 }, (_, i) => `Medicine ${i + 1}`);
    const context = { settings: defaultSettings, strings: () => EN, time, medicines: () => names };
    expect(menuRows(context).find((r) => r.id === 'find')).toMatchObject({
      label: 'Find a medicine or a robot…',
      action: { kind: 'page', to: { kind: 'find', page: 0 } },
    });
    const first = findRows(context, 0);
    expect(first.map((r) => r.label)).toEqual([...names.slice(0, FIND_PAGE_ROWS), 'Next robot', 'More medicines (page 1 of 2)', 'Back']);
    expect(first[2]!.action).toEqual({ kind: 'find', sku: 2 });
    expect(first.at(-2)!.action).toEqual({ kind: 'page', to: { kind: 'find', page: 1 } });
    expect(first.at(-1)!.action).toEqual({ kind: 'page', to: { kind: 'main' } });
    const second = findRows(context, 1);
    expect(second[0]).toMatchObject({ id: `find-${FIND_PAGE_ROWS}`, action: { kind: 'find', sku: FIND_PAGE_ROWS } });
    expect(second.find((r) => r.id === 'find-more')!.action).toEqual({ kind: 'page', to: { kind: 'find', page: 2 } });
    // Past the last page it wraps to the first.
    expect(findRows(context, 2)[0]!.label).toBe('Medicine 1');
    // A short list has no More row; the panel is as tall as the longest page.
    expect(findRows({ ...context, medicines: () => ['Aspirin'] }, 0).map((r) => r.id)).toEqual(['find-0', 'find-robot', 'find-back']);
    expect(menuSlots(context)).toBeGreaterThanOrEqual(Math.max(menuRows(context).length, first.length));
    expect(findRows({ ...context, strings: () => ZH_CN }, 0).at(-1)!.label).toBe('返回');
  });

  it('takes a point on the page shown, and leaves the empty foot below a shorter page to the world', () => {
    const halfM = (menuHeightPx(16) / 2) * MENU_M_PER_PX;
    // A 16-row panel showing the 11-row Find page: the page ends 5 rows (and its margin) above the panel's foot.
    const pageEndM = halfM - menuHeightPx(11) * MENU_M_PER_PX;
    expect(onMenuPage(halfM - 0.01, 16, 11)).toBe(true);
    expect(onMenuPage(pageEndM + 0.005, 16, 11)).toBe(true);
    expect(onMenuPage(pageEndM - 0.005, 16, 11)).toBe(false);
    expect(onMenuPage(-halfM + 0.01, 16, 11)).toBe(false);
    // The longest page fills the panel; beyond its edges is not the menu's.
    expect(onMenuPage(-halfM + 0.01, 16, 16)).toBe(true);
    expect(onMenuPage(halfM + 0.01, 16, 16)).toBe(false);
    expect(onMenuPage(-halfM - 0.01, 16, 16)).toBe(false);
  });
});
