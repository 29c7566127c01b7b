/**
 * The perf scenarios `npm run perf` measures: one per terminal, each run
 * with budgets on and off. Plain data.
 */
import type { QuestProfile } from '../support/iwer';

/** One terminal to measure. */
export interface Scenario {
  name: string;
  viewport: { width: number; height: number };
  deviceScaleFactor?: number;
  isMobile?: boolean;
  hasTouch?: boolean;
  userAgent?: string;
  /** IWER headset profile: the scenario enters VR and walks a tour. */
  quest?: QuestProfile;
  /** CDP CPU slowdown (Lighthouse's mid-tier mobile is 4×). */
  cpuThrottle?: number;
  /** Throttled network for the cold load (Lighthouse's mobile: 150 ms RTT, 1.6 Mbps down, 750 kbps up). */
  slowNetwork?: boolean;
  /** Report a mid-range phone's cores and memory, so the scenario runs under the `phone-mid` row (this machine alone classifies as `phone-low`). */
  midPhone?: boolean;
}

export const SCENARIOS: readonly Scenario[] = [
  { name: 'quest3-90', viewport: { width: 1280, height: 720 }, quest: 'metaQuest3' },
  { name: 'quest2-72', viewport: { width: 1280, height: 720 }, quest: 'metaQuest2' },
  {
    name: 'phone-mid',
    viewport: { width: 412, height: 915 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
    cpuThrottle: 4,
    slowNetwork: true,
    midPhone: true,
  },
  { name: 'desktop', viewport: { width: 1280, height: 720 } },
];

/** Seconds of steady running measured after the world is ready. */
export const MEASURE_S = 6;
/** Seconds between the first frame and the measurement: the governor steps at most once a second and a step can compile a shader. */
export const SETTLE_S = 8;

/** Cold loads each of the Babylon floor page and the app, alternating, for the phone's time-to-first-frame comparison (three moved by 10 % between runs here). */
export const FLOOR_RUNS = 5;

/** Device-independent budgets: a scenario with budgets on fails the run when it breaks one. */
export const GATES = {
  /** Per view: a stereo frame without multiview draws everything twice. */
  maxDrawCalls: 50,
  maxTriangles: 300_000,
  /** JavaScript before the first frame, gzip, on the phone. */
  maxFirstLoadJsGzipBytes: 400 * 1024,
  maxHeapBytes: 300 * 1024 * 1024,
};
