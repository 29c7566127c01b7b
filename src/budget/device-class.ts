/**
 * Maps capability signals to the device class whose budget applies: the
 * headset model from the user agent (and, inside XR, the frame rates the
 * session offers), phones tiered by memory, cores and GPU. Pure.
 */
import { headsetModelFromUserAgent, type DeviceSignals, type HeadsetModel } from '../device/classify';

export type { DeviceSignals };
import type { DeviceClass } from './budgets';

const HEADSET_CLASS: Readonly<Record<HeadsetModel, DeviceClass>> = {
  'quest-1': 'quest-2',
  'quest-2': 'quest-2',
  'quest-3': 'quest-3',
  'quest-3s': 'quest-3',
  'quest-pro': 'quest-pro',
  // Unknown headsets get the most conservative headset row.
  'other-headset': 'quest-2',
};

/** GPU families by renderer string, as a hint of phone tier (data, not branches). */
const GPU_TIERS: ReadonlyArray<readonly [RegExp, 'high' | 'mid' | 'low']> = [
  [/Adreno \(TM\) 7[3-9]\d|Adreno \(TM\) 8\d\d|Apple GPU|Mali-G7[1-9]\d|Immortalis/i, 'high'],
  [/Adreno \(TM\) 6[4-9]\d|Adreno \(TM\) 7[0-2]\d|Mali-G(6[8-9]|7[0-9])\b|Mali-G57|Mali-G68/i, 'mid'],
  [/Adreno \(TM\) [3-5]\d\d|Adreno \(TM\) 6[0-3]\d|Mali-[T4]|Mali-G(3|5[0-2])\d|PowerVR/i, 'low'],
];

function phoneTier(s: DeviceSignals): DeviceClass {
  const renderer = s.webglRenderer;
  const gpu = renderer ? GPU_TIERS.find(([re]) => re.test(renderer))?.[1] : undefined;
  const mem = s.deviceMemoryGB ?? null;
  const cores = s.hardwareConcurrency ?? null;
  // Memory is the strongest signal a browser gives; the GPU refines it.
  if (mem !== null && mem <= 2) return 'phone-low';
  if (gpu === 'low' || (cores !== null && cores <= 4)) return 'phone-low';
  if (gpu === 'high' && (mem === null || mem >= 6)) return 'phone-high';
  if (mem !== null && mem >= 8 && (cores === null || cores >= 8) && gpu !== 'mid') return 'phone-high';
  return 'phone-mid';
}

/** The device class for a set of signals. */
export function classifyDeviceClass(s: DeviceSignals): DeviceClass {
  if (s.terminal === 'headset') {
    const model = headsetModelFromUserAgent(s.userAgent);
    if (model && model !== 'other-headset') return HEADSET_CLASS[model];
    // A headset whose UA names no known model: a session offering 120 Hz is Quest 3 class.
    return s.supportedFrameRates?.includes(120) ? 'quest-3' : HEADSET_CLASS['other-headset'];
  }
  if (s.terminal === 'phone') return phoneTier(s);
  return 'desktop';
}
