/**
 * The digital twin: layout → geometry → simulation, drawn by the static
 * mesh, stock, robots and panels. `update` advances the simulation on its
 * fixed clock and redraws what moved; everything is removed by `dispose`.
 */
import type { Scene } from '@babylonjs/core/scene';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight';
import { DirectionalLight } from '@babylonjs/core/Lights/directionalLight';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import type { Node } from '@babylonjs/core/node';
import { whenDrawn } from './when-drawn';
import { samePlacement, type Placement } from './placement';
import { createGeometry, type WarehouseGeometry } from '../layout/geometry';
import type { Layout } from '../layout/schema';
import { itemCount } from '../layout/schema';
import { createStock } from '../layout/stock';
import { createSimulation, currentKpis, robotPose, stepSimulation, STEP_S, type Simulation } from '../sim/simulation';
import { advanceClock, clockAlpha, createFixedClock } from '../sim/clock';
import { FIGURES } from '../lobby/figures';
import { layoutWall } from '../lobby/wall-layout';
import { BUDGETS, type Budget } from '../budget/budgets';
import type { RigState } from '../input/intents';
import type { BoardRect } from '../selection/pick';
import { buildWarehouseStatic, WALL_HEIGHT_M, type WallPlacement } from './warehouse-static';
import { createStockRenderer, type StockRenderer } from './stock-renderer';
import { createRobotRenderer, loadRobotMeshes, type RobotModel, type RobotRenderer, type RobotPose } from './robot-renderer';
import { createNaiveRobots, createNaiveStock } from './naive-renderer';
import { createCanvasPanel, type CanvasPanel } from './panels';
import { paintBoard, paintLive, paintWall, type LiveFigures } from './painters';
import type { WorldStrings } from '../ui/strings';

/** Most simulation steps run in one frame; a longer stall is dropped, not replayed. */
const MAX_STEPS_PER_FRAME = 5;
const LIVE_PANEL_EVERY_S = 0.5;
const BOARD_EVERY_S = 1;

/** A running twin. */
export interface Twin {
  readonly layout: Layout;
  readonly geometry: WarehouseGeometry;
  readonly sim: Simulation;
  /** Problems the person should know about (for example a missing model); grows when the robots arrive. */
  readonly notices: readonly string[];
  /**
   * Resolves when the twin is whole. The panels (order board, gap wall, live
   * panel) and the robots (the model, or simple robots and a notice) are
   * built just after the first frame that drew the rest, so it waits for none.
   */
  readonly complete: Promise<void>;
  /** Where a viewer starts: at the front, facing down the aisles. */
  readonly startPose: Partial<RigState>;
  /** Floor bounds a viewer may walk in, in metres. */
  readonly bounds: { minX: number; maxX: number; minZ: number; maxZ: number };
  /** Current robot poses (interpolated for the last rendered frame). */
  readonly poses: readonly RobotPose[];
  /** The order board's rectangle, for selection. */
  readonly boardRect: BoardRect;
  /** Multiplies LOD distances' effect (the governor raises it under load). */
  setLodBias(bias: number): void;
  /** Costly effects: the directional light (a second light per pixel). */
  setEffects(on: boolean): void;
  /** Places the whole model (a table-top model in passthrough), or back at full size with null. */
  setPlacement(placement: Placement | null): void;
  /** Draws every panel's texture again (after the GPU context was restored). */
  repaintPanels(): void;
  /** Speaks the person's language from now on: the panels are repainted in it. */
  setStrings(strings: WorldStrings): void;
  /** Advances by `dtS` seconds of real time (0 while paused) and redraws. */
  update(dtS: number, viewerXM: number, viewerZM: number, live: () => LiveFigures): void;
  dispose(): void;
}

/** How to build a twin. */
export interface TwinOptions {
  /** The robot model (its download starts with the app). */
  robotModel: RobotModel;
  /** 'off': the straightforward build, the perf baseline. */
  budgets: 'on' | 'off';
  /** LOD distances from this device's budget row. */
  lodDistancesM: Budget['lodDistancesM'];
  /** What the panels and notices say, in the person's language. */
  strings: WorldStrings;
}

/** Where the gap wall and the live panel go on the front wall. */
function placeWall(layout: Layout): { wall: WallPlacement; liveCentreXM: number; liveWidthM: number } {
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

/**
 * Builds the twin of a validated layout into the scene. With `budgets` off
 * the same world is built the straightforward way (the perf baseline).
 */
export function createTwin(scene: Scene, layout: Layout, o: TwinOptions): Twin {
  const { budgets, lodDistancesM } = o;
  const geometry = createGeometry(layout);
  const sim = createSimulation(geometry);
  const { floor } = layout;
  // Everything the twin creates hangs from one root, so the model can be placed as a whole.
  const root = new TransformNode('twin-root', scene);
  const firstMesh = scene.meshes.length;

  const lights = [new HemisphericLight('sky', new Vector3(0.2, 1, -0.3), scene), new DirectionalLight('sun', new Vector3(-0.4, -1, 0.6), scene)];
  lights[0]!.intensity = 0.8;
  (lights[0] as HemisphericLight).groundColor = new Color3(0.4, 0.38, 0.35);
  lights[1]!.intensity = 0.5;

  const vertexColoured = new StandardMaterial('vertex-coloured', scene);
  vertexColoured.specularColor = new Color3(0.06, 0.06, 0.06);
  const { wall, liveCentreXM, liveWidthM } = placeWall(layout);
  const laid = layoutWall(FIGURES, wall.widthM, wall.heightM);
  const meshes: Mesh[] = buildWarehouseStatic(scene, geometry, wall, laid, vertexColoured, budgets);
  const stockMaterial = new StandardMaterial('stock', scene);
  stockMaterial.specularColor = new Color3(0.06, 0.06, 0.06);
  const stock: StockRenderer =
    budgets === 'on' ? createStockRenderer(scene, createStock(geometry), stockMaterial, lodDistancesM.stockDetail) : createNaiveStock(scene, createStock(geometry));

  const boardWidthM = Math.min(7, floor.widthM - 2);
  const boardHeightM = boardWidthM / 2.6;
  const boardCentreY = WALL_HEIGHT_M - boardHeightM / 2 - 0.2;
  const boardRect: BoardRect = {
    zM: floor.depthM / 2 - 0.02,
    minX: -boardWidthM / 2,
    maxX: boardWidthM / 2,
    minY: boardCentreY - boardHeightM / 2,
    maxY: boardCentreY + boardHeightM / 2,
  };
  const panels: CanvasPanel[] = [];
  let t = o.strings;

  const clock = createFixedClock();
  const poses: RobotPose[] = sim.robots.map(() => ({ xM: 0, zM: 0, headingRad: 0 }));
  let sinceLiveS = LIVE_PANEL_EVERY_S;
  let lodBias = 1;
  let sinceBoardS = 0;
  const notices: string[] = [];
  /** The twin's meshes, each hanging from the root. */
  const own: AbstractMesh[] = [];
  /** Hangs meshes (and the trees they belong to) from the root; frozen world matrices are taken again. */
  const adopt = (meshes: readonly AbstractMesh[]) => {
    for (const mesh of meshes) {
      let top: Node = mesh;
      while (top.parent) top = top.parent;
      if (top !== root) top.parent = root;
      own.push(mesh);
    }
    refreeze(meshes);
  };
  /** Where the root stands now (null: the origin at full size). */
  let placedAt: Placement | null = null;
  /** Frozen world matrices are taken again after the root moved. */
  const refreeze = (meshes: readonly AbstractMesh[]) => {
    for (const mesh of meshes) {
      if (!mesh.isWorldMatrixFrozen) continue;
      mesh.unfreezeWorldMatrix();
      mesh.computeWorldMatrix(true);
      mesh.freezeWorldMatrix();
    }
  };
  adopt(scene.meshes.slice(firstMesh));

  // The first frame waits only for the building, the racks and their stock. The panels (a
  // canvas painted and uploaded each: on a phone the order board alone took a second before the
  // first frame) and the robots (whose glTF loader is a chunk of its own) follow the first frame
  // that drew the rest, each in a task of its own so frames keep coming between.
  let disposed = false;
  const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  let board: CanvasPanel | null = null;
  let wallPanel: CanvasPanel | null = null;
  let livePanel: CanvasPanel | null = null;
  const paintBoardNow = () => board?.draw((ctx, w, h) => paintBoard(ctx, w, h, t, t.boardTitle(layout.name, sim.robots.length, itemCount(layout)), currentKpis(sim), sim.history));
  const paintWallNow = () => wallPanel?.draw((ctx, w) => paintWall(ctx, t, laid, wall.heightM, w / wall.widthM));
  /** A step in a task of its own, skipped once the twin is disposed; the meshes it makes hang from the root. */
  const inTask = (build: () => void) => async () => {
    await nextTask();
    if (disposed) return;
    const first = scene.meshes.length;
    build();
    adopt(scene.meshes.slice(first));
  };
  const buildBoard = () => {
    board = createCanvasPanel(scene, 'order-board', {
      widthM: boardWidthM,
      heightM: boardHeightM,
      widthPx: 1024,
      position: [0, boardCentreY, floor.depthM / 2 - 0.02],
      yawRad: 0,
    });
    panels.push(board);
    paintBoardNow();
    sinceBoardS = 0;
  };
  const buildFrontWall = () => {
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
    panels.push(wallPanel, livePanel);
    paintWallNow();
    sinceLiveS = LIVE_PANEL_EVERY_S;
  };
  let robots: RobotRenderer | null = null;
  const complete = whenDrawn(scene)
    .then(inTask(buildBoard))
    .then(inTask(buildFrontWall))
    .then(nextTask)
    .then(() => (disposed ? null : loadRobotMeshes(scene, o.robotModel, vertexColoured)))
    .then((loaded) => {
      if (!loaded) return;
      const { meshes: lods, problem } = loaded;
      if (disposed) {
        for (const m of lods) m.dispose();
        return;
      }
      adopt(lods);
      robots = budgets === 'on' ? createRobotRenderer(lods, sim.robots.length, lodDistancesM.robots) : createNaiveRobots(lods, sim.robots.length);
      if (problem) notices.push(t.robotModelUnavailable(problem));
      if (budgets === 'on') vertexColoured.freeze();
    });

  return {
    layout,
    geometry,
    sim,
    notices,
    complete,
    poses,
    boardRect,
    startPose: { xM: 0, zM: -floor.depthM / 2 + 3, yawRad: 0, pitchRad: -0.08 },
    bounds: { minX: -floor.widthM / 2 + 0.3, maxX: floor.widthM / 2 - 0.3, minZ: -floor.depthM / 2 + 0.3, maxZ: floor.depthM / 2 - 0.3 },
    setPlacement(p) {
      // Unchanged (the full-size world placed at build): no matrices to take again.
      if (samePlacement(p, placedAt)) return;
      placedAt = p && { ...p };
      root.position.set(p?.x ?? 0, p?.y ?? 0, p?.z ?? 0);
      root.rotation.set(0, p?.yawRad ?? 0, 0);
      root.scaling.setAll(p?.scale ?? 1);
      root.computeWorldMatrix(true);
      refreeze(own);
    },
    setStrings(strings) {
      if (strings === t) return;
      t = strings;
      this.repaintPanels();
    },
    repaintPanels() {
      paintWallNow();
      paintBoardNow();
      sinceLiveS = LIVE_PANEL_EVERY_S;
    },
    setLodBias(bias) {
      lodBias = bias;
    },
    setEffects(on) {
      lights[1]!.setEnabled(on);
    },
    update(dtS, viewerXM, viewerZM, live) {
      const steps = advanceClock(clock, dtS, STEP_S, MAX_STEPS_PER_FRAME);
      for (let i = 0; i < steps; i++) stepSimulation(sim);
      const alpha = clockAlpha(clock, STEP_S);
      sim.robots.forEach((robot, i) => Object.assign(poses[i]!, robotPose(sim, robot, alpha)));
      robots?.update(poses, viewerXM, viewerZM, lodBias);
      stock.update(viewerXM, viewerZM, lodBias);
      sinceLiveS += dtS;
      sinceBoardS += dtS;
      // A panel out of view waits, overdue, and is repainted the frame after it comes into view.
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
      disposed = true;
      for (const p of panels) p.dispose();
      robots?.dispose();
      stock.dispose();
      for (const m of meshes) m.dispose();
      for (const l of lights) l.dispose();
      vertexColoured.dispose();
      stockMaterial.dispose();
      root.dispose();
    },
  };
}
