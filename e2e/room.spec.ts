import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { test, expect, openChasm, stats, expectSceneRendered, waitFrames } from './support/fixtures';
import { BUDGETS } from '../src/budget/budgets';
import { validateLayout } from '../src/layout/validate';
import { createGeometry } from '../src/layout/geometry';
import { emulateQuest } from './support/iwer';
import { PHONE } from './support/devices';
import type { RoomInfo } from '../src/diagnostics/chasm-diagnostics';

const room = (page: Page): Promise<RoomInfo | null> => page.evaluate(() => window.__chasm!.room());
const other = (info: RoomInfo | null) => info?.participants.find((p) => !p.self);

/**
 * Whether every page's twin agrees with the room's simulation: each within a few ticks of the room's
 * clock, and matching its digest: the same robots in the same states on the same cells, with the same orders.
 */
async function expectSameSimulation(pages: Page[]): Promise<void> {
  for (const page of pages) {
    await expect
      .poll(async () => {
        const [w, r] = await Promise.all([page.evaluate(() => window.__chasm!.world()), room(page)]);
        return Math.abs(Math.round((w?.simS ?? 0) * 10) - (r?.simTick ?? -1e9));
      })
      .toBeLessThanOrEqual(5);
  }
  // Each second the room publishes its simulation's digest (every robot's cell, state and order); each
  // page compares its own at that tick.
  for (const page of pages) await expect.poll(async () => (await room(page))?.simAgrees, { timeout: 20_000 }).toBe(true);
}

test('a headset shares its room; a phone joins from the link; each sees the other, its pose and its numbers', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 800, height: 500 });
  await emulateQuest(page, 'metaQuest3');
  await openChasm(page);
  expect(await room(page)).toBeNull();
  await page.getByRole('button', { name: 'Share' }).first().click();
  await expect.poll(async () => (await room(page))?.status).toBe('connected');
  const shared = (await room(page))!;
  expect(shared.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  expect(new URL(shared.link).searchParams.get('room')).toBe(shared.id);
  // The card shows the link and a QR code drawn in the page.
  await expect(page.locator('.share .share-link')).toHaveValue(shared.link);
  await expect.poll(() => page.locator('.share canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL().length)).toBeGreaterThan(2000);

  // The phone opens the link in a context of its own.
  // At a device pixel ratio of 1: two software-rendered pages share two cores, and the room's timing is what is measured.
  const phoneContext = await browser.newContext({ ...PHONE, deviceScaleFactor: 1 });
  const phone = await phoneContext.newPage();
  const phoneErrors: string[] = [];
  phone.on('console', (m) => m.type() === 'error' && phoneErrors.push(m.text()));
  phone.on('pageerror', (e) => phoneErrors.push(e.message));
  await openChasm(phone, new URL(shared.link).pathname + new URL(shared.link).search);
  await expect.poll(async () => (await room(phone))?.participants.length).toBe(2);
  await expect.poll(async () => (await room(page))?.participants.length).toBe(2);
  expect(other(await room(phone))).toMatchObject({ terminal: 'headset', deviceClass: 'quest-3' });
  expect(other(await room(page))).toMatchObject({ terminal: 'phone' });
  // One clock: both twins follow the room's simulation.
  await expectSameSimulation([page, phone]);
  // Each sees the other's measured numbers.
  await expect.poll(async () => other(await room(phone))?.stats.fps ?? 0).toBeGreaterThan(0);
  await expect.poll(async () => other(await room(page))?.stats.drawCalls ?? 0).toBeGreaterThan(0);

  // The headset walks forward; the phone's copy of its pose follows.
  await page.getByRole('button', { name: 'Explore' }).click();
  const start = (await stats(page)).viewer;
  const t0 = Date.now();
  await page.keyboard.down('KeyW');
  await expect.poll(async () => (await stats(page)).viewer.zM).toBeGreaterThan(start.zM + 2);
  await page.keyboard.up('KeyW');
  const moved = (await stats(page)).viewer;
  const tMoved = Date.now();
  await expect.poll(async () => Math.abs((other(await room(phone))?.pose.zM ?? 0) - moved.zM), { timeout: 5000, intervals: [20] }).toBeLessThan(0.15);
  const followMs = Date.now() - tMoved;
  // The phone draws the headset's avatar: one other, drawn, ahead of where the phone stands.
  await expect.poll(async () => (await room(phone))?.drawn).toBe(1);
  await phone.getByRole('button', { name: 'Explore' }).click();
  await expectSceneRendered(phone, testInfo, 'room-phone-sees-headset');
  mkdirSync('reports/room', { recursive: true });
  writeFileSync(
    'reports/room/follow.json',
    `${JSON.stringify({ followMs, walkMs: tMoved - t0, note: 'time from the headset reaching its spot to the phone seeing it within 0.15 m (loopback, software rendering)' }, null, 1)}\n`,
  );
  console.log(`room: the phone saw the headset's new pose ${followMs} ms after it got there`);

  // Follow: the phone sees what the headset sees, and stops again.
  await phone.getByRole('button', { name: 'Share' }).first().click();
  await phone.getByRole('button', { name: 'Follow Headset' }).click();
  const headsetView = (await stats(page)).viewer;
  await expect.poll(async () => (await stats(phone)).viewer.zM).toBeCloseTo(headsetView.zM, 0);
  await expect.poll(async () => Math.abs((await stats(phone)).viewer.xM - headsetView.xM)).toBeLessThan(0.3);
  await expect.poll(async () => Math.abs((await stats(phone)).viewer.yawDeg - headsetView.yawDeg)).toBeLessThan(5);
  expect((await room(phone))?.following).toBe(other(await room(phone))?.id);
  await expectSceneRendered(phone, testInfo, 'room-phone-follows-headset');
  await phone.getByRole('button', { name: 'Share' }).first().click();
  await phone.getByRole('button', { name: 'Stop following Headset' }).click();
  expect((await room(phone))?.following).toBeNull();
  await phone.getByRole('button', { name: 'Close' }).first().click();
  // The headset's card counts the people in the room as they come.
  await expect(page.locator('.share [role=status]')).toContainText('Connected: 2 in the room');
  // Leaving: the headset's room goes back to one.
  await phone.getByRole('button', { name: 'Menu' }).click();
  await phone.getByRole('button', { name: 'Share' }).first().click();
  await phone.getByRole('button', { name: 'Leave room' }).click();
  await expect.poll(async () => (await room(page))?.participants.length).toBe(1);
  expect(await room(phone)).toBeNull();
  expect(new URL(phone.url()).searchParams.get('room')).toBeNull();
  expect(phoneErrors).toEqual([]);
  await phoneContext.close();
});

test('without a room server the Share card says why, and the world carries on alone', async ({ page, watch }) => {
  // The room server answers nothing here: matchmaking requests fail as on a static host (the browser logs the 404).
  await page.route('**/matchmake/**', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  watch.expectedConsoleErrors.push(/status of 404/);
  await openChasm(page);
  await page.getByRole('button', { name: 'Share' }).first().click();
  await expect(page.locator('.share [role=status]')).toContainText('Sharing needs the Chasm server');
  expect((await room(page))?.status).toBe('unavailable');
  const before = (await stats(page)).frames;
  await expect.poll(async () => (await stats(page)).frames).toBeGreaterThan(before + 5);
});

/** Starts the app's own server (with its rooms) on `port` (0: any free one); resolves with the port it listens on. */
function startServer(port: number, dataDir: string): Promise<{ port: number; process: ChildProcess }> {
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--no-https', '--quiet', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CHASM_DATA_DIR: dataDir },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start within 20 s')), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      const m = /localhost:(\d+)/.exec(chunk.toString());
      if (!m) return;
      clearTimeout(timer);
      resolve({ port: Number(m[1]), process: child });
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
}

test('the server is killed mid-session: both say so and carry on alone, then rejoin by themselves when it is back', async ({ browser }) => {
  test.setTimeout(180_000);
  // The server keeps rooms' layouts here, as `npm start` does in .data/.
  const dataDir = mkdtempSync(join(tmpdir(), 'chasm-e2e-rooms-'));
  let server = await startServer(0, dataDir);
  const port = server.port;
  const key = 'e2eReconnectRoomKey0000';
  const pageErrors: string[] = [];
  const pages = await Promise.all(
    [0, 1].map(async () => {
      const context = await browser.newContext({ viewport: { width: 480, height: 320 } });
      const page = await context.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await openChasm(page, `http://127.0.0.1:${port}/?room=${key}`);
      return page;
    }),
  );
  try {
    for (const page of pages) await expect.poll(async () => (await room(page))?.participants.length).toBe(2);
    // One loads a layout: it replaces the world for both, and the room keeps it.
    const layout = JSON.parse(readFileSync('assets/layouts/small.json', 'utf8')) as { name: string };
    layout.name = 'Our corner shop';
    await pages[0]!.locator('input[type=file]').setInputFiles({ name: 'ours.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(layout)) });
    for (const page of pages) await expect.poll(async () => (await page.evaluate(() => window.__chasm!.world()))?.layout).toBe('Our corner shop');
    await expect(pages[1]!.getByRole('alert')).toContainText('loaded the layout “Our corner shop” for everyone');
    await expectSameSimulation(pages);
    server.process.kill('SIGKILL');
    for (const page of pages) {
      await expect.poll(async () => (await room(page))?.status).toBe('lost');
      await expect(page.getByRole('alert')).toContainText('Connection lost: carrying on alone');
      // The world carries on alone: frames advance, and the robots too.
      const before = (await stats(page)).frames;
      await expect.poll(async () => (await stats(page)).frames).toBeGreaterThan(before + 3);
    }
    server = await startServer(port, dataDir);
    const back = Date.now();
    for (const page of pages) await expect.poll(async () => (await room(page))?.status, { timeout: 15_000 }).toBe('connected');
    const rejoinMs = Date.now() - back;
    for (const page of pages) await expect.poll(async () => (await room(page))?.participants.length).toBe(2);
    for (const page of pages) await expect(page.getByRole('alert')).toContainText('Back in the room');
    // The room's simulation resumed from where the clients were, on the layout it kept, and both follow it.
    await expectSameSimulation(pages);
    for (const page of pages) expect((await page.evaluate(() => window.__chasm!.world()))?.layout).toBe('Our corner shop');
    expect(pageErrors).toEqual([]);
    console.log(`room: both clients rejoined ${rejoinMs} ms after the server was listening again`);
    mkdirSync('reports/room', { recursive: true });
    writeFileSync('reports/room/rejoin.json', `${JSON.stringify({ rejoinMs }, null, 1)}\n`);
  } finally {
    server.process.kill('SIGKILL');
    for (const page of pages) await page.context().close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('twenty in one room: a phone draws the nineteen others, labelled, within its draw-call budget', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ ...PHONE, deviceScaleFactor: 1 });
  const phone = await context.newPage();
  const key = 'e2eCrowdRoomKey00000000';
  await openChasm(phone, `/?room=${key}`);
  await expect.poll(async () => (await room(phone))?.status).toBe('connected');
  await phone.getByRole('button', { name: 'Explore' }).click();
  const alone = await stats(phone);
  const budget = BUDGETS[alone.deviceClass];
  // Nineteen protocol clients (headsets, each pointing ahead) stand in an arc in front of the phone.
  const endpoint = new URL(phone.url());
  endpoint.protocol = 'ws:';
  const { Client } = await import('colyseus.js');
  const v = alone.viewer;
  const bots = await Promise.all(
    Array.from({ length: 19 }, async (_, i) => {
      const bot = await new Client(endpoint.origin).joinOrCreate('twin', { key, name: `Bot ${i + 1}`, terminal: 'headset', deviceClass: 'quest-3' });
      const yaw = ((v.yawDeg + (i - 9) * 5) * Math.PI) / 180;
      const dM = i === 9 ? 2.5 : 5 + (i % 3) * 1.5;
      const [x, z] = [v.xM + Math.sin(yaw) * dM, v.zM + Math.cos(yaw) * dM];
      // Facing the phone, right hand pointing back towards it.
      const back = yaw + Math.PI;
      bot.send('pose', {
        xM: x,
        yM: 1.6,
        zM: z,
        yawDeg: ((back * 180) / Math.PI) % 360,
        pitchDeg: 0,
        left: null,
        right: [x + 0.2, 1.2, z, Math.sin(back), 0, Math.cos(back)],
        // The nearest one's pointer aims at robot 0: the phone highlights it.
        aim: i === 9 ? { kind: 'robot', id: 0 } : null,
      });
      bot.send('stats', {
        fps: 72,
        renderHz: 72,
        frameP95Ms: 12,
        drawCalls: 40,
        triangles: 1e5,
        renderWidth: 1680,
        renderHeight: 1760,
        views: 1,
        downloadedKB: 900,
        input: 'controllers',
      });
      return bot;
    }),
  );
  try {
    await expect.poll(async () => (await room(phone))?.drawn, { timeout: 20_000 }).toBe(19);
    await expect.poll(async () => (await room(phone))?.participants.filter((p) => p.stats.renderHz === 72).length).toBe(19);
    await waitFrames(phone, 10);
    const crowd = await stats(phone);
    // Seven meshes at most (head, torso, device, view, hand, laser, labels), however many people.
    expect(crowd.drawCalls - alone.drawCalls).toBeLessThanOrEqual(7);
    expect(crowd.drawCalls).toBeLessThanOrEqual(budget.maxDrawCalls);
    console.log(
      `room: 19 avatars cost the phone ${crowd.drawCalls - alone.drawCalls} draw calls (${alone.drawCalls} → ${crowd.drawCalls}, budget ${budget.maxDrawCalls})`,
    );
    await expectSceneRendered(phone, testInfo, 'room-crowd-phone');

    // A laser on a robot highlights it for everyone: the bot's aim shows on the phone.
    await expect.poll(async () => (await room(phone))?.marked).toBe(1);
    expect((await room(phone))?.participants.find((p) => p.name === 'Bot 10')?.aim).toEqual({ kind: 'robot', id: 0 });
    // The phone holds a finger on a bin: the others see its aim, and it sees its own highlight.
    const watcher = bots[9]!;
    const phoneAim = () => {
      let kind = '';
      (watcher.state as { participants: Map<string, { name: string; aimKind: string }> }).participants.forEach((p) => {
        if (!p.name.startsWith('Bot')) kind = p.aimKind;
      });
      return kind;
    };
    const spot = await binOnScreen(phone);
    await phone.mouse.move(spot.xPx, spot.yPx);
    await phone.mouse.down();
    await expect.poll(phoneAim).toBe('bin');
    await expect.poll(async () => (await room(phone))?.marked).toBe(2);
    await expectSceneRendered(phone, testInfo, 'room-crowd-phone-aims');
    await phone.mouse.up();
    await expect.poll(phoneAim).toBe('');
  } finally {
    await Promise.all(bots.map((b) => b.leave(true).catch(() => undefined)));
    await context.close();
  }
});

/** A point on the phone's canvas showing a rack's bin (of the default layout), clear of the toolbar and the stick. */
async function binOnScreen(page: Page): Promise<{ xPx: number; yPx: number }> {
  const result = validateLayout(JSON.parse(readFileSync('assets/layouts/default.json', 'utf8')));
  if (!result.ok) throw new Error('the default layout is invalid');
  const v = (await stats(page)).viewer;
  // The nearest bins first.
  const bins = [...createGeometry(result.layout).bins].sort((a, b) => Math.hypot(a.xM - v.xM, a.zM - v.zM) - Math.hypot(b.xM - v.xM, b.zM - v.zM));
  for (const b of bins.slice(0, 200)) {
    const p = await page.evaluate((at) => window.__chasm!.toScreen(at), [b.xM, b.yM + 0.15, b.zM] as [number, number, number]);
    if (p && (await page.evaluate((q) => document.elementFromPoint(q.xPx, q.yPx)?.id, p)) === 'scene') return p;
  }
  throw new Error('no bin of the default layout is on screen');
}
