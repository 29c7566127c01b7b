import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, openChasm, stats, waitFrames } from './support/fixtures';
import { emulateQuest } from './support/iwer';
import pkg from '../package.json' with { type: 'json' };

// A server of its own, whose directory the test swaps from this build to a second one: a deploy.
const PORT = 4191;
const NEXT_ID = 'next';
let server: ChildProcess | null = null;
let served = '';

/** Replaces what the server serves with `from` (a deploy that removes the old files). */
function deploy(from: string): void {
  for (const entry of readdirSync(served)) rmSync(join(served, entry), { recursive: true, force: true });
  cpSync(from, served, { recursive: true });
}

test.use({ baseURL: `http://127.0.0.1:${PORT}`, viewport: { width: 1280, height: 720 } });

test.beforeAll(async () => {
  // The second build: the same sources with another build label, so its chunks differ from the first's.
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', 'dist-next', '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, CHASM_BUILD_ID: NEXT_ID },
    stdio: 'inherit',
  });
  served = mkdtempSync(join(tmpdir(), 'chasm-served-'));
  deploy('dist');
  server = spawn(process.execPath, ['scripts/serve.mjs', '--no-https', '--quiet', '--port', String(PORT), '--dir', served], { stdio: 'inherit' });
  await expect.poll(async () => (await fetch(`http://127.0.0.1:${PORT}/`).catch(() => null))?.ok ?? false, { timeout: 15_000 }).toBe(true);
});

test.afterAll(() => {
  server?.kill();
  if (served) rmSync(served, { recursive: true, force: true });
});

test('update: the prompt waits for the end of VR; accepting reloads once; settings survive; an old tab keeps working', async ({ page, context }) => {
  // Two tabs render on software WebGL at once, and one reloads: give it time.
  test.setTimeout(240_000);
  // Tab A: a Quest, where the person changes settings, then enters VR.
  await emulateQuest(page, 'metaQuest3');
  await openChasm(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const first = await page.evaluate(() => window.__chasm!.version);
  expect(first).toBe(pkg.version);
  await page.getByRole('button', { name: 'Settings' }).first().click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Show the perf HUD').check();
  await settings.getByLabel('Snap turn').selectOption('45');
  await settings.getByRole('button', { name: 'Close' }).click();

  // Tab B: another tab on the same (old) version.
  const tabB = await context.newPage();
  await tabB.setViewportSize({ width: 480, height: 360 });
  const tabBErrors: string[] = [];
  tabB.on('console', (m) => m.type() === 'error' && tabBErrors.push(m.text()));
  tabB.on('pageerror', (e) => tabBErrors.push(e.message));
  let tabBLoads = 0;
  await openChasm(tabB);
  tabB.on('load', () => tabBLoads++);
  const oldEntry = await tabB.evaluate(() => (document.querySelector('script[type=module]') as HTMLScriptElement).src);

  await page.getByRole('button', { name: 'Enter VR' }).click();
  await expect.poll(async () => (await stats(page)).mode).toBe('immersive-vr');

  // Deploy the second build; the old entry chunk is gone from the server.
  deploy('dist-next');
  const oldPath = new URL(oldEntry).pathname.slice(1);
  expect(existsSync(join(served, oldPath)), 'the second build has a different entry chunk').toBe(false);
  let loads = 0;
  page.on('load', () => loads++);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null), { message: 'the new version is waiting' })
    .toBe(true);

  // Never during an immersive session: no prompt, no reload.
  const prompt = page.getByRole('alertdialog', { name: 'A new version of Chasm is ready' });
  await waitFrames(page, 10);
  await expect(prompt).toBeHidden();
  expect(loads).toBe(0);
  await page.getByRole('button', { name: 'Exit VR' }).click();
  await expect(prompt).toBeVisible();

  await prompt.getByRole('button', { name: 'Update now' }).click();
  // Bounded (waitForFunction has no timeout of its own): a reload that never comes fails here, in a minute and a half, not at the test's limit.
  await page.waitForFunction((v) => window.__chasm?.version === v, `${pkg.version}+${NEXT_ID}`, { timeout: 90_000 });
  await page.evaluate(() => window.__chasm!.ready);
  await page.waitForTimeout(2000);
  expect(loads, 'reloads after accepting').toBe(1);
  // Settings survive the update.
  await expect(page.getByRole('region', { name: 'Performance' })).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).first().click();
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByLabel('Snap turn')).toHaveValue('45');

  // Tab B was not reloaded, still runs the old version, and still gets the old build's files.
  expect(tabBLoads).toBe(0);
  expect(await tabB.evaluate(() => window.__chasm!.version)).toBe(first);
  await waitFrames(tabB, 5);
  const status = await tabB.evaluate(async (url) => (await fetch(url)).status, oldEntry);
  expect(status, 'an old tab still gets its own chunks').toBe(200);
  expect(tabBErrors).toEqual([]);
});
