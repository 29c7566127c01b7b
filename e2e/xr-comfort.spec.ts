import { test, expect, openChasm, stats, waitFrames, expectSceneRendered, changedFraction } from './support/fixtures';
import {
  emulateQuest,
  pinchHand,
  pitchQuat,
  placeHeadset,
  poseInput,
  pressButton,
  pullTrigger,
  setInputMode,
  setThumbstick,
  shimFixedFoveation,
  type QuestProfile,
} from './support/iwer';
import { aimAtMenu, aimQuat } from './support/xr-menu';

// Small: every XR frame renders two eyes in software; aims and checks here are in metres or fractions of the view.
test.use({ viewport: { width: 640, height: 360 } });

const enter = async (page: import('@playwright/test').Page) => {
  await page.getByRole('button', { name: 'Enter VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('immersive-vr');
  await waitFrames(page, 3);
};

for (const [profile, hz] of [['metaQuest3', 90]] as Array<[QuestProfile, number]>) {
  test(`${profile}, a first-time user: default frame rate and foveation, thumbstick teleport and snap turn (no smooth walking)`, async ({ page }, testInfo) => {
    await emulateQuest(page, profile);
    await shimFixedFoveation(page);
    await openChasm(page);
    await enter(page);
    // The budget row's rate for this model, from the session's supported rates, and Meta's recommended foveation.
    await expect.poll(async () => (await stats(page)).targetHz).toBe(hz);
    const s = await stats(page);
    expect(s.foveation).not.toBeNull();
    expect(s.foveation!).toBeGreaterThanOrEqual(0.5);

    // Teleport and snap turn are the default (Meta's comfort guidance): the left stick does not walk.
    const still = s.viewer;
    await setThumbstick(page, 'left', 0, -1);
    await waitFrames(page, 5);
    await setThumbstick(page, 'left', 0, 0);
    const unmoved = (await stats(page)).viewer;
    expect(Math.hypot(unmoved.xM - still.xM, unmoved.zM - still.zM), 'no smooth walking by default').toBeLessThan(0.01);

    // Teleport: aim the right controller forward and down, push the stick forward, release.
    const before = unmoved;
    await poseInput(page, 'controllers', 'right', [0.2, 1.3, -0.2], pitchQuat(-30));
    await setThumbstick(page, 'right', 0, -1);
    await waitFrames(page, 3);
    await expectSceneRendered(page, testInfo, `${profile}-teleport-arc`);
    await setThumbstick(page, 'right', 0, 0);
    await waitFrames(page, 3);
    const after = (await stats(page)).viewer;
    // Yaw 0 looks along +z: the arc lands about 1.8 m ahead of the controller.
    expect(after.zM - before.zM, 'metres teleported forward').toBeGreaterThan(1.2);
    expect(after.zM - before.zM).toBeLessThan(3);
    expect(Math.abs(after.xM - before.xM - 0.2), 'sideways: the controller was 0.2 m to the right').toBeLessThan(0.3);

    // Snap turn: right stick right turns 30° (the default) once per push.
    await setThumbstick(page, 'right', 1, 0);
    await waitFrames(page, 3);
    await setThumbstick(page, 'right', 0, 0);
    await waitFrames(page, 2);
    const turned = (await stats(page)).viewer;
    expect(turned.yawDeg - after.yawDeg).toBeCloseTo(30, 0);
    // Turning keeps the viewer where they stand.
    expect(Math.hypot(turned.xM - after.xM, turned.zM - after.zM)).toBeLessThan(0.05);
    await page.getByRole('button', { name: 'Exit VR' }).click();
    await expect.poll(async () => (await stats(page)).mode).toBe('flat');
  });
}

/** Settings saved before the session: what a person chose in Settings or the VR menu. */
/** Stores comfort settings before the app starts (merged into what is stored: `emulateQuest` marks the controls card seen). */
const seedSettings = (page: import('@playwright/test').Page, comfort: Record<string, unknown>) =>
  page.addInitScript((c) => {
    const stored = JSON.parse(localStorage.getItem('chasm.settings') ?? '{}') as Record<string, unknown>;
    localStorage.setItem('chasm.settings', JSON.stringify({ ...stored, version: 3, comfort: c }));
  }, comfort);

test('metaQuest2, comfort as chosen: left-handed sticks, smooth walking and turning under a vignette that fades, seated height', async ({ page }) => {
  await emulateQuest(page, 'metaQuest2');
  await shimFixedFoveation(page);
  await seedSettings(page, { leftHanded: true, smoothMove: true, smoothTurn: true, seated: true, vignette: true });
  await openChasm(page);
  await enter(page);
  await expect.poll(async () => (await stats(page)).targetHz).toBe(72);
  // Seated: the view is lifted by the seated offset above the headset's own height (IWER's 1.6 m).
  expect((await stats(page)).viewer.yM).toBeCloseTo(1.6 + 0.45, 1);

  // Left-handed: the left stick teleports (aimed with the left controller)...
  const before = (await stats(page)).viewer;
  await poseInput(page, 'controllers', 'left', [-0.2, 1.3, -0.2], pitchQuat(-30));
  await setThumbstick(page, 'left', 0, -1);
  await waitFrames(page, 3);
  await setThumbstick(page, 'left', 0, 0);
  await waitFrames(page, 3);
  const landed = (await stats(page)).viewer;
  expect(landed.zM - before.zM, 'metres teleported with the left stick').toBeGreaterThan(1.2);

  // ...and the right stick walks, smoothly, under the comfort vignette.
  const pushedAt = Date.now();
  await setThumbstick(page, 'right', 0, -1);
  await expect.poll(() => page.evaluate(() => window.__chasm!.meshShown('comfort-vignette'))).toBeGreaterThan(0.1);
  await waitFrames(page, 6);
  await setThumbstick(page, 'right', 0, 0);
  const heldS = (Date.now() - pushedAt) / 1000;
  const walked = (await stats(page)).viewer;
  expect(walked.zM - landed.zM, 'walked forward smoothly').toBeGreaterThan(0.1);
  // At the walking speed the settings name (1.8 m/s) at most, for as long as the stick was held.
  expect(walked.zM - landed.zM).toBeLessThan(1.8 * heldS + 0.2);
  // Once still, the vignette fades out.
  await expect.poll(() => page.evaluate(() => window.__chasm!.meshShown('comfort-vignette'))).toBe(0);

  // The left stick sideways turns smoothly: by degrees a frame, not one 30° snap.
  await setThumbstick(page, 'left', 1, 0);
  await waitFrames(page, 2);
  const turning = (await stats(page)).viewer.yawDeg;
  await waitFrames(page, 2);
  await setThumbstick(page, 'left', 0, 0);
  const turned = (await stats(page)).viewer.yawDeg;
  const step = Math.abs(turned - walked.yawDeg);
  expect(step, 'a smooth turn').toBeGreaterThan(0.5);
  expect(Math.abs(turned - turning), 'still turning across frames').toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Exit VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('flat');
});

test('in-VR menu: X opens it, a controller ray sets the snap angle to 45° and the speed to 10×, and Exit leaves VR', async ({ page }, testInfo) => {
  // Each trigger pull waits on a few XR frames, at ~4 a second here in software.
  test.setTimeout(150_000);
  await emulateQuest(page, 'metaQuest3');
  await openChasm(page);
  await enter(page);
  await pressButton(page, 'left', 'x-button');
  await waitFrames(page, 2);
  await expectSceneRendered(page, testInfo, 'quest3-menu');
  const from: [number, number, number] = [0, 1.3, -0.3];
  await pullTrigger(page, 'right', from, aimAtMenu(from, 'snap'));
  await expect
    .poll(() =>
      page.evaluate(() => (JSON.parse(localStorage.getItem('chasm.settings') ?? '{}') as { comfort?: { snapTurnDeg?: number } }).comfort?.snapTurnDeg),
    )
    .toBe(45);
  // The Speed row (the menu stays open): the simulation runs at 10×.
  await pullTrigger(page, 'right', from, aimAtMenu(from, 'speed'));
  await expect.poll(async () => (await page.evaluate(() => window.__chasm!.world()))?.speed).toBe(10);
  // The new angle applies at once.
  const yaw0 = (await stats(page)).viewer.yawDeg;
  await setThumbstick(page, 'right', -1, 0);
  await waitFrames(page, 3);
  await setThumbstick(page, 'right', 0, 0);
  await expect.poll(async () => (await stats(page)).viewer.yawDeg - yaw0).toBeCloseTo(-45, 0);
  // Recenter (a long press of the menu button): back at the start, facing down the aisles (+z), the menu closed.
  await setThumbstick(page, 'right', 0, -1);
  await setThumbstick(page, 'right', 0, 0);
  await pressButton(page, 'left', 'x-button', { ms: 2000, frames: 8 });
  await expect.poll(async () => Math.abs((await stats(page)).viewer.yawDeg)).toBeLessThan(2);
  expect(Math.abs((await stats(page)).viewer.xM)).toBeLessThan(0.3);
  // Open the menu in front of that heading, and press Exit (the last row).
  await pressButton(page, 'left', 'x-button');
  await pullTrigger(page, 'right', from, aimAtMenu(from, 'exit'));
  await expect.poll(async () => (await stats(page)).mode).toBe('flat');
});

test('in-VR menu: Share makes a room and shows its link and QR code in front of the viewer', async ({ page }, testInfo) => {
  await emulateQuest(page, 'metaQuest3');
  await openChasm(page);
  await enter(page);
  expect(await page.evaluate(() => window.__chasm!.room())).toBeNull();
  await pressButton(page, 'left', 'x-button');
  await waitFrames(page, 2);
  const from: [number, number, number] = [0, 1.3, -0.3];
  await pullTrigger(page, 'right', from, aimAtMenu(from, 'share'));
  await expect.poll(async () => (await page.evaluate(() => window.__chasm!.room()))?.status).toBe('connected');
  const shared = (await page.evaluate(() => window.__chasm!.room()))!;
  expect(shared.card).toBe(true);
  expect(new URL(shared.link).searchParams.get('room')).toBe(shared.id);
  // Still in VR: the card floats where the person looks (the menu stepped aside for it).
  expect((await stats(page)).mode).toBe('immersive-vr');
  await waitFrames(page, 5);
  await expectSceneRendered(page, testInfo, 'quest3-share-card');
  await page.getByRole('button', { name: 'Exit VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('flat');
});

test('hands: the perf HUD shows and updates, the hand mesh comes from the origin and is drawn, a pinch selects, a pinch on the floor teleports, and the hip tab opens the menu', async ({
  page,
  watch,
}, testInfo) => {
  await emulateQuest(page, 'metaQuest3');
  await seedSettings(page, { snapTurnDeg: 30 });
  await page.addInitScript(() => {
    const s = JSON.parse(localStorage.getItem('chasm.settings') ?? '{}') as Record<string, unknown>;
    localStorage.setItem('chasm.settings', JSON.stringify({ ...s, hud: true }));
  });
  // Paused: between two screenshots only what the test changes moves.
  await openChasm(page, '/#paused');
  await enter(page);
  // The in-VR perf HUD, beside the view, repainted as the figures change (four times a second).
  await expect.poll(() => page.evaluate(() => window.__chasm!.meshShown('xr-hud'))).toBeGreaterThan(0);
  const painted = await page.evaluate(() => window.__chasm!.paints('xr-hud'));
  await waitFrames(page, 4);
  await expect.poll(() => page.evaluate(() => window.__chasm!.paints('xr-hud'))).toBeGreaterThanOrEqual(painted + 2);
  // Tracked hands: the hand mesh is fetched from Chasm's own origin and drawn on the tracked joints.
  expect(await page.evaluate(() => window.__chasm!.meshShown('xr-hand-right'))).toBe(0);
  const withoutHands = await page.locator('canvas#scene').screenshot();
  await setInputMode(page, 'hand');
  await waitFrames(page, 3);
  const origin = new URL(page.url()).origin;
  expect(watch.requests.filter((u) => u.startsWith(origin) && /\/xr\/profiles\/generic-hand\/(left|right)\.glb$/.test(u)).length).toBeGreaterThanOrEqual(2);
  await expect.poll(() => page.evaluate(() => window.__chasm!.meshShown('xr-hand-right'))).toBeGreaterThan(0);
  // Held up in front of the eyes, the right hand's palm covers the middle of the view, a little below and right of centre.
  await poseInput(page, 'hands', 'right', [0, 1.55, -0.3]);
  await waitFrames(page, 2);
  await expectSceneRendered(page, testInfo, 'quest3-hand');
  const withHand = await page.locator('canvas#scene').screenshot();
  expect(changedFraction(withoutHands, withHand, { x: 0.53, y: 0.58, w: 0.09, h: 0.08 })).toBeGreaterThan(0.5);
  await pinchHand(page, 'right', [0, 3, -0.3]);
  await expect.poll(async () => (await page.evaluate(() => window.__chasm!.world()!.selection))?.title).toBe('Order board');
  const before = (await stats(page)).viewer;
  await pinchHand(page, 'right', [0.1, 1.2, -0.2], pitchQuat(-35));
  await expect.poll(async () => (await stats(page)).viewer.zM - before.zM).toBeGreaterThan(0.8);
  // Hands have no menu button: the tab at the left hip (0.35 m ahead, 0.25 m left, 0.55 m below the eyes) opens the menu.
  expect(await page.evaluate(() => window.__chasm!.meshShown('xr-menu'))).toBe(0);
  const hand: [number, number, number] = [-0.1, 1.25, -0.1];
  await pinchHand(page, 'left', hand, aimQuat(hand, [-0.25, 1.6 - 0.55, -0.35]));
  await expect.poll(() => page.evaluate(() => window.__chasm!.meshShown('xr-menu'))).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Exit VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('flat');
});

test('a first-time headset user: a controls card for controllers, then for hands; the first pinch only dismisses it, and it stays dismissed', async ({
  page,
}, testInfo) => {
  await emulateQuest(page, 'metaQuest3', { firstVisit: true });
  await openChasm(page);
  await enter(page);
  await expect.poll(() => page.evaluate(() => window.__chasm!.meshShown('xr-intro'))).toBeGreaterThan(0);
  await expectSceneRendered(page, testInfo, 'quest3-first-time-card');
  // The person puts the controllers down: the card is repainted with the hands' controls.
  const painted = await page.evaluate(() => window.__chasm!.paints('xr-intro'));
  expect(painted).toBeGreaterThan(0);
  await setInputMode(page, 'hand');
  await expect.poll(() => page.evaluate(() => window.__chasm!.paints('xr-intro'))).toBeGreaterThan(painted);
  // The first pinch dismisses the card and does nothing else: nothing is selected behind it.
  await pinchHand(page, 'right', [0, 3, -0.3]);
  await expect.poll(() => page.evaluate(() => window.__chasm!.meshShown('xr-intro'))).toBe(0);
  expect(await page.evaluate(() => window.__chasm!.world()!.selection)).toBeNull();
  expect(await page.evaluate(() => (JSON.parse(localStorage.getItem('chasm.settings') ?? '{}') as { vrIntroSeen?: boolean }).vrIntroSeen)).toBe(true);
  // The next pinch selects.
  await pinchHand(page, 'right', [0, 3, -0.3]);
  await expect.poll(async () => (await page.evaluate(() => window.__chasm!.world()!.selection))?.title).toBe('Order board');
  // Remembered: after a reload, the next session starts without it.
  await page.getByRole('button', { name: 'Exit VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('flat');
  await openChasm(page);
  await enter(page);
  await waitFrames(page, 4);
  expect(await page.evaluate(() => window.__chasm!.meshShown('xr-intro'))).toBe(0);
});

test('height calibration: measured standing up in the menu; seated mode then lifts a seated person to that height', async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 480, height: 270 });
  await emulateQuest(page, 'metaQuest3');
  await openChasm(page);
  // A tall person, standing up straight.
  await placeHeadset(page, [0, 1.78, 0]);
  await enter(page);
  expect((await stats(page)).viewer.yM).toBeCloseTo(1.78, 1);
  await pressButton(page, 'left', 'x-button');
  const from: [number, number, number] = [0, 1.45, -0.3];
  await pullTrigger(page, 'right', from, aimAtMenu(from, 'height', null, 1.78));
  await expect
    .poll(() =>
      page.evaluate(() => (JSON.parse(localStorage.getItem('chasm.settings') ?? '{}') as { comfort?: { standingEyeM?: number } }).comfort?.standingEyeM),
    )
    .toBeCloseTo(1.78, 2);
  // They sit down (the head 0.55 m lower) and switch seated mode on: the view is at their own standing height, not a fixed lift.
  await placeHeadset(page, [0, 1.23, 0]);
  await expect.poll(async () => (await stats(page)).viewer.yM).toBeCloseTo(1.23, 1);
  await pullTrigger(page, 'right', from, aimAtMenu(from, 'seated', null, 1.78));
  await expect.poll(async () => (await stats(page)).viewer.yM).toBeCloseTo(1.78, 1);
  // The head still moves the view: leaning forward and down lowers it by as much.
  await placeHeadset(page, [0, 1.13, -0.1]);
  await expect.poll(async () => (await stats(page)).viewer.yM).toBeCloseTo(1.68, 1);
});

// Twenty cycles run on the layers path, as a Quest Browser takes it (xr-layers.spec.ts); here the plain
// XRWebGLLayer path: six cycles show a per-cycle leak as surely, in a third of the time.
test('6 enter/exit cycles on the plain layer: no console errors, and Babylon object counts return to their baseline', async ({ page }) => {
  test.setTimeout(300_000);
  // Counts do not depend on pixels: a small page keeps twenty software-rendered sessions quick.
  await page.setViewportSize({ width: 480, height: 270 });
  await emulateQuest(page, 'metaQuest3');
  await openChasm(page);
  // A first cycle loads the XR code and its shaders; the baseline is taken after it.
  await enter(page);
  await page.getByRole('button', { name: 'Exit VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('flat');
  await waitFrames(page, 2);
  const baseline = await page.evaluate(() => window.__chasm!.sceneCounts());
  for (let i = 0; i < 6; i++) {
    await page.getByRole('button', { name: 'Enter VR' }).click();
    await expect.poll(async () => (await stats(page)).mode).toBe('immersive-vr');
    if (i % 2 === 0) await pressButton(page, 'left', 'x-button');
    await page.getByRole('button', { name: 'Exit VR' }).click();
    await expect.poll(async () => (await stats(page)).mode).toBe('flat');
  }
  await waitFrames(page, 2);
  expect(await page.evaluate(() => window.__chasm!.sceneCounts())).toEqual(baseline);
});
