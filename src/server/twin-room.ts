/**
 * The shared twin's room on the server (Colyseus). Each participant's
 * avatar is state the room syncs to everyone at 20 Hz; a client changes only
 * its own, through validated, rate-limited messages. Anything else is
 * dropped and counted, and the room carries on.
 */
import { Room, ServerError, type Client } from '@colyseus/core';
import { schema, type ArraySchema, type SchemaType } from '@colyseus/schema';
import {
  allowMessage,
  createRateLimiter,
  isRoomKey,
  MAX_PARTICIPANTS,
  parseHello,
  parsePose,
  parseStats,
  participantColour,
  POSE_HZ,
  STATS_HZ,
  type RateLimiter,
} from '../room/protocol';
import defaultLayoutJson from '../../assets/layouts/default.json';
import { validateLayout } from '../layout/validate';
import type { Layout } from '../layout/schema';
import { createGeometry } from '../layout/geometry';
import { createSimulation, simDigest, stepSimulation, STEP_S } from '../sim/simulation';

/** One participant as everyone sees it. */
export const Participant = schema(
  {
    name: 'string',
    colour: 'string',
    terminal: 'string',
    deviceClass: 'string',
    xM: 'number',
    yM: 'number',
    zM: 'number',
    yawDeg: 'number',
    pitchDeg: 'number',
    /** Hand rays, [ox, oy, oz, dx, dy, dz], empty where not tracked. */
    left: ['number'],
    right: ['number'],
    /** What its pointer aims at: 'robot' or 'bin' and its number; '' for nothing. */
    aimKind: 'string',
    aimId: 'number',
    fps: 'number',
    renderHz: 'number',
    frameP95Ms: 'number',
    drawCalls: 'number',
    triangles: 'number',
    renderWidth: 'number',
    renderHeight: 'number',
    views: 'number',
    downloadedKB: 'number',
    input: 'string',
  },
  'Participant',
);
export type Participant = SchemaType<typeof Participant>;

export const TwinState = schema(
  {
    participants: { map: Participant },
    /** The room's layout (its name) and simulation clock: every client steps the same deterministic simulation to this tick. */
    layout: 'string',
    tick: 'number',
    /** `simDigest` of the room's simulation at `digestTick`: a client that disagrees starts again from the seed. */
    digest: 'number',
    digestTick: 'number',
  },
  'TwinState',
);
export type TwinState = SchemaType<typeof TwinState>;

/** Counts of what the room refused, and how long its patches take, for the tests and the load test. */
export interface RoomCounters {
  dropped: number;
  limited: number;
  /** The last patch times (encoding and sending the state's changes to every client), in ms, oldest overwritten. */
  tickMs: number[];
}

/** Patch times kept for the load test's percentiles. */
const TICKS_KEPT = 2000;

/** How often the room publishes its simulation's digest, in ticks (1 s). */
const DIGEST_EVERY_TICKS = 10;
/** The furthest a restarted room resumes its simulation, in ticks (an hour). */
const MAX_RESUME_TICKS = 36_000;

/** The standard layout, bundled with the server as with the app. */
function defaultLayout(): Layout {
  const r = validateLayout(defaultLayoutJson);
  if (!r.ok) throw new Error('the bundled default layout is invalid');
  return r.layout;
}

/** Seconds a dropped client's seat is kept for it to come back. */
const RECONNECT_S = 20;

export class TwinRoom extends Room<TwinState> {
  override maxClients = MAX_PARTICIPANTS;
  readonly counters: RoomCounters = { dropped: 0, limited: 0, tickMs: [] };
  private tickAt = 0;

  /** One patch (the room's tick): timed. */
  override broadcastPatch(): boolean {
    const start = performance.now();
    const sent = super.broadcastPatch();
    if (sent) {
      this.counters.tickMs[this.tickAt % TICKS_KEPT] = performance.now() - start;
      this.tickAt++;
    }
    return sent;
  }
  private joined = 0;
  /** The key of the link the room was made for: every join must carry it (a room id alone is not enough). */
  private key = '';
  private readonly limits = new Map<string, { pose: RateLimiter; stats: RateLimiter }>();

  override onCreate(options: unknown): void {
    const o = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {};
    if (!isRoomKey(o.key)) throw new ServerError(400, 'not a room link');
    this.key = o.key;
    this.state = new TwinState();
    this.startSimulation(o.tick);
    // Patches at the pose rate: a move reaches the others within one patch.
    this.patchRate = 1000 / POSE_HZ;
    this.onMessage('pose', (client, raw: unknown) => {
      const pose = this.admit(client, 'pose', raw, parsePose);
      const p = this.state.participants.get(client.sessionId);
      if (!pose || !p) return;
      p.xM = pose.xM;
      p.yM = pose.yM;
      p.zM = pose.zM;
      p.yawDeg = pose.yawDeg;
      p.pitchDeg = pose.pitchDeg;
      // The schema's `['number']` fields are ArraySchemas at run time.
      setRay(p.left as unknown as ArraySchema<number>, pose.left);
      setRay(p.right as unknown as ArraySchema<number>, pose.right);
      p.aimKind = pose.aim?.kind ?? '';
      p.aimId = pose.aim?.id ?? 0;
    });
    this.onMessage('stats', (client, raw: unknown) => {
      const stats = this.admit(client, 'stats', raw, parseStats);
      const p = this.state.participants.get(client.sessionId);
      if (stats && p) Object.assign(p, stats);
    });
    this.onMessage('*', () => {
      this.counters.dropped++;
    });
  }

  /** Joins need a room key (the link's) and a hello saying who joins. */
  override onAuth(_client: Client, options: unknown): true {
    const o = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {};
    if (!isRoomKey(o.key) || o.key !== this.key) throw new ServerError(400, 'not a room link');
    if (!parseHello(o, 'Guest')) throw new ServerError(400, 'the join says nothing of the terminal joining');
    return true;
  }

  override onJoin(client: Client, options: unknown): void {
    const hello = parseHello(options, `Guest ${this.joined + 1}`);
    if (!hello) return;
    const p = new Participant();
    p.name = hello.name;
    p.colour = participantColour(this.joined++);
    p.terminal = hello.terminal;
    p.deviceClass = hello.deviceClass;
    // Everything starts defined: a participant that has not moved or measured yet stands at the origin.
    Object.assign(p, {
      xM: 0,
      yM: 1.6,
      zM: 0,
      yawDeg: 0,
      pitchDeg: 0,
      aimKind: '',
      aimId: 0,
      fps: 0,
      renderHz: 0,
      frameP95Ms: 0,
      drawCalls: 0,
      triangles: 0,
      renderWidth: 0,
      renderHeight: 0,
      views: 1,
      downloadedKB: 0,
      input: 'none',
    });
    this.state.participants.set(client.sessionId, p);
    this.limits.set(client.sessionId, { pose: createRateLimiter(POSE_HZ * 1.5, POSE_HZ), stats: createRateLimiter(STATS_HZ * 2, 4) });
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    if (!consented) {
      try {
        // A dropped connection keeps its avatar for a while: the client rejoins by itself.
        await this.allowReconnection(client, RECONNECT_S);
        return;
      } catch {
        // Not back in time: it leaves.
      }
    }
    this.state.participants.delete(client.sessionId);
    this.limits.delete(client.sessionId);
  }

  /**
   * The room's simulation: the standard layout from its seed, stepped at 10 Hz on the room's clock. A room
   * made again after a restart resumes from the tick its first client brings (at most an hour on).
   */
  private startSimulation(resumeTick: unknown): void {
    const sim = createSimulation(createGeometry(defaultLayout()));
    const resume = typeof resumeTick === 'number' && Number.isFinite(resumeTick) ? Math.min(MAX_RESUME_TICKS, Math.max(0, Math.floor(resumeTick))) : 0;
    while (sim.tick < resume) stepSimulation(sim);
    const publish = () => {
      this.state.tick = sim.tick;
      if (sim.tick % DIGEST_EVERY_TICKS === 0) {
        this.state.digest = simDigest(sim);
        this.state.digestTick = sim.tick;
      }
    };
    this.state.layout = sim.geometry.layout.name;
    this.state.digest = simDigest(sim);
    this.state.digestTick = sim.tick;
    publish();
    this.setSimulationInterval(() => {
      stepSimulation(sim);
      publish();
    }, STEP_S * 1000);
  }

  /** Validates and rate-limits one message; counts what it refuses. */
  private admit<T>(client: Client, kind: 'pose' | 'stats', raw: unknown, parse: (raw: unknown) => T | null): T | null {
    const limit = this.limits.get(client.sessionId)?.[kind];
    if (!limit || !allowMessage(limit, Date.now())) {
      this.counters.limited++;
      return null;
    }
    const value = parse(raw);
    if (value === null) this.counters.dropped++;
    return value;
  }
}

function setRay(target: ArraySchema<number>, ray: readonly number[] | null): void {
  const next = ray ?? [];
  if (target.length === next.length) {
    next.forEach((v, i) => {
      if (target[i] !== v) target[i] = v;
    });
    return;
  }
  target.clear();
  target.push(...next);
}
