/**
 * Carries out intents' selects: `resolveSelect` (pure) says what a select
 * means; this does it. Moves go on to the camera rig.
 */
import { standIntents, type Intent } from '../input/intents';
import { standpointFor } from '../selection/search';
import type { Target } from '../selection/pick';
import { rayAtHeight, resolveSelect } from '../selection/resolve-select';
import { describeTarget, type Card } from '../selection/describe';
import type { Strings } from '../ui/strings';
import { toModelRay } from '../world/placement';
import { setPlacement, setView } from './view';
import type { App } from './state';

/** Carries out the selects among `intents`; returns the rest, and the moves a select asks for (walk-to, teleport), for the rig. */
export function handleIntents(app: App, intents: readonly Intent[]): Intent[] {
  const { state } = app;
  const moves: Intent[] = [];
  for (const intent of intents) {
    const twin = state.twin;
    if (intent.kind === 'step-robot') {
      stepRobot(app, intent.delta);
      continue;
    }
    if (intent.kind !== 'select') {
      moves.push(intent);
      continue;
    }
    if (!twin) continue;
    // In passthrough the model is scaled and placed: pick in its own metres.
    const ray = state.placement ? toModelRay(state.placement, intent.ray) : intent.ray;
    const outcome = resolveSelect(ray, { geometry: twin.geometry, robots: twin.poses, board: twin.boardRect }, state.immersive?.mode ?? 'flat');
    switch (outcome.kind) {
      case 'place-model': {
        // Onto the real surface the eyes' ray meets; where none is found, where the pointer's own ray
        // comes down to the model's height (a manual placement).
        const hit = state.immersive?.surfaceHit() ?? (state.placement ? rayAtHeight(intent.ray, state.placement.y) : null);
        if (hit && state.placement) setPlacement(app, { ...state.placement, ...hit });
        break;
      }
      case 'walk-to':
        moves.push({ kind: 'walk-to', x: outcome.xM, z: outcome.zM });
        break;
      case 'teleport':
        moves.push({ kind: 'teleport', x: outcome.xM, z: outcome.zM });
        break;
      case 'card':
        showSelection(app, { target: outcome.target, card: describeTarget(twin.sim, outcome.target, state.strings.card) });
        break;
      case 'clear':
        showSelection(app, null);
    }
  }
  return moves;
}

/** Selects the next (1) or previous (-1) robot after the one selected, stood facing (the keyboard's ] and [, the VR menu's Next robot). */
export function stepRobot(app: App, delta: 1 | -1): void {
  const count = app.state.twin?.sim.robots.length ?? 0;
  const selected = app.state.selection?.target;
  const from = selected?.kind === 'robot' ? selected.id : delta > 0 ? -1 : 0;
  if (count > 0) selectFacing(app, { kind: 'robot', id: (((from + delta) % count) + count) % count });
}

/** Selects the next bin holding medicine `sku` after the one selected (the first, else), stood facing (the VR menu's Find list). */
export function findMedicine(app: App, sku: number): void {
  const g = app.state.twin?.geometry;
  if (!g) return;
  const selected = app.state.selection?.target;
  const after = selected?.kind === 'bin' && g.bins[selected.index]?.sku === sku ? selected.index : -1;
  let first = -1;
  let next = -1;
  g.bins.forEach((b, index) => {
    if (b.sku !== sku) return;
    if (first < 0) first = index;
    if (next < 0 && index > after) next = index;
  });
  const index = next >= 0 ? next : first;
  if (index >= 0) selectFacing(app, { kind: 'bin', index });
}

/**
 * Selects a robot or bin and brings the viewer to stand facing it, on walkable floor (Find, the keyboard's
 * next and previous robot, the VR menu's Find list; in VR a teleport). From the entry card it goes exploring.
 */
export function selectFacing(app: App, target: Extract<Target, { kind: 'robot' | 'bin' }>): void {
  const { state } = app;
  const twin = state.twin;
  if (!twin) return;
  if (state.view === 'entry') setView(app, 'exploring');
  const robot = target.kind === 'robot' ? twin.poses[target.id] : undefined;
  const spot = target.kind === 'bin' ? standpointFor(twin.geometry, target) : robot ? standpointFor(twin.geometry, { kind: 'robot', ...robot }) : null;
  if (spot && state.immersive) state.immersive.standAt(spot);
  else if (spot) {
    const rig = app.rig.state;
    app.rig.apply(standIntents(rig, { ...spot, pitchRad: Math.atan2(spot.targetYM - rig.yM, spot.distanceM) }), 0);
  }
  showSelection(app, { target, card: describeTarget(twin.sim, target, state.strings.card) });
}

/** A target's card as the person reads it now, in `strings`' language: its description, and how to handle the pack held from it. */
export function cardFor(app: App, target: Target, strings: Strings = app.state.strings): Card | null {
  const twin = app.state.twin;
  if (!twin) return null;
  const card = describeTarget(twin.sim, target, strings.card);
  const held = app.state.inspect;
  if (!held || held.returning || target.kind !== 'bin' || target.index !== held.ref.bin) return card;
  return { ...card, lines: [...card.lines, held.by === 'screen' ? strings.inspect.screen : strings.inspect.headset] };
}

/** Shows (or hides) the selection's card where the person looks: the page in 2D, a floating panel in VR (beside `near`, when given). */
export function showSelection(app: App, selection: App['state']['selection'], near?: readonly [number, number, number]): void {
  app.state.selection = selection;
  // A selected robot or bin is highlighted in the world too.
  const target = selection?.target;
  app.state.twin?.setHighlight(target?.kind === 'robot' ? { kind: 'robot', id: target.id } : target?.kind === 'bin' ? { kind: 'bin', id: target.index } : null);
  const card = selection?.card ?? null;
  if (app.state.immersive) app.state.immersive.showCard(card, undefined, near);
  else app.shell.showCard(card);
}
