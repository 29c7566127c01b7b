/**
 * The deterministic warehouse simulation: a Poisson order stream, orders
 * assigned to the nearest idle robot, each robot driving pick → carry →
 * drop on collision-free planned paths, batteries, and KPIs. Fixed step
 * (10 Hz), independent of the render rate; the same seed gives the same
 * warehouse on every terminal.
 */
import { CELL_M, cellCentre, type WarehouseGeometry } from '../layout/geometry';
import { createRng, randomInt, type Rng } from '../layout/rng';
import { createReservations, hold, planPath, releaseHold, releasePath, reservePath, type Reservations } from './planner';
import { createCongestion, recordWait, type Congestion } from './congestion';

/** Simulation step, in seconds. */
export const STEP_S = 0.1;

/** What a robot is doing. */
export type RobotState = 'idle' | 'to-bin' | 'picking' | 'to-station' | 'dropping' | 'to-home' | 'waiting';

/** A customer order: bins to pick, then a drop at a packing station. */
export interface Order {
  id: number;
  arrivalTick: number;
  /** Bin indices to pick, in order. */
  lines: number[];
  robot: number;
  picked: number;
  completedTick: number;
}

/** One picking robot. */
export interface Robot {
  id: number;
  home: number;
  state: RobotState;
  /** State to resume after waiting for a path. */
  resume: RobotState;
  /** Cells per slot from `pathSlot0`; the robot is at path[i] during slot pathSlot0 + i. */
  path: number[];
  pathSlot0: number;
  keys: number[];
  /** Slot until which the robot stays put (picking, dropping, charging, backing off). */
  busyUntilSlot: number;
  order: Order | null;
  /** Destination cell of the current leg. */
  goal: number;
  /** Charge, 0..1. */
  battery: number;
  headingRad: number;
}

/** A KPI sample, taken once a simulated minute. */
export interface KpiSample {
  tS: number;
  ordersPerHour: number;
  meanFulfilmentS: number;
  utilisation: number;
  backlog: number;
}

/** The whole simulation state: plain data, advanced by `stepSimulation`. */
export interface Simulation {
  geometry: WarehouseGeometry;
  rng: Rng;
  tick: number;
  /** Ticks per planner slot (the time a robot takes to cross one cell). */
  slotTicks: number;
  res: Reservations;
  robots: Robot[];
  queue: Order[];
  nextOrderId: number;
  nextArrivalTick: number;
  /** Completion ticks and fulfilment times (s) of recent orders. */
  completedTicks: number[];
  fulfilmentS: number[];
  completedOrders: number;
  busyRobotTicks: number;
  history: KpiSample[];
  /** Paths that could not be planned (the robot waited and retried). */
  planFailures: number;
  /** Where robots stood waiting mid-journey over the last simulated hour. */
  congestion: Congestion;
}

/** Seconds a pick and a drop take. */
const PICK_S = 2.5;
const DROP_S = 2;
/** Battery use per slot moving and per slot working, and charge per slot at home. */
const DRAIN_MOVE = 0.0006;
const DRAIN_WORK = 0.0002;
const CHARGE = 0.004;
/** Below this charge a robot goes home to charge before taking an order. */
const LOW_BATTERY = 0.3;
const HISTORY_LENGTH = 120;
const KPI_WINDOW = 200;

/** Creates a simulation at tick 0 with every robot parked at its home. */
export function createSimulation(geometry: WarehouseGeometry): Simulation {
  const { layout } = geometry;
  const rng = createRng(layout.seed ^ 0x5bd1e995);
  const slotTicks = Math.max(1, Math.round(CELL_M / layout.robots.speedMps / STEP_S));
  const res = createReservations(geometry.cols * geometry.gridRows);
  const robots: Robot[] = geometry.homes.map((home, id) => {
    hold(res, home, 0, id);
    return {
      id,
      home,
      state: 'idle',
      resume: 'idle',
      path: [home],
      pathSlot0: 0,
      keys: [],
      busyUntilSlot: 0,
      order: null,
      goal: home,
      battery: 0.6 + 0.4 * rng(),
      headingRad: 0,
    };
  });
  const sim: Simulation = {
    geometry,
    rng,
    tick: 0,
    slotTicks,
    res,
    robots,
    queue: [],
    nextOrderId: 1,
    nextArrivalTick: 0,
    completedTicks: [],
    fulfilmentS: [],
    completedOrders: 0,
    busyRobotTicks: 0,
    history: [],
    planFailures: 0,
    congestion: createCongestion(geometry.cols * geometry.gridRows, STEP_S),
  };
  sim.nextArrivalTick = nextArrival(sim);
  return sim;
}

function nextArrival(sim: Simulation): number {
  const meanS = 3600 / sim.geometry.layout.orders.perHour;
  return sim.tick + Math.max(1, Math.round((-Math.log(1 - sim.rng()) * meanS) / STEP_S));
}

/** The slot a tick falls in. */
export const slotOfTick = (sim: Simulation, tick: number) => Math.floor(tick / sim.slotTicks);

/** The cell a robot occupies during a slot. */
export function robotCellAt(robot: Robot, slot: number): number {
  const i = Math.min(robot.path.length - 1, Math.max(0, slot - robot.pathSlot0));
  return robot.path[i] ?? robot.home;
}

function manhattan(sim: Simulation, a: number, b: number): number {
  const cols = sim.geometry.cols;
  return Math.abs((a % cols) - (b % cols)) + Math.abs(Math.floor(a / cols) - Math.floor(b / cols));
}

/** Plans the robot's next leg to `goal`; on failure it waits a moment and retries. */
function startLeg(sim: Simulation, robot: Robot, goal: number, state: RobotState, slot: number): void {
  const here = robotCellAt(robot, slot);
  releasePath(sim.res, robot.keys, robot.id);
  releaseHold(sim.res, here, robot.id);
  robot.goal = goal;
  const grid = { cols: sim.geometry.cols, rows: sim.geometry.gridRows, blocked: sim.geometry.blocked };
  const path = planPath(grid, sim.res, robot.id, here, slot, goal);
  if (path) {
    robot.path = path;
    robot.pathSlot0 = slot;
    robot.keys = reservePath(sim.res, path, slot, robot.id);
    robot.state = state;
    return;
  }
  sim.planFailures++;
  robot.path = [here];
  robot.pathSlot0 = slot;
  robot.keys = [];
  hold(sim.res, here, slot, robot.id);
  robot.resume = state;
  robot.state = 'waiting';
  // Back off 1–4 slots so congested robots do not all retry together.
  robot.busyUntilSlot = slot + randomInt(sim.rng, 1, 4);
}

/** The dock cell of the packing station nearest the robot. */
function packingDock(sim: Simulation, from: number): number {
  const { layout, stationCells } = sim.geometry;
  let best = -1;
  let bestD = Infinity;
  layout.stations.forEach((s, i) => {
    if (s.kind !== 'packing') return;
    // Robots dock in the lane just behind the station, on the racks' side.
    for (const dx of [-1, 1, -2, 2, 0]) {
      const cell = (stationCells[i] ?? 0) + 2 * sim.geometry.cols + dx;
      if (sim.res.holder[cell] !== -1) continue;
      const d = manhattan(sim, from, cell);
      if (d < bestD) [best, bestD] = [cell, d];
    }
  });
  return best >= 0 ? best : (stationCells[layout.stations.findIndex((s) => s.kind === 'packing')] ?? 0) + 2 * sim.geometry.cols;
}

const slotsFor = (sim: Simulation, seconds: number) => Math.max(1, Math.ceil(seconds / STEP_S / sim.slotTicks));

/** Decides a robot's next move at a slot boundary, once its current leg or wait is over. */
function advanceRobot(sim: Simulation, robot: Robot, slot: number): void {
  if (slot < robot.busyUntilSlot || slot < robot.pathSlot0 + robot.path.length - 1) return;
  const order = robot.order;
  switch (robot.state) {
    case 'waiting':
      startLeg(sim, robot, robot.goal, robot.resume, slot);
      return;
    case 'to-bin':
      robot.state = 'picking';
      robot.busyUntilSlot = slot + slotsFor(sim, PICK_S);
      return;
    case 'picking': {
      if (order) order.picked++;
      const next = order ? pickCellOf(sim, order.lines[order.picked]) : null;
      if (!order) startLeg(sim, robot, robot.home, 'to-home', slot);
      else if (next !== null) startLeg(sim, robot, next, 'to-bin', slot);
      else startLeg(sim, robot, packingDock(sim, robotCellAt(robot, slot)), 'to-station', slot);
      return;
    }
    case 'to-station':
      robot.state = 'dropping';
      robot.busyUntilSlot = slot + slotsFor(sim, DROP_S);
      return;
    case 'dropping': {
      if (order) completeOrder(sim, order);
      robot.order = null;
      const queued = robot.battery >= LOW_BATTERY ? sim.queue.shift() : undefined;
      if (queued) takeOrder(sim, robot, queued, slot);
      else startLeg(sim, robot, robot.home, 'to-home', slot);
      return;
    }
    case 'to-home':
      robot.state = 'idle';
      return;
    case 'idle':
      return;
  }
}

function takeOrder(sim: Simulation, robot: Robot, order: Order, slot: number): void {
  order.robot = robot.id;
  robot.order = order;
  startLeg(sim, robot, pickCellOf(sim, order.lines[0]) ?? robot.home, 'to-bin', slot);
}

/** The cell a robot picks a bin's stock from; null past the order's last line. */
function pickCellOf(sim: Simulation, bin: number | undefined): number | null {
  return bin === undefined ? null : (sim.geometry.bins[bin]?.pickCell ?? null);
}

function completeOrder(sim: Simulation, order: Order): void {
  order.completedTick = sim.tick;
  sim.completedOrders++;
  sim.completedTicks.push(sim.tick);
  sim.fulfilmentS.push((sim.tick - order.arrivalTick) * STEP_S);
  if (sim.completedTicks.length > KPI_WINDOW) sim.completedTicks.shift();
  if (sim.fulfilmentS.length > KPI_WINDOW) sim.fulfilmentS.shift();
}

/** Hands queued orders to the nearest idle, charged robots. */
function assignOrders(sim: Simulation, slot: number): void {
  while (sim.queue.length > 0) {
    const order = sim.queue[0];
    if (!order) return;
    const target = pickCellOf(sim, order.lines[0]);
    if (target === null) return;
    let best: Robot | null = null;
    let bestD = Infinity;
    for (const r of sim.robots) {
      if (r.state !== 'idle' || r.battery < LOW_BATTERY || slot < r.busyUntilSlot) continue;
      const d = manhattan(sim, robotCellAt(r, slot), target);
      if (d < bestD) [best, bestD] = [r, d];
    }
    if (!best) return;
    sim.queue.shift();
    takeOrder(sim, best, order, slot);
  }
}

function spawnOrders(sim: Simulation): void {
  const { layout, bins } = sim.geometry;
  while (sim.tick >= sim.nextArrivalTick) {
    const count = randomInt(sim.rng, 1, layout.orders.maxLines);
    const lines = Array.from({ length: count }, () => Math.floor(sim.rng() * bins.length));
    sim.queue.push({ id: sim.nextOrderId++, arrivalTick: sim.nextArrivalTick, lines, robot: -1, picked: 0, completedTick: -1 });
    sim.nextArrivalTick = nextArrival(sim);
  }
}

/** Whether a robot stands still mid-journey in `slot`: a planned pause for another robot, or a backoff after a failed plan. */
function isWaiting(robot: Robot, slot: number): boolean {
  if (robot.state === 'waiting') return true;
  const travelling = robot.state === 'to-bin' || robot.state === 'to-station' || robot.state === 'to-home';
  return travelling && slot < robot.pathSlot0 + robot.path.length - 1;
}

/** Advances the simulation by one fixed step of `STEP_S` seconds. */
export function stepSimulation(sim: Simulation): void {
  sim.tick++;
  spawnOrders(sim);
  const atSlotStart = sim.tick % sim.slotTicks === 0;
  const slot = slotOfTick(sim, sim.tick);
  let busy = 0;
  for (const robot of sim.robots) {
    if (robot.state !== 'idle') busy++;
    if (!atSlotStart) continue;
    const here = robotCellAt(robot, slot);
    const moving = here !== robotCellAt(robot, slot + 1);
    if (!moving && isWaiting(robot, slot)) recordWait(sim.congestion, here, sim.tick);
    if (robot.state === 'idle') robot.battery = Math.min(1, robot.battery + CHARGE);
    else robot.battery = Math.max(0, robot.battery - (moving ? DRAIN_MOVE : DRAIN_WORK));
    advanceRobot(sim, robot, slot);
  }
  if (atSlotStart) assignOrders(sim, slot);
  sim.busyRobotTicks += busy;
  if (sim.tick % Math.round(60 / STEP_S) === 0) {
    sim.history.push({ tS: sim.tick * STEP_S, ...currentKpis(sim) });
    if (sim.history.length > HISTORY_LENGTH) sim.history.shift();
  }
}

/** The KPIs the order board shows. */
export interface Kpis {
  /** Orders completed per hour over the recent window. */
  ordersPerHour: number;
  /** Mean time from arrival to drop over recent orders, in seconds. */
  meanFulfilmentS: number;
  /** Share of robot time spent on orders since start, 0..1. */
  utilisation: number;
  /** Orders waiting for a robot. */
  backlog: number;
}

/** KPIs now. */
export function currentKpis(sim: Simulation): Kpis {
  const n = sim.completedTicks.length;
  const spanS = n > 1 ? (sim.tick - (sim.completedTicks[0] ?? sim.tick)) * STEP_S : 0;
  const ordersPerHour = n > 1 && spanS > 0 ? ((n - 1) / spanS) * 3600 : 0;
  const meanFulfilmentS = n > 0 ? sim.fulfilmentS.reduce((a, b) => a + b, 0) / sim.fulfilmentS.length : 0;
  const denom = sim.robots.length * sim.tick;
  return {
    ordersPerHour,
    meanFulfilmentS,
    utilisation: denom > 0 ? sim.busyRobotTicks / denom : 0,
    backlog: sim.queue.length,
  };
}

/** A robot's interpolated floor position and heading at `alpha` (0..1) of the way to the next tick. */
export function robotPose(sim: Simulation, robot: Robot, alpha: number): { xM: number; zM: number; headingRad: number } {
  const t = sim.tick + alpha;
  const slot = Math.floor(t / sim.slotTicks);
  const frac = t / sim.slotTicks - slot;
  const a = cellCentre(sim.geometry, robotCellAt(robot, slot));
  const b = cellCentre(sim.geometry, robotCellAt(robot, slot + 1));
  if (a.xM !== b.xM || a.zM !== b.zM) robot.headingRad = Math.atan2(b.xM - a.xM, b.zM - a.zM);
  return { xM: a.xM + (b.xM - a.xM) * frac, zM: a.zM + (b.zM - a.zM) * frac, headingRad: robot.headingRad };
}

/**
 * A fingerprint of the simulation's state at its tick: every robot's cell,
 * state and order, and the orders done and waiting. Two simulations of the
 * same layout and seed at the same tick have the same digest; a client in a
 * shared room compares its own with the room's to know it still agrees.
 */
export function simDigest(sim: Simulation): number {
  let h = 0x811c9dc5;
  const mix = (v: number) => {
    h = Math.imul(h ^ (v | 0), 0x01000193);
  };
  mix(sim.tick);
  const slot = slotOfTick(sim, sim.tick);
  for (const r of sim.robots) {
    mix(robotCellAt(r, slot));
    mix(r.state.length * 31 + r.state.charCodeAt(3));
    mix(r.order?.id ?? -1);
  }
  mix(sim.completedOrders);
  mix(sim.queue.length);
  return h >>> 0;
}

/** A simulation as plain, cloneable data (a worker's answer): everything but its geometry, and its generator's state. */
export type SimSnapshot = Omit<Simulation, 'geometry' | 'rng'> & { rngState: number };

/** The simulation as plain data, to post to another thread. */
export function snapshotOf(sim: Simulation): SimSnapshot {
  const { rng, ...rest } = sim;
  const plain: Partial<Simulation> = { ...rest };
  // The geometry is derived from the layout: the receiver has its own.
  delete plain.geometry;
  return { ...(plain as Omit<Simulation, 'geometry' | 'rng'>), rngState: rng.state };
}

/** Puts a snapshot of a simulation of the same geometry in place of `sim`'s state (whoever holds `sim` keeps it). */
export function restoreSimulation(sim: Simulation, snapshot: SimSnapshot): void {
  const { rngState, ...rest } = snapshot;
  Object.assign(sim, rest, { rng: createRng(rngState) });
}

/** Simulated time a solo twin starts at: its first hour is simulated first, so the board and its chart are filled on arrival. */
export const WARM_START_TICKS = Math.round(3600 / STEP_S);
