/**
 * Reads capability signals from the browser. The only device module that
 * touches the DOM or `navigator`; classification is in `classify.ts`.
 */
import type { CapabilitySignals, DeviceSignals, Terminal } from './classify';

interface NavigatorUAData {
  mobile?: boolean;
}

async function isSessionSupported(mode: 'immersive-vr' | 'immersive-ar'): Promise<boolean> {
  const xr = (navigator as Navigator & { xr?: { isSessionSupported(m: string): Promise<boolean> } }).xr;
  if (!xr) return false;
  try {
    return await xr.isSessionSupported(mode);
  } catch {
    // Some browsers reject instead of resolving false (for example when a
    // permissions policy blocks xr-spatial-tracking): treat as unsupported.
    return false;
  }
}

/**
 * Reads the signals that need no waiting; XR support is reported as absent
 * until `probeCapabilities` has asked the XR runtime.
 */
export function readImmediateSignals(): CapabilitySignals {
  const uaData = (navigator as Navigator & { userAgentData?: NavigatorUAData }).userAgentData;
  return {
    userAgent: navigator.userAgent,
    uaMobile: typeof uaData?.mobile === 'boolean' ? uaData.mobile : null,
    maxTouchPoints: navigator.maxTouchPoints,
    coarsePointer: matchMedia('(pointer: coarse)').matches,
    secureContext: window.isSecureContext,
    xrApi: 'xr' in navigator,
    immersiveVr: false,
    immersiveAr: false,
  };
}

/** Reads every signal `classifyTerminal` needs, asking the XR runtime which immersive modes it supports. */
export async function probeCapabilities(): Promise<CapabilitySignals> {
  const [immersiveVr, immersiveAr] = await Promise.all([isSessionSupported('immersive-vr'), isSessionSupported('immersive-ar')]);
  return { ...readImmediateSignals(), immersiveVr, immersiveAr };
}

/** Reads what the device-class classifier needs, given the terminal and the WebGL renderer string. */
export function readDeviceSignals(terminal: Terminal, webglRenderer: string | null): DeviceSignals {
  const nav = navigator as Navigator & { deviceMemory?: number };
  return {
    terminal,
    userAgent: navigator.userAgent,
    webglRenderer,
    hardwareConcurrency: nav.hardwareConcurrency || null,
    deviceMemoryGB: typeof nav.deviceMemory === 'number' ? nav.deviceMemory : null,
    screenPx: { width: screen.width * devicePixelRatio, height: screen.height * devicePixelRatio },
  };
}
