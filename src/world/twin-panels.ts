/**
 * The twin's three canvas panels and when each is painted: the order board
 * (KPIs, at the back), the gap wall (the essays' figures) and the live panel
 * (this device's numbers) on the front wall. A panel out of view waits,
 * overdue, and is repainted the frame after it comes into view. Their
 * Babylon part (panels.ts: a plane, a canvas texture, the standard
 * material) loads after the first frame, which draws none of them.
 */
import type { Scene } from '@babylonjs/core/scene';
import type { Layout } from '../layout/schema';
import { itemCount } from '../layout/schema';
import { currentKpis, type Simulation } from '../sim/simulation';
import { BUDGETS } from '../budget/budgets';
import type { LaidFigure } from '../lobby/wall-layout';
import type { BoardRect } from '../selection/pick';
import type { WorldStrings } from '../ui/strings';
import type { CanvasPanel } from './panels';
import { paintBoard, paintLive, paintWall, type LiveFigures } from './painters';
import { WALL_HEIGHT_M, type WallPlacement } from './warehouse-static';

const LIVE_PANEL_EVERY_S = 0.5;
const BOARD_EVERY_S = 1;

/** Where the gap wall and the live panel go on the front wall. */
export function placeWall(layout: Layout): { wall: WallPlacement; liveCentreXM: number; liveWidthM: number } {
  const liveWidthM = 2.4;
  const widthM = Math.min(8, layout.floor.widthM - liveWidthM - 1.5);
  const total = widthM + 0.3 + liveWidthM;
  const leftXM = total / 2;
  return {
    wall: { leftXM, bottomYM: 1.4, zM: -layout.floor.depthM / 2 + 0.02, widthM, heightM: 3.0 },
    liveCentreXM: leftXM - widthM - 0.3 - liveWidthM / 2,
    liveWidthM,
  };
}

/** The order board's rectangle on the back wall. */
export function boardRectFor(floor: Layout['floor']): BoardRect {
  const widthM = Math.min(7, floor.widthM - 2);
  const heightM = widthM / 2.6;
  const centreY = WALL_HEIGHT_M - heightM / 2 - 0.2;
  return { zM: floor.depthM / 2 - 0.02, minX: -widthM / 2, maxX: widthM / 2, minY: centreY - heightM / 2, maxY: centreY + heightM / 2 };
}

/** The panels of one twin. */
export interface TwinPanels {
  /** Loads the panels' Babylon part (a plane in the standard material with a canvas texture), which the first frame does not need. */
  load(): Promise<void>;
  /** Builds the order board (its own task: a canvas painted and uploaded); once loaded. */
  buildBoard(): void;
  /** Builds the gap wall and the live panel. */
  buildFrontWall(): void;
  /** Repaints every panel (new strings, or a restored GPU context). */
  repaint(strings: WorldStrings): void;
  /** Counts time; repaints a due panel that is in view. */
  update(dtS: number, live: () => LiveFigures): void;
  dispose(): void;
}

/** What the board shows: the simulation, and a what-if's baseline beside it (null: none). */
export interface BoardSource {
  sim: Simulation;
  baseline: Simulation | null;
  /** The what-if's order-rate multiplier (1 without one). */
  orderRate: number;
}

export function createTwinPanels(scene: Scene, layout: Layout, board0: BoardSource, laid: readonly LaidFigure[], initial: WorldStrings): TwinPanels {
  const { sim, baseline, orderRate } = board0;
  const { wall, liveCentreXM, liveWidthM } = placeWall(layout);
  const rect = boardRectFor(layout.floor);
  let t = initial;
  let createCanvasPanel: typeof import('./panels').createCanvasPanel | null = null;
  let board: CanvasPanel | null = null;
  let wallPanel: CanvasPanel | null = null;
  let livePanel: CanvasPanel | null = null;
  let sinceLiveS = LIVE_PANEL_EVERY_S;
  let sinceBoardS = 0;
  const title = () => {
    const base = t.boardTitle(layout.name, sim.robots.length, itemCount(layout));
    return baseline ? `${base} · ${t.whatIf(orderRate, sim.robots.length)}` : base;
  };
  const paintBoardNow = () =>
    board?.draw((ctx, w, h) =>
      paintBoard(ctx, w, h, t, title(), currentKpis(sim), sim.history, baseline ? { kpis: currentKpis(baseline), history: baseline.history } : null),
    );
  const paintWallNow = () => wallPanel?.draw((ctx, w) => paintWall(ctx, t, laid, wall.heightM, w / wall.widthM));
  return {
    async load() {
      try {
        ({ createCanvasPanel } = await import('./panels'));
      } catch (error) {
        // Offline before the app's files were cached, say: the world goes on without its panels.
        console.warn('Chasm: the panels could not be loaded.', error);
      }
    },
    buildBoard() {
      if (!createCanvasPanel) return;
      board = createCanvasPanel(scene, 'order-board', {
        widthM: rect.maxX - rect.minX,
        heightM: rect.maxY - rect.minY,
        widthPx: 1024,
        position: [0, (rect.minY + rect.maxY) / 2, rect.zM],
        yawRad: 0,
      });
      paintBoardNow();
      sinceBoardS = 0;
    },
    buildFrontWall() {
      if (!createCanvasPanel) return;
      wallPanel = createCanvasPanel(scene, 'gap-wall', {
        widthM: wall.widthM,
        heightM: wall.heightM,
        widthPx: 2048,
        position: [wall.leftXM - wall.widthM / 2, wall.bottomYM + wall.heightM / 2, wall.zM + 0.002],
        yawRad: Math.PI,
      });
      livePanel = createCanvasPanel(scene, 'live-panel', {
        widthM: liveWidthM,
        heightM: 1.5,
        widthPx: 768,
        position: [liveCentreXM, 2.5, wall.zM + 0.002],
        yawRad: Math.PI,
      });
      paintWallNow();
      sinceLiveS = LIVE_PANEL_EVERY_S;
    },
    repaint(strings) {
      t = strings;
      paintWallNow();
      paintBoardNow();
      sinceLiveS = LIVE_PANEL_EVERY_S;
    },
    update(dtS, live) {
      sinceLiveS += dtS;
      sinceBoardS += dtS;
      if (sinceLiveS >= LIVE_PANEL_EVERY_S && livePanel?.onScreen()) {
        sinceLiveS = 0;
        const figures = live();
        livePanel.draw((ctx, w, h) => paintLive(ctx, w, h, t, figures, BUDGETS['quest-3']));
      }
      if (sinceBoardS >= BOARD_EVERY_S && board?.onScreen()) {
        sinceBoardS = 0;
        paintBoardNow();
      }
    },
    dispose() {
      for (const p of [board, wallPanel, livePanel]) p?.dispose();
    },
  };
}
