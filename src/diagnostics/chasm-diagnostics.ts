/**
 * `window.__chasm`: read-only numbers for tests, perf traces and remote
 * debugging. Tests read only this and the DOM, never private fields.
 */
import type { Terminal } from '../device/classify';
import type { DeviceClass } from '../budget/budgets';
import type { FramePercentiles } from '../budget/frame-stats';
import type { Pose } from '../room/protocol';
import type { InputMode } from '../input/intents';
import type { RemoteParticipant } from '../room/room-client';

/** The view currently shown. */
export type ViewMode = 'flat' | 'immersive-vr' | 'immersive-ar';

/** Where the active camera stands and looks: yaw 0 looks along +z, positive pitch looks up. */
export interface ViewerPose {
  xM: number;
  yM: number;
  zM: number;
  yawDeg: number;
  pitchDeg: number;
  /** Field of view along the camera's fixed axis (smaller when zoomed in). */
  fovDeg: number;
}

/** A snapshot of what this device is doing, as `window.__chasm.stats()` returns it. */
export interface ChasmStats {
  terminal: Terminal;
  mode: ViewMode;
  /** Display frames per second (animation or XR frames, rendered or paced out), mean over the last ~240. */
  fps: number;
  /** Frames actually rendered per second over the same window: below `fps` when the rung paces rendering. */
  renderHz: number;
  /** Pixels rendered per view in the last frame (the canvas's drawing buffer, or the XR view's viewport). */
  renderPx: { width: number; height: number };
  /** Frame-time percentiles over the same window, in ms. */
  frameMs: FramePercentiles;
  /** Babylon's CPU time per frame (JS work of rendering, not GPU), averaged over the last second, in ms. */
  cpuFrameMs: number;
  /** Draw calls in the last frame, all views together. */
  drawCalls: number;
  /** Views rendered per frame: 1 in 2D, 2 in a stereo XR session without multiview. */
  views: number;
  /** Triangles drawn in the last frame. */
  triangles: number;
  /** Meshes that passed culling in the last frame. */
  activeMeshes: number;
  /** Display rate aimed at, in Hz. */
  targetHz: number;
  /** Fixed foveation 0..1 of the XR layer; null in 2D or where unsupported. */
  foveation: number | null;
  /** What the XR session renders into; null in 2D. */
  xrLayer: 'projection-multiview' | 'projection' | 'webgl' | null;
  /** Lights switched on (the effects rung turns the second one off). */
  lights: number;
  /** Bytes of every texture Babylon has allocated on the GPU (estimated from size, format and mips). */
  textureBytes: number;
  /** Shader programs compiled so far: each is a compile and link before the frame that first needs it. */
  shaderPrograms: number;
  /** Bytes this page has downloaded over the network (Resource Timing's transfer sizes: cached and precached files count 0). */
  downloadedBytes: number;
  /** How the person last moved or pointed: controllers, hands or gaze in a headset; touch, mouse or keys on a screen; null before any input. */
  input: InputMode | null;
  /** The budget row this device is held to. */
  deviceClass: DeviceClass;
  /** 'off' with `?budgets=off`: the world built the straightforward way. */
  budgets: 'on' | 'off';
  /** The quality governor's rung: 0 is the best (a boost rate where the row has one), `home` full quality at the row's rate. */
  quality: { level: number; name: string; resolutionScale: number; lodBias: number; rungs: number; home: number };
  /** Frames rendered since start, in any view (proves frames advance). */
  frames: number;
  /** The active camera's pose. */
  viewer: ViewerPose;
}

/** What the twin is doing, as `window.__chasm.world()` returns it. */
export interface WorldInfo {
  /** Name of the layout shown, and where it came from (a shipped name or a file name). */
  layout: string;
  source: string;
  items: number;
  bins: number;
  robots: Array<{ id: number; xM: number; zM: number; state: string; battery: number }>;
  kpis: { ordersPerHour: number; meanFulfilmentS: number; utilisation: number; backlog: number; completed: number };
  /** Seconds simulated so far. */
  simS: number;
  /** The simulation is still being run ahead (the warm first hour, a link's or a room's time): robots may jump. */
  catchingUp: boolean;
  /** Times the page's frames fell behind the clock at speed and jumped to the worker's relay of the steps due. */
  relays: number;
  /** The simulation's seed (the layout's, or `?seed=`), its speed (simulated seconds per second) and whether it is paused. */
  seed: number;
  speed: number;
  paused: boolean;
  /** Problems shown to the person (missing model, ...). */
  notices: string[];
  /** Passthrough: where the table-top model stands (its floor centre, turn and scale), or null at full size. */
  placement: { x: number; y: number; z: number; yawRad: number; scale: number } | null;
  /** The card currently shown (DOM card in 2D, floating panel in VR), or null. */
  selection: { title: string; lines: string[] } | null;
  /** The what-if run (`robots` null: the layout's own count) and its baseline's KPIs at the same tick, or null without one. */
  whatIf: { orderRate: number; robots: number | null; baselineKpis: WorldInfo['kpis'] | null };
  /** The selected robot's route ahead, as floor points (empty when none is drawn), and whether the congestion overlay shows. */
  route: Array<{ xM: number; zM: number }>;
  congestionShown: boolean;
  /**
   * The pack taken out of its bin, from the scene: its bin and place there (`n`), what holds it, the name on
   * its label, whether it is held or flying home, and its mesh's position, orientation and scale now; null: none.
   */
  held: {
    bin: number;
    n: number;
    by: 'left' | 'right' | 'screen';
    label: string;
    phase: 'held' | 'returning';
    position: [number, number, number];
    rotation: [number, number, number, number];
    scale: number;
    slot: [number, number, number];
  } | null;
}

/** The object installed as `window.__chasm`. */
export interface ChasmDiagnostics {
  /** Package version of the running build. */
  readonly version: string;
  /** Resolves once the device is classified and the first frame has rendered. */
  readonly ready: Promise<void>;
  /** Resolves once the first layout is whole: after `ready`, when its robots are drawn (the model, or simple robots and a notice). */
  readonly complete: Promise<void>;
  /** A fresh snapshot; cheap enough to poll a few times a second. */
  stats(): ChasmStats;
  /** The frame times the statistics hold (up to 240), oldest first, in ms. */
  frameTimes(): number[];
  /** The twin's state, or null while the first layout loads. */
  world(): WorldInfo | null;
  /** Where a world point appears on the canvas, in CSS px from its top-left, or null when behind the viewer. */
  toScreen(point: readonly [number, number, number]): { xPx: number; yPx: number } | null;
  /** How many Babylon objects the scene holds (leak checks: they must return to a baseline). */
  sceneCounts(): SceneCounts;
  /** How visible the named mesh is (its `visibility`, 0 when hidden or missing): effects the world shows for a while, such as the comfort vignette. */
  meshShown(name: string): number;
  /** The names of the meshes drawn in the last frame (its active meshes): what a draw call count is made of. */
  activeMeshNames(): string[];
  /** How many times the named text panel has been painted (0 when missing): a HUD that updates is one whose count grows. */
  paints(name: string): number;
  /** Where the named mesh's centre is in the world (m), or null when missing: a card that opens beside what it tells of. */
  meshAt(name: string): [number, number, number] | null;
  /** Whether pack `n` of bin `bin` is drawn in its slot, read from its instance (null: no such pack). */
  packShown(bin: number, n: number): boolean | null;
  /**
   * Holds the quality governor on one rung (0 is full quality; clamped to the
   * ladder), or with null hands it back to the Settings mode. For tests, perf
   * traces and remote debugging: the one thing here that changes anything,
   * and only what Settings → Quality already can, at any rung.
   */
  pinQuality(level: number | null): void;
  /** Measures the GPU side of the current view (a measuring pass; loaded on first use): see `GpuCost`. */
  measureGpu(): Promise<GpuCost>;
  /**
   * Stops the app (its scene, observers, listeners and timers) and starts it
   * afresh on the same engine and page; resolves once the new one is ready,
   * whose `window.__chasm` replaces this one. For leak checks.
   */
  restart(): Promise<void>;
  /** The shared room this page is in and everyone in it (this page first), or null when alone. */
  room(): RoomInfo | null;
}

/** A shared room, as `window.__chasm.room()` returns it. */
export interface RoomInfo {
  /** The room's key (the link's `?room=`). */
  id: string;
  link: string;
  connected: boolean;
  status: 'connecting' | 'connected' | 'lost' | 'unavailable' | 'full';
  /** Avatars of the others drawn in the last frame. */
  drawn: number;
  /** Highlights drawn in the last frame: robots and bins someone's pointer aims at. */
  marked: number;
  /** The share card (link and QR code) is shown: on the page, or in front of the viewer in VR. */
  card: boolean;
  /** The room's simulation tick (10 a second), which this page's twin follows; null before it arrives. */
  simTick: number | null;
  /** The participant whose view this page follows, or null. */
  following: string | null;
  /** Whether this page's simulation matched the room's digest (its robots' cells, states and orders) at the last second; null before the first comparison. */
  simAgrees: boolean | null;
  /** Everyone in the room, this page first: as the room client sees them (`RemoteParticipant`), with the pose cut to where each stands and looks. */
  participants: Array<Omit<RemoteParticipant, 'pose'> & { pose: Pick<Pose, 'xM' | 'yM' | 'zM' | 'yawDeg'>; aim: Pose['aim'] }>;
}

/** The GPU side of one frame of the current view, as `window.__chasm.measureGpu()` returns it. */
export interface GpuCost {
  /** Pixels rendered per view. */
  renderPx: { width: number; height: number };
  views: number;
  targetHz: number;
  /** renderPx × views × targetHz. */
  pixelsPerSecond: number;
  /** Fragments shaded per frame, all views (the first view measured, times the views). */
  fragments: number;
  /** Fragments per pixel of a view (1: each pixel shaded once). */
  overdraw: number;
  /** Share of a view's pixels that any geometry covers, 0..1. */
  coverage: number;
  /** Bytes of every texture allocated. */
  textureBytes: number;
}

/** Babylon object counts of the scene. */
export interface SceneCounts {
  meshes: number;
  materials: number;
  textures: number;
  cameras: number;
  /** Observers registered on the scene's and the engine's observables. */
  observers: number;
  /** The same, per observable (`scene.onBeforeRenderObservable`: 3), so a leak names its source. */
  observersByName: Record<string, number>;
  /** The engine's own: scenes alive, render loops running, GPU textures held (a stopped app must leave none of its own). */
  engine: { scenes: number; renderLoops: number; textures: number };
}

declare global {
  interface Window {
    /** Chasm's read-only diagnostics. */
    readonly __chasm?: ChasmDiagnostics;
  }
}

/** Installs `window.__chasm` as a frozen, non-writable property; returns what removes it (the app stopped). */
export function installDiagnostics(diagnostics: ChasmDiagnostics): () => void {
  const value = Object.freeze({ ...diagnostics });
  Object.defineProperty(window, '__chasm', { value, writable: false, configurable: true, enumerable: false });
  return () => {
    if (window.__chasm === value) Reflect.deleteProperty(window, '__chasm');
  };
}
