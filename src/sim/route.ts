/**
 * A robot's route ahead, as the floor shows it: the cells it will still
 * drive through to its next stop, merged into straight runs (one quad each).
 * Pure; `world/route-line.ts` draws it.
 */
import { slotOfTick, type Robot, type Simulation } from './simulation';

/**
 * The cells a robot will still drive through to the end of its current leg (its next stop), from the
 * cell it is in now; pauses in place are left out. Empty when it is not on its way anywhere.
 */
export function routeAhead(sim: Simulation, robot: Robot): number[] {
  const slot = slotOfTick(sim, sim.tick);
  const from = Math.max(0, slot - robot.pathSlot0);
  if (robot.state === 'waiting' || from >= robot.path.length - 1) return [];
  const cells: number[] = [];
  for (let i = from; i < robot.path.length; i++) {
    const cell = robot.path[i];
    if (cell !== undefined && cell !== cells.at(-1)) cells.push(cell);
  }
  return cells.length > 1 ? cells : [];
}

/** Neighbouring grid cells (a route's steps) merged into straight runs: each run's first and last cell. */
export function straightRuns(cells: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  // Neighbours differ by ±1 (along a row) or ±cols (along a column): the difference is the direction.
  const dir = (a: number, b: number) => b - a;
  let start = cells[0];
  for (let i = 1; i < cells.length; i++) {
    const a = cells[i - 1];
    const b = cells[i];
    const c = cells[i + 1];
    if (start === undefined || a === undefined || b === undefined) continue;
    // A run ends where the direction changes (or the route does).
    if (c === undefined || dir(a, b) !== dir(b, c)) {
      runs.push([start, b]);
      start = b;
    }
  }
  return runs;
}
