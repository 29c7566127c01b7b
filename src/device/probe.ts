/**
 * Reads capability signals from the browser. The only device module that
 * touches the DOM or `navigator`; classification is in `classify.ts`.
 */
import type { CapabilitySignals } from './classify';

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
    maxTouchPoints: navigator.maxTouchPoints ?? 0,
    coarsePointer: matchMedia('(pointer: coarse)').matches,
    secureContext: window.isSecureContext,
    xrApi: 'xr' in navigator,
    immersiveVr: false,
    immersiveAr: false,
  };
}

/** Reads every signal `classifyTerminal` needs, asking the XR runtime which immersive modes it supports. */
export async function probeCapabilities(): Promise<CapabilitySignals> {
  const [immersiveVr, immersiveAr] = await Promise.all([
    isSessionSupported('immersive-vr'),
    isSessionSupported('immersive-ar'),
  ]);
  return { ...readImmediateSignals(), immersiveVr, immersiveAr };
}
