/**
 * Turns perf summaries into the side-by-side HTML report (frame-time
 * histograms as inline SVG) and checks the device-independent budgets.
 */
import { GATES } from './scenarios';
import { percentileOfSorted } from '../../src/budget/frame-stats';
import { BUDGETS, type DeviceClass } from '../../src/budget/budgets';
import type { GpuCost } from '../../src/diagnostics/chasm-diagnostics';
import type { SharedStats } from '../../src/room/protocol';

/** Nearest-rank median. */
const median = (values: readonly number[]) =>
  percentileOfSorted(
    [...values].sort((a, b) => a - b),
    50,
  );

/** What one scenario run measured. */
export interface PerfSummary {
  scenario: string;
  budgets: 'on' | 'off';
  deviceClass: string;
  mode: string;
  frameMs: { p50: number; p95: number; p99: number };
  frameBudgetMs: number;
  overBudgetShare: number;
  frameTimes: number[];
  cpuFrameMs: number;
  drawCalls: number;
  triangles: number;
  /** Views per frame (2 in stereo XR without multiview): budgets are per view. */
  views: number;
  activeMeshes: number;
  heapBytes: number;
  timeToFirstFrameMs: number;
  /** Start-up phases (User Timing marks `chasm:*`), ms since navigation: where the time to first frame goes. */
  startupMs: Record<string, number>;
  firstLoadJsGzipBytes: number;
  xrChunksRequested: boolean;
  bytesByType: Record<string, number>;
  requestsByType: Record<string, number>;
  quality: string;
  /** The GPU side of the measured view (`__chasm.measureGpu()`), with budgets on. */
  gpu: GpuCost | null;
  /** Frames rendered and display frames per second. */
  renderHz: number;
  fps: number;
  trace: string;
}

/** Cold first frames of the Babylon floor page (bench/babylon-floor) and of the app, alternating, under one scenario. */
export interface FloorComparison {
  scenario: string;
  floorMs: number[];
  appMs: number[];
}

/** The start-up goal: Chasm's cold first frame at most this many times the floor's. */
export const FLOOR_RATIO_GOAL = 1.15;

/**
 * Chasm's cold first frame against the floor's: the ratio of the medians, and the median of each
 * alternating pair's own ratio (the pair ran back to back, so a slow spell of the machine moves both).
 */
export function floorRatio(f: FloorComparison): { ofMedians: number; ofPairs: number } {
  const pairs = f.appMs.slice(0, f.floorMs.length).map((app, i) => app / (f.floorMs[i] ?? Number.NaN));
  return { ofMedians: median(f.appMs) / median(f.floorMs), ofPairs: median(pairs) };
}

/** Two terminals in one shared room: each one's numbers as the other received them through the room. */
export interface RoomComparison {
  participants: Array<{ name: string; terminal: string; deviceClass: string; stats: SharedStats }>;
}

/** The shared room's side-by-side table, as the gap wall's live panel shows it. */
function roomSection(room: RoomComparison | null): string {
  if (!room) return '';
  const rows: Array<[string, (s: SharedStats) => string]> = [
    ['Display / rendered Hz', (s) => `${f1(s.fps)} / ${f1(s.renderHz)}`],
    ['Frame ms p95', (s) => f1(s.frameP95Ms)],
    ['Pixels per view (views)', (s) => `${s.renderWidth} × ${s.renderHeight} (${s.views})`],
    ['Mpx per second', (s) => f1((s.renderWidth * s.renderHeight * s.views * s.renderHz) / 1e6)],
    ['Draw calls', (s) => String(s.drawCalls)],
    ['Triangles', (s) => s.triangles.toLocaleString('en')],
    ['Downloaded', (s) => `${s.downloadedKB.toLocaleString('en')} KB`],
    ['Input', (s) => s.input],
  ];
  const cols = room.participants.map((p) => `<th scope="col">${p.name}<br><small>${p.terminal} · ${p.deviceClass}</small></th>`).join('');
  const body = rows
    .map(([label, cell]) => `<tr><th scope="row">${label}</th>${room.participants.map((p) => `<td>${cell(p.stats)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<h2>One shared room: a headset and a phone side by side</h2>
<p>Each column is what that terminal measured of itself and sent through the room, as the other terminal received it (the gap wall's live panel shows the same). Both render in software on this one machine at the same time: compare the columns, not the figures with a real device. Downloaded counts what each page fetched itself; a service worker's precache is not counted.</p>
<table><thead><tr><th></th>${cols}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Histogram bin edges in ms: the headset budgets, then coarser steps. */
const BINS = [0, 8.3, 11.1, 13.9, 16.7, 33.3, 50, 100, 200, 500, 1000, Infinity];

/** Counts of frame times per bin. */
export function histogram(frameTimes: readonly number[]): number[] {
  const counts = new Array<number>(BINS.length - 1).fill(0);
  for (const ms of frameTimes) {
    const i = BINS.findIndex((edge, k) => ms >= edge && ms < BINS[k + 1]!);
    if (i >= 0) counts[i]!++;
  }
  return counts;
}

/** A histogram whose bars past the scenario's own frame budget are orange, with that budget marked. */
function histogramSvg(frameTimes: readonly number[], budgetMs: number): string {
  const counts = histogram(frameTimes);
  const max = Math.max(1, ...counts);
  const w = 22;
  const h = 60;
  const bars = counts
    .map(
      (c, i) =>
        `<rect x="${i * w + 1}" y="${h - (c / max) * h}" width="${w - 2}" height="${(c / max) * h}" fill="${BINS[i + 1]! <= budgetMs + 0.05 ? '#5ad17a' : '#ff8c42'}"><title>${BINS[i]}–${BINS[i + 1]} ms: ${c}</title></rect>`,
    )
    .join('');
  const labels = BINS.slice(1, -1)
    .map((edge, i) => `<text x="${(i + 1) * w}" y="${h + 12}" font-size="8" text-anchor="middle">${edge}</text>`)
    .join('');
  // The budget line sits on the bin edge nearest the budget (the bins are the rows' budgets).
  const edge = BINS.reduce((best, e, i) => (Math.abs(e - budgetMs) < Math.abs(BINS[best]! - budgetMs) ? i : best), 0);
  const line = `<line x1="${edge * w}" x2="${edge * w}" y1="0" y2="${h}" stroke="#15202b" stroke-dasharray="3 2"><title>budget ${budgetMs.toFixed(1)} ms</title></line>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${counts.length * w}" height="${h + 16}" role="img" aria-label="frame-time histogram, budget ${budgetMs.toFixed(1)} ms">${bars}${line}${labels}</svg>`;
}

/** Budgets a summary breaks (only budgets-on runs are held to them). */
export function brokenBudgets(s: PerfSummary): string[] {
  if (s.budgets === 'off') return [];
  const broken: string[] = [];
  const perView = (n: number) => Math.ceil(n / Math.max(1, s.views));
  if (perView(s.drawCalls) > GATES.maxDrawCalls) broken.push(`${s.scenario}: ${perView(s.drawCalls)} draw calls per view > ${GATES.maxDrawCalls}`);
  if (perView(s.triangles) > GATES.maxTriangles) broken.push(`${s.scenario}: ${perView(s.triangles)} triangles per view > ${GATES.maxTriangles}`);
  if (s.heapBytes > GATES.maxHeapBytes) broken.push(`${s.scenario}: JS heap ${Math.round(s.heapBytes / 1048576)} MB > ${GATES.maxHeapBytes / 1048576} MB`);
  if (s.scenario.startsWith('phone') && s.firstLoadJsGzipBytes > GATES.maxFirstLoadJsGzipBytes)
    broken.push(`${s.scenario}: ${Math.round(s.firstLoadJsGzipBytes / 1024)} KB JS gzip before first frame > ${GATES.maxFirstLoadJsGzipBytes / 1024} KB`);
  if (s.scenario.startsWith('phone') && s.xrChunksRequested) broken.push(`${s.scenario}: the phone downloaded headset code`);
  return [...broken, ...brokenRow(s)];
}

/** The scenario's own budget row, as `e2e/budget-rows.spec.ts` holds it in npm test. */
function brokenRow(s: PerfSummary): string[] {
  const row = BUDGETS[s.deviceClass as DeviceClass] as (typeof BUDGETS)[DeviceClass] | undefined;
  if (!row) return [`${s.scenario}: no budget row "${s.deviceClass}"`];
  const broken: string[] = [];
  if (s.drawCalls > row.maxDrawCalls) broken.push(`${s.scenario}: ${s.drawCalls} draw calls > row's ${row.maxDrawCalls}`);
  if (s.triangles > row.maxTriangles) broken.push(`${s.scenario}: ${s.triangles} triangles > row's ${row.maxTriangles}`);
  const gpu = s.gpu;
  if (!gpu) return [...broken, `${s.scenario}: the GPU side was not measured`];
  if (gpu.textureBytes > row.textureMemoryMB * 1048576)
    broken.push(`${s.scenario}: textures ${Math.round(gpu.textureBytes / 1048576)} MB > row's ${row.textureMemoryMB} MB`);
  if (gpu.overdraw > row.maxOverdraw) broken.push(`${s.scenario}: overdraw ${gpu.overdraw.toFixed(2)} > row's ${row.maxOverdraw}`);
  if (gpu.pixelsPerSecond > row.maxPixelsPerSecond)
    broken.push(`${s.scenario}: ${Math.round(gpu.pixelsPerSecond / 1e6)} Mpx/s > row's ${Math.round(row.maxPixelsPerSecond / 1e6)}`);
  return broken;
}

/** A GPU cell, or a dash where the measuring pass did not run (budgets off). */
const withGpu =
  (cell: (s: PerfSummary & { gpu: GpuCost }) => string) =>
  (s: PerfSummary): string =>
    s.gpu ? cell({ ...s, gpu: s.gpu }) : '—';

/** A figure against its row's budget, as "figure / budget". */
function againstRow(
  s: PerfSummary,
  figure: (s: PerfSummary) => number,
  budget: (row: (typeof BUDGETS)[DeviceClass]) => number,
  format: (n: number) => string,
): string {
  const row = BUDGETS[s.deviceClass as DeviceClass] as (typeof BUDGETS)[DeviceClass] | undefined;
  return row ? `${format(figure(s))} / ${format(budget(row))}` : format(figure(s));
}

const f1 = (n: number) => n.toFixed(1);
const kb = (n: number) => `${Math.round(n / 1024)} KB`;

/** The HTML report: every scenario side by side, budgets on against off. */
export function renderReport(
  summaries: readonly PerfSummary[],
  when: string,
  floor: FloorComparison | null = null,
  room: RoomComparison | null = null,
): string {
  const rows: Array<[string, (s: PerfSummary) => string]> = [
    ['Device class / mode', (s) => `${s.deviceClass} / ${s.mode}`],
    ['Quality rung', (s) => s.quality],
    ['Frame ms p50 / p95 / p99', (s) => `${f1(s.frameMs.p50)} / ${f1(s.frameMs.p95)} / ${f1(s.frameMs.p99)}`],
    ['Frames over budget', (s) => `${Math.round(s.overBudgetShare * 100)} % (budget ${f1(s.frameBudgetMs)} ms)`],
    ['Babylon CPU ms / frame', (s) => f1(s.cpuFrameMs)],
    ['Rendered / display Hz', (s) => `${f1(s.renderHz)} / ${f1(s.fps)}`],
    [
      'Draw calls (views) / row',
      (s) =>
        `${againstRow(
          s,
          (x) => x.drawCalls,
          (r) => r.maxDrawCalls,
          String,
        )} (${s.views})`,
    ],
    [
      'Triangles / row',
      (s) =>
        againstRow(
          s,
          (x) => x.triangles,
          (r) => r.maxTriangles,
          (n) => n.toLocaleString('en'),
        ),
    ],
    ['Pixels per view', withGpu((s) => `${s.gpu.renderPx.width} × ${s.gpu.renderPx.height}`)],
    [
      'Mpx per second / row',
      withGpu((s) =>
        againstRow(
          s,
          () => s.gpu.pixelsPerSecond,
          (r) => r.maxPixelsPerSecond,
          (n) => f1(n / 1e6),
        ),
      ),
    ],
    ['Fragments per frame', withGpu((s) => s.gpu.fragments.toLocaleString('en'))],
    [
      'Overdraw / row',
      withGpu((s) =>
        againstRow(
          s,
          () => s.gpu.overdraw,
          (r) => r.maxOverdraw,
          (n) => n.toFixed(2),
        ),
      ),
    ],
    [
      'Texture MB / row',
      withGpu((s) =>
        againstRow(
          s,
          () => s.gpu.textureBytes / 1048576,
          (r) => r.textureMemoryMB,
          f1,
        ),
      ),
    ],
    ['Active meshes', (s) => String(s.activeMeshes)],
    ['JS heap', (s) => kb(s.heapBytes)],
    ['Time to first frame', (s) => `${Math.round(s.timeToFirstFrameMs)} ms`],
    [
      'Start-up phases (ms)',
      (s) =>
        Object.entries(s.startupMs)
          .map(([mark, ms]) => `${mark} ${ms}`)
          .join('<br>'),
    ],
    ['JS gzip before first frame', (s) => kb(s.firstLoadJsGzipBytes)],
    [
      'Bytes by type',
      (s) =>
        Object.entries(s.bytesByType)
          .map(([t, b]) => `${t} ${kb(b)}`)
          .join(', '),
    ],
    [
      'Requests by type',
      (s) =>
        Object.entries(s.requestsByType)
          .map(([t, n]) => `${t} ${n}`)
          .join(', '),
    ],
    ['Frame-time histogram (ms)', (s) => histogramSvg(s.frameTimes, s.frameBudgetMs)],
    ['Trace', (s) => `<a href="${s.trace}">${s.trace}</a>`],
  ];
  const cols = summaries.map((s) => `<th scope="col">${s.scenario}<br><small>budgets ${s.budgets}</small></th>`).join('');
  const body = rows.map(([label, cell]) => `<tr><th scope="row">${label}</th>${summaries.map((s) => `<td>${cell(s)}</td>`).join('')}</tr>`).join('\n');
  const ratios = [...new Set(summaries.map((s) => s.scenario))]
    .map((name) => {
      const on = summaries.find((s) => s.scenario === name && s.budgets === 'on');
      const off = summaries.find((s) => s.scenario === name && s.budgets === 'off');
      if (!on || !off) return '';
      return `<li>${name}: draw calls ${off.drawCalls} → ${on.drawCalls} (${f1(off.drawCalls / Math.max(1, on.drawCalls))}×), Babylon CPU ${f1(off.cpuFrameMs)} → ${f1(on.cpuFrameMs)} ms (${f1(off.cpuFrameMs / Math.max(0.01, on.cpuFrameMs))}×)</li>`;
    })
    .join('');
  const broken = summaries.flatMap(brokenBudgets);
  const ms = (values: readonly number[]) => values.map((v) => Math.round(v)).join(', ');
  const ratio = floor ? floorRatio(floor) : null;
  const floorSection =
    floor && ratio
      ? `<h2>Time to first frame against Babylon's floor (${floor.scenario}, cold)</h2>
<p>The least page that draws a lit mesh with Babylon (engine, scene, two lights, one box in a standard material: <code>bench/babylon-floor</code>), loaded alternately with the app under the same profile.</p>
<ul><li>Babylon floor: median ${Math.round(median(floor.floorMs))} ms (${ms(floor.floorMs)})</li><li>Chasm: median ${Math.round(median(floor.appMs))} ms (${ms(floor.appMs)})</li>
<li>Chasm ÷ floor: ${ratio.ofMedians.toFixed(2)}× of the medians, ${ratio.ofPairs.toFixed(2)}× the median pair (goal: at most ${FLOOR_RATIO_GOAL}×)</li></ul>`
      : '';
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Chasm perf report</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;color:#15202b}table{border-collapse:collapse}th,td{border:1px solid #ccd;padding:4px 8px;vertical-align:top;text-align:left}th[scope=row]{background:#f3f6f9}</style>
<h1>Chasm perf report</h1><p>${when}. Timings come from a shared, software-rendered machine: compare columns of one run, not runs.</p>
<h2>Budgets on against off</h2><ul>${ratios}</ul>
<h2>Budgets: device-independent, and each scenario's own row (budgets on)</h2><p>${broken.length ? `<strong>Broken:</strong> ${broken.join('; ')}` : 'All held.'}</p>${floorSection}
<table><thead><tr><th></th>${cols}</tr></thead><tbody>${body}</tbody></table>${roomSection(room)}</html>`;
}
