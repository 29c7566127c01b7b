/**
 * A twin's simulation, run on its fixed clock at the person's speed: the
 * steps due each frame, within a few ms; a room's clock or a link's time
 * caught up to; the first hour warmed in a worker; and, where the frames
 * cannot afford the steps due (60× on a large layout on a slow phone), the
 * time due relayed to the worker, whose answer the page jumps to. Plain
 * data and timing, no Babylon: the twin draws what it gives.
 */
import type { WarehouseGeometry } from '../layout/geometry';
import { createSimulation, restoreSimulation, simDigest, snapshotOf, stepSimulation, STEP_S, WARM_START_TICKS, type Simulation } from '../sim/simulation';
import { advanceClock, clockAlpha, createFixedClock, jumpClock, relayTarget, spendSteps } from '../sim/clock';
import { runAhead, type RunAheadJob, type RunAheadResult } from './run-ahead';

/** One frame, as the twin advances by it. */
export interface TwinFrame {
  /** Seconds since the last frame, capped (for motion and panels). */
  dtS: number;
  /** Wall-clock seconds since the last frame, uncapped: the simulation keeps to it (a stall over a second is dropped). */
  wallS: number;
  /** Simulated seconds per second; 0 while paused. */
  speed: number;
}

/** A room's clock, as the twin follows it. */
export interface RoomClock {
  tick: number;
  digest: number;
  digestTick: number;
}

/** Ticks a twin may run apart from its room's clock before it is brought back (network jitter is smaller). */
const FOLLOW_SLACK_TICKS = 3;
/** The longest a frame spends catching up (the rest of a room's or a link's time after the worker's answer), in ms. */
const CATCH_UP_BUDGET_MS = 12;
/** Catching up by more steps than this goes to the run-ahead worker (a second of frames' batches on a phone for the standard layout). */
const WORKER_MIN_STEPS = 3000;
/**
 * A warm start's share of a worker, in ms: the standard layout's hour takes well under it here, a large
 * layout's stops short (at tens of minutes), so no device spends more than this on it.
 */
const WARM_BUDGET_MS = 4000;
/** Without a worker a warm start is stepped in frame-sized batches, up to this many ticks (10 simulated minutes). */
const WARM_WITHOUT_WORKER_TICKS = 6000;
/** The longest a frame spends stepping the simulation, in ms; at least one due step runs whatever it costs. */
export const STEP_BUDGET_MS = 4;
/** A relay's first guess at the worker's round trip, in s; each answer then teaches the next (half old, half new). */
const FIRST_ROUND_TRIP_S = 0.3;

/** What a job in the worker is for: warming, catching up to a set tick, or relaying the steps a page could not afford. */
type JobKind = 'warm' | 'catch-up' | 'relay';

/**
 * The worker's jobs for one simulation (and its baseline), one at a time. An answer ahead of the
 * simulation takes its place; `onAdopted` hears of it (the twin's digests of earlier ticks are void).
 */
function createWorkerJobs(sim: Simulation, geometry: WarehouseGeometry, baseline: Simulation | null, onAdopted: () => void) {
  /** A job in a worker, while one is under way. */
  let pending: { job: RunAheadJob; kind: JobKind; speed: number } | null = null;
  /** How long the worker's relays take to come back, in s (a moving average). */
  let roundTripS = FIRST_ROUND_TRIP_S;
  /** Relays the page has jumped to (diagnostics: how often this device could not keep up). */
  let relays = 0;
  /**
   * The relay answer this simulation was last set to, while it has only been stepped since: the worker keeps
   * that answer's simulation, so the next relay continues it instead of posting this state again.
   */
  let relayed: number | null = null;
  const layouts = [geometry.layout, baseline?.geometry.layout ?? null] as const;
  /**
   * Calls off the job under way. Calling off may end the worker, and every caller goes on to set the
   * simulation another way (a restart, a catch-up, a pause): a kept relay is not continued after it.
   */
  const cancel = () => {
    pending?.job.cancel();
    pending = null;
    relayed = null;
  };
  /** Puts the worker's answer in this simulation's place, if it is ahead; returns the steps jumped. */
  const adopt = (result: RunAheadResult | null): number => {
    if (!result || result.snapshot.tick <= sim.tick || (baseline && !result.baseline)) return 0;
    const jumped = result.snapshot.tick - sim.tick;
    restoreSimulation(sim, result.snapshot);
    if (baseline && result.baseline) restoreSimulation(baseline, result.baseline);
    relayed = null;
    onAdopted();
    return jumped;
  };
  /** Sends a job to the worker; `then` runs with its answer unless the job was called off meanwhile. */
  const send = (kind: JobKind, job: RunAheadJob, speed: number, then: (result: RunAheadResult | null) => void) => {
    const entry = { job, kind, speed };
    pending = entry;
    void job.result.then((result) => {
      if (pending !== entry) return;
      pending = null;
      then(result);
    });
  };
  return {
    pending: () => pending,
    cancel,
    /** Runs the layout from its seed to `target` (within the warm budget when warming); `then` hears the answer (null: none) once it is adopted. */
    fromSeed(target: number, warming: boolean, then: (result: RunAheadResult | null) => void) {
      cancel();
      const job = runAhead(layouts[0], target, layouts[1], { budgetMs: warming ? WARM_BUDGET_MS : null });
      send(warming ? 'warm' : 'catch-up', job, 0, (result) => {
        adopt(result);
        then(result);
      });
    },
    /** Relays the steps due at `speed` up to `target` from this simulation's state; `then` hears how many steps it jumped. */
    relay(target: number, speed: number, then: (jumped: number) => void) {
      const from = relayed !== null ? { continues: relayed } : { snapshot: snapshotOf(sim), baseline: baseline ? snapshotOf(baseline) : null };
      const sentAt = performance.now();
      send('relay', runAhead(layouts[0], target, layouts[1], { from }), speed, (result) => {
        // Without a worker, or with the relay to continue gone (null), the frames' batches go on; the clock keeps the time due.
        if (!result) {
          relayed = null;
          return;
        }
        roundTripS = (roundTripS + (performance.now() - sentAt) / 1000) / 2;
        const jumped = adopt(result);
        if (jumped > 0) {
          relays++;
          relayed = result.id;
        }
        then(jumped);
      });
    },
    roundTripS: () => roundTripS,
    relays: () => relays,
  };
}

/**
 * Runs `sim` (and a what-if's `baseline`, in step) for a twin. The simulation is reset in place, so
 * whoever holds it keeps it.
 */
export function createSimRunner(sim: Simulation, geometry: WarehouseGeometry, baseline: Simulation | null) {
  /** Own digests of the last ticks, to compare with the room's. */
  const digests = new Map<number, number>();
  const clock = createFixedClock();
  /** A tick to catch up to over the next frames, in frame-sized batches: the room's, or a link's. */
  let catchUp = 0;
  const jobs = createWorkerJobs(sim, geometry, baseline, () => digests.clear());
  /**
   * Runs on to `tick`: far ahead, a worker steps the simulation from the seed while the world goes on, and
   * its answer takes this one's place; the rest (all of it without a worker) is stepped in batches.
   */
  const runTo = (tick: number, warming = false) => {
    const target = Math.max(0, Math.floor(tick));
    jobs.cancel();
    if (target - sim.tick <= WORKER_MIN_STEPS) {
      catchUp = target;
      return;
    }
    jobs.fromSeed(target, warming, (result) => {
      // A warm start ends where the worker's budget did; a link's or a room's time is reached exactly.
      catchUp = !warming ? target : result ? sim.tick : Math.min(target, WARM_WITHOUT_WORKER_TICKS);
    });
  };
  /**
   * The frames fell behind the clock: the worker runs on from this simulation's state to where the clock
   * will stand when its answer is back, and the frames step nothing until then (the answer replaces it).
   */
  const relay = (speed: number) => {
    const target = relayTarget(clock, sim.tick, speed, STEP_S, jobs.roundTripS());
    if (target !== null) jobs.relay(target, speed, (jumped) => jumpClock(clock, jumped, STEP_S));
  };
  /** Starts again from the seed, with nothing due. */
  const restart = () => {
    jobs.cancel();
    Object.assign(sim, createSimulation(geometry));
    if (baseline) Object.assign(baseline, createSimulation(baseline.geometry));
    digests.clear();
    clock.accS = 0;
    catchUp = 0;
  };
  /** Runs the first hour, when nothing else (a link's time, a room's clock) has set where the simulation goes. */
  const warm = () => {
    if (!jobs.pending() && catchUp === 0 && sim.tick < WARM_START_TICKS) runTo(WARM_START_TICKS, true);
  };
  const step = () => {
    stepSimulation(sim);
    // A what-if's baseline keeps the same tick, unseen, for the board's comparison.
    if (baseline) stepSimulation(baseline);
    if (sim.tick % 10 === 0) {
      digests.set(sim.tick, simDigest(sim));
      digests.delete(sim.tick - 200);
    }
  };
  /**
   * In a shared room: keeps the simulation on the room's clock, and returns whether it agreed with the
   * room's digest (null: no digest of that tick here yet).
   */
  const followClock = (room: RoomClock): boolean | null => {
    const known = digests.get(room.digestTick);
    const agrees = known === undefined ? null : known === room.digest;
    // Ahead of the room (it restarted, or this client ran alone), or disagreeing: start again from the seed.
    if (agrees === false || sim.tick > room.tick + FOLLOW_SLACK_TICKS) restart();
    // A run ahead past the room's time (this page's warm start, a relay) is called off: the room's clock rules.
    const pending = jobs.pending();
    if (pending && pending.job.tick > room.tick) jobs.cancel();
    // Behind: the worker (far) or this frame's batches (near) bring it to the room's tick.
    if (!jobs.pending() && room.tick - sim.tick > FOLLOW_SLACK_TICKS) runTo(room.tick);
    return agrees;
  };
  /**
   * One frame: the tick to catch up to first, in frame-sized batches; then the steps due at this speed, as
   * many as the frame's budget allows (the rest stay due, or go to the worker once they pile up). Returns
   * how far towards the next step the clock stands.
   */
  const advance = (frame: TwinFrame): number => {
    // A relay asked for at a faster speed would jump past a pause or a slower speed: it is called off.
    const pending = jobs.pending();
    if (pending?.kind === 'relay' && frame.speed < pending.speed) jobs.cancel();
    const catchUpBy = performance.now() + CATCH_UP_BUDGET_MS;
    while (sim.tick < catchUp) {
      step();
      if (performance.now() > catchUpBy) break;
    }
    const due = advanceClock(clock, frame.wallS, frame.speed, STEP_S);
    // While a relay is out, its answer takes the place of whatever the frames would step: they leave it to the worker.
    const relaying = jobs.pending()?.kind === 'relay';
    const deadline = performance.now() + STEP_BUDGET_MS;
    let done = 0;
    while (!relaying && done < due && (done === 0 || performance.now() < deadline)) {
      step();
      done++;
    }
    spendSteps(clock, done, STEP_S);
    if (!jobs.pending() && sim.tick >= catchUp) relay(frame.speed);
    return clockAlpha(clock, STEP_S);
  };
  return {
    followClock,
    advance,
    /** Starts again from the seed's first hour (alone; a room's clock sets its own time). */
    reset: () => {
      restart();
      warm();
    },
    warm,
    catchUpTo: (tick: number) => runTo(tick),
    /** Whether the simulation is being brought to a set time (a warm start, a link's or a room's): a relay is not that. */
    catchingUp: () => {
      const pending = jobs.pending();
      return (pending !== null && pending.kind !== 'relay') || sim.tick < catchUp;
    },
    relays: jobs.relays,
    dispose: jobs.cancel,
  };
}
