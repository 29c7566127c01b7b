/**
 * What the panels show: the order board's KPIs, the gap wall's words, and
 * this device's live numbers against the Quest 3 budget. Canvas drawing
 * only; the numbers come from the pure simulation, figures and stats.
 */
import type { KpiSample, Kpis } from '../sim/simulation';
import type { LaidFigure } from '../lobby/wall-layout';
import { frameBudgetMsAt, type Budget } from '../budget/budgets';
import { fitText, PANEL_FONT } from './fit-text';
import type { WorldStrings } from '../ui/strings';
import type { SharedStats } from '../room/protocol';

const INK = '#f3f6f9';
const MUTED = '#9fb0bf';
const BG = '#14202b';
const OK = '#5ad17a';
const OVER = '#ff8c42';

/** Figure colours, one per chart. */
const FIGURE_COLOURS = ['#ffb347', '#7cc4ff', '#c792ea', '#ef476f', '#5ad17a', '#f4c542'] as const;

/** The colour of the wall's `i`-th figure (its panel's accent and its bars), cycling. */
export const figureColour = (i: number): string => FIGURE_COLOURS[i % FIGURE_COLOURS.length] ?? FIGURE_COLOURS[0];

/** A what-if's baseline beside the figures the board shows: its KPIs and history, same seed and tick. */
export interface BoardBaseline {
  kpis: Kpis;
  history: readonly KpiSample[];
}

/** The board's four KPI tiles' values, as shown. */
function kpiValues(t: WorldStrings, k: Kpis): string[] {
  return [
    k.ordersPerHour > 0 ? Math.round(k.ordersPerHour).toLocaleString('en') : '—',
    k.meanFulfilmentS > 0 ? t.seconds(Math.round(k.meanFulfilmentS)) : '—',
    `${Math.round(k.utilisation * 100)} %`,
    String(k.backlog),
  ];
}

/** Orders per hour over the samples, as one line in the chart's box. */
function chartLine(
  ctx: CanvasRenderingContext2D,
  history: readonly KpiSample[],
  box: { left: number; top: number; right: number; bottom: number },
  max: number,
  colour: string,
): void {
  if (history.length < 2) return;
  ctx.strokeStyle = colour;
  ctx.lineWidth = 4;
  ctx.beginPath();
  history.forEach((s, i) => {
    const x = box.left + (i / (history.length - 1)) * (box.right - box.left);
    const y = box.bottom - (s.ordersPerHour / max) * (box.bottom - box.top - 10);
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
  ctx.stroke();
}

/**
 * The order board: four KPI tiles and orders per hour over time. With a what-if's baseline, each tile
 * also shows the baseline's value and the chart its line in grey, side by side.
 */
export function paintBoard(
  ctx: CanvasRenderingContext2D,
  w: number,
  h: number,
  t: WorldStrings,
  title: string,
  k: Kpis,
  history: readonly KpiSample[],
  baseline: BoardBaseline | null = null,
): void {
  ctx.fillStyle = BG;
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = INK;
  ctx.textBaseline = 'top';
  fitText(ctx, title, 24, 18, w - 48, 44, 700);
  const labels = [t.ordersPerHour, t.meanFulfilment, t.utilisation, t.backlog];
  const values = kpiValues(t, k);
  const baseValues = baseline ? kpiValues(t, baseline.kpis) : null;
  const tileW = (w - 48) / labels.length;
  labels.forEach((label, i) => {
    const x = 24 + i * tileW;
    ctx.fillStyle = MUTED;
    fitText(ctx, label, x, 84, tileW - 16, 26);
    ctx.fillStyle = INK;
    fitText(ctx, values[i] ?? '', x, 118, tileW - 16, baseValues ? 56 : 72, 700);
    if (baseValues) {
      ctx.fillStyle = MUTED;
      fitText(ctx, t.baseline(baseValues[i] ?? ''), x, 178, tileW - 16, 26);
    }
  });
  // Orders per hour over the last samples, one per simulated minute.
  const box = { left: 24, top: 220, right: w - 24, bottom: h - 24 };
  ctx.strokeStyle = '#2c3e50';
  ctx.strokeRect(box.left, box.top, box.right - box.left, box.bottom - box.top);
  const max = Math.max(1, ...history.map((s) => s.ordersPerHour), ...(baseline?.history ?? []).map((s) => s.ordersPerHour));
  if (baseline) chartLine(ctx, baseline.history, box, max, MUTED);
  chartLine(ctx, history, box, max, '#ffb347');
  ctx.fillStyle = MUTED;
  fitText(ctx, baseline ? `${t.chartCaption} · ${t.baselineCaption}` : t.chartCaption, 36, box.top + 10, w - 72, 22);
}

/** The gap wall's words: titles, bar labels and values, units and seed captions, over bar tracks. */
export function paintWall(ctx: CanvasRenderingContext2D, t: WorldStrings, laid: readonly LaidFigure[], wallHeightM: number, pxPerM: number): void {
  const px = (u: number) => u * pxPerM;
  const py = (v: number) => (wallHeightM - v) * pxPerM;
  ctx.fillStyle = '#0f1821';
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  laid.forEach(({ figure, panel, bars }, i) => {
    const colour = figureColour(i);
    const words = t.figureWords(figure);
    ctx.fillStyle = BG;
    ctx.fillRect(px(panel.u), py(panel.v + panel.h), px(panel.w), px(panel.h));
    ctx.textBaseline = 'top';
    ctx.fillStyle = INK;
    fitText(ctx, words.title, px(panel.u + 0.1), py(panel.v + panel.h - 0.06), px(panel.w - 0.2), px(0.2), 700);
    ctx.fillStyle = MUTED;
    fitText(ctx, words.unit, px(panel.u + 0.1), py(panel.v + panel.h - 0.29), px(panel.w - 0.2), px(0.1));
    bars.forEach((bar, j) => {
      ctx.fillStyle = '#22313f';
      ctx.fillRect(px(bar.track.u), py(bar.track.v + bar.track.h), px(bar.track.w), px(bar.track.h));
      ctx.fillStyle = colour;
      ctx.fillRect(px(bar.fill.u), py(bar.fill.v + bar.fill.h), px(bar.fill.w), px(bar.fill.h));
      ctx.fillStyle = INK;
      ctx.textBaseline = 'bottom';
      fitText(ctx, `${words.labels[j] ?? bar.label}: ${bar.text}`, px(bar.track.u), py(bar.track.v + bar.track.h) - 4, px(bar.track.w), px(0.11), 600);
    });
    ctx.textBaseline = 'bottom';
    ctx.fillStyle = MUTED;
    fitText(ctx, words.note, px(panel.u + 0.1), py(panel.v + 0.17), px(panel.w - 0.2), px(0.085));
    fitText(ctx, t.source(figure.seed), px(panel.u + 0.1), py(panel.v + 0.04), px(panel.w - 0.2), px(0.075));
  });
}

/** One measured number against its budget. */
interface LiveRow {
  label: string;
  value: number;
  budget: number;
  text: string;
  /** true when lower is better (frame time, draw calls); false when higher is (fps). */
  lowerIsBetter: boolean;
}

/** What the live panel shows of this device: plain numbers, whoever measured them. */
export interface LiveFigures {
  /** Where the numbers come from, e.g. "phone · flat". */
  source: string;
  /** Frame-time 95th percentile, in ms. */
  frameP95Ms: number;
  fps: number;
  drawCalls: number;
  triangles: number;
  /** In a shared room: every participant's measured numbers, this device first; empty when alone. */
  peers: readonly PeerFigures[];
}

/** One participant's measured numbers, as the room shares them. */
export interface PeerFigures {
  name: string;
  colour: string;
  terminal: string;
  renderHz: number;
  frameP95Ms: number;
  /** Pixels shaded per second: rendered pixels per view × views × rendered frames per second. */
  pixelsPerSecond: number;
  drawCalls: number;
  triangles: number;
  downloadedKB: number;
  input: SharedStats['input'];
}

/** The terminals of a shared room side by side: one column each (the first few), one row per figure. */
function paintRoom(ctx: CanvasRenderingContext2D, w: number, h: number, t: WorldStrings, peers: readonly PeerFigures[]): void {
  const shown = peers.slice(0, 4);
  ctx.fillStyle = BG;
  ctx.fillRect(0, 0, w, h);
  ctx.textBaseline = 'top';
  ctx.fillStyle = INK;
  fitText(ctx, t.liveRoomTitle, 24, 18, w - 48, 40, 700);
  const rows: Array<[string, (p: PeerFigures) => string]> = [
    [t.renderedHz, (p) => String(Math.round(p.renderHz))],
    [t.frameP95, (p) => p.frameP95Ms.toFixed(1)],
    [t.pixelsPerSecond, (p) => (p.pixelsPerSecond / 1e6).toFixed(1)],
    [t.drawCalls, (p) => String(p.drawCalls)],
    [t.triangles, (p) => p.triangles.toLocaleString('en')],
    [t.downloaded, (p) => p.downloadedKB.toLocaleString('en')],
    [t.inputMode, (p) => t.inputModes[p.input]],
  ];
  const labelW = w * 0.34;
  const colW = (w - 24 - labelW) / Math.max(1, shown.length);
  const top = 70;
  const rowH = (h - top - 60) / rows.length;
  shown.forEach((p, i) => {
    const x = 24 + labelW + i * colW;
    ctx.fillStyle = p.colour;
    ctx.fillRect(x, top, colW - 8, 6);
    ctx.fillStyle = INK;
    fitText(ctx, p.name, x, top + 12, colW - 8, 24, 700);
    ctx.fillStyle = MUTED;
    fitText(ctx, p.terminal, x, top + 38, colW - 8, 20);
  });
  rows.forEach(([label, value], r) => {
    const y = top + 70 + r * rowH;
    ctx.fillStyle = MUTED;
    fitText(ctx, label, 24, y, labelW - 12, 24);
    shown.forEach((p, i) => {
      ctx.fillStyle = INK;
      fitText(ctx, value(p), 24 + labelW + i * colW, y, colW - 8, 26, 600);
    });
  });
}

/** This device's live numbers against a headset budget; in a shared room, every terminal's side by side. */
export function paintLive(ctx: CanvasRenderingContext2D, w: number, h: number, t: WorldStrings, s: LiveFigures, budget: Budget): void {
  if (s.peers.length > 1) {
    paintRoom(ctx, w, h, t, s.peers);
    return;
  }
  const frameBudgetMs = frameBudgetMsAt(budget.targetHz);
  const rows: LiveRow[] = [
    { label: t.frameP95, value: s.frameP95Ms, budget: frameBudgetMs, text: t.msOf(s.frameP95Ms.toFixed(1), frameBudgetMs.toFixed(1)), lowerIsBetter: true },
    { label: t.framesPerSecond, value: s.fps, budget: budget.targetHz, text: t.of(String(Math.round(s.fps)), String(budget.targetHz)), lowerIsBetter: false },
    { label: t.drawCalls, value: s.drawCalls, budget: budget.maxDrawCalls, text: t.of(String(s.drawCalls), String(budget.maxDrawCalls)), lowerIsBetter: true },
    {
      label: t.triangles,
      value: s.triangles,
      budget: budget.maxTriangles,
      text: t.of(s.triangles.toLocaleString('en'), budget.maxTriangles.toLocaleString('en')),
      lowerIsBetter: true,
    },
  ];
  ctx.fillStyle = BG;
  ctx.fillRect(0, 0, w, h);
  ctx.textBaseline = 'top';
  ctx.fillStyle = INK;
  fitText(ctx, t.liveTitle, 24, 18, w - 48, 44, 700);
  ctx.fillStyle = MUTED;
  fitText(ctx, t.liveAgainst(s.source, t.liveBudget), 24, 70, w - 48, 24);
  const rowH = (h - 120) / rows.length;
  rows.forEach((row, i) => {
    const y = 112 + i * rowH;
    const within = row.lowerIsBetter ? row.value <= row.budget : row.value >= row.budget;
    ctx.fillStyle = INK;
    fitText(ctx, `${row.label}: ${row.text}`, 24, y, w - 48, 28, 600);
    const barY = y + 38;
    const barW = w - 48;
    ctx.fillStyle = '#22313f';
    ctx.fillRect(24, barY, barW, 18);
    // The budget sits at 2/3 of the bar, so both under and over are visible.
    const scale = (barW * 2) / 3 / Math.max(1e-9, row.budget);
    ctx.fillStyle = within ? OK : OVER;
    ctx.fillRect(24, barY, Math.min(barW, Math.max(2, row.value * scale)), 18);
    ctx.fillStyle = INK;
    ctx.fillRect(24 + (barW * 2) / 3 - 2, barY - 6, 4, 30);
  });
}

/** A QR code's modules: `size` × `size`, row by row, 1 for dark (the `qrcode` package's BitMatrix). */
export interface QrModules {
  size: number;
  data: ArrayLike<number>;
}

/** A QR code, dark on white with its quiet zone, in the square at (x, y) of side `side`. */
function paintQr(ctx: CanvasRenderingContext2D, qr: QrModules, x: number, y: number, side: number): void {
  const quiet = 2;
  const cell = Math.floor(side / (qr.size + 2 * quiet));
  const at = (n: number) => Math.round((side - cell * qr.size) / 2) + n * cell;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(x, y, side, side);
  ctx.fillStyle = '#000000';
  for (let r = 0; r < qr.size; r++) for (let c = 0; c < qr.size; c++) if (qr.data[r * qr.size + c]) ctx.fillRect(x + at(c), y + at(r), cell, cell);
}

/** A card for the in-VR panel: a title and lines (a selection, or the room's link), with a QR code at its right when given. */
export function paintCard(ctx: CanvasRenderingContext2D, w: number, h: number, title: string, lines: readonly string[], qr?: QrModules): void {
  ctx.clearRect(0, 0, w, h);
  ctx.fillStyle = 'rgba(20, 32, 43, 0.94)';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#ffb347';
  ctx.fillRect(0, 0, 10, h);
  const side = qr ? h - 40 : 0;
  if (qr) paintQr(ctx, qr, w - side - 20, 20, side);
  const textW = w - 60 - (qr ? side + 20 : 0);
  ctx.textBaseline = 'top';
  ctx.fillStyle = INK;
  fitText(ctx, title, 36, 24, textW, 56, 700);
  lines.forEach((line, i) => {
    ctx.fillStyle = i === 0 ? INK : MUTED;
    fitText(ctx, line, 36, 104 + i * 52, textW, 38);
  });
}

/** A pack's printed label: the medicine's name as large as the face allows (in one to three lines), a band of the pack's colour along the bottom. */
export function paintPackLabel(ctx: CanvasRenderingContext2D, w: number, h: number, name: string, colour: string): void {
  ctx.fillStyle = '#f7f9fb';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = colour;
  ctx.fillRect(0, h * 0.8, w, h * 0.2);
  ctx.fillStyle = '#102030';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const text = { w: w * 0.9, h: h * 0.7 };
  // Words split into 1, 2 or 3 lines, whichever lets the font be largest.
  const words = name.split(' ');
  let best = { size: 0, lines: [name] };
  for (let count = 1; count <= Math.min(3, words.length); count++) {
    const per = Math.ceil(words.length / count);
    const lines = Array.from({ length: count }, (_, i) => words.slice(i * per, (i + 1) * per).join(' ')).filter(Boolean);
    ctx.font = `700 100px ${PANEL_FONT}`;
    const widest = Math.max(...lines.map((l) => ctx.measureText(l).width));
    const size = Math.floor(Math.min((100 * text.w) / widest, text.h / (lines.length * 1.25)));
    if (size > best.size) best = { size, lines };
  }
  ctx.font = `700 ${best.size}px ${PANEL_FONT}`;
  const lineH = best.size * 1.25;
  best.lines.forEach((line, i) => ctx.fillText(line, w / 2, h * 0.42 + (i - (best.lines.length - 1) / 2) * lineH));
}
