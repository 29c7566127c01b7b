/**
 * Pure classification of a device into one of Chasm's terminals from plain
 * capability signals. No DOM, no Babylon: the probe in `probe.ts` reads the
 * signals, this module only decides.
 */

/** How the world is reached on this device. */
export type Terminal = 'headset' | 'phone' | 'desktop';

/** Headset models Chasm tells apart (budgets differ per model). */
export type HeadsetModel = 'quest-1' | 'quest-2' | 'quest-3' | 'quest-3s' | 'quest-pro' | 'other-headset';

/** Why Enter VR is or is not offered; the UI turns this into one line of text. */
export type XrAvailability = 'ready' | 'no-xr-api' | 'insecure-context' | 'no-immersive-device';

/** Plain capability signals read from the browser by the probe. */
export interface CapabilitySignals {
  /** `navigator.userAgent` (IWER replaces it with the emulated headset's). */
  userAgent: string;
  /** `navigator.userAgentData.mobile` where the browser has UA hints, else null. */
  uaMobile: boolean | null;
  /** `navigator.maxTouchPoints`. */
  maxTouchPoints: number;
  /** `matchMedia('(pointer: coarse)').matches`: the primary pointer is a finger. */
  coarsePointer: boolean;
  /** `window.isSecureContext`: WebXR exists only in secure contexts. */
  secureContext: boolean;
  /** `'xr' in navigator`. */
  xrApi: boolean;
  /** `navigator.xr.isSessionSupported('immersive-vr')`. */
  immersiveVr: boolean;
  /** `navigator.xr.isSessionSupported('immersive-ar')`. */
  immersiveAr: boolean;
}

/** What the budget's device classification looks at (`budget/device-class.ts`); every field but `terminal` may be unknown. */
export interface DeviceSignals {
  terminal: Terminal;
  userAgent: string;
  /** `session.supportedFrameRates`, inside an XR session. */
  supportedFrameRates?: readonly number[] | null;
  /** WEBGL_debug_renderer_info's unmasked renderer, e.g. "Adreno (TM) 740". */
  webglRenderer?: string | null;
  /** `navigator.hardwareConcurrency`. */
  hardwareConcurrency?: number | null;
  /** `navigator.deviceMemory` in GB (Chromium rounds and caps it at 8). */
  deviceMemoryGB?: number | null;
  /** Screen size in device pixels (width × height × devicePixelRatio). */
  screenPx?: { width: number; height: number } | null;
}

/** What Chasm knows about this device after classification. */
export interface TerminalProfile {
  terminal: Terminal;
  /** The headset model when the user agent names one, else null. */
  headsetModel: HeadsetModel | null;
  /** Whether to offer Enter VR. */
  canEnterVr: boolean;
  /** Whether to offer Passthrough (immersive-ar). */
  canEnterAr: boolean;
  /** Why Enter VR is (not) offered. */
  xr: XrAvailability;
}

/** Headset user-agent patterns, most specific first (data, not branches). */
const HEADSET_UA: ReadonlyArray<readonly [RegExp, HeadsetModel]> = [
  [/Quest 3S/i, 'quest-3s'],
  [/Quest 3/i, 'quest-3'],
  [/Quest Pro/i, 'quest-pro'],
  [/Quest 2/i, 'quest-2'],
  [/Quest/i, 'quest-1'],
  [/OculusBrowser|Pico|Wolvic|\bVR\b/i, 'other-headset'],
];

/** Phone and tablet user-agent patterns (iPadOS reports a Mac UA, caught by touch points). */
const TOUCH_UA = /Android|iPhone|iPod|iPad|Mobile/i;

/** The headset model a user agent names, or null when it names none. */
export function headsetModelFromUserAgent(userAgent: string): HeadsetModel | null {
  for (const [pattern, model] of HEADSET_UA) if (pattern.test(userAgent)) return model;
  return null;
}

function isTouchPrimary(s: CapabilitySignals): boolean {
  if (s.uaMobile === true) return true;
  if (TOUCH_UA.test(s.userAgent)) return true;
  // iPadOS and touch laptops in tablet mode: a coarse primary pointer with touch points.
  return s.coarsePointer && s.maxTouchPoints > 0;
}

function xrAvailability(s: CapabilitySignals): XrAvailability {
  if (!s.secureContext) return 'insecure-context';
  if (!s.xrApi) return 'no-xr-api';
  return s.immersiveVr ? 'ready' : 'no-immersive-device';
}

/** Classifies a device into a terminal from its capability signals. */
export function classifyTerminal(s: CapabilitySignals): TerminalProfile {
  const headsetModel = headsetModelFromUserAgent(s.userAgent);
  const xr = xrAvailability(s);
  const terminal: Terminal = headsetModel ? 'headset' : isTouchPrimary(s) ? 'phone' : 'desktop';
  return {
    terminal,
    headsetModel,
    canEnterVr: xr === 'ready',
    canEnterAr: xr !== 'insecure-context' && xr !== 'no-xr-api' && s.immersiveAr,
    xr,
  };
}
