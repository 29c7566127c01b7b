/**
 * Installs IWER (Meta's WebXR emulation runtime) into a page before the app
 * starts, emulating a Quest headset. Tests only: the app never ships IWER.
 * The device is exposed to the test as `window.__iwer`; the app never reads it.
 */
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const require = createRequire(import.meta.url);

/** IWER device profiles the tests use. */
export type QuestProfile = 'metaQuest2' | 'metaQuest3' | 'metaQuestPro';

/** Makes the page a Quest: IWER's runtime replaces navigator.xr and the user agent. */
export async function emulateQuest(page: Page, profile: QuestProfile = 'metaQuest3'): Promise<void> {
  await page.addInitScript({ path: require.resolve('iwer/build/iwer.min.js') });
  await page.addInitScript((name) => {
    const IWER = (window as unknown as { IWER: Record<string, unknown> }).IWER as {
      XRDevice: new (config: unknown) => { installRuntime(o: { forceInstall: boolean }): void };
      XRReferenceSpace: { prototype: { getOffsetReferenceSpace(t: unknown): unknown } };
      [k: string]: unknown;
    };
    // IWER 2.5.0 bug: getOffsetReferenceSpace hands the XRRigidTransform itself
    // to mat4.clone, which reads indices 0..15 it does not have, so every
    // offset space is a matrix of NaNs and moving the XR origin (Babylon's
    // placement of the XR camera, teleport) is lost. Pass the transform's
    // matrix instead, as the spec means. Real headsets are unaffected.
    const proto = IWER.XRReferenceSpace.prototype;
    const original = proto.getOffsetReferenceSpace;
    proto.getOffsetReferenceSpace = function (this: unknown, transform: unknown) {
      const matrix = (transform as { matrix?: Float32Array } | undefined)?.matrix;
      return original.call(this, matrix ?? transform);
    };
    const device = new IWER.XRDevice(IWER[name]);
    device.installRuntime({ forceInstall: true });
    (window as unknown as { __iwer: unknown }).__iwer = device;
  }, profile);
}

/** Ends the emulated session from the device side, as the Quest's system button does. */
export async function endSessionFromDevice(page: Page): Promise<void> {
  await page.evaluate(() => {
    const device = (window as unknown as { __iwer: { activeSession?: { end(): Promise<void> } } }).__iwer;
    if (!device.activeSession) throw new Error('no active XR session to end');
    return device.activeSession.end();
  });
}

/** Points an emulated controller (in the headset's floor space, metres) straight ahead and pulls its trigger. */
export async function pullTrigger(page: Page, hand: 'left' | 'right', position: [number, number, number]): Promise<void> {
  await page.evaluate(
    async ({ hand, position }) => {
      type Controller = {
        position: { set(x: number, y: number, z: number): void };
        quaternion: { set(x: number, y: number, z: number, w: number): void };
        updateButtonValue(id: string, v: number): void;
      };
      const device = (window as unknown as { __iwer: { controllers: Record<string, Controller> } }).__iwer;
      const c = device.controllers[hand]!;
      c.position.set(...position);
      c.quaternion.set(0, 0, 0, 1);
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      await frame();
      c.updateButtonValue('trigger', 1);
      await frame();
      await frame();
      c.updateButtonValue('trigger', 0);
    },
    { hand, position },
  );
}
