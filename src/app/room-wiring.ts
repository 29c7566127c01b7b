/**
 * The shared room, from the app's side: Share makes a room link (and joins
 * it), a link with `?room=` joins on start, and every frame sends this
 * terminal's pose and numbers and draws the others. The room code and its
 * client library arrive with `import()` only then: solo use never loads
 * them. Without a room server (static hosting, offline) the app stays solo
 * and the share card says why.
 */
import { showWhatIfFields } from './world-loading';
import { isRoomKey, MAX_PARTICIPANTS, newRoomKey, ROOM_FULL_CODE, type Aim, type Pose, type Ray6, type SharedStats } from '../room/protocol';
import type { RemoteParticipant, RoomSession, RoomStatus } from '../room/room-client';
import type { AvatarMark, Avatars } from '../world/avatars';
import { aimAlong, aimBox } from '../selection/pick';
import type { Intent, Ray } from '../input/intents';
import { followIntents, movedByHand } from '../room/follow';
import { setView } from './view';
import { layoutRefused, newLayoutSync, syncLayout, type LayoutSync } from './room-layout';
import { viewerPose } from '../diagnostics/viewer-pose';
import type { RoomInfo } from '../diagnostics/chasm-diagnostics';
import { stats } from './readouts';
import type { App, Disposer } from './state';
import { shareStatus, showsCode, type ShareView } from '../ui/share-card';

/** The room this page is in, while it is in one. */
export interface RoomLink {
  key: string;
  link: string;
  status: RoomStatus | 'unavailable' | 'full';
  /** Why the room cannot be joined, when `status` is 'unavailable' or 'full'. */
  problem: string | null;
  session: RoomSession | null;
  avatars: Avatars | null;
  /** People in the room when the card last said so. */
  shownPeople: number;
  /** The share card is shown (Share was pressed), so it follows the room. */
  card: boolean;
  /** The participant whose view this page follows, or null. */
  following: string | null;
  /** Whether this page's simulation matched the room's at its last digest (null: not compared yet). */
  simAgrees: boolean | null;
  /** What this page's pointer aims at, as last sent. */
  aim: Aim | null;
  /** The room's layout against this page's. */
  layout: LayoutSync;
}

/** Shows the share card (if asked for) with the room's state. */
function showCard(app: App, room: RoomLink): void {
  const everyone = room.session?.participants() ?? [];
  room.shownPeople = everyone.length;
  // A followed participant who left is followed no more.
  if (room.following !== null && !everyone.some((p) => p.id === room.following)) room.following = null;
  const others = everyone.filter((p) => !p.self).map((p) => ({ id: p.id, name: p.name }));
  if (!room.card) return;
  const view = { link: room.link, status: room.status, problem: room.problem, people: room.shownPeople, others, following: room.following };
  app.shell.showShare(view);
  if (app.state.immersive) void showCardInVr(app, room, view);
}

/** In VR the share card floats in front of the viewer: the room's state, its link, and its QR code (drawn from the `qrcode` package's modules). */
async function showCardInVr(app: App, room: RoomLink, view: ShareView): Promise<void> {
  const { state } = app;
  const t = state.strings.share;
  const qr = showsCode(view)
    ? await import('qrcode').then(({ create }) => create(view.link, { errorCorrectionLevel: 'M' }).modules).catch(() => undefined)
    : undefined;
  // Still in VR, in this room, with the card asked for.
  if (state.room === room && room.card) state.immersive?.showCard({ title: t.title, lines: [shareStatus(t, view), t.scan, view.link] }, qr);
}

/** Share: makes a room and joins it (or, in one, shows its card again), in 2D and in VR alike. */
export function share(app: App): void {
  const room = app.state.room;
  if (room) {
    room.card = true;
    showCard(app, room);
    return;
  }
  void join(
    app,
    newRoomKey((bytes) => crypto.getRandomValues(bytes)),
    true,
  );
}

/** This page's address with the room's key in it: the link to share. */
export function roomLink(key: string): string {
  const url = new URL(location.href);
  url.search = '';
  url.hash = '';
  url.searchParams.set('room', key);
  return url.href;
}

/** Joins the room of `key` (the page's own link follows it); with `card`, the share card shows how it goes. */
async function join(app: App, key: string, card: boolean): Promise<void> {
  const { state } = app;
  const link = roomLink(key);
  const room: RoomLink = {
    key,
    link,
    status: 'connecting',
    problem: null,
    session: null,
    avatars: null,
    shownPeople: -1,
    card,
    following: null,
    simAgrees: null,
    aim: null,
    layout: newLayoutSync(card),
  };
  state.room = room;
  showWhatIfFields(app);
  history.replaceState(history.state, '', link);
  const show = () => {
    if (state.room === room) showCard(app, room);
  };
  show();
  try {
    const [{ joinRoom }, { createAvatars }] = await Promise.all([import('../room/room-client'), import('../world/avatars')]);
    const now = stats(app);
    const session = await joinRoom(
      key,
      { name: state.strings.share.defaultName(now.terminal), terminal: now.terminal, deviceClass: now.deviceClass },
      {
        onStatus(status) {
          const was = room.status;
          room.status = status;
          show();
          // Said where the person looks, card or not: alone now, or back.
          if (status === 'lost') app.shell.showAlert(state.strings.notice, state.strings.share.lost);
          else if (was === 'lost' && status === 'connected') app.shell.showAlert(state.strings.notice, state.strings.share.rejoined);
        },
        onLayoutRefused: (problems) => layoutRefused(app, room, problems),
        simTick: () => state.twin?.sim.tick ?? 0,
      },
    );
    if (state.stopped || state.room !== room) {
      session.leave();
      return;
    }
    room.session = session;
    room.avatars = createAvatars(app.scene, MAX_PARTICIPANTS);
    room.status = 'connected';
  } catch (error) {
    // A full room is said as such; anything else means no room server here (a static host, offline).
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
    room.status = code === ROOM_FULL_CODE ? 'full' : 'unavailable';
    room.problem = error instanceof Error ? error.message : String(error);
  }
  show();
}

/** Leaves the room (the page's link loses its key); the app carries on alone. */
function leave(app: App): void {
  const room = app.state.room;
  if (!room) return;
  room.session?.leave();
  room.avatars?.dispose();
  app.state.room = null;
  showWhatIfFields(app);
  const url = new URL(location.href);
  url.searchParams.delete('room');
  history.replaceState(history.state, '', url.href);
}

const ray6 = (r: Ray | null): Ray6 | null => (r ? [...r.origin, ...r.direction] : null);

/** This terminal's pose now: the camera (the head in VR) and, in VR, the hands' rays; on a screen, the ray of the finger or mouse pressed. */
function ownPose(app: App): Pose {
  const v = viewerPose(app.scene);
  const { immersive, controls } = app.state;
  const pointers = immersive?.pointers() ?? { left: null, right: controls?.pressedRay() ?? null };
  const twin = app.state.twin;
  const aim = twin ? aimAlong([pointers.right, pointers.left], twin.geometry, twin.poses, twin.boardRect) : null;
  if (app.state.room) app.state.room.aim = aim;
  return { xM: v.xM, yM: v.yM, zM: v.zM, yawDeg: v.yawDeg, pitchDeg: v.pitchDeg, left: ray6(pointers.left), right: ray6(pointers.right), aim };
}

/** The highlights: what each participant's pointer aims at (this page's own at once, not after a round trip), in its colour. */
function marks(app: App, everyone: readonly RemoteParticipant[]): AvatarMark[] {
  const twin = app.state.twin;
  const own = app.state.room?.aim ?? null;
  if (!twin) return [];
  const out: AvatarMark[] = [];
  for (const p of everyone) {
    const aim = p.self ? own : p.pose.aim;
    const box = aim ? aimBox(aim, twin.geometry, twin.poses) : null;
    if (box) out.push({ colour: p.colour, box });
  }
  return out;
}

/** This terminal's numbers, as the room shares them. */
function sharedStats(app: App): SharedStats {
  const s = stats(app);
  return {
    fps: s.fps,
    renderHz: s.renderHz,
    frameP95Ms: s.frameMs.p95,
    drawCalls: s.drawCalls,
    triangles: s.triangles,
    renderWidth: s.renderPx.width,
    renderHeight: s.renderPx.height,
    views: s.views,
    downloadedKB: Math.round(s.downloadedBytes / 1024),
    input: s.input ?? 'none',
  };
}

/** Once a frame: send this terminal's pose and numbers (the session paces them), draw the others. */
export function updateRoom(app: App, nowMs: number, dtS: number): void {
  const room = app.state.room;
  if (!room?.session || !room.avatars) return;
  // Measured only when due (20 Hz and 2 Hz), not every frame.
  room.session.sendPose(() => ownPose(app), nowMs);
  room.session.sendStats(() => sharedStats(app), nowMs);
  // One clock: the room's simulation, which every terminal of the same layout steps alike.
  const clock = room.session.clock();
  const twin = app.state.twin;
  if (syncLayout(app, room, nowMs) && clock && twin) {
    const agrees = twin.followClock(clock);
    if (agrees !== null) room.simAgrees = agrees;
  }
  const everyone = room.session.participants();
  // The others, but not the one this page follows: its view is this page's, and its head would fill it.
  room.avatars.update(
    everyone.filter((p) => !p.self && p.id !== room.following),
    marks(app, everyone),
    dtS,
    nowMs,
  );
  // The card says how many are here, as people come and go.
  if (everyone.length !== room.shownPeople) showCard(app, room);
}

/**
 * The followed participant's view as intents for this page's rig, or none. The person's own moves
 * (`own`) end following: looking or walking means they want their own view back.
 */
export function followingIntents(app: App, own: readonly Intent[], dtS: number): Intent[] {
  const room = app.state.room;
  if (!room?.following || !room.session) return [];
  if (movedByHand(own)) {
    room.following = null;
    showCard(app, room);
    return [];
  }
  const target = room.session.participants().find((p) => p.id === room.following);
  return target ? followIntents(app.rig.state, target.pose, dtS) : [];
}

/** `window.__chasm.room()`: the room and everyone in it, or null when alone. */
export function roomInfo(app: App): RoomInfo | null {
  const room = app.state.room;
  if (!room) return null;
  return {
    id: room.key,
    link: room.link,
    connected: room.status === 'connected',
    status: room.status,
    drawn: room.avatars?.drawn ?? 0,
    marked: room.avatars?.marked ?? 0,
    card: room.card,
    simTick: room.session?.clock()?.tick ?? null,
    following: room.following,
    simAgrees: room.simAgrees,
    participants: (room.session?.participants() ?? []).map((p) => ({
      id: p.id,
      self: p.self,
      name: p.name,
      colour: p.colour,
      terminal: p.terminal,
      deviceClass: p.deviceClass,
      pose: { xM: p.pose.xM, yM: p.pose.yM, zM: p.pose.zM, yawDeg: p.pose.yawDeg },
      aim: p.self ? room.aim : p.pose.aim,
      stats: p.stats,
    })),
  };
}

/** The room step: a `?room=` link joins at start; Share makes a room and shows its link and code. */
export function wireRoom(app: App): Disposer {
  const { shell, state } = app;
  const key = new URLSearchParams(location.search).get('room');
  if (key !== null) {
    if (isRoomKey(key)) void join(app, key, false);
    else shell.showAlert(state.strings.notice, state.strings.share.badLink);
  }
  const offs = [
    shell.onShare(() => share(app)),
    shell.onLeaveRoom(() => {
      leave(app);
      shell.showShare(null);
    }),
    shell.onShareClosed(() => {
      if (state.room) state.room.card = false;
    }),
    shell.onFollow((id) => {
      const room = state.room;
      if (!room) return;
      room.following = id;
      // Following is a 2D view: from the entry card, go exploring; the card steps aside so the view shows.
      if (id !== null && state.view === 'entry') setView(app, 'exploring');
      if (id !== null) {
        room.card = false;
        shell.showShare(null);
      } else showCard(app, room);
    }),
  ];
  return () => {
    for (const off of offs) off();
    const room = state.room;
    room?.session?.leave();
    room?.avatars?.dispose();
    state.room = null;
  };
}
