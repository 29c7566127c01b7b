/**
 * The app's entry under odd URLs: a handful of hand-picked hostile queries and
 * generated ones (fast-check, fixed seed, so a failure replays). Each must end
 * in the world, with at most one short notice, and no uncaught error (the
 * fixture). The unit fuzzers (tests/fuzz) throw hundreds at the parsers; this
 * checks that the page built on them holds too.
 */
import fc from 'fast-check';
import { test, expect, openChasm, stats, expectSceneRendered } from './support/fixtures';
import { parseUrlOptions } from '../src/settings/url-options';

const HAND_PICKED = [
  '?layout=%00',
  '?layout=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '?layout=..%2F..%2Fetc%2Fpasswd',
  `?layout=${'x'.repeat(2000)}`,
  '?budgets=off&budgets=on&hud=%F0%9F%92%A5',
  '?hud=maybe&budgets=',
];
const GENERATED = fc
  .sample(fc.dictionary(fc.constantFrom('layout', 'budgets', 'hud', 'x'), fc.string({ unit: 'binary', maxLength: 30 }), { minKeys: 1 }), {
    numRuns: 4,
    seed: 20261122,
  })
  .map((d) => `?${new URLSearchParams(d).toString()}`);

// Small: ten software-rendered starts, where what is checked is the world coming up and what is said, not pixels.
test.use({ viewport: { width: 480, height: 270 } });

test(`the entry holds under ${HAND_PICKED.length + GENERATED.length} odd URLs: the world, at most a short notice, no error`, async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  for (const query of [...HAND_PICKED, ...GENERATED]) {
    await openChasm(page, `/${query}`);
    const world = await page.evaluate(() => window.__chasm!.world());
    expect(world, query).not.toBeNull();
    expect((await stats(page)).drawCalls, query).toBeGreaterThan(0);
    const o = parseUrlOptions(query);
    const refusedLayout = o.layout !== null && o.layout !== 'default' && world!.source === 'default';
    const expectsNotice = o.problems.length > 0 || refusedLayout;
    const alert = page.getByRole('alert');
    if (expectsNotice) {
      await expect(alert, query).toBeVisible();
      expect((await alert.innerText()).length, query).toBeLessThan(800);
    }
  }
  await expectSceneRendered(page, testInfo, 'entry-fuzz-last');
});
