/**
 * The shared room's protocol, pure and shared by the server and the client:
 * room keys, what each message may hold, and the per-client rate limit.
 * Everything a client sends passes through `parseHello`, `parsePose` or
 * `parseStats` on the server; anything else is dropped and counted.
 */
import type { Terminal } from '../device/classify';
import type { DeviceClass } from '../budget/budgets';
import { INPUT_MODES, type InputMode } from '../input/intents';
import { LIMITS } from '../layout/schema';

/** The room type's name on the server. */
export const ROOM_NAME = 'twin';
/** Participants one room takes; the next gets a clear message. */
export const MAX_PARTICIPANTS = 32;
/** The error code of a join refused because the room is full (Colyseus's matchmaking codes are 4xxx). */
export const ROOM_FULL_CODE = 4290;
/** Poses per second a client sends, at most. */
export const POSE_HZ = 20;
/** Stats messages per second a client sends, at most. */
export const STATS_HZ = 2;
/** The longest message the server reads, in bytes: a layout file at its limit, and a little (a pose is ~100). */
export const MAX_MESSAGE_BYTES = LIMITS.maxBytes + 4096;

/** A room key: 128 random bits, base64url (22 characters). Unguessable, so rooms cannot be enumerated. */
export function newRoomKey(fill: (bytes: Uint8Array<ArrayBuffer>) => void): string {
  const bytes = new Uint8Array(16);
  fill(bytes);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Whether `s` can be a room key (at least 128 bits of base64url). */
export function isRoomKey(s: unknown): s is string {
  return typeof s === 'string' && /^[A-Za-z0-9_-]{22,64}$/.test(s);
}

const TERMINALS: readonly Terminal[] = ['headset', 'phone', 'desktop'];
const DEVICE_CLASSES: readonly DeviceClass[] = ['quest-2', 'quest-3', 'quest-pro', 'phone-high', 'phone-mid', 'phone-low', 'desktop'];

/** Who joins: sent once, with the join. */
export interface Hello {
  name: string;
  terminal: Terminal;
  deviceClass: DeviceClass;
}

/** A participant's pose: the head (or camera) and, in VR, each hand's pointer ray. */
export interface Pose {
  /** Head or camera position (m) and heading (yaw 0 = +z) and pitch, in degrees. */
  xM: number;
  yM: number;
  zM: number;
  yawDeg: number;
  pitchDeg: number;
  /** In VR: each hand's (or controller's) ray origin and direction; null where not tracked. */
  left: Ray6 | null;
  right: Ray6 | null;
  /** The robot or bin its pointer aims at, highlighted for everyone; null when none. */
  aim: Aim | null;
}

/** A robot or bin that a pointer aims at: what a shared room highlights for everyone (`selection/pick.ts` finds it). */
export type Aim = { kind: 'robot'; id: number } | { kind: 'bin'; id: number };

/** A ray: origin (m) and unit direction. */
export type Ray6 = readonly [number, number, number, number, number, number];

/** What a terminal measures of itself, shared with the room. */
export interface SharedStats {
  fps: number;
  renderHz: number;
  frameP95Ms: number;
  drawCalls: number;
  triangles: number;
  renderWidth: number;
  renderHeight: number;
  views: number;
  /** Kilobytes the page has downloaded over the network. */
  downloadedKB: number;
  /** How the person moves and points now; 'none' before any input. */
  input: InputMode | 'none';
}

/** A copy of the stats alone, from anything that carries them (a synced participant, say). */
export function pickStats(s: SharedStats): SharedStats {
  const { fps, renderHz, frameP95Ms, drawCalls, triangles, renderWidth, renderHeight, views, downloadedKB, input } = s;
  return { fps, renderHz, frameP95Ms, drawCalls, triangles, renderWidth, renderHeight, views, downloadedKB, input };
}

const record = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown, min: number, max: number): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : null);

/** A participant's name: printable, 1 to 24 characters; anything else becomes a default. */
export function cleanName(v: unknown, fallback: string): string {
  if (typeof v !== 'string') return fallback;
  // Control characters (below U+0020, and DEL) are removed.
  const s = Array.from(v)
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 24);
  return s.length > 0 ? s : fallback;
}

/** The join options, or null when they are not a hello. */
export function parseHello(raw: unknown, fallbackName: string): Hello | null {
  if (!record(raw)) return null;
  const terminal = TERMINALS.find((t) => t === raw.terminal);
  const deviceClass = DEVICE_CLASSES.find((d) => d === raw.deviceClass);
  if (!terminal || !deviceClass) return null;
  return { name: cleanName(raw.name, fallbackName), terminal, deviceClass };
}

/** Positions a pose may report, in metres from the world's origin (the largest floor is 200 m). */
const WORLD_M = 200;

function parseRay(v: unknown): Ray6 | null | undefined {
  if (v === null || v === undefined) return null;
  if (!Array.isArray(v) || v.length !== 6) return undefined;
  const out = v.map((x, i) => num(x, i < 3 ? -WORLD_M : -1.01, i < 3 ? WORLD_M : 1.01));
  if (out.some((x) => x === null)) return undefined;
  const [ox = 0, oy = 0, oz = 0, dx = 0, dy = 0, dz = 0] = out as number[];
  const len = Math.hypot(dx, dy, dz);
  return len > 0.5 ? [ox, oy, oz, dx / len, dy / len, dz / len] : undefined;
}

/** The most robots or bins an aim may name (the largest layouts hold a few thousand bins). */
const MAX_AIM_ID = 1_000_000;

function parseAim(v: unknown): Aim | null | undefined {
  if (v === null || v === undefined) return null;
  if (!record(v) || (v.kind !== 'robot' && v.kind !== 'bin')) return undefined;
  const id = num(v.id, 0, MAX_AIM_ID);
  return id !== null && Number.isInteger(id) ? { kind: v.kind, id } : undefined;
}

/** A pose message, or null when it is not one (wrong shape, out of range, not finite). */
export function parsePose(raw: unknown): Pose | null {
  if (!record(raw)) return null;
  const xM = num(raw.xM, -WORLD_M, WORLD_M);
  const yM = num(raw.yM, -10, 50);
  const zM = num(raw.zM, -WORLD_M, WORLD_M);
  const yawDeg = num(raw.yawDeg, -360, 360);
  const pitchDeg = num(raw.pitchDeg, -90, 90);
  const left = parseRay(raw.left);
  const right = parseRay(raw.right);
  const aim = parseAim(raw.aim);
  if (xM === null || yM === null || zM === null || yawDeg === null || pitchDeg === null || left === undefined || right === undefined || aim === undefined)
    return null;
  return { xM, yM, zM, yawDeg, pitchDeg, left, right, aim };
}

/** An input mode as shared, or null when it is not one. */
export function sharedInput(v: unknown): SharedStats['input'] | null {
  return v === 'none' ? 'none' : (INPUT_MODES.find((m) => m === v) ?? null);
}

/** A stats message, or null when it is not one. */
export function parseStats(raw: unknown): SharedStats | null {
  if (!record(raw)) return null;
  const fields = {
    fps: num(raw.fps, 0, 1000),
    renderHz: num(raw.renderHz, 0, 1000),
    frameP95Ms: num(raw.frameP95Ms, 0, 10_000),
    drawCalls: num(raw.drawCalls, 0, 1e6),
    triangles: num(raw.triangles, 0, 1e9),
    renderWidth: num(raw.renderWidth, 0, 16_384),
    renderHeight: num(raw.renderHeight, 0, 16_384),
    views: num(raw.views, 1, 4),
    downloadedKB: num(raw.downloadedKB, 0, 1e9),
  };
  const input = sharedInput(raw.input);
  for (const v of Object.values(fields)) if (v === null) return null;
  if (input === null) return null;
  return { ...(fields as Omit<SharedStats, 'input'>), input };
}

/** A token bucket: `ratePerS` on average, bursts of `burst`. Pure: the caller passes the time. */
export interface RateLimiter {
  tokens: number;
  lastMs: number;
  readonly ratePerS: number;
  readonly burst: number;
}

export function createRateLimiter(ratePerS: number, burst: number): RateLimiter {
  return { tokens: burst, lastMs: Number.NaN, ratePerS, burst };
}

/** Whether one more message may pass at `nowMs` (and takes its token). */
export function allowMessage(r: RateLimiter, nowMs: number): boolean {
  if (Number.isFinite(r.lastMs)) r.tokens = Math.min(r.burst, r.tokens + ((nowMs - r.lastMs) / 1000) * r.ratePerS);
  r.lastMs = nowMs;
  if (r.tokens < 1) return false;
  r.tokens -= 1;
  return true;
}

/** A colour per participant, from its join order (golden-angle hues: distinct for the first dozen), as #rrggbb. */
export function participantColour(index: number): string {
  const h = (index * 137.508) % 360;
  const s = 0.7;
  const l = 0.55;
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return `#${[f(0), f(8), f(4)]
    .map((v) =>
      Math.round(v * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** The seconds between two layouts one client may load into a room (a burst of two passes). */
export const LAYOUT_EVERY_S = 2;

/** A layout as a room keeps and sends it, and its id (defined with the layout, shared with the kept layouts). */
export { layoutId, layoutText } from '../layout/kept';
