/**
 * Lays the gap wall's figures out in wall space (metres, origin at the
 * wall's bottom-left, u to the right, v up). The same layout drives the 3D
 * bars and the text painted on the wall's texture, so they line up.
 */
import type { Figure } from './figures';

/** A rectangle in wall space, in metres. */
export interface WallRect {
  u: number;
  v: number;
  w: number;
  h: number;
}

/** One laid-out bar: its track (full length) and filled part. */
export interface LaidBar {
  label: string;
  text: string;
  track: WallRect;
  fill: WallRect;
}

/** One laid-out figure. */
export interface LaidFigure {
  figure: Figure;
  panel: WallRect;
  bars: LaidBar[];
}

/** Columns and rows of figure panels on the wall. */
const COLUMNS = 3;
const PAD_M = 0.12;
const TITLE_M = 0.42;
const CAPTION_M = 0.36;

/** Lays out figures in a grid of three columns on a wall of the given size. */
export function layoutWall(figures: readonly Figure[], widthM: number, heightM: number): LaidFigure[] {
  const rows = Math.ceil(figures.length / COLUMNS);
  const panelW = widthM / COLUMNS;
  const panelH = heightM / rows;
  return figures.map((figure, i) => {
    const col = i % COLUMNS;
    const row = rows - 1 - Math.floor(i / COLUMNS); // first figures on the top row
    const panel = { u: col * panelW + PAD_M / 2, v: row * panelH + PAD_M / 2, w: panelW - PAD_M, h: panelH - PAD_M };
    const top = Math.max(...figure.bars.map((b) => b.valueHigh ?? b.value));
    const areaTop = panel.v + panel.h - TITLE_M;
    const areaBottom = panel.v + CAPTION_M;
    const slot = (areaTop - areaBottom) / figure.bars.length;
    const trackU = panel.u + PAD_M;
    const trackW = panel.w - 2 * PAD_M;
    const bars = figure.bars.map((bar, b) => {
      const v = areaTop - (b + 1) * slot + slot * 0.12;
      const h = slot * 0.36;
      const scaleTop = figure.scale === 'each' ? (bar.valueHigh ?? bar.value) : top;
      const from = bar.valueHigh === undefined ? 0 : bar.value / scaleTop;
      const to = (bar.valueHigh ?? bar.value) / scaleTop;
      return {
        label: bar.label,
        text: bar.text,
        track: { u: trackU, v, w: trackW, h },
        // A bar never vanishes: at least 2% of the track, so a small value is still seen.
        fill: { u: trackU + from * trackW, v, w: Math.max(0.02 * trackW, (to - from) * trackW), h },
      };
    });
    return { figure, panel, bars };
  });
}
