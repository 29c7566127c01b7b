/**
 * A view as a link: the URL's hash carries where the viewer stands and
 * looks, what is selected, and the simulation's seed, time and speed, so the
 * address bar is always a link to here. Pure: parsing never throws; an odd
 * value is named (for one clear line) and left out.
 *
 *   #at=12.30,-4.05,90.0,-10.0&sel=robot-3&seed=42&t=3600&speed=10&paused
 */
import { SPEEDS, type Speed } from '../sim/clock';

/** What a link restores; every part may be missing. */
export interface ViewLink {
  /** Where the viewer stands (m) and looks (degrees; yaw 0 along +z, positive pitch up). */
  at?: { xM: number; zM: number; yawDeg: number; pitchDeg: number };
  /** The selected robot (its number from 1) or bin (its index). */
  sel?: { kind: 'robot'; id: number } | { kind: 'bin'; index: number };
  seed?: number;
  /** Simulated seconds. */
  simS?: number;
  speed?: Speed;
  paused?: boolean;
}

/** The hash's parameters that could not be used, by name (`ui/strings.ts` words them). */
export type ViewLinkProblem = 'at' | 'sel' | 'seed' | 't' | 'speed' | 'unknown';

const WORLD_M = 1000;
/** The longest simulated time a link restores: a day. */
const MAX_SIM_S = 24 * 3600;

const finite = (s: string | undefined): number | null => (s !== undefined && /^-?\d+(\.\d+)?$/.test(s.trim()) ? Number(s) : null);

/** Parses `location.hash` (with or without '#'). */
export function parseViewHash(hash: string): { link: ViewLink; problems: ViewLinkProblem[] } {
  const link: ViewLink = {};
  const problems: ViewLinkProblem[] = [];
  const text = hash.replace(/^#/, '');
  if (text.trim() === '') return { link, problems };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return { link, problems: ['unknown'] };
  }
  for (const [key, value] of params) {
    switch (key) {
      case 'at': {
        const [x, z, yaw, pitch] = value.split(',').map(finite);
        if (x != null && z != null && yaw != null && pitch != null && Math.abs(x) <= WORLD_M && Math.abs(z) <= WORLD_M && Math.abs(pitch) <= 90)
          link.at = { xM: x, zM: z, yawDeg: ((((yaw + 180) % 360) + 360) % 360) - 180, pitchDeg: pitch };
        else problems.push('at');
        break;
      }
      case 'sel': {
        const m = /^(robot|bin)-(\d{1,6})$/.exec(value);
        if (m?.[1] === 'robot' && Number(m[2]) >= 1) link.sel = { kind: 'robot', id: Number(m[2]) - 1 };
        else if (m?.[1] === 'bin') link.sel = { kind: 'bin', index: Number(m[2]) };
        else problems.push('sel');
        break;
      }
      case 'seed': {
        const n = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
        if (n <= 4_294_967_295) link.seed = n;
        else problems.push('seed');
        break;
      }
      case 't': {
        const n = finite(value);
        if (n !== null && n >= 0 && n <= MAX_SIM_S) link.simS = n;
        else problems.push('t');
        break;
      }
      case 'speed': {
        const speed = SPEEDS.find((s) => String(s) === value);
        if (speed) link.speed = speed;
        else problems.push('speed');
        break;
      }
      case 'paused':
        link.paused = value === '' || value === '1';
        break;
      default:
        problems.push('unknown');
    }
  }
  return { link, problems: [...new Set(problems)] };
}

/** The hash for a view (without '#'), rounded to a centimetre and a tenth of a degree. */
export function formatViewHash(link: ViewLink): string {
  const parts: string[] = [];
  if (link.at) parts.push(`at=${[link.at.xM, link.at.zM].map((v) => v.toFixed(2)).join(',')},${link.at.yawDeg.toFixed(1)},${link.at.pitchDeg.toFixed(1)}`);
  if (link.sel) parts.push(`sel=${link.sel.kind === 'robot' ? `robot-${link.sel.id + 1}` : `bin-${link.sel.index}`}`);
  if (link.seed !== undefined) parts.push(`seed=${link.seed}`);
  if (link.simS !== undefined) parts.push(`t=${Math.floor(link.simS)}`);
  if (link.speed !== undefined && link.speed !== 1) parts.push(`speed=${link.speed}`);
  if (link.paused) parts.push('paused');
  return parts.join('&');
}
