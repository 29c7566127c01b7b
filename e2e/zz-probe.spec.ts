import { test, openChasm, stats, waitFrames } from './support/fixtures';
test.use({ viewport: { width: 1280, height: 720 } });
test('probe', async ({ page }) => {
  await openChasm(page);
  await waitFrames(page, 30);
  await page.waitForTimeout(1500);
  console.log('STATS', JSON.stringify(await stats(page)));
  console.log('WORLD', JSON.stringify(await page.evaluate(() => { const w = window.__chasm!.world()!; return { ...w, robots: w.robots.slice(0, 3) }; })));
  await page.screenshot({ path: 'test-results/probe-start.png' });
  await page.getByRole('button', { name: 'Explore' }).click();
  const box = (await page.locator('canvas').boundingBox())!;
  await page.mouse.move(box.width / 2, box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.width / 2 + 640, box.height / 2, { steps: 10 });
  await page.mouse.up();
  await waitFrames(page, 10);
  await page.screenshot({ path: 'test-results/probe-wall.png' });
  console.log('STATS2', JSON.stringify(await stats(page)));
});
