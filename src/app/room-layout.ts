/**
 * One layout per room. A layout loaded here (a file picked or dropped, or
 * the one shown when this page made the room with Share) goes to the room,
 * whose server validates it again and shows it to everyone; the room's
 * layout (loaded by another, or kept from before a restart) replaces the one
 * shown here. Pages compare layouts by `layoutId` of their text.
 */
import { isBaseline } from '../sim/what-if';
import { layoutId, layoutText } from '../room/protocol';
import { parseLayout, type LayoutProblem } from '../layout/validate';
import type { Twin } from '../world/twin';
import { showLayout } from './world-loading';
import type { RoomSession } from '../room/room-client';
import type { App } from './state';

/** How long a layout sent to the room may wait for it before the room's own is shown again. */
const PENDING_MS = 5000;

/** Where a room's layout stands on this page. */
export interface LayoutSync {
  /** The twin last in step with the room's layout (shown from it, or found the same); null before the first. */
  synced: Twin | null;
  /** This page made the room: the layout it shows goes to the room, rather than the room's default coming here. */
  push: boolean;
  /** A layout sent to the room, not yet its own: its id and when it went. */
  pending: { id: string; sinceMs: number } | null;
  /** The room's layout is being built here. */
  applying: boolean;
}

/** What of a room this needs: its session, and where its layout stands here. */
interface RoomLink {
  session: RoomSession | null;
  layout: LayoutSync;
}

export const newLayoutSync = (push: boolean): LayoutSync => ({ synced: null, push, pending: null, applying: false });

const ids = new WeakMap<Twin, string>();
/** `layoutId` of the layout a twin shows (worked out once per twin). */
function idOf(twin: Twin): string {
  let id = ids.get(twin);
  if (id === undefined) ids.set(twin, (id = layoutId(layoutText(twin.layout))));
  return id;
}

/**
 * Once a frame: brings this page's layout and the room's into step. True when they are the same (the
 * twin may then follow the room's clock).
 */
export function syncLayout(app: App, room: RoomLink, nowMs: number): boolean {
  const sync = room.layout;
  const theirs = room.session?.layout();
  const twin = app.state.twin;
  if (!room.session || !theirs || !twin || sync.applying) return false;
  const ours = idOf(twin);
  if (ours === theirs.id) {
    // A what-if is this page's own experiment: in a room, everyone runs the layout itself.
    if (!isBaseline(twin.whatIf)) {
      showLayout(app, twin.layout, app.state.twinSource);
      return false;
    }
    sync.synced = twin;
    sync.pending = null;
    return true;
  }
  // A twin that is not the one last in step was loaded here: it goes to the room, once.
  const loadedHere = twin !== sync.synced && (sync.synced !== null || sync.push);
  if (loadedHere && sync.pending?.id !== ours) {
    room.session.sendLayout(layoutText(twin.layout));
    sync.pending = { id: ours, sinceMs: nowMs };
    return false;
  }
  if (sync.pending && nowMs - sync.pending.sinceMs < PENDING_MS) return false;
  // The room's layout: loaded by someone else, kept from before, or kept when this page's was refused.
  sync.pending = null;
  sync.applying = true;
  const { state, shell } = app;
  state.loading = state.loading
    .then(() => {
      if (state.stopped || state.room !== room) return;
      const r = parseLayout(theirs.text);
      if (!r.ok) {
        shell.showAlert(state.strings.layoutProblem, state.strings.layoutLoad({ kind: 'invalid', what: { name: 'room' }, problems: r.problems }));
        return;
      }
      showLayout(app, r.layout, r.layout.name);
      if (theirs.by) shell.showAlert(state.strings.notice, state.strings.share.layoutFrom(r.layout.name, theirs.by));
    })
    .finally(() => {
      sync.synced = state.twin;
      sync.applying = false;
    });
  return false;
}

/** The room refused a layout this page sent: said with the validator's lines; the room's own comes back. */
export function layoutRefused(app: App, room: RoomLink, problems: readonly LayoutProblem[]): void {
  const { state, shell } = app;
  room.layout.pending = null;
  room.layout.synced = null;
  room.layout.push = false;
  shell.showAlert(
    state.strings.layoutProblem,
    `${state.strings.layoutLoad({ kind: 'invalid', what: { name: 'room' }, problems })}\n\n${state.strings.share.roomKeeps}`,
  );
}
