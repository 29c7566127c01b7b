/**
 * One typed budget table, one row per device class. Every number names its
 * source. Everything that needs a budget (the governor, LOD, the live
 * panel, the perf traces) reads it from here.
 */

/** Device classes that have a budget row. */
export type DeviceClass = 'quest-2' | 'quest-3' | 'quest-pro' | 'phone-high' | 'phone-mid' | 'phone-low' | 'desktop';

/** A closed range. */
export interface Range {
  min: number;
  max: number;
}

/** The budget one device class is held to. */
export interface Budget {
  /** Display rate aimed at by default, in Hz. */
  targetHz: number;
  /** Rates the governor may fall back to, best first, in Hz. */
  fallbackHz: readonly number[];
  /** A higher rate the governor may climb to when frames leave headroom at `targetHz`, in Hz; null where there is none. */
  boostHz: number | null;
  /** Most draw calls per frame (all views). */
  maxDrawCalls: number;
  /** Most triangles drawn per frame. */
  maxTriangles: number;
  /** Texture memory the app may use, in MB (every texture Babylon allocates, mips included). */
  textureMemoryMB: number;
  /** Pixels the GPU may render per second, all views together (render px × views × target Hz). */
  maxPixelsPerSecond: number;
  /** Most fragments shaded per pixel on screen in one frame (1: each pixel shaded once). */
  maxOverdraw: number;
  /** Fixed foveation the governor may use (0..1 on the XR layer); null where there is none. */
  foveation: Range | null;
  /** Render resolution as a share of native, the governor's range. */
  resolutionScale: Range;
  /** Distance at which robots drop to LOD 1 and LOD 2, and stock sections to bin blocks, in metres. */
  lodDistancesM: { robots: readonly [number, number]; stockDetail: number };
}

/**
 * The frame budget at a rate, in ms: the one place it is derived (a row's
 * at its `targetHz`, a rung's at its own rate, the HUD's at the rate aimed at).
 */
export const frameBudgetMsAt = (hz: number): number => 1000 / hz;

/** The budget table. */
export const BUDGETS: Readonly<Record<DeviceClass, Budget>> = {
  'quest-2': {
    // Meta: Quest 2 runs web content at 72 Hz by default (90 Hz optional); 13.9 ms per frame at 72 Hz.
    targetHz: 72,
    fallbackHz: [72],
    boostHz: null,
    // Meta's guidance for web content: under 100 draw calls; about 750,000 triangles on Quest 2.
    maxDrawCalls: 100,
    maxTriangles: 750_000,
    // Quest 2 has 6 GB shared; Meta suggests keeping textures to a few hundred MB for web apps.
    textureMemoryMB: 256,
    // Meta recommends medium fixed foveation or higher on Quest for WebXR (0.5..1 on the layer).
    // Quest 2 panels: 1832 × 1920 per eye, two eyes, at 72 Hz.
    maxPixelsPerSecond: 1832 * 1920 * 2 * 72,
    // Tile-based Adreno 650: Meta's guidance keeps overdraw near 2–2.5× (every blended layer is shaded again).
    maxOverdraw: 2.5,
    foveation: { min: 0.5, max: 1 },
    resolutionScale: { min: 0.7, max: 1 },
    lodDistancesM: { robots: [5, 12], stockDetail: 5 },
  },
  'quest-3': {
    // Meta: Quest 3/3S run at 72, 90 or 120 Hz; 11.1 ms per frame at 90 Hz, 8.3 ms at 120 Hz.
    targetHz: 90,
    fallbackHz: [90, 72],
    // Quest 3 offers 120 Hz (8.3 ms a frame): worth it for a light scene, given back first when frames run over.
    boostHz: 120,
    // Meta: under 100 draw calls for web content; about 1,000,000 triangles on Quest 3.
    maxDrawCalls: 100,
    maxTriangles: 1_000_000,
    // Quest 3 has 8 GB shared memory.
    textureMemoryMB: 384,
    // Quest 3 panels: 2064 × 2208 per eye, two eyes, at 90 Hz (the 120 Hz mode is not this row's target).
    maxPixelsPerSecond: 2064 * 2208 * 2 * 90,
    maxOverdraw: 2.5,
    foveation: { min: 0.5, max: 1 },
    resolutionScale: { min: 0.7, max: 1 },
    lodDistancesM: { robots: [6, 16], stockDetail: 7 },
  },
  'quest-pro': {
    // Meta: Quest Pro runs at 72 or 90 Hz; XR2+ (Quest 2 class GPU, more memory).
    targetHz: 90,
    fallbackHz: [90, 72],
    boostHz: null,
    maxDrawCalls: 100,
    maxTriangles: 750_000,
    textureMemoryMB: 384,
    // Quest Pro panels: 1800 × 1920 per eye, two eyes, at 90 Hz.
    maxPixelsPerSecond: 1800 * 1920 * 2 * 90,
    maxOverdraw: 2.5,
    foveation: { min: 0.5, max: 1 },
    resolutionScale: { min: 0.7, max: 1 },
    lodDistancesM: { robots: [5, 14], stockDetail: 6 },
  },
  'phone-high': {
    // Flagship phones: 120 Hz panels, but browsers pace requestAnimationFrame at 60 Hz by default; 16.7 ms.
    targetHz: 60,
    fallbackHz: [60, 30],
    boostHz: null,
    // Same draw-call guidance as for mobile web content generally (tile-based GPUs).
    maxDrawCalls: 100,
    maxTriangles: 750_000,
    textureMemoryMB: 256,
    // A 1440 × 3200 flagship at the capped device ratio of 2 (about 1080 × 2400 drawn) at 60 Hz.
    maxPixelsPerSecond: 1080 * 2400 * 60,
    // Tile-based mobile GPUs (Adreno, Mali, Apple): ARM's guidance is to keep overdraw under about 2.5×.
    maxOverdraw: 2.5,
    foveation: null,
    resolutionScale: { min: 0.6, max: 1 },
    lodDistancesM: { robots: [6, 16], stockDetail: 7 },
  },
  'phone-mid': {
    // Mid-range phones (Lighthouse's "mid-tier mobile" is a 4× CPU slowdown of a desktop).
    targetHz: 60,
    fallbackHz: [60, 30],
    boostHz: null,
    maxDrawCalls: 100,
    maxTriangles: 400_000,
    textureMemoryMB: 128,
    // A 1080 × 2400 screen at the capped device ratio (2 of 2.6) drawn at full quality is ~830 × 1830; 60 Hz.
    maxPixelsPerSecond: 830 * 1830 * 60,
    maxOverdraw: 2.5,
    foveation: null,
    resolutionScale: { min: 0.5, max: 1 },
    lodDistancesM: { robots: [5, 12], stockDetail: 5 },
  },
  'phone-low': {
    // Low-end phones: 2–3 GB memory, 4 slow cores; 30 Hz is acceptable for a 2D view.
    targetHz: 60,
    fallbackHz: [60, 30],
    boostHz: null,
    maxDrawCalls: 60,
    maxTriangles: 200_000,
    textureMemoryMB: 64,
    // A 720 × 1600 screen at 60 Hz, drawn at its 0.8 resolution cap.
    maxPixelsPerSecond: 720 * 1600 * 60,
    maxOverdraw: 2,
    foveation: null,
    resolutionScale: { min: 0.5, max: 0.8 },
    lodDistancesM: { robots: [4, 10], stockDetail: 4 },
  },
  desktop: {
    // Desktop: 60 Hz is the common display rate; integrated GPUs handle far more geometry.
    targetHz: 60,
    fallbackHz: [60],
    boostHz: null,
    maxDrawCalls: 300,
    maxTriangles: 2_000_000,
    textureMemoryMB: 512,
    // A 2560 × 1440 monitor at 60 Hz (integrated GPUs fill this comfortably).
    maxPixelsPerSecond: 2560 * 1440 * 60,
    // Immediate-mode GPUs have early depth rejection: overdraw is cheaper, but 3× is already wasteful.
    maxOverdraw: 3,
    foveation: null,
    resolutionScale: { min: 0.6, max: 1 },
    lodDistancesM: { robots: [8, 20], stockDetail: 9 },
  },
};
