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
  testDir: 'e2e/perf',
  testIgnore: [],
  retries: 0,
  timeout: 600_000,
  outputDir: 'test-results/perf',
});
