/**
 * Passthrough (immersive-ar) as a table-top model: a hit test along a ray
 * from the eyes, tilted down towards a table, finds a real surface; the
 * first surface found places the warehouse there (scaled down), and a
 * trigger or pinch on another spot moves it. The right stick turns it in
 * snaps, the left stick scales it. A ring marks where a surface is found;
 * with none in 10 s the model stands in front of the viewer, a card says
 * so, and a trigger places it by hand. Where the headset offers anchors,
 * the placement is anchored and put back at the next passthrough session.
 * Where it detects planes, the ring snaps onto table-height ones (`plane-snap.ts`).
 */
import type { Scene } from '@babylonjs/core/scene';
import type { WebXRSessionManager } from '@babylonjs/core/XR/webXRSessionManager';
import { CreateTorus } from '@babylonjs/core/Meshes/Builders/torusBuilder';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { snapTurn, type Stick } from '../input/stick-locomotion';
import { flipPoint } from '../input/xr-ray';
import { stickOf } from './locomotion';
import type { Placement } from '../world/placement';
import { ANCHOR_KEY, parseAnchorRecord, type AnchorRecord } from './anchor-record';
import { snapToTable, type TablePlane } from './plane-snap';

/**
 * The horizontal planes the headset detects now (where it offers plane detection), each as its height and
 * its outline on the floor in scene metres (WebXR is right-handed, the scene left-handed: z flips).
 */
function horizontalPlanes(frame: XRFrame, space: XRReferenceSpace): TablePlane[] {
  let detected: XRPlaneSet | undefined;
  try {
    detected = frame.detectedPlanes;
  } catch {
    // Plane detection was not granted: reading the set is an error on some browsers.
    return [];
  }
  const planes: TablePlane[] = [];
  for (const plane of detected ?? []) {
    if (plane.orientation !== 'horizontal') continue;
    const matrix = frame.getPose(plane.planeSpace, space)?.transform.matrix;
    if (!matrix) continue;
    const m = (k: number) => matrix[k] ?? 0;
    // The outline is in the plane's own space (y = 0): column-major matrix times (x, 0, z, 1), then into the scene.
    const outline = plane.polygon.map((p) => {
      const s = flipPoint({ x: m(0) * p.x + m(8) * p.z + m(12), y: 0, z: m(2) * p.x + m(10) * p.z + m(14) });
      return [s.x, s.z] as const;
    });
    planes.push({ y: m(13), outline });
  }
  return planes;
}

/** What the table-top mode asks the app to do with the model. */
export interface TableTopHooks {
  /** Puts the model's floor centre at a surface point (metres, scene coordinates). */
  place(at: { x: number; y: number; z: number }): void;
  /** Puts the model back where a kept anchor says, turned and scaled as it was. */
  restore(p: Placement): void;
  /** Where the model is now, or null before it is placed. */
  current(): Placement | null;
  /** Turns the model about its centre (radians). */
  turn(rad: number): void;
  /** Multiplies the model's scale. */
  scale(factor: number): void;
  /** Whether the model has been placed yet. */
  placed(): boolean;
  /** The snap-turn angle, degrees. */
  snapTurnDeg(): number;
}

export interface TableTop {
  /** The surface the eyes' ray meets now, or null. */
  surfaceHit(): { x: number; y: number; z: number } | null;
  dispose(): void;
}

/** The hit-test ray: from the eyes, tilted about 35° down (towards a table in front). */
const RAY_DOWN = { x: 0, y: -0.7, z: -1 };
/** Scaling speed: the left stick held fully changes the scale by e per second. */
const SCALE_PER_S = 1;
/**
 * How long the eyes' ray may find no surface before the model is placed in front of the viewer and the
 * person is told (a dark room, a bare floor out of view, a headset with no hit test): 10 s.
 */
export const NO_SURFACE_MS = 10_000;

/**
 * Starts the table-top mode; `noSurface` is called once when no surface was found in NO_SURFACE_MS and the
 * model was placed in front of the viewer instead (a trigger then moves it by hand).
 */
/** How long a kept anchor may take to be found again before the model is placed afresh. */
const RESTORE_MS = 3000;

/** localStorage, or null where it cannot be used (the anchor is then simply not kept). */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Anchors the model where the headset offers anchors (the Quest Browser does, persistently): each new
 * placement gets an anchor at its floor centre, kept by a persistent handle with the model's turn and scale
 * (`anchor-record.ts`), and the next passthrough session restores it. Where anchors or persistence are not
 * offered, nothing is kept and the model is placed by hit test each time.
 */
function anchorKeeper(session: XRSession, manager: WebXRSessionManager, hooks: TableTopHooks) {
  const store = storage();
  let kept: AnchorRecord | null = null;
  try {
    kept = parseAnchorRecord(store?.getItem(ANCHOR_KEY) ?? null);
  } catch {
    kept = null;
  }
  let restoring: Promise<XRAnchor> | null = kept && session.restorePersistentAnchor ? session.restorePersistentAnchor(kept.handle) : null;
  let restored: XRAnchor | null = null;
  let anchored: { anchor: XRAnchor; at: Placement } | null = null;
  let busy = false;
  let off = false;
  const forget = () => {
    kept = null;
    try {
      store?.removeItem(ANCHOR_KEY);
    } catch {
      // Nothing was kept, or it cannot be removed: the next session places afresh either way.
    }
  };
  const keep = (record: AnchorRecord) => {
    kept = record;
    try {
      store?.setItem(ANCHOR_KEY, JSON.stringify(record));
    } catch {
      // A full or private store: the placement lasts this session only.
    }
  };
  void restoring?.then(
    (anchor) => (restored = anchor),
    () => {
      restoring = null;
      forget();
    },
  );
  let restoreUntilMs: number | null = null;
  return {
    /** Whether the model should wait for a kept anchor before it is placed afresh. */
    waiting(nowMs: number): boolean {
      if (!restoring) return false;
      restoreUntilMs ??= nowMs + RESTORE_MS;
      return nowMs < restoreUntilMs;
    },
    update(frame: XRFrame) {
      const record = kept;
      if (restored && record) {
        const p = frame.getPose(restored.anchorSpace, manager.referenceSpace)?.transform.position;
        if (p) {
          const at: Placement = { ...flipPoint(p), yawRad: record.yawRad, scale: record.scale };
          hooks.restore(at);
          anchored = { anchor: restored, at };
          restored = null;
          restoring = null;
        }
        return;
      }
      const now = hooks.current();
      if (!now || busy || off || !frame.createAnchor) return;
      if (anchored && Math.hypot(now.x - anchored.at.x, now.y - anchored.at.y, now.z - anchored.at.z) < 0.005) {
        // Turned or scaled in place: only the record changes.
        if (kept && (kept.yawRad !== now.yawRad || kept.scale !== now.scale)) keep({ ...kept, yawRad: now.yawRad, scale: now.scale });
        return;
      }
      busy = true;
      const at = now;
      frame.createAnchor(new XRRigidTransform(flipPoint(at)), manager.referenceSpace).then(
        async (anchor) => {
          const before = anchored;
          anchored = { anchor, at };
          before?.anchor.delete();
          const oldHandle = kept?.handle;
          const handle = await anchor.requestPersistentHandle?.().catch(() => undefined);
          busy = false;
          if (!handle) return;
          if (oldHandle && oldHandle !== handle) void session.deletePersistentAnchor?.(oldHandle).catch(() => undefined);
          keep({ handle, yawRad: at.yawRad, scale: at.scale });
        },
        () => {
          // Anchors refused (not granted, or too many): the model is simply not kept.
          busy = false;
          off = true;
        },
      );
    },
  };
}

export async function startTableTop(scene: Scene, manager: WebXRSessionManager, hooks: TableTopHooks, noSurface: () => void): Promise<TableTop> {
  const session = manager.session;
  let source: XRHitTestSource | null = null;
  try {
    const viewer = await session.requestReferenceSpace('viewer');
    source = (await session.requestHitTestSource?.({ space: viewer, offsetRay: new XRRay({}, RAY_DOWN) })) ?? null;
  } catch (error) {
    console.warn('Chasm: this headset offers no surface hit test; the model is placed in front of you.', error);
  }
  const material = new StandardMaterial('table-top-ring-material', scene);
  material.emissiveColor = new Color3(0.35, 0.85, 1);
  material.disableLighting = true;
  const ring = CreateTorus('table-top-ring', { diameter: 0.12, thickness: 0.008, tessellation: 32 }, scene);
  ring.material = material;
  ring.isPickable = false;
  ring.isVisible = false;
  let hit: { x: number; y: number; z: number } | null = null;
  const turnEdge = { turnArmed: true };
  let lastMs = manager.currentTimestamp;
  let fallbackAtMs: number | null = null;
  const anchors = anchorKeeper(session, manager, hooks);

  const observer = manager.onXRFrameObservable.add((frame) => {
    const now = manager.currentTimestamp;
    const dtS = (now - lastMs) / 1000;
    lastMs = now;
    hit = null;
    const result = source ? frame.getHitTestResults(source)[0] : undefined;
    const pose = result?.getPose(manager.referenceSpace);
    if (pose) {
      const p = pose.transform.position;
      // At or beside a detected table, onto it.
      const snapped = snapToTable(flipPoint(p), horizontalPlanes(frame, manager.referenceSpace));
      hit = { x: snapped.x, y: snapped.y, z: snapped.z };
      ring.position.set(hit.x, hit.y + 0.002, hit.z);
    }
    ring.isVisible = hit !== null;
    anchors.update(frame);
    if (!hooks.placed() && !anchors.waiting(now)) {
      if (hit) hooks.place(hit);
      else {
        // No surface within NO_SURFACE_MS (at once without a hit test): in front, at table height, and said.
        fallbackAtMs ??= source ? now + NO_SURFACE_MS : now;
        if (now >= fallbackAtMs) {
          const viewerPose = frame.getViewerPose(manager.referenceSpace);
          const xrEyes = viewerPose?.transform.position;
          if (xrEyes) {
            const v = flipPoint(xrEyes);
            hooks.place({ x: v.x, y: Math.max(0.4, v.y - 0.6), z: v.z + 0.8 });
            noSurface();
          }
        }
      }
    }
    let left: Stick | null = null;
    let right: Stick | null = null;
    for (const input of session.inputSources) {
      if (input.hand) continue;
      if (input.handedness === 'left') left = stickOf(input);
      if (input.handedness === 'right') right = stickOf(input);
    }
    // The right stick snap-turns the model (its x axis only: forward does nothing here).
    const turn = snapTurn(turnEdge, right?.x ?? 0, hooks.snapTurnDeg());
    if (turn !== 0) hooks.turn(turn);
    if (left && Math.abs(left.y) > 0.2 && dtS > 0) hooks.scale(Math.exp(-left.y * SCALE_PER_S * Math.min(dtS, 0.1)));
  });

  return {
    surfaceHit: () => hit,
    dispose() {
      manager.onXRFrameObservable.remove(observer);
      source?.cancel();
      ring.dispose();
      material.dispose();
    },
  };
}
