/**
 * Grab and inspect, carried out: a `grab` takes the pack its ray points at
 * out of its slot into a headset hand (it follows the grip; a second hand
 * scales it) or into a screen's inspect view (it floats ahead of the eyes;
 * drags turn it, pinch and wheel zoom it); its card opens beside it. A
 * `let-go` flies it back to its slot. The rules are `selection/inspect.ts`.
 */
import { Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { GrabHand, Intent } from '../input/intents';
import { skuName } from '../layout/schema';
import type { PackPlace } from '../layout/stock';
import { INSPECT, pickPack, returnFraction, turnView, twoHandScale, viewScale, type PackRef } from '../selection/inspect';
import type { HeldPack } from '../world/held-pack';
import { slotRotation } from '../world/slot-rotation';
import type { Twin } from '../world/twin';
import type { GripPose } from '../xr/grab-input';
import { cardFor, showSelection } from './selects';
import type { App } from './state';

/** A pack out of its slot. */
export interface Inspecting {
  readonly twin: Twin;
  readonly ref: PackRef;
  readonly place: PackPlace;
  readonly pack: HeldPack;
  /** The medicine's name on its label. */
  readonly label: string;
  readonly by: GrabHand;
  /** The other hand, scaling it: the hands' gap and the scale when it took hold. */
  second: { hand: 'left' | 'right'; startGapM: number; startScale: number } | null;
  scale: number;
  /** A screen's inspect view: how far the person turned it. */
  view: { yawRad: number; pitchRad: number };
  /** Let go: where from, and for how long it has been flying home (s). */
  returning: { position: Vector3; rotation: Quaternion; scale: number; elapsedS: number } | null;
}

/** In a hand: turned a quarter so its label faces back along the grip, towards the eyes. */
const IN_HAND = Quaternion.RotationAxis(Vector3.Up(), Math.PI / 2);
/** In a hand: held a little ahead of the grip and above it, in the grip's own frame (m), clear of the controller's or the hand's mesh. */
const HAND_OFFSET = new Vector3(0, 0.02, 0.08);

const gripOf = (app: App, hand: GrabHand): GripPose | null => (hand === 'screen' ? null : (app.state.immersive?.grips()[hand] ?? null));
const gap = (a: GripPose | null, b: GripPose | null) =>
  a && b ? Math.hypot(a.position[0] - b.position[0], a.position[1] - b.position[1], a.position[2] - b.position[2]) : Number.NaN;

/** The held pack's code (a box with its label on a canvas texture in the standard material): not the first frame's. */
let heldPack: typeof import('../world/held-pack') | null = null;

/** Loads the held pack's code (the app asks once its first frame is drawn); a failed load is tried again at the next call. */
export async function loadHeldPack(): Promise<void> {
  try {
    heldPack ??= await import('../world/held-pack');
  } catch (error) {
    console.warn('Chasm: the inspect view could not be loaded.', error);
  }
}

/** Takes the pack `intent.ray` points at; a second headset hand on a held pack starts scaling it. */
function grab(app: App, intent: Extract<Intent, { kind: 'grab' }>): void {
  const { state } = app;
  const twin = state.twin;
  // Not in passthrough: the model there is a table-top miniature.
  if (!twin || state.placement) return;
  const held = state.inspect;
  if (held && !held.returning) {
    // The I key again puts the screen's pack back (a press held on it again does nothing).
    if (intent.toggles && held.by === 'screen') letGo(app, 'screen');
    if (intent.hand !== 'screen' && held.by !== 'screen' && intent.hand !== held.by && !held.second)
      held.second = { hand: intent.hand, startGapM: gap(gripOf(app, held.by), gripOf(app, intent.hand)), startScale: held.scale };
    return;
  }
  // Its code is loaded after the first frame; a grab before it has arrived takes nothing (and asks for it).
  if (!heldPack) return void loadHeldPack();
  const { createHeldPack } = heldPack;
  const found = pickPack(intent.ray, twin.geometry, twin.poses, twin.boardRect);
  if (!found) return;
  if (held) finish(app);
  const sku = twin.layout.skus[twin.geometry.bins[found.bin]?.sku ?? -1];
  if (!sku) return;
  const label = skuName(sku, state.strings.lang);
  const ref = { bin: found.bin, n: found.n };
  twin.setPackShown(ref.bin, ref.n, false);
  state.inspect = {
    twin,
    ref,
    place: found,
    pack: createHeldPack(app.scene, found, sku.colour, label),
    label,
    by: intent.hand,
    second: null,
    scale: intent.hand === 'screen' ? viewScale(found.size) : 1,
    view: { yawRad: 0, pitchRad: 0 },
    returning: null,
  };
  const target = { kind: 'bin', index: ref.bin } as const;
  const card = cardFor(app, target);
  if (card) showSelection(app, { target, card }, gripOf(app, intent.hand)?.position);
}

/** That hand lets go: a second hand stops scaling; the holding one sends the pack home. */
function letGo(app: App, hand: GrabHand): void {
  const held = app.state.inspect;
  if (!held || held.returning) return;
  if (held.second?.hand === hand) held.second = null;
  else if (held.by === hand) {
    const { mesh } = held.pack;
    held.returning = {
      position: mesh.position.clone(),
      rotation: (mesh.rotationQuaternion ?? Quaternion.Identity()).clone(),
      scale: mesh.scaling.x,
      elapsedS: 0,
    };
  }
}

/** Back in its slot at once (the view changed, another pack was taken, the app stops). */
export function finish(app: App): void {
  const held = app.state.inspect;
  if (!held) return;
  app.state.inspect = null;
  held.pack.dispose();
  // A twin replaced meanwhile took its stock with it.
  if (held.twin === app.state.twin) held.twin.setPackShown(held.ref.bin, held.ref.n, true);
}

/**
 * Carries out grab and let-go intents, and, while a screen's inspect view holds a pack, takes the
 * drags (turn it), zooms (scale it) and selects (put it back) that would look, zoom and select.
 * Returns the intents left.
 */
export function handleInspectIntents(app: App, intents: readonly Intent[]): Intent[] {
  const rest: Intent[] = [];
  for (const intent of intents) {
    const held = app.state.inspect;
    const viewing = held?.by === 'screen' && !held.returning;
    if (intent.kind === 'grab') grab(app, intent);
    else if (intent.kind === 'let-go') letGo(app, intent.hand);
    else if (viewing && intent.kind === 'look') held.view = turnView(held.view, intent.yawDeltaRad, intent.pitchDeltaRad);
    else if (viewing && intent.kind === 'zoom') held.scale = Math.min(INSPECT.maxScale, Math.max(INSPECT.minScale, held.scale * intent.factor));
    else if (viewing && intent.kind === 'select') letGo(app, 'screen');
    else rest.push(intent);
  }
  return rest;
}

/** Poses the held pack for this frame: in the hand, ahead of the eyes, or on its way home. */
export function updateInspect(app: App, dtS: number): void {
  const held = app.state.inspect;
  if (!held) return;
  const { state, scene } = app;
  // The world or the view changed under it: it is back in its slot at once.
  if (held.twin !== state.twin || (held.by === 'screen') !== !state.immersive) {
    finish(app);
    return;
  }
  const { place, pack } = held;
  if (held.returning) {
    const r = held.returning;
    r.elapsedS += dtS;
    const f = returnFraction(r.elapsedS);
    const home = new Vector3(place.x, place.y, place.z);
    pack.pose(Vector3.Lerp(r.position, home, f), Quaternion.Slerp(r.rotation, slotRotation(place), f), r.scale + (1 - r.scale) * f);
    if (f >= 1) finish(app);
    return;
  }
  if (held.by === 'screen') {
    const camera = scene.activeCamera;
    if (!camera) return;
    const forward = camera.getDirection(Vector3.Forward());
    const right = camera.getDirection(Vector3.Right());
    const yaw = Math.atan2(forward.x, forward.z);
    // Facing the eyes (its label towards them), turned as the person dragged.
    const rotation = Quaternion.RotationAxis(right, held.view.pitchRad).multiply(Quaternion.RotationAxis(Vector3.Up(), yaw + held.view.yawRad + Math.PI / 2));
    pack.pose(camera.globalPosition.add(forward.scale(INSPECT.viewDistanceM)), rotation, held.scale);
    return;
  }
  const grip = gripOf(app, held.by);
  // A hand lost to tracking leaves the pack where it was.
  if (!grip) return;
  if (held.second) held.scale = twoHandScale(held.second.startScale, held.second.startGapM, gap(grip, gripOf(app, held.second.hand)));
  const rotation = Quaternion.FromArray(grip.rotation);
  pack.pose(Vector3.FromArray(grip.position).addInPlace(HAND_OFFSET.applyRotationQuaternion(rotation)), rotation.multiply(IN_HAND), held.scale);
}

/** The held pack, for diagnostics: which, where its mesh is, and its label. */
export function inspectInfo(app: App) {
  const held = app.state.inspect;
  if (!held) return null;
  const { mesh } = held.pack;
  const q = mesh.rotationQuaternion ?? Quaternion.Identity();
  return {
    bin: held.ref.bin,
    n: held.ref.n,
    by: held.by,
    label: held.label,
    phase: held.returning ? ('returning' as const) : ('held' as const),
    position: [mesh.position.x, mesh.position.y, mesh.position.z] as [number, number, number],
    rotation: [q.x, q.y, q.z, q.w] as [number, number, number, number],
    scale: mesh.scaling.x,
    slot: [held.place.x, held.place.y, held.place.z] as [number, number, number],
  };
}
