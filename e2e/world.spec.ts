import { readFileSync } from 'node:fs';
import { test, expect, openChasm, stats, waitFrames, expectSceneRendered, findVisibleRobot, world, changedFraction } from './support/fixtures';
import type { Layout } from '../src/layout/schema';
import { packInView } from './support/packs';

test.use({ viewport: { width: 960, height: 540 } });

test('the standard scene loads within budget, and its robots move', async ({ page }, testInfo) => {
  await openChasm(page);
  const w = await world(page);
  expect(w.layout).toBe('Front warehouse (standard)');
  expect(w.items).toBeGreaterThanOrEqual(20_000);
  expect(w.robots.length).toBe(24);
  expect(w.notices).toEqual([]);
  await waitFrames(page, 3);
  const s = await stats(page);
  // The default viewpoint, looking down the aisles: the budget.
  expect(s.drawCalls).toBeGreaterThan(5);
  expect(s.drawCalls).toBeLessThanOrEqual(50);
  expect(s.triangles).toBeLessThanOrEqual(300_000);
  // Each shader program is a compile and link before the frame that needs it (a phone's start): the warehouse,
  // the stock and the robots share one (src/world/world-shader.ts), the panels have the other.
  expect(s.shaderPrograms, 'shader programs compiled').toBeLessThanOrEqual(2);
  await expectSceneRendered(page, testInfo, 'world-default');

  const before = (await world(page)).robots.map((r) => `${r.xM},${r.zM}`);
  await expect.poll(async () => (await world(page)).robots.filter((r, i) => `${r.xM},${r.zM}` !== before[i]).length, { timeout: 60_000 }).toBeGreaterThan(0);
  await expect.poll(async () => (await world(page)).simS).toBeGreaterThan(1);
});

test('clicking a robot shows its card with task, route and battery', async ({ page }, testInfo) => {
  // Paused (a view link's flag), so the robot found is still there when the click lands.
  await openChasm(page, '/#paused');
  await page.getByRole('button', { name: 'Explore' }).click();
  await waitFrames(page, 2);
  // A robot in the view down the aisles, clear of the toolbar.
  const spot = await findVisibleRobot(page, { x: 100, top: 60, bottom: 200, moving: true });
  expect(spot).not.toBeNull();
  const box = (await page.locator('canvas#scene').boundingBox())!;
  await page.mouse.click(box.x + spot!.xPx, box.y + spot!.yPx);
  const card = page.getByRole('region', { name: `Robot ${spot!.id + 1}` });
  await expect(card).toBeVisible();
  await expect(card.getByRole('listitem')).toHaveText([/^Task: /, /^Route: /, /^Battery: \d+ %$/]);
  await expectSceneRendered(page, testInfo, 'world-robot-card');
  await card.getByRole('button', { name: 'Close' }).click();
  await expect(card).toBeHidden();
});

test('a malformed layout file is refused with the field named, and the world stays', async ({ page }) => {
  await openChasm(page);
  const layout = JSON.parse(readFileSync('assets/layouts/small.json', 'utf8')) as Layout;
  layout.racks.levels = 99;
  await page.locator('input[type=file]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(layout)) });
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('This layout was not loaded');
  await expect(alert).toContainText('racks.levels must be between 1 and 8, got 99');
  await expect(alert).toContainText('still here');
  expect((await world(page)).layout).toBe('Front warehouse (standard)');

  await page.locator('input[type=file]').setInputFiles({ name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('{ nope') });
  await expect(alert).toContainText('"not-json.json" cannot be used');
  await expect(alert).toContainText('is not valid JSON');
  expect((await world(page)).layout).toBe('Front warehouse (standard)');
  await waitFrames(page, 2);
});

test('a good layout file replaces the world', async ({ page }) => {
  await openChasm(page);
  const layout = JSON.parse(readFileSync('assets/layouts/small.json', 'utf8')) as Layout;
  layout.name = 'My corner shop';
  await page.locator('input[type=file]').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(layout)) });
  await expect.poll(async () => (await world(page)).layout).toBe('My corner shop');
  const w = await world(page);
  expect(w.source).toBe('mine.json');
  expect(w.robots.length).toBe(6);
  await waitFrames(page, 2);
});

test('layouts that stay: ?layout= takes a file on this site; a loaded layout is shown again at the next start until it is forgotten', async ({ page }) => {
  const layout = JSON.parse(readFileSync('assets/layouts/small.json', 'utf8')) as Layout;
  layout.name = 'Corner shop (linked)';
  await page.route(
    (url) => url.pathname === '/my-layouts/corner.json',
    (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(layout) }),
  );
  await openChasm(page, '/?layout=/my-layouts/corner.json');
  expect(await world(page)).toMatchObject({ layout: 'Corner shop (linked)', source: '/my-layouts/corner.json' });
  await page.getByRole('button', { name: 'Settings' }).click();
  const kept = page.getByRole('list', { name: 'Layouts on this device' });
  await expect(kept.getByRole('listitem')).toHaveText([/^Corner shop \(linked\) \(shown at start\)/]);

  // The next start, with no ?layout=: the kept layout (a picked file is kept the same way).
  await openChasm(page, '/');
  expect((await world(page)).layout).toBe('Corner shop (linked)');
  // Kept by a version before localStorage's hint (or with the hint lost): the start does not wait for the
  // store, and the kept layout replaces the standard one once the store answers.
  await page.evaluate(() => localStorage.removeItem('chasm.kept.shown-at-start'));
  await openChasm(page, '/');
  await expect.poll(async () => (await world(page)).layout).toBe('Corner shop (linked)');
  expect(await page.evaluate(() => localStorage.getItem('chasm.kept.shown-at-start'))).toBe('1');
  const mine = { ...layout, name: 'My corner shop' };
  await page.locator('input[type=file]').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(mine)) });
  await expect.poll(async () => (await world(page)).layout).toBe('My corner shop');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(kept.getByRole('listitem')).toHaveText([/^My corner shop \(shown at start\)/, /^Corner shop \(linked\)/]);
  // Show another; forget it; the standard layout is then what starts.
  await kept.getByRole('button', { name: 'Show Corner shop (linked)' }).click();
  await expect.poll(async () => (await world(page)).layout).toBe('Corner shop (linked)');
  await kept.getByRole('button', { name: 'Forget Corner shop (linked)' }).click();
  await expect(kept.getByRole('listitem')).toHaveText([/^My corner shopShow/]);
  await openChasm(page, '/');
  expect((await world(page)).layout).toBe('Front warehouse (standard)');

  // Another site's file is refused in one clear line; the standard layout shows.
  await openChasm(page, '/?layout=https://example.com/layout.json');
  await expect(page.getByRole('alert')).toContainText('is on another site');
  expect((await world(page)).layout).toBe('Front warehouse (standard)');
});

test('?layout=small loads a shipped layout; an unknown name says so and shows the standard one', async ({ page }) => {
  await openChasm(page, '/?layout=small');
  expect((await world(page)).layout).toBe('Corner pharmacy (small)');
  await openChasm(page, '/?layout=%3Cscript%3E');
  await expect(page.getByRole('alert')).toContainText('There is no layout called "<script>". Available: default, large, small.');
  expect((await world(page)).layout).toBe('Front warehouse (standard)');
});

test('?budgets=off builds the same world the straightforward way, and says so', async ({ page }) => {
  test.setTimeout(180_000);
  await openChasm(page, '/?budgets=off');
  await expect(page.getByRole('alert')).toContainText('Budgets are off');
  const w = await world(page);
  expect(w.items).toBe(21_504);
  expect(w.robots.length).toBe(24);
  await waitFrames(page, 2);
  const s = await stats(page);
  expect(s.budgets).toBe('off');
  // A mesh per pack: thousands of draw calls where the budgeted world needs at most 50.
  expect(s.drawCalls).toBeGreaterThan(5_000);
  expect(s.quality.level).toBe(0);
});

test('an odd ?budgets value keeps budgets on and says why', async ({ page }) => {
  await openChasm(page, '/?budgets=maybe');
  await expect(page.getByRole('alert')).toContainText('budgets=maybe is not understood');
  expect((await stats(page)).budgets).toBe('on');
});

test('time: ?seed= sets the seed; pause holds the robots, 60× runs them on, reset goes back to the seed', async ({ page }) => {
  await openChasm(page, '/?seed=42');
  expect((await world(page)).seed).toBe(42);
  await page.getByRole('button', { name: 'Explore' }).click();
  await page.getByRole('button', { name: 'Time' }).click();
  const card = page.locator('section.card.time');
  await expect(card.getByRole('status')).toContainText('seed 42');
  await expect(card.getByRole('status')).toContainText('1×');

  await card.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(async () => (await world(page)).paused).toBe(true);
  const held = (await world(page)).simS;
  await waitFrames(page, 10);
  expect((await world(page)).simS).toBe(held);
  await expect(card.getByRole('button', { name: 'Resume' })).toHaveAttribute('aria-pressed', 'true');

  // 60×: a simulated minute a second. Software rendering cannot step it all in its frames; the worker's relays keep
  // time (a relay lands every few tenths of a second, so a 3 s window is counted generously: over 36×).
  await card.getByRole('button', { name: '60×' }).click();
  await expect(card.getByRole('button', { name: '60×' })).toHaveAttribute('aria-pressed', 'true');
  const w0 = await world(page);
  expect(w0).toMatchObject({ speed: 60, paused: false });
  const t0 = Date.now();
  await page.waitForTimeout(3000);
  const ran = (await world(page)).simS - w0.simS;
  const wallS = (Date.now() - t0) / 1000;
  expect(ran, `simulated ${ran} s in ${wallS} s of wall-clock time at 60×`).toBeGreaterThan(36 * wallS);

  // Reset: the simulation starts again from the seed.
  const before = (await world(page)).simS;
  await card.getByRole('button', { name: 'Reset to the seed' }).click();
  await expect.poll(async () => (await world(page)).simS).toBeLessThan(before);
  expect((await world(page)).seed).toBe(42);
});

test('time: a malformed ?seed= is said in one line and the layout\u2019s seed is used', async ({ page }) => {
  await openChasm(page, '/?seed=banana');
  await expect(page.getByRole('alert')).toContainText('seed=banana is not a whole number');
  const layout = JSON.parse(readFileSync('assets/layouts/default.json', 'utf8')) as Layout;
  expect((await world(page)).seed).toBe(layout.seed);
});

test('find, from the keyboard alone: a robot by its number, then a medicine bin by bin, each highlighted and faced', async ({ page }, testInfo) => {
  await openChasm(page);
  await page.getByRole('button', { name: 'Explore' }).focus();
  await page.keyboard.press('Enter');
  const box = page.getByRole('searchbox', { name: 'Find' });
  // Tab reaches Find first in the toolbar; Enter opens it with the field focused.
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Find' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(box).toBeFocused();
  await page.keyboard.type('robot 3');
  const results = page.getByRole('list', { name: 'Found' });
  await expect(results.getByRole('button')).toHaveText(['Robot 3']);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await world(page)).selection?.title).toBe('Robot 3');
  // Standing near it, facing it.
  const robot = (await world(page)).robots[2]!;
  const v = (await stats(page)).viewer;
  expect(Math.hypot(robot.xM - v.xM, robot.zM - v.zM)).toBeLessThan(4.5);

  // A medicine, misspelt: Enter chooses the first result; its bins are stepped through.
  await box.fill('paracetmol');
  await expect(results.getByRole('button').first()).toContainText('Paracetamol 500 mg');
  await box.press('Enter');
  await expect.poll(async () => (await world(page)).selection?.title).toMatch(/^Bin R\d+-[WE]-U\d+-L\d+-S\d+$/);
  const first = (await world(page)).selection!.title;
  await expect(page.getByText(/^Bin 1 of \d+$/)).toBeVisible();
  await expectSceneRendered(page, testInfo, 'find-medicine');
  await page.getByRole('button', { name: 'Next bin' }).click();
  await expect(page.getByText(/^Bin 2 of \d+$/)).toBeVisible();
  await expect.poll(async () => (await world(page)).selection?.title).not.toBe(first);
  expect((await world(page)).selection?.lines.join(' ')).toContain('Paracetamol 500 mg');
  // Nothing found is said.
  await box.fill('zzzz');
  await expect(page.getByRole('status').filter({ hasText: 'Nothing found.' })).toHaveCount(1);

  // With the world focused, ] and [ step through the robots, each faced; Enter selects what is at the centre.
  await page.keyboard.press('Escape');
  await page.locator('canvas#scene').focus();
  await page.keyboard.press(']');
  await expect.poll(async () => (await world(page)).selection?.title).toBe('Robot 1');
  await page.keyboard.press('[');
  await expect.poll(async () => (await world(page)).selection?.title).toBe('Robot 24');
  await page.keyboard.press('[');
  await expect.poll(async () => (await world(page)).selection?.title).toBe('Robot 23');
  await page.getByRole('region', { name: 'Robot 23' }).getByRole('button', { name: 'Close' }).click();
  await expect.poll(async () => (await world(page)).selection).toBeNull();
  await page.locator('canvas#scene').focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await world(page)).selection?.title ?? '').toMatch(/^(Robot \d+|Bin R\d+-[WE]-U\d+-L\d+-S\d+|Order board)$/);
});

test('the twin answers questions: warm on arrival, a robot’s route ahead, where robots wait, and a what-if beside its baseline', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await openChasm(page);
  // Warm: the first simulated hour is run in a worker once the world is whole (within 4 s of the worker's time:
  // here the standard layout's hour takes about 1 s), so the board has figures at once.
  await expect.poll(async () => (await world(page)).simS, { timeout: 60_000 }).toBeGreaterThanOrEqual(1800);
  expect(workers.some((u) => /run-ahead-worker/.test(u))).toBe(true);
  expect((await world(page)).kpis.ordersPerHour).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Explore' }).click();

  // A robot on its way somewhere, found by number: its route to its next stop is drawn from where it is.
  // Time paused while it is found and pictured, so the robot stands where the viewer is put to face it.
  await page.getByRole('button', { name: 'Time' }).click();
  const timeCard = page.locator('section.card.time');
  await timeCard.getByRole('button', { name: 'Pause' }).click();
  await timeCard.getByRole('button', { name: 'Close' }).click();
  const moving = (await world(page)).robots.find((r) => r.state === 'to-bin' || r.state === 'to-station');
  expect(moving, 'a robot on its way after an hour of orders').toBeDefined();
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByRole('searchbox', { name: 'Find' }).fill(`robot ${moving!.id + 1}`);
  await page.getByRole('searchbox', { name: 'Find' }).press('Enter');
  await expect.poll(async () => (await world(page)).selection?.title).toBe(`Robot ${moving!.id + 1}`);
  await expect.poll(async () => (await world(page)).route.length).toBeGreaterThan(1);
  const w1 = await world(page);
  const r1 = w1.robots[moving!.id]!;
  expect(Math.hypot(w1.route[0]!.xM - r1.xM, w1.route[0]!.zM - r1.zM), 'the route starts at the robot').toBeLessThan(0.8);
  await page
    .locator('section.card')
    .filter({ has: page.getByRole('searchbox', { name: 'Find' }) })
    .getByRole('button', { name: 'Close' })
    .click();
  await waitFrames(page, 3);
  await expectSceneRendered(page, testInfo, 'robot-route');
  // It follows the robot: the route drawn changes as it drives on (or stops, and a new leg is planned).
  await page.getByRole('button', { name: 'Time' }).click();
  await timeCard.getByRole('button', { name: 'Resume' }).click();
  const first = JSON.stringify(w1.route);
  await expect.poll(async () => JSON.stringify((await world(page)).route), { timeout: 30_000 }).not.toBe(first);

  // Congestion: a setting; with time paused, switching it on costs exactly one draw call.
  await timeCard.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await waitFrames(page, 3);
  const before = (await stats(page)).drawCalls;
  await dialog.getByLabel('Colour the aisles where robots waited (last simulated hour)').check();
  await expect.poll(async () => (await world(page)).congestionShown).toBe(true);
  await waitFrames(page, 3);
  expect((await stats(page)).drawCalls).toBe(before + 1);

  // What-if: twice the orders with half the robots, against the same seed's baseline.
  await dialog.getByLabel('Orders per hour (what-if)').selectOption('2');
  await expect.poll(async () => (await world(page)).whatIf.orderRate).toBe(2);
  await dialog.getByLabel('Robots (what-if)').fill('12');
  await dialog.getByLabel('Robots (what-if)').press('Enter');
  await expect.poll(async () => (await world(page)).robots.length).toBe(12);
  await expect(dialog.getByText('1 to ', { exact: false })).toContainText('the layout has 24');
  const w2 = await world(page);
  expect(w2.whatIf).toMatchObject({ orderRate: 2, robots: 12 });
  // Both warm again, side by side: the what-if and its baseline at the same tick, the overlay still on.
  await expect.poll(async () => (await world(page)).simS, { timeout: 60_000 }).toBeGreaterThanOrEqual(1200);
  const w3 = await world(page);
  expect(w3.congestionShown).toBe(true);
  expect(w3.whatIf.baselineKpis!.ordersPerHour).toBeGreaterThan(0);
  expect(w3.kpis.backlog, 'twice the orders for half the robots: a longer backlog than the baseline').toBeGreaterThan(w3.whatIf.baselineKpis!.backlog);
});

test('the congestion overlay colours the aisles where robots waited, seen from above the front of the aisles', async ({ page }, testInfo) => {
  // Paused, so only the overlay changes between the two pictures.
  await openChasm(page, '/#at=0,-9,0,-35&paused');
  await page.getByRole('button', { name: 'Explore' }).click();
  await waitFrames(page, 3);
  const canvas = page.locator('canvas#scene');
  const before = await canvas.screenshot();
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Colour the aisles where robots waited (last simulated hour)').check();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await world(page)).congestionShown).toBe(true);
  await waitFrames(page, 3);
  const after = await canvas.screenshot();
  // The floor between the racks and above the toolbar: the overlay must visibly change part of it.
  expect(changedFraction(before, after, { x: 0, y: 0.1, w: 1, h: 0.5 }, 'colour'), 'share of the floor recoloured').toBeGreaterThan(0.02);
  await expectSceneRendered(page, testInfo, 'congestion-overlay');
});

test('the address is a link to this view: it follows the view, and opening it elsewhere restores it', async ({ page, browser }) => {
  await openChasm(page, '/#at=1.50,-3.00,30.0,-5.0&sel=robot-3&t=600&speed=10&paused');
  await expect.poll(async () => (await world(page)).selection?.title).toBe('Robot 3');
  const v = (await stats(page)).viewer;
  expect(Math.abs(v.xM - 1.5)).toBeLessThan(0.1);
  expect(Math.abs(v.zM + 3)).toBeLessThan(0.1);
  expect(Math.abs(v.yawDeg - 30)).toBeLessThan(1);
  expect(Math.abs(v.pitchDeg + 5)).toBeLessThan(1);
  expect(await world(page)).toMatchObject({ speed: 10, paused: true });
  await expect.poll(async () => (await world(page)).simS).toBeGreaterThanOrEqual(600);

  // Walk a little: within a second or so the address follows.
  await page.getByRole('button', { name: 'Explore' }).click();
  await page.keyboard.down('KeyW');
  await expect.poll(async () => Math.hypot((await stats(page)).viewer.xM - 1.5, (await stats(page)).viewer.zM + 3)).toBeGreaterThan(1);
  await page.keyboard.up('KeyW');
  await waitFrames(page, 3);
  const here = (await stats(page)).viewer;
  const linkedAt = () => {
    const [x = NaN, z = NaN] = (/at=([-\d.]+),([-\d.]+)/.exec(new URL(page.url()).hash) ?? []).slice(1).map(Number);
    return Math.hypot(x - here.xM, z - here.zM);
  };
  await expect.poll(linkedAt, { timeout: 5000 }).toBeLessThan(0.02);

  // The same link on a phone: the same standpoint, heading and selection.
  const phone = await browser.newPage({ viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true });
  await openChasm(phone, new URL(page.url()).pathname + new URL(page.url()).hash);
  await expect.poll(async () => (await phone.evaluate(() => window.__chasm!.world()!.selection))?.title).toBe('Robot 3');
  const there = (await stats(phone)).viewer;
  expect(Math.hypot(there.xM - here.xM, there.zM - here.zM)).toBeLessThan(0.1);
  expect(Math.abs(there.yawDeg - here.yawDeg)).toBeLessThan(1);
  await phone.close();
});

test('a link with odd parts says so in one line and restores the rest', async ({ page }) => {
  await openChasm(page, '/#at=nowhere&sel=robot-0&speed=10');
  await expect(page.getByRole('alert')).toContainText('Part of this link could not be used (at, sel)');
  expect((await world(page)).speed).toBe(10);
});

test('zh-CN: the gap wall speaks Chinese, and a malformed layout is refused in Chinese, naming the field', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await openChasm(page);
  // Stand 6 m in front of the gap wall, facing it (a link's standpoint), and keep a picture of it.
  const [wallX, , wallZ] = (await page.evaluate(() => window.__chasm!.meshAt('gap-wall')))!;
  await page.goto('about:blank');
  await openChasm(page, `/#at=${wallX.toFixed(2)},${(wallZ + 6).toFixed(2)},180,8`);
  expect(await page.evaluate(() => window.__chasm!.paints('gap-wall'))).toBeGreaterThan(0);
  await expectSceneRendered(page, testInfo, 'zh-CN-gap-wall');
  const layout = JSON.parse(readFileSync('assets/layouts/small.json', 'utf8')) as Layout;
  layout.racks.levels = 99;
  await page.locator('input[type=file]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(layout)) });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('racks.levels 必须在 1 到 8 之间，实际为 99');
  await expect(alert).not.toContainText('must be');
  await context.close();
});

test('inspect from the keyboard: I takes out the pack at the centre of the view, I again puts it back', async ({ page }, testInfo) => {
  const target = packInView();
  await openChasm(page, `/${target.hash}`);
  await page.getByRole('button', { name: 'Explore' }).click();
  await page.locator('body').focus();
  await page.keyboard.press('i');
  await expect.poll(async () => (await world(page)).held?.phase).toBe('held');
  expect((await world(page)).held).toMatchObject({ bin: target.bin, n: target.n, by: 'screen', label: target.name.en });
  expect(await page.evaluate(({ bin, n }) => window.__chasm!.packShown(bin, n), target)).toBe(false);
  await expect(page.getByRole('region', { name: 'Bin R2-W-U2-L3-S2' })).toContainText('tap, Enter or I to put it back');
  await waitFrames(page, 3);
  await expectSceneRendered(page, testInfo, 'desktop-pack-inspected');
  await page.keyboard.press('i');
  await expect.poll(async () => (await world(page)).held).toBeNull();
  expect(await page.evaluate(({ bin, n }) => window.__chasm!.packShown(bin, n), target)).toBe(true);
});
