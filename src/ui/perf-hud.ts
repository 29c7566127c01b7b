/**
 * The perf HUD for the 2D views: a frame-time graph with the budget line,
 * p50/p95/p99, the share of frames over budget, draw calls, triangles, the
 * quality rung, foveation and target rate. Shown with `?hud` or the toolbar
 * button; redrawn four times a second, never per frame.
 */
import type { ChasmStats } from '../diagnostics/chasm-diagnostics';
import type { HudModel } from '../budget/hud-model';
import type { Strings } from './strings';

/** The HUD's handles. */
export interface PerfHud {
  readonly visible: boolean;
  setVisible(on: boolean): void;
  update(stats: ChasmStats, model: HudModel): void;
  /** Relabels the HUD in another language. */
  setStrings(strings: Strings): void;
  /** Removes it from the page. */
  dispose(): void;
}

/** The HUD's rows (term, value), shared by the 2D HUD and the VR HUD panel. */
export function hudRows(s: ChasmStats, m: HudModel, t: Strings['hud']): Array<[string, string]> {
  return [
    [t.frameMs, `${m.p50.toFixed(1)} / ${m.p95.toFixed(1)} / ${m.p99.toFixed(1)}`],
    [t.overBudget, t.overBudgetValue(Math.round(m.overBudgetShare * 100), m.budgetMs.toFixed(1))],
    [t.drawCalls, String(s.drawCalls)],
    [t.triangles, s.triangles.toLocaleString('en')],
    [t.quality, `${s.quality.level}: ${s.quality.name}`],
    [t.foveation, s.foveation === null ? t.none : s.foveation.toFixed(2)],
    [t.target, `${s.targetHz} Hz (${s.deviceClass})`],
  ];
}

/** Creates the HUD (hidden until asked for) inside `root`. */
export function createPerfHud(root: HTMLElement, strings: Strings): PerfHud {
  let t = strings.hud;
  const section = document.createElement('section');
  section.className = 'card perf-hud';
  section.hidden = true;
  const canvas = document.createElement('canvas');
  canvas.width = 240;
  canvas.height = 60;
  canvas.setAttribute('role', 'img');
  const list = document.createElement('dl');
  section.append(canvas, list);
  root.append(section);
  const label = () => {
    section.setAttribute('aria-label', t.label);
    canvas.setAttribute('aria-label', t.graph);
  };
  label();
  const ctx = canvas.getContext('2d');
  const row = (term: string, value: string) => {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    return [dt, dd];
  };
  return {
    get visible() {
      return !section.hidden;
    },
    setVisible(on) {
      section.hidden = !on;
    },
    setStrings(next) {
      t = next.hud;
      label();
    },
    dispose() {
      section.remove();
    },
    update(s, m) {
      if (section.hidden) return;
      if (ctx) {
        const { width: w, height: h } = canvas;
        ctx.clearRect(0, 0, w, h);
        ctx.fillStyle = '#0f1821';
        ctx.fillRect(0, 0, w, h);
        const barW = w / Math.max(1, m.graph.length);
        m.graph.forEach((v, i) => {
          ctx.fillStyle = v > m.budgetLevel ? '#ff8c42' : '#5ad17a';
          ctx.fillRect(i * barW, h - v * h, Math.max(1, barW), v * h);
        });
        ctx.fillStyle = '#f3f6f9';
        ctx.fillRect(0, h - m.budgetLevel * h, w, 1);
      }
      list.replaceChildren(...hudRows(s, m, t).flatMap(([term, value]) => row(term, value)));
    },
  };
}
