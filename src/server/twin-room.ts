/**
 * The shared twin's room on the server (Colyseus). Each participant's
 * avatar is state the room syncs to everyone at 20 Hz; a client changes only
 * its own, through validated, rate-limited messages. Anything else is
 * dropped and counted, and the room carries on.
 */
import { matchMaker, Room, ServerError, type Client } from '@colyseus/core';
import { schema, type ArraySchema, type SchemaType } from '@colyseus/schema';
import {
  allowMessage,
  createRateLimiter,
  isRoomKey,
  LAYOUT_EVERY_S,
  layoutId,
  layoutText,
  MAX_PARTICIPANTS,
  ROOM_FULL_CODE,
  ROOM_NAME,
  parseHello,
  parsePose,
  parseStats,
  participantColour,
  POSE_HZ,
  STATS_HZ,
  type RateLimiter,
} from '../room/protocol';
import defaultLayoutJson from '../../assets/layouts/default.json';
import { parseLayout, validateLayout } from '../layout/validate';
import type { LayoutStore } from './layout-store';
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
    /** The room's layout (its name, its text and `layoutId` of that) and simulation clock: every client shows that layout and steps the same deterministic simulation to this tick. */
    layout: 'string',
    layoutText: 'string',
    layoutId: 'string',
    /** Who loaded the layout into the room ('' for the standard one). */
    layoutBy: 'string',
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
  /** Layouts loaded into the room, and those refused as invalid. */
  layouts: number;
  refusedLayouts: number;
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

/** Where rooms keep their layouts across restarts (`useLayoutStore`); none: a restarted room shows the standard layout. */
let store: LayoutStore | null = null;

/** Sets where this process's rooms keep their layouts. */
export function useLayoutStore(next: LayoutStore | null): void {
  store = next;
}

/** The layout kept for the room of `key`, if any and still valid. */
async function keptLayout(key: string): Promise<Layout | null> {
  const text = await store?.load(key).catch(() => null);
  if (!text) return null;
  const r = parseLayout(text);
  return r.ok ? r.layout : null;
}

/** Seconds a dropped client's seat is kept for it to come back. */
const RECONNECT_S = 20;

export class TwinRoom extends Room<TwinState> {
  override maxClients = MAX_PARTICIPANTS;
  readonly counters: RoomCounters = { dropped: 0, limited: 0, layouts: 0, refusedLayouts: 0, tickMs: [] };
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
  private readonly limits = new Map<string, { pose: RateLimiter; stats: RateLimiter; layout: RateLimiter }>();

  override async onCreate(options: unknown): Promise<void> {
    const o = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {};
    if (!isRoomKey(o.key)) throw new ServerError(400, 'not a room link');
    // The matchmaker makes a room when it finds none open for the key: a full (locked) one is still there,
    // and a second room with the same key would split its people. The next one is told it is full.
    if ((await matchMaker.query({ name: ROOM_NAME, key: o.key })).length > 0) throw new ServerError(ROOM_FULL_CODE, 'the room is full');
    this.key = o.key;
    this.state = new TwinState();
    // A room made again (after a restart) shows the layout it had, and resumes its clock from its first client's.
    this.startSimulation((await keptLayout(o.key)) ?? defaultLayout(), '', o.tick);
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
    this.onMessage('layout', (client, raw: unknown) => {
      const limit = this.limits.get(client.sessionId)?.layout;
      if (!limit || !allowMessage(limit, Date.now())) {
        this.counters.limited++;
        return;
      }
      const r = typeof raw === 'string' ? parseLayout(raw) : ({ ok: false, problems: [{ path: '(file)', message: 'is not text' }] } as const);
      if (!r.ok) {
        // The same per-field messages a terminal shows for a file it reads itself.
        this.counters.refusedLayouts++;
        client.send('layout-refused', { problems: r.problems.slice(0, 50) });
        return;
      }
      const text = layoutText(r.layout);
      if (layoutId(text) === this.state.layoutId) return;
      this.counters.layouts++;
      this.startSimulation(r.layout, this.state.participants.get(client.sessionId)?.name ?? '', 0);
      store?.save(this.key, text).catch((error: unknown) => console.warn(`The room's layout could not be kept: ${String(error)}`));
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
    this.limits.set(client.sessionId, {
      pose: createRateLimiter(POSE_HZ * 1.5, POSE_HZ),
      stats: createRateLimiter(STATS_HZ * 2, 4),
      layout: createRateLimiter(1 / LAYOUT_EVERY_S, 2),
    });
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
   * The room's simulation of `layout` from its seed, stepped at 10 Hz on the room's clock, in place of any
   * before. A room made again after a restart resumes from the tick its first client brings (at most an hour on).
   */
  private startSimulation(layout: Layout, by: string, resumeTick: unknown): void {
    const sim = createSimulation(createGeometry(layout));
    const resume = typeof resumeTick === 'number' && Number.isFinite(resumeTick) ? Math.min(MAX_RESUME_TICKS, Math.max(0, Math.floor(resumeTick))) : 0;
    while (sim.tick < resume) stepSimulation(sim);
    const publish = () => {
      this.state.tick = sim.tick;
      if (sim.tick % DIGEST_EVERY_TICKS === 0) {
        this.state.digest = simDigest(sim);
        this.state.digestTick = sim.tick;
      }
    };
    const text = layoutText(layout);
    this.state.layout = layout.name;
    this.state.layoutText = text;
    this.state.layoutId = layoutId(text);
    this.state.layoutBy = by;
    this.state.digest = simDigest(sim);
    this.state.digestTick = sim.tick;
    publish();
    // Replaces the interval of the simulation before, if any.
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
