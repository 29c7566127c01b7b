import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { createGeometry } from '../src/layout/geometry';
import type { Layout } from '../src/layout/schema';
import { binCode } from '../src/selection/search';
import { test, expect, openChasm, stats, waitFrames, expectSceneRendered, world } from './support/fixtures';
import {
  emulateQuest,
  endSessionFromDevice,
  gazePinch,
  nextFrames,
  pinchHand,
  pitchQuat,
  poseInput,
  pressButton,
  pullTrigger,
  setInputMode,
  type IwerDevice,
} from './support/iwer';
import { packInView, quatAngleDeg } from './support/packs';
import { aimAtMenu, aimQuat, menuFootTarget } from './support/xr-menu';
import { vrDeviceOnlyFiles } from './support/chunks';

// Small: every XR frame renders two eyes in software; what these tests check does not depend on pixels.
test.use({ viewport: { width: 640, height: 360 } });

test('Quest 3 (IWER): enter VR, frames advance, exit, enter again, end from the device', async ({ page, watch }, testInfo) => {
  await emulateQuest(page, 'metaQuest3');
  await openChasm(page);
  expect((await stats(page)).terminal).toBe('headset');
  await expect(page.getByRole('status')).toHaveText('Headset ready: enter VR, or explore in 2D.');
  await expectSceneRendered(page, testInfo, 'quest3-entry');

  const enterVr = page.getByRole('button', { name: 'Enter VR' });
  const exitVr = page.getByRole('button', { name: 'Exit VR' });

  // First session: enter, frames advance on the XR clock, leave with Exit VR.
  const flatViewer = (await stats(page)).viewer;
  await enterVr.click();
  await expect.poll(async () => (await stats(page)).mode).toBe('immersive-vr');
  await waitFrames(page, 20);
  const inVr = await stats(page);
  // The headset starts where the 2D viewer stood, at its own tracked head height.
  expect(inVr.viewer.xM).toBeCloseTo(flatViewer.xM, 1);
  expect(inVr.viewer.zM).toBeCloseTo(flatViewer.zM, 1);
  expect(inVr.fps).toBeGreaterThan(0);
  expect(inVr.frameMs.p50).toBeGreaterThan(0);
  expect(inVr.drawCalls).toBeGreaterThan(0);
  expect(inVr.targetHz).toBeGreaterThan(0);
  await expectSceneRendered(page, testInfo, 'quest3-immersive');
  await exitVr.click();
  await expect.poll(async () => (await stats(page)).mode).toBe('flat');
  await expect(enterVr).toBeVisible();
  await waitFrames(page, 5);
  // The 2D page is intact: same standpoint, eye height and heading as before.
  expect((await stats(page)).viewer).toEqual(flatViewer);
  await expectSceneRendered(page, testInfo, 'quest3-after-exit');

  // Second session: enter again; this time the device ends it (system button).
  await enterVr.click();
  await expect.poll(async () => (await stats(page)).mode).toBe('immersive-vr');
  await waitFrames(page, 10);
  await endSessionFromDevice(page);
  await expect.poll(async () => (await stats(page)).mode).toBe('flat');
  await expect(enterVr).toBeVisible();
  await waitFrames(page, 5);

  // The headset path downloaded the XR module and its controller profiles (so the phone test's check can fail).
  const requested = watch.requests.map((u) => new URL(u).pathname);
  const headset = vrDeviceOnlyFiles();
  const module = headset.find((f) => /immersive-session-/.test(f))!;
  expect(requested.some((u) => u.endsWith(module))).toBe(true);
  expect(requested.some((u) => u.endsWith('xr/profiles/profilesList.json'))).toBe(true);
  expect(
    requested.some((u) => /xr\/profiles\/meta-quest-touch-plus\/(left|right)\.glb$/.test(u)),
    'Quest 3 controller models',
  ).toBe(true);
});

test('Quest 3 (IWER): a controller trigger selects what its ray points at', async ({ page }, testInfo) => {
  await emulateQuest(page, 'metaQuest3');
  await openChasm(page);
  await page.getByRole('button', { name: 'Enter VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('immersive-vr');
  await waitFrames(page, 5);
  // Straight ahead, above the racks: the order board on the back wall.
  await pullTrigger(page, 'right', [0, 3, -0.3]);
  await expect.poll(async () => (await page.evaluate(() => window.__chasm!.world()!.selection))?.title).toBe('Order board');
  await waitFrames(page, 3);
  await expectSceneRendered(page, testInfo, 'quest3-card');
  // The card follows the simulation where it floats: repainted (once a second, when its figures change), not re-made.
  const painted = await page.evaluate(() => window.__chasm!.paints('xr-card'));
  const lines = (await page.evaluate(() => window.__chasm!.world()!.selection))!.lines.join('|');
  await expect.poll(async () => (await page.evaluate(() => window.__chasm!.world()!.selection))!.lines.join('|'), { timeout: 60_000 }).not.toBe(lines);
  expect(await page.evaluate(() => window.__chasm!.paints('xr-card'))).toBeGreaterThan(painted);
  await page.getByRole('button', { name: 'Exit VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('flat');
});

test('controllers that are not Meta\u2019s (a Vive Focus 3): the generic model from the origin, no error, and the trigger selects', async ({
  page,
  watch,
}, testInfo) => {
  await emulateQuest(page, 'metaQuest3', { controllerProfile: 'htc-vive-focus-3' });
  // One of the fallback's models missing (as on a host that lost it): a quiet fallback, never an uncaught error.
  await page.route('**/xr/profiles/generic-trigger-squeeze-thumbstick/none.glb', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  watch.expectedConsoleErrors.push(/status of 404/);
  await openChasm(page);
  await page.getByRole('button', { name: 'Enter VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('immersive-vr');
  // The profile is not shipped: its fallback's models are, every one the fallback's profile names.
  await expect
    .poll(() => watch.requests.filter((u) => /xr\/profiles\/generic-trigger-squeeze-thumbstick\/(left|right)\.glb$/.test(new URL(u).pathname)).length)
    .toBeGreaterThanOrEqual(2);
  await waitFrames(page, 10);
  await expectSceneRendered(page, testInfo, 'vive-focus-3-controllers');
  // Its trigger selects as a Meta controller's does (the fixture fails the test on any page error or off-origin request).
  await pullTrigger(page, 'right', [0, 3, -0.3]);
  await expect.poll(async () => (await page.evaluate(() => window.__chasm!.world()!.selection))?.title).toBe('Order board');
});

test('controllers with no stick (a trigger only): their model from the origin, the trigger teleports on the floor, and the menu turns the viewer', async ({
  page,
  watch,
}) => {
  test.setTimeout(150_000);
  await emulateQuest(page, 'metaQuest3', { stickless: true });
  await openChasm(page);
  await page.getByRole('button', { name: 'Enter VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('immersive-vr');
  const origin = new URL(page.url()).origin;
  await expect
    .poll(() => watch.requests.filter((u) => u.startsWith(origin) && /\/xr\/profiles\/generic-trigger\/(left|right)\.glb$/.test(u)).length)
    .toBeGreaterThanOrEqual(2);
  await waitFrames(page, 3);
  // The trigger aimed at the floor a few metres ahead teleports there.
  const before = (await stats(page)).viewer;
  await pullTrigger(page, 'right', [0.1, 1.2, -0.2], pitchQuat(-35));
  await expect.poll(async () => (await stats(page)).viewer.zM - before.zM).toBeGreaterThan(0.8);
  // No menu button: the trigger on the tab at the left hip opens the menu.
  const hip: [number, number, number] = [-0.1, 1.25, -0.1];
  await pullTrigger(page, 'right', hip, aimQuat(hip, [-0.25, 1.6 - 0.55, -0.35]));
  await expect.poll(() => page.evaluate(() => window.__chasm!.meshShown('xr-menu'))).toBeGreaterThan(0);
  // The Turn row's right half turns by the snap angle (30°), its left half back.
  const yaw0 = (await stats(page)).viewer.yawDeg;
  const from: [number, number, number] = [0, 1.3, -0.3];
  await pullTrigger(page, 'right', from, aimAtMenu(from, 'turn', 'right'));
  await expect.poll(async () => (await stats(page)).viewer.yawDeg - yaw0).toBeCloseTo(30, 0);
  await page.getByRole('button', { name: 'Exit VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('flat');
});

test('the VR menu leaves its empty foot to the world: on the shorter Find list, the trigger aimed below it teleports to the floor beyond', async ({ page }) => {
  test.setTimeout(120_000);
  await emulateQuest(page, 'metaQuest3', { stickless: true });
  await openChasm(page, '/#paused');
  await page.getByRole('button', { name: 'Enter VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('immersive-vr');
  await waitFrames(page, 3);
  const hip: [number, number, number] = [-0.1, 1.25, -0.1];
  await pullTrigger(page, 'right', hip, aimQuat(hip, [-0.25, 1.6 - 0.55, -0.35]));
  await expect.poll(() => page.evaluate(() => window.__chasm!.meshShown('xr-menu'))).toBeGreaterThan(0);
  const from: [number, number, number] = [0, 1.3, -0.3];
  await pullTrigger(page, 'right', from, aimAtMenu(from, 'find'));
  await waitFrames(page, 2);
  // Through the panel's empty foot, steeply down: the floor about a metre and a half ahead.
  const before = (await stats(page)).viewer;
  const low: [number, number, number] = [0, 1.5, -0.5];
  await pullTrigger(page, 'right', low, aimQuat(low, menuFootTarget()));
  await expect.poll(async () => (await stats(page)).viewer.zM - before.zM).toBeGreaterThan(0.8);
  await page.getByRole('button', { name: 'Exit VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('flat');
});

test('transient pointers (gaze and pinch, as on visionOS): a look-and-pinch selects what it looks at, and one at the floor teleports', async ({ page }) => {
  await emulateQuest(page, 'metaQuest3', { transientPointer: true });
  // Paused: no robot drives into the ray between the look and the pinch.
  await openChasm(page, '/#paused');
  await page.getByRole('button', { name: 'Enter VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('immersive-vr');
  await waitFrames(page, 3);
  // From the eyes, straight ahead and up a little: the order board on the back wall.
  await gazePinch(page, [0, 1.6, 0], pitchQuat(5));
  await expect.poll(async () => (await page.evaluate(() => window.__chasm!.world()!.selection))?.title).toBe('Order board');
  expect((await stats(page)).input).toBe('gaze');
  // Looking down at the floor 1.6 m ahead: the viewer jumps there.
  const before = (await stats(page)).viewer;
  await gazePinch(page, [0, 1.6, 0], pitchQuat(-45));
  await expect.poll(async () => (await stats(page)).viewer.zM - before.zM).toBeGreaterThan(0.8);
  await page.getByRole('button', { name: 'Exit VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('flat');
});

/** The XR viewer's frame: from the headset's floor space (IWER's eyes stand at [0, 1.6, 0], looking along -z) to the world, and back. */
async function headsetFrame(page: Page) {
  const v = (await stats(page)).viewer;
  const yaw = (v.yawDeg * Math.PI) / 180;
  const fwd = [Math.sin(yaw), Math.cos(yaw)] as const;
  const right = [Math.cos(yaw), -Math.sin(yaw)] as const;
  const floorY = v.yM - 1.6;
  return {
    toFloor: (p: readonly number[]): [number, number, number] => {
      const [dx, dz] = [p[0]! - v.xM, p[2]! - v.zM];
      return [dx * right[0] + dz * right[1], p[1]! - floorY, -(dx * fwd[0] + dz * fwd[1])];
    },
    toWorld: (f: readonly number[]): [number, number, number] => [
      v.xM + right[0] * f[0]! - fwd[0] * f[2]!,
      f[1]! + floorY,
      v.zM + right[1] * f[0]! - fwd[1] * f[2]!,
    ],
  };
}

/**
 * Lets go of the right controller's squeeze and returns the held pack's positions on its way home, sampled
 * inside the page every few ms until it is back (a round trip from the test takes longer than the flight).
 */
function letGoAndWatch(page: Page): Promise<Array<[number, number, number]>> {
  return page.evaluate(async () => {
    (window as unknown as { __iwer: IwerDevice }).__iwer.controllers.right!.updateButtonValue('squeeze', 0);
    const seen: Array<[number, number, number]> = [];
    for (const until = performance.now() + 15_000; performance.now() < until;) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const held = window.__chasm!.world()!.held;
      if (!held) break;
      if (held.phase === 'returning') seen.push(held.position);
    }
    return seen;
  });
}

const setButton = (page: Page, hand: 'left' | 'right', id: string, value: number) =>
  page.evaluate(({ hand, id, value }) => (window as unknown as { __iwer: IwerDevice }).__iwer.controllers[hand]!.updateButtonValue(id, value), {
    hand,
    id,
    value,
  });
const dist = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

test('grab and inspect with controllers: a squeeze takes the pack out into the hand, turning the hand turns it, two hands scale it, letting go puts it back', async ({
  page,
}, testInfo) => {
  const target = packInView();
  await emulateQuest(page, 'metaQuest3');
  await openChasm(page, `/${target.hash}`);
  await page.getByRole('button', { name: 'Enter VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('immersive-vr');
  await waitFrames(page, 3);
  const frame = await headsetFrame(page);
  const pack = frame.toFloor([target.pack.x, target.pack.y, target.pack.z]);
  const hand: [number, number, number] = [0.05, 1.5, -0.35];
  await poseInput(page, 'controllers', 'right', hand, aimQuat(hand, pack));
  await setButton(page, 'right', 'squeeze', 1);
  await expect.poll(async () => (await world(page)).held?.phase).toBe('held');
  const held = (await world(page)).held!;
  expect(held).toMatchObject({ bin: target.bin, n: target.n, by: 'right', label: target.name.en, scale: 1 });
  // Out of its slot, in the hand (the grip, a few centimetres from the controller's origin), its label painted.
  expect(await page.evaluate(({ bin, n }) => window.__chasm!.packShown(bin, n), target)).toBe(false);
  expect(dist(held.position, frame.toWorld(hand))).toBeLessThan(0.2);
  expect(await page.evaluate(() => window.__chasm!.paints('held-pack-label'))).toBeGreaterThan(0);
  // Its card opens beside it (to its right as the viewer sees it, within a metre), and says how to handle it.
  const selection = (await world(page)).selection!;
  expect(selection.title).toBe('Bin R2-W-U2-L3-S2');
  expect(selection.lines.at(-1)).toMatch(/^Turn your hand to turn it/);
  const cardAt = (await page.evaluate(() => window.__chasm!.meshAt('xr-card')))!;
  expect(dist(cardAt, held.position)).toBeLessThan(1);
  expect(frame.toFloor(cardAt)[0]).toBeGreaterThan(frame.toFloor(held.position)[0]);
  await waitFrames(page, 3);
  await expectSceneRendered(page, testInfo, 'quest3-pack-in-hand');

  // Turning the hand a quarter turn turns the pack as much.
  await poseInput(page, 'controllers', 'right', hand, [0, Math.SQRT1_2, 0, Math.SQRT1_2]);
  await expect.poll(async () => quatAngleDeg((await world(page)).held!.rotation, held.rotation)).toBeGreaterThan(45);
  // The left hand takes it too, 0.2 m away; drawn apart to 0.4 m, the pack is about twice its size (the scale
  // follows the grips' gap, and each grip sits a few centimetres from its controller's origin, turned with it).
  await poseInput(page, 'controllers', 'left', [hand[0] - 0.2, hand[1], hand[2]]);
  await setButton(page, 'left', 'squeeze', 1);
  await nextFrames(page);
  await poseInput(page, 'controllers', 'left', [hand[0] - 0.4, hand[1], hand[2]]);
  await expect.poll(async () => (await world(page)).held!.scale).toBeGreaterThan(1.6);
  expect((await world(page)).held!.scale).toBeLessThan(2.4);
  await setButton(page, 'left', 'squeeze', 0);
  await nextFrames(page);
  expect((await world(page)).held).toMatchObject({ by: 'right', phase: 'held' });

  // Letting go: it flies home over a few frames (nearer its slot, not yet there), and its slot draws it again.
  const letGoAt = (await world(page)).held!.position;
  const flight = await letGoAndWatch(page);
  // On its way over more than one frame (a frame steps at most 0.1 s of the 0.3 s flight): at least one
  // seen between (a busy page may run two frames before the sampler's next turn).
  expect(flight.length, 'frames seen on the way home').toBeGreaterThanOrEqual(1);
  const slot = [target.pack.x, target.pack.y, target.pack.z];
  for (const p of flight) {
    expect(dist(p, slot)).toBeGreaterThan(0.001);
    expect(dist(p, slot)).toBeLessThan(dist(letGoAt, slot));
  }
  expect(await page.evaluate(({ bin, n }) => window.__chasm!.packShown(bin, n), target)).toBe(true);
  await page.getByRole('button', { name: 'Exit VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('flat');
});

test('grab and inspect with hands: a pinch held on a pack takes it (a short pinch still selects), its label in Chinese; letting go puts it back', async ({
  browser,
}) => {
  const target = packInView();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 640, height: 360 } });
  const page = await context.newPage();
  await emulateQuest(page, 'metaQuest3');
  await openChasm(page, `/${target.hash}`);
  await page.getByRole('button', { name: '进入 VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('immersive-vr');
  await setInputMode(page, 'hand');
  await waitFrames(page, 3);
  const frame = await headsetFrame(page);
  const pack = frame.toFloor([target.pack.x, target.pack.y, target.pack.z]);
  const hand: [number, number, number] = [0.05, 1.5, -0.35];
  const aim = aimQuat(hand, pack);
  // A short pinch on the pack selects its bin, and takes nothing.
  await pinchHand(page, 'right', hand, aim);
  await expect.poll(async () => (await world(page)).selection?.title).toBe('货位 R2-W-U2-L3-S2');
  expect((await world(page)).held).toBeNull();
  // Held on: the pack comes out into the hand, its label in the person's language.
  const before = (await stats(page)).viewer;
  await page.evaluate(() => (window as unknown as { __iwer: IwerDevice }).__iwer.hands.right!.updatePinchValue(1));
  await expect.poll(async () => (await world(page)).held?.phase).toBe('held');
  expect((await world(page)).held).toMatchObject({ bin: target.bin, n: target.n, by: 'right', label: target.name.zh });
  expect(await page.evaluate(({ bin, n }) => window.__chasm!.packShown(bin, n), target)).toBe(false);
  const held = (await world(page)).held!;
  await poseInput(page, 'hands', 'right', hand, [0, Math.SQRT1_2, 0, Math.SQRT1_2]);
  await expect.poll(async () => quatAngleDeg((await world(page)).held!.rotation, held.rotation)).toBeGreaterThan(45);
  // The left hand takes hold too (a pinch held on it) and, drawn 0.2 m further apart, doubles its size or so.
  const left: [number, number, number] = [hand[0] - 0.2, hand[1], hand[2]];
  await poseInput(page, 'hands', 'left', left, aimQuat(left, pack));
  await page.evaluate(() => (window as unknown as { __iwer: IwerDevice }).__iwer.hands.left!.updatePinchValue(1));
  await waitFrames(page, 8);
  await page.waitForTimeout(500);
  await waitFrames(page, 2);
  await poseInput(page, 'hands', 'left', [left[0] - 0.2, left[1], left[2]], aimQuat(left, pack));
  await expect.poll(async () => (await world(page)).held!.scale).toBeGreaterThan(1.5);
  await page.evaluate(() => (window as unknown as { __iwer: IwerDevice }).__iwer.hands.left!.updatePinchValue(0));
  await nextFrames(page);
  expect((await world(page)).held).toMatchObject({ by: 'right', phase: 'held' });
  // Letting go puts it back; the pinch that grabbed is not also a select (no teleport, the card stays the bin's).
  await page.evaluate(() => (window as unknown as { __iwer: IwerDevice }).__iwer.hands.right!.updatePinchValue(0));
  await expect.poll(async () => (await world(page)).held).toBeNull();
  expect(await page.evaluate(({ bin, n }) => window.__chasm!.packShown(bin, n), target)).toBe(true);
  const after = (await stats(page)).viewer;
  expect(Math.hypot(after.xM - before.xM, after.zM - before.zM)).toBeLessThan(0.05);
  expect((await world(page)).selection?.title).toBe('货位 R2-W-U2-L3-S2');
  await context.close();
});

test('the VR menu finds a medicine: its bins one after another, each stood facing with its card; and the next robot', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const layout = JSON.parse(readFileSync('assets/layouts/default.json', 'utf8')) as Layout;
  const g = createGeometry(layout);
  await emulateQuest(page, 'metaQuest3');
  await openChasm(page, '/#paused');
  await page.getByRole('button', { name: 'Enter VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('immersive-vr');
  await waitFrames(page, 3);
  const from: [number, number, number] = [0, 1.3, -0.3];
  /** Opens the menu, goes to its Find list and presses row `id` there. */
  const find = async (id: Parameters<typeof aimAtMenu>[1], screenshot: string | null = null) => {
    await pressButton(page, 'left', 'x-button');
    await expect.poll(() => page.evaluate(() => window.__chasm!.meshShown('xr-menu'))).toBeGreaterThan(0);
    await pullTrigger(page, 'right', from, aimAtMenu(from, 'find'));
    if (screenshot) await expectSceneRendered(page, testInfo, screenshot);
    await pullTrigger(page, 'right', from, aimAtMenu(from, id));
    // The menu steps aside for what was found.
    await expect.poll(() => page.evaluate(() => window.__chasm!.meshShown('xr-menu'))).toBe(0);
  };
  /** The bin the card tells of, and whether the viewer stands near it, facing it. */
  const facedBin = async () => {
    const title = (await world(page)).selection?.title ?? '';
    const index = g.bins.findIndex((_, i) => `Bin ${binCode(g, i)}` === title);
    const b = g.bins[index];
    if (!b) return null;
    const v = (await stats(page)).viewer;
    const off = Math.abs((((Math.atan2(b.xM - v.xM, b.zM - v.zM) * 180) / Math.PI - v.yawDeg + 540) % 360) - 180);
    return { index, sku: b.sku, near: Math.hypot(b.xM - v.xM, b.zM - v.zM) < 3, facing: off < 15 };
  };
  // Ibuprofen, the list's second medicine: a bin holding it, stood facing, its card naming it.
  await find('find-1', 'quest3-menu-find');
  await expect.poll(facedBin).toMatchObject({ sku: 1, near: true, facing: true });
  const first = (await facedBin())!;
  expect((await world(page)).selection!.lines.join(' ')).toContain('Ibuprofen 200 mg');
  // Again: the next bin holding it.
  await find('find-1');
  await expect.poll(async () => (await facedBin())?.index).toBeGreaterThan(first.index);
  expect(await facedBin()).toMatchObject({ sku: 1, near: true, facing: true });
  // Next robot: the first robot, stood facing.
  await find('find-robot');
  await expect.poll(async () => (await world(page)).selection?.title).toBe('Robot 1');
  await page.getByRole('button', { name: 'Exit VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('flat');
});
