import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** Port the Babylon floor page (bench/babylon-floor, built into dist-floor/) is served on. */
const FLOOR_PORT = Number(process.env.PERF_FLOOR_PORT ?? 4174);
process.env.PERF_FLOOR_URL = `http://127.0.0.1:${FLOOR_PORT}/`;

/** `npm run perf`: the perf scenarios, one at a time, against the production build, and the floor page beside it. */
export default defineConfig({
  ...base,
  webServer: [
    ...[base.webServer ?? []].flat(),
    {
      command: `node scripts/serve.mjs --no-https --quiet --dir dist-floor --port ${FLOOR_PORT}`,
      url: process.env.PERF_FLOOR_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
  // Playwright's own trace (a screencast and DOM snapshots of every page) is not recorded while the pages start
  // and are measured: on two cores it took CPU from the page under test, and more from the one that paints
  // sooner and holds more DOM (Chasm's shell against the floor's bare canvas). With it, a cold phone start
  // measured 1.21× the floor; without it, in the same session, 1.08×. The perf spec writes its own Chrome traces.
  use: { ...base.use, trace: 'off', screenshot: 'off' },
  testDir: 'e2e/perf',
  testIgnore: [],
  retries: 0,
  timeout: 600_000,
  outputDir: 'test-results/perf',
});
