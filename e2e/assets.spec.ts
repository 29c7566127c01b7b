import { test, expect, openChasm, stats, waitFrames, expectSceneRendered } from './support/fixtures';

// A server without the model: the page's own requests are routed, and a service worker (whose requests
// page.route does not see) would serve the model from its precache once it controls the page.
test.use({ viewport: { width: 960, height: 540 }, serviceWorkers: 'block' });

for (const [label, fulfil] of [
  ['missing (404)', { status: 404, body: 'Not found' }],
  ['truncated', { status: 200, contentType: 'model/gltf-binary', body: Buffer.from('glTF\u0002\u0000\u0000\u0000\u00ff\u00ff') }],
] as const) {
  test(`a ${label} robot model gives simple robots and a notice; the world runs`, async ({ page, watch }, testInfo) => {
    watch.expectedConsoleErrors.push(/status of 404|robot\.glb|glTF|Unable to load/i);
    await page.route('**/models/robot.glb', (route) => route.fulfill(fulfil));
    await openChasm(page);
    await expect(page.getByRole('alert')).toContainText('Robot model unavailable');
    const w = await page.evaluate(() => window.__chasm!.world()!);
    expect(w.notices[0]).toMatch(/^Robot model unavailable/);
    expect(w.robots.length).toBe(24);
    await waitFrames(page, 2);
    expect((await stats(page)).drawCalls).toBeLessThanOrEqual(50);
    await expectSceneRendered(page, testInfo, `model-${label.split(' ')[0]}`);
  });
}
