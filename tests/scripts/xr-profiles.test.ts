/**
 * The self-hosted WebXR input profiles (`npm run assets` copies them into
 * public/xr/profiles): every model a shipped profile names is shipped, so a
 * controller that falls back to a generic profile never asks for a file the
 * origin does not have.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';

const ROOT = 'public/xr/profiles';
const built = existsSync(`${ROOT}/profilesList.json`);

describe.skipIf(!built)('shipped input profiles', () => {
  const list = built ? (JSON.parse(readFileSync(`${ROOT}/profilesList.json`, 'utf8')) as Record<string, { path: string }>) : {};
  it('include the generic fallback a non-Meta controller lands on, and tracked hands', () => {
    expect(Object.keys(list)).toEqual(expect.arrayContaining(['generic-trigger-squeeze-thumbstick', 'generic-hand', 'meta-quest-touch-plus']));
  });
  it('ship every model each profile names, for every handedness', () => {
    for (const [id, entry] of Object.entries(list)) {
      const profile = JSON.parse(readFileSync(`${ROOT}/${entry.path}`, 'utf8')) as { layouts: Record<string, { assetPath: string }> };
      for (const [handedness, layout] of Object.entries(profile.layouts)) {
        expect(existsSync(`${ROOT}/${id}/${layout.assetPath}`), `${id} ${handedness}: ${layout.assetPath}`).toBe(true);
      }
    }
  });
});
