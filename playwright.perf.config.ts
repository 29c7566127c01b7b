import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** `npm run perf`: the perf scenarios, one at a time, against the production build. */
export default defineConfig({
  ...base,
  testDir: 'e2e/perf',
  testIgnore: [],
  retries: 0,
  timeout: 600_000,
  outputDir: 'test-results/perf',
});
