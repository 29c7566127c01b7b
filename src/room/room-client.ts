/**
 * The client side of a shared room, loaded with `import()` only when a
 * person shares or opens a room link: solo use never downloads it. Joins the
 * room of a key over the page's own origin, sends this terminal's pose (at
 * most 20 Hz) and stats (2 Hz), and reads everyone's avatar state. A lost
 * connection is said, the app carries on alone, and the client rejoins by
 * itself: the same seat while the server keeps it, else the room of the
 * same key afresh (after a server restart).
 */
import { Client, type Room } from 'colyseus.js';
import type { LayoutProblem } from '../layout/validate';
import { pickStats, POSE_HZ, ROOM_NAME, STATS_HZ, type Hello, type Pose, type SharedStats } from './protocol';

/** One participant as this client sees it. */
export interface RemoteParticipant {
  id: string;
  self: boolean;
  name: string;
  colour: string;
  terminal: string;
  deviceClass: string;
  pose: Pose;
  stats: SharedStats;
}

export type RoomStatus = 'connecting' | 'connected' | 'lost';

/** The room's simulation clock, and the layout it simulates (`layoutId` of its text). */
export interface RoomClock {
  layoutId: string;
  tick: number;
  digest: number;
  digestTick: number;
}

export interface RoomSession {
  readonly key: string;
  status(): RoomStatus;
  /** Everyone in the room, this client first. */
  participants(): readonly RemoteParticipant[];
  /** The room's simulation clock (its layout, tick and digest), or null before the first state arrives. */
  clock(): RoomClock | null;
  /** The room's layout: its id, its text, and who loaded it ('' for the standard one); null before the first state arrives. */
  layout(): { id: string; text: string; by: string } | null;
  /** Loads a layout (its text) into the room for everyone; the server validates it again and may refuse it. */
  sendLayout(text: string): void;
  /** Sends the pose if the last was long enough ago (20 Hz at most); `pose` is called only then. */
  sendPose(pose: () => Pose, nowMs: number): void;
  /** Sends the stats if the last were long enough ago (2 Hz at most); `stats` is called only then. */
  sendStats(stats: () => SharedStats, nowMs: number): void;
  leave(): void;
}

/** A participant as the room's state holds it: its pose, hand rays and shared stats (the server admits only valid ones). */
interface StateParticipant extends SharedStats {
  name: string;
  colour: string;
  terminal: string;
  deviceClass: string;
  xM: number;
  yM: number;
  zM: number;
  yawDeg: number;
  pitchDeg: number;
  left: ArrayLike<number>;
  right: ArrayLike<number>;
  aimKind: string;
  aimId: number;
}
interface State {
  participants?: { forEach(f: (p: StateParticipant, id: string) => void): void };
  layoutText?: string;
  layoutId?: string;
  layoutBy?: string;
  tick?: number;
  digest?: number;
  digestTick?: number;
}

const ray = (a: ArrayLike<number>): Pose['left'] => {
  const [ox = 0, oy = 0, oz = 0, dx = 0, dy = 0, dz = 0] = Array.from(a);
  return a.length === 6 ? [ox, oy, oz, dx, dy, dz] : null;
};

const aimOf = (p: StateParticipant): Pose['aim'] => (p.aimKind === 'robot' || p.aimKind === 'bin' ? { kind: p.aimKind, id: p.aimId } : null);

/** The WebSocket endpoint of this page's origin. */
const endpoint = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;

/** Delay between rejoin attempts, in ms: a server back up is found within this. */
const REJOIN_EVERY_MS = 1000;

/** What the session tells the page, and asks of it. */
export interface RoomHooks {
  onStatus: (status: RoomStatus) => void;
  /** The server refused a layout this page sent, with the validator's problems. */
  onLayoutRefused: (problems: LayoutProblem[]) => void;
  /** The tick this page's simulation is at. */
  simTick: () => number;
}

/** Joins the room of `key`; rejects with the server's reason when it cannot (no room server, full room). */
export async function joinRoom(key: string, hello: Hello, hooks: RoomHooks): Promise<RoomSession> {
  const { onStatus, simTick } = hooks;
  const client = new Client(endpoint());
  // The tick this client's simulation is at: a room made afresh (after a server restart) resumes from it.
  const options = () => ({ key, ...hello, tick: simTick() });
  let room: Room<State> = await client.joinOrCreate<State>(ROOM_NAME, options());
  let status: RoomStatus = 'connected';
  let left = false;
  const hasLeft = () => left;
  let lastPoseMs = -Infinity;
  let lastStatsMs = -Infinity;
  const setStatus = (next: RoomStatus) => {
    if (next === status) return;
    status = next;
    onStatus(next);
  };
  // Everyone as this client sees them: built again only when a patch has arrived, not every frame.
  let everyone: RemoteParticipant[] | null = null;
  const watch = (r: Room<State>) => {
    r.onStateChange(() => {
      everyone = null;
    });
    r.onMessage('layout-refused', (message: unknown) => {
      const problems = (message as { problems?: unknown }).problems;
      hooks.onLayoutRefused(Array.isArray(problems) ? (problems as LayoutProblem[]) : []);
    });
    r.onLeave((code) => {
      // 1000: this client left on purpose. Anything else: the connection or the server went away.
      if (left || code === 1000) return;
      setStatus('lost');
      void rejoin(r.reconnectionToken);
    });
  };
  const rejoin = async (token: string) => {
    while (!left) {
      await new Promise((resolve) => setTimeout(resolve, REJOIN_EVERY_MS));
      // Left while waiting (a function: the flag changes behind the compiler's back).
      if (hasLeft()) return;
      try {
        room = await client.reconnect<State>(token).catch(() => client.joinOrCreate<State>(ROOM_NAME, options()));
        everyone = null;
        watch(room);
        lastPoseMs = -Infinity;
        lastStatsMs = -Infinity;
        setStatus('connected');
        return;
      } catch {
        // Not back yet: try again.
      }
    }
  };
  watch(room);
  return {
    key,
    status: () => status,
    participants() {
      if (everyone) return everyone;
      const out: RemoteParticipant[] = [];
      room.state.participants?.forEach((p, id) => {
        out.push({
          id,
          self: id === room.sessionId,
          name: p.name,
          colour: p.colour,
          terminal: p.terminal,
          deviceClass: p.deviceClass,
          pose: { xM: p.xM, yM: p.yM, zM: p.zM, yawDeg: p.yawDeg, pitchDeg: p.pitchDeg, left: ray(p.left), right: ray(p.right), aim: aimOf(p) },
          stats: pickStats(p),
        });
      });
      everyone = out.sort((a, b) => Number(b.self) - Number(a.self));
      return everyone;
    },
    clock() {
      const s = room.state;
      return s.layoutId !== undefined && s.tick !== undefined && s.digest !== undefined && s.digestTick !== undefined
        ? { layoutId: s.layoutId, tick: s.tick, digest: s.digest, digestTick: s.digestTick }
        : null;
    },
    layout() {
      const s = room.state;
      return s.layoutId && s.layoutText !== undefined ? { id: s.layoutId, text: s.layoutText, by: s.layoutBy ?? '' } : null;
    },
    sendLayout(text) {
      if (status === 'connected') room.send('layout', text);
    },
    sendPose(pose, nowMs) {
      if (status !== 'connected' || nowMs - lastPoseMs < 1000 / POSE_HZ) return;
      lastPoseMs = nowMs;
      room.send('pose', pose());
    },
    sendStats(stats, nowMs) {
      if (status !== 'connected' || nowMs - lastStatsMs < 1000 / STATS_HZ) return;
      lastStatsMs = nowMs;
      room.send('stats', stats());
    },
    leave() {
      left = true;
      void room.leave(true).catch(() => undefined);
    },
  };
}
