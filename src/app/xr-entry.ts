/**
 * Entering and leaving an immersive session. The headset code arrives with
 * `import()` on the first entry: a phone never downloads it.
 */
import { canStandAt } from '../layout/geometry';
import { pickPack } from '../selection/inspect';
import { skuName } from '../layout/schema';
import { findMedicine, stepRobot } from './selects';
import { clampScale, TABLE_SCALE } from '../world/placement';
import type { ImmersiveMode } from '../xr/immersive-session';
import { changeSettings } from './settings-wiring';
import { hudCard } from './readouts';
import { share } from './room-wiring';
import { changeTime } from './time-wiring';
import { reapplyQuality, resize, setPlacement, setView } from './view';
import type { App, Disposer } from './state';

/** Enters VR (or passthrough AR); a refusal is said on the entry card and the 2D view stays. */
export async function enterVr(app: App, mode: ImmersiveMode = 'immersive-vr'): Promise<void> {
  const { state, shell, rig, settings } = app;
  if (state.entering || state.immersive || state.stopped) return;
  state.entering = true;
  const returnTo = state.view;
  shell.setStatus(state.strings.enteringVr);
  try {
    const { enterImmersive } = await import('../xr/immersive-session');
    const placed = () => state.placement;
    const session = await enterImmersive(app.scene, mode, {
      tableTop: {
        place: (at) => setPlacement(app, { ...at, yawRad: placed()?.yawRad ?? 0, scale: placed()?.scale ?? TABLE_SCALE }),
        restore: (p) => setPlacement(app, p),
        current: placed,
        turn: (rad) => {
          const p = placed();
          if (p) setPlacement(app, { ...p, yawRad: p.yawRad + rad });
        },
        scale: (factor) => {
          const p = placed();
          if (p) setPlacement(app, { ...p, scale: clampScale(p.scale * factor) });
        },
        placed: () => placed() !== null,
        snapTurnDeg: () => settings.current.comfort.snapTurnDeg,
      },
      settings: () => settings.current,
      changeSettings: (change) => changeSettings(app, change),
      strings: () => state.strings,
      hudCard: () => hudCard(app),
      share: () => share(app),
      time: () => ({ ...state.time, inRoom: state.room !== null }),
      changeTime: (change) => changeTime(app, change),
      startPose: () => {
        const p = state.twin?.startPose;
        return { xM: p?.xM ?? 0, zM: p?.zM ?? 0, yawRad: p?.yawRad ?? 0 };
      },
      medicines: () => state.twin?.layout.skus.map((sku) => skuName(sku, state.strings.lang)) ?? [],
      findMedicine: (sku) => findMedicine(app, sku),
      stepRobot: () => stepRobot(app, 1),
      grabbable: (ray) => !!state.twin && !state.placement && pickPack(ray, state.twin.geometry, state.twin.poses, state.twin.boardRect) !== null,
      // Inside the floor and not inside a rack.
      canStand: (x, z) => rig.canStand(x, z) && (!state.twin || canStandAt(state.twin.geometry, x, z)),
    });
    state.immersive = session;
    // Frames are now timed by the headset's clock: the held ones belong to the 2D view.
    app.sampler.reset();
    reapplyQuality(app);
    setView(app, 'immersive');
    void session.ended.then(() => leftVr(app, returnTo));
  } catch (error) {
    shell.setStatus(state.strings.vrFailed(error instanceof Error ? error.message : String(error)));
  } finally {
    state.entering = false;
  }
}

/** Back in 2D after a session, whoever ended it. */
function leftVr(app: App, returnTo: App['state']['view']): void {
  const { state, rig, shell } = app;
  state.immersive = null;
  if (state.stopped) return;
  setPlacement(app, null);
  // Babylon hands the 2D camera the XR camera's floor position on exit; the rig takes it
  // (so a move made in VR carries over) and restores its own eye height and heading.
  const { x, z } = rig.camera.position;
  rig.apply([{ kind: 'teleport', x, z }], 0);
  app.sampler.reset();
  reapplyQuality(app);
  shell.showProfile(state.profile);
  setView(app, returnTo);
  resize(app);
  // An update found during the session is offered now, never during it.
  if (state.updateWaiting) shell.showUpdate('ready');
}

/**
 * The XR step: a lost WebGL context is said and ends a session (an XR layer cannot outlive
 * its context); a restored one repaints the panels. Stopping ends any session.
 */
export function wireXr(app: App): Disposer {
  const { engine, shell, state } = app;
  const lost = engine.onContextLostObservable.add(() => {
    shell.showAlert(state.strings.contextLostTitle, state.strings.contextLostBody);
    if (state.immersive)
      void state.immersive.exit().catch((error: unknown) => console.warn('Chasm: the XR session did not end cleanly after the context loss.', error));
  });
  const restored = engine.onContextRestoredObservable.add(() => {
    shell.showAlert(state.strings.contextRestoredTitle, state.strings.contextRestoredBody);
    state.twin?.repaintPanels();
  });
  return () => {
    engine.onContextLostObservable.remove(lost);
    engine.onContextRestoredObservable.remove(restored);
    void state.immersive?.exit().catch(() => undefined);
  };
}
