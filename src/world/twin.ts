/**
 * The digital twin: layout → geometry → simulation, drawn by the static
 * mesh, stock, robots and panels. `update` advances the simulation on its
 * fixed clock and redraws what moved; everything is removed by `dispose`.
 */
import type { Scene } from '@babylonjs/core/scene';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight';
import { DirectionalLight } from '@babylonjs/core/Lights/directionalLight';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { ShaderMaterial } from '@babylonjs/core/Materials/shaderMaterial';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import type { Node } from '@babylonjs/core/node';
import { whenDrawn } from './when-drawn';
import { createWorldMaterial } from './world-shader';
import { samePlacement, type Placement } from './placement';
import { createGeometry, type WarehouseGeometry } from '../layout/geometry';
import type { Layout } from '../layout/schema';
import { createStock } from '../layout/stock';
import { createSimulation, robotPose, type Simulation } from '../sim/simulation';
import { createSimRunner, type RoomClock, type TwinFrame } from './sim-runner';
import { applyWhatIf, clampWhatIf, isBaseline, NO_WHAT_IF, type WhatIf } from '../sim/what-if';
import { FIGURES } from '../lobby/figures';
import { layoutWall } from '../lobby/wall-layout';
import type { Budget } from '../budget/budgets';
import type { RigState } from '../input/intents';
import type { BoardRect } from '../selection/pick';
import type { Aim } from '../room/protocol';
import { buildWarehouseStatic } from './warehouse-static';
import { createStockRenderer, type StockRenderer } from './stock-renderer';
import { createRobotRenderer, loadRobotMeshes, type RobotModel, type RobotRenderer, type RobotPose } from './robot-renderer';
import type { LiveFigures } from './painters';
import { boardRectFor, createTwinPanels, placeWall, type TwinPanels } from './twin-panels';
import type { WorldStrings } from '../ui/strings';

/** A running twin. */
export interface Twin {
  /** The layout as loaded (a what-if runs a variant of it). */
  readonly layout: Layout;
  /** The what-if this twin runs (`NO_WHAT_IF`: the layout itself). */
  readonly whatIf: WhatIf;
  /** A what-if's baseline: the layout itself, stepped unseen to the same tick (null without a what-if). */
  readonly baseline: Simulation | null;
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
  /**
   * Advances the simulation by a frame's wall-clock time at its speed (as many steps as are due, within
   * a few ms: the rest stay due for the next frames) and redraws.
   */
  update(frame: TwinFrame, viewerXM: number, viewerZM: number, live: () => LiveFigures): void;
  /** Starts the simulation again from the layout's seed (a link's time still to catch up is dropped). */
  resetSimulation(): void;
  /** Highlights the robot or bin selected (following a robot as it moves, its route ahead drawn on the floor), or nothing with null. */
  setHighlight(target: Aim | null): void;
  /** Takes pack `n` of bin `bin` out of its slot (a hand or an inspect view holds it), or puts it back. */
  setPackShown(bin: number, n: number, shown: boolean): void;
  /** Whether that pack is drawn in its slot (null: no such pack, or the stock is not built yet). */
  packShown(bin: number, n: number): boolean | null;
  /** Shows the aisles coloured by where robots waited over the last simulated hour. */
  setCongestionShown(on: boolean): void;
  readonly congestionShown: boolean;
  /** The cells of the route drawn for the selected robot (empty: none). */
  route(): readonly number[];
  /** Runs the simulation on to `tick` (a link's time): in a worker when far, else in frame-sized batches. */
  catchUpTo(tick: number): void;
  /** Whether the simulation is still being run ahead (a warm start, a link's or a room's time). */
  readonly catchingUp: boolean;
  /** How many times the page jumped to the worker's relay, its frames having fallen behind the clock at speed. */
  readonly relays: number;
  /**
   * Returns whether this twin's simulation agreed with the room's digest (null: no digest of that tick here yet).
   *
   * In a shared room: keeps the simulation on the room's clock. Behind, it
   * catches up to the room's tick from the next `update` (in batches, a few thousand steps a frame); ahead,
   * or disagreeing with the room's digest, it starts again from the seed and
   * catches up. The same layout and seed step the same way everywhere.
   */
  followClock(clock: RoomClock): boolean | null;
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
  /** Runs the layout with another order rate or robot count, its baseline beside it (default: none). */
  whatIf?: WhatIf;
}

/** The twin's root: everything hangs from it, so the model can be placed as a whole. */
function createTwinRoot(scene: Scene) {
  const root = new TransformNode('twin-root', scene);
  /** The twin's meshes, each hanging from the root. */
  const own: AbstractMesh[] = [];
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
  return {
    /** Hangs meshes (and the trees they belong to) from the root. */
    adopt(meshes: readonly AbstractMesh[]) {
      for (const mesh of meshes) {
        let top: Node = mesh;
        while (top.parent) top = top.parent;
        if (top !== root) top.parent = root;
        own.push(mesh);
      }
      refreeze(meshes);
    },
    /** Runs `build` and hangs the meshes it made from the root. */
    adoptBuilt<T>(build: () => T): T {
      const first = scene.meshes.length;
      const made = build();
      this.adopt(scene.meshes.slice(first));
      return made;
    },
    place(p: Placement | null) {
      // Unchanged (the full-size world placed at build): no matrices to take again.
      if (samePlacement(p, placedAt)) return;
      placedAt = p && { ...p };
      root.position.set(p?.x ?? 0, p?.y ?? 0, p?.z ?? 0);
      root.rotation.set(0, p?.yawRad ?? 0, 0);
      root.scaling.setAll(p?.scale ?? 1);
      root.computeWorldMatrix(true);
      refreeze(own);
    },
    dispose: () => root.dispose(),
  };
}

/** The sky light and the sun; the sun is the costly effect the governor can switch off. */
function createLights(scene: Scene): { sky: HemisphericLight; sun: DirectionalLight } {
  const sky = new HemisphericLight('sky', new Vector3(0.2, 1, -0.3), scene);
  sky.intensity = 0.8;
  sky.groundColor = new Color3(0.4, 0.38, 0.35);
  const sun = new DirectionalLight('sun', new Vector3(-0.4, -1, 0.6), scene);
  sun.intensity = 0.5;
  return { sky, sun };
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** `?budgets=off`'s renderers: the perf baseline's code, which a start with budgets on never loads. */
const naiveRenderer = () => import('./naive-renderer');

type TwinMarks = ReturnType<typeof import('./twin-marks').createTwinMarks>;

/**
 * The marks (their code and their meshes), all hidden at first: loaded and built after the first frame
 * (`build`), or the moment something asks to show one, and what was asked for meanwhile is applied once
 * they are. Hiding what was never built builds nothing. `load` gives null for a twin disposed meanwhile.
 */
function lazyMarks(load: () => Promise<TwinMarks | null>) {
  let built: TwinMarks | null = null;
  let loading: Promise<void> | null = null;
  const wanted: { highlight: Aim | null; congestion: boolean } = { highlight: null, congestion: false };
  const build = (): Promise<void> =>
    (loading ??= load().then(
      (marks) => {
        built = marks;
        marks?.setHighlight(wanted.highlight);
        marks?.setCongestionShown(wanted.congestion);
      },
      (error: unknown) => {
        // Their code could not be fetched (offline before it was cached): asked for again, it is tried again.
        console.warn('Chasm: the highlight, the route and the congestion overlay could not be loaded.', error);
        loading = null;
      },
    ));
  return {
    build,
    setHighlight: (target: Aim | null) => {
      wanted.highlight = target;
      if (built) built.setHighlight(target);
      else if (target) void build();
    },
    setCongestionShown: (on: boolean) => {
      wanted.congestion = on;
      if (built) built.setCongestionShown(on);
      else if (on) void build();
    },
    congestionShown: () => built?.congestionShown() ?? wanted.congestion,
    route: () => built?.route() ?? [],
    update: (dtS: number) => built?.update(dtS),
    dispose: () => built?.dispose(),
  };
}

/**
 * What the first frame waits for: the building, the racks and their stock (built just before it, hanging
 * from the twin's root), their materials and lights, and the gap wall's figures laid out.
 */
function createBuilding(scene: Scene, root: ReturnType<typeof createTwinRoot>, geometry: WarehouseGeometry, o: TwinOptions) {
  const lights = () => built.lights;
  const vertexColoured = createWorldMaterial('vertex-coloured', scene, lights);
  const stockMaterial = createWorldMaterial('stock', scene, lights);
  const { wall } = placeWall(geometry.layout);
  const laid = layoutWall(FIGURES, wall.widthM, wall.heightM);
  const built: { lights: ReturnType<typeof createLights> | null; meshes: Mesh[]; stock: StockRenderer | undefined } = {
    lights: null,
    meshes: [],
    stock: undefined,
  };
  let gone = false;
  root.adoptBuilt(() => {
    built.lights = createLights(scene);
    built.meshes = buildWarehouseStatic(scene, geometry, wall, laid, vertexColoured, o.budgets);
    if (o.budgets === 'on')
      built.stock = createStockRenderer(scene, createStock(geometry), stockMaterial, o.lodDistancesM.stockDetail, (mesh) => root.adopt([mesh]));
  });
  if (o.budgets === 'off') {
    // The baseline's code (a mesh and a standard material per pack) loads apart from the app's; the
    // first frame waits for its stock, as it waits for anything still loading (whenDrawn).
    const loading = {};
    scene.addPendingData(loading);
    void naiveRenderer()
      .then(({ createNaiveStock }) => {
        if (!gone) built.stock = root.adoptBuilt(() => createNaiveStock(scene, createStock(geometry)));
      })
      .finally(() => scene.removePendingData(loading));
  }
  return {
    vertexColoured,
    laid,
    get stock() {
      return built.stock;
    },
    /** Costly effects: the directional light (a second light per pixel). */
    setEffects: (on: boolean) => built.lights?.sun.setEnabled(on),
    dispose() {
      gone = true;
      built.stock?.dispose();
      for (const m of built.meshes) m.dispose();
      built.lights?.sky.dispose();
      built.lights?.sun.dispose();
      vertexColoured.dispose();
      stockMaterial.dispose();
    },
  };
}

/**
 * What follows the first frame that drew the building, each in a task of its own so frames keep coming:
 * the panels (a canvas painted and uploaded each: on a phone the order board alone took a second before
 * the first frame), the marks, then the robots (whose glTF loader is a chunk of its own). What it makes
 * hangs from the twin's root; nothing more is made once the twin is `gone` (disposed), and it gives null.
 */
async function buildAfterFirstFrame(
  scene: Scene,
  root: ReturnType<typeof createTwinRoot>,
  parts: { panels: TwinPanels; marks: ReturnType<typeof lazyMarks>; vertexColoured: ShaderMaterial },
  o: TwinOptions,
  robotCount: number,
  gone: () => boolean,
): Promise<{ robots: RobotRenderer; problem: string | null } | null> {
  /** A build in a task of its own, skipped once the twin is gone. */
  const inTask = async (build: () => void) => {
    await nextTask();
    if (!gone()) root.adoptBuilt(build);
  };
  await whenDrawn(scene);
  await parts.panels.load();
  await inTask(() => parts.panels.buildBoard());
  await inTask(() => parts.panels.buildFrontWall());
  if (!gone()) await parts.marks.build();
  await nextTask();
  if (gone()) return null;
  const { meshes: lods, problem } = await loadRobotMeshes(scene, o.robotModel, parts.vertexColoured);
  const naive = o.budgets === 'off' ? await naiveRenderer() : null;
  if (gone()) {
    for (const m of lods) m.dispose();
    return null;
  }
  root.adopt(lods);
  const robots = naive ? naive.createNaiveRobots(lods, robotCount) : createRobotRenderer(lods, robotCount, o.lodDistancesM.robots);
  if (o.budgets === 'on') parts.vertexColoured.freeze();
  return { robots, problem };
}

/**
 * Builds the twin of a validated layout into the scene. With `budgets` off
 * the same world is built the straightforward way (the perf baseline).
 */
export function createTwin(scene: Scene, layout: Layout, o: TwinOptions): Twin {
  const whatIf = o.whatIf ? clampWhatIf(layout, o.whatIf) : NO_WHAT_IF;
  const geometry = createGeometry(applyWhatIf(layout, whatIf));
  const sim = createSimulation(geometry);
  const baseline = isBaseline(whatIf) ? null : createSimulation(createGeometry(layout));
  const { floor } = layout;
  const root = createTwinRoot(scene);
  let t = o.strings;
  let disposed = false;
  let robots: RobotRenderer | null = null;
  let lodBias = 1;
  const notices: string[] = [];
  const simulation = createSimRunner(sim, geometry, baseline);
  const poses: RobotPose[] = sim.robots.map(() => ({ xM: 0, zM: 0, headingRad: 0 }));
  // They hang from the twin's root, so they follow a table-top placement with the model.
  const marks = lazyMarks(async () => {
    const { createTwinMarks } = await import('./twin-marks');
    return disposed ? null : root.adoptBuilt(() => createTwinMarks(scene, geometry, sim, poses));
  });

  const building = createBuilding(scene, root, geometry, o);
  const { vertexColoured, laid } = building;
  const panels = createTwinPanels(scene, layout, { sim, baseline, orderRate: whatIf.orderRate }, laid, t);

  const complete = buildAfterFirstFrame(scene, root, { panels, marks, vertexColoured }, o, sim.robots.length, () => disposed).then((made) => {
    if (made) {
      robots = made.robots;
      if (made.problem) notices.push(t.robotModelUnavailable(made.problem));
    }
    // The first hour is simulated (in a worker) once the world is whole, so nothing competes with its first frames.
    if (!disposed) simulation.warm();
  });

  return {
    layout,
    whatIf,
    baseline,
    geometry,
    sim,
    notices,
    complete,
    poses,
    boardRect: boardRectFor(floor),
    startPose: { xM: 0, zM: -floor.depthM / 2 + 3, yawRad: 0, pitchRad: -0.08 },
    bounds: { minX: -floor.widthM / 2 + 0.3, maxX: floor.widthM / 2 - 0.3, minZ: -floor.depthM / 2 + 0.3, maxZ: floor.depthM / 2 - 0.3 },
    setPlacement: (p) => root.place(p),
    setStrings(strings) {
      if (strings === t) return;
      t = strings;
      panels.repaint(t);
    },
    repaintPanels: () => panels.repaint(t),
    followClock: simulation.followClock,
    setHighlight: marks.setHighlight,
    setPackShown: (bin, n, shown) => building.stock?.setPackShown(bin, n, shown),
    packShown: (bin, n) => building.stock?.packShown(bin, n) ?? null,
    setCongestionShown: marks.setCongestionShown,
    get congestionShown() {
      return marks.congestionShown();
    },
    route: marks.route,
    catchUpTo: simulation.catchUpTo,
    get catchingUp() {
      return simulation.catchingUp();
    },
    get relays() {
      return simulation.relays();
    },
    resetSimulation: simulation.reset,
    setLodBias(bias) {
      lodBias = bias;
    },
    setEffects: (on) => building.setEffects(on),
    update(frame, viewerXM, viewerZM, live) {
      const alpha = simulation.advance(frame);
      sim.robots.forEach((robot, i) => {
        const pose = poses[i];
        if (pose) Object.assign(pose, robotPose(sim, robot, alpha));
      });
      robots?.update(poses, viewerXM, viewerZM, lodBias);
      marks.update(frame.dtS);
      building.stock?.update(viewerXM, viewerZM, lodBias);
      panels.update(frame.dtS, live);
    },
    dispose() {
      disposed = true;
      simulation.dispose();
      marks.dispose();
      panels.dispose();
      robots?.dispose();
      building.dispose();
      root.dispose();
    },
  };
}
