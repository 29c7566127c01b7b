import { describe, expect, it } from 'vitest';
import { frameBudgetMsAt, BUDGETS } from '../../src/budget/budgets';
import { classifyDeviceClass } from '../../src/budget/device-class';

const QUEST = (model: string) =>
  `Mozilla/5.0 (X11; Linux x86_64; ${model}) AppleWebKit/537.36 (KHTML, like Gecko) OculusBrowser/35.0 Chrome/128.0 VR Safari/537.36`;
const PHONE_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

describe('classifyDeviceClass', () => {
  it.each([
    ['Quest 2', 'quest-2'],
    ['Quest 3', 'quest-3'],
    ['Quest 3S', 'quest-3'],
    ['Quest Pro', 'quest-pro'],
  ])('%s → %s', (model, cls) => {
    expect(classifyDeviceClass({ terminal: 'headset', userAgent: QUEST(model) })).toBe(cls);
  });

  it('a headset naming no model is Quest 3 class when it offers 120 Hz, else the conservative row', () => {
    expect(classifyDeviceClass({ terminal: 'headset', userAgent: 'Wolvic VR', supportedFrameRates: [72, 90, 120] })).toBe('quest-3');
    expect(classifyDeviceClass({ terminal: 'headset', userAgent: 'Wolvic VR', supportedFrameRates: [72] })).toBe('quest-2');
  });

  it.each([
    ['flagship', { webglRenderer: 'Adreno (TM) 750', deviceMemoryGB: 8, hardwareConcurrency: 8 }, 'phone-high'],
    ['iPhone (Apple GPU, no memory hint)', { webglRenderer: 'Apple GPU', deviceMemoryGB: null, hardwareConcurrency: 6 }, 'phone-high'],
    ['mid-range', { webglRenderer: 'Mali-G68', deviceMemoryGB: 4, hardwareConcurrency: 8 }, 'phone-mid'],
    ['unknown GPU, 4 GB', { webglRenderer: null, deviceMemoryGB: 4, hardwareConcurrency: 8 }, 'phone-mid'],
    ['2 GB', { webglRenderer: 'Mali-G52', deviceMemoryGB: 2, hardwareConcurrency: 8 }, 'phone-low'],
    ['old GPU', { webglRenderer: 'Adreno (TM) 506', deviceMemoryGB: 3, hardwareConcurrency: 8 }, 'phone-low'],
    ['four cores', { webglRenderer: null, deviceMemoryGB: null, hardwareConcurrency: 4 }, 'phone-low'],
  ] as const)('phone: %s → %s', (_label, signals, cls) => {
    expect(classifyDeviceClass({ terminal: 'phone', userAgent: PHONE_UA, ...signals })).toBe(cls);
  });

  it('desktop is desktop', () => {
    expect(classifyDeviceClass({ terminal: 'desktop', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131' })).toBe('desktop');
  });
});

describe('budget table', () => {
  it('has the rows the issue names, with frame budgets that match their rates', () => {
    expect(Object.keys(BUDGETS).sort()).toEqual(['desktop', 'phone-high', 'phone-low', 'phone-mid', 'quest-2', 'quest-3', 'quest-pro']);
    expect(frameBudgetMsAt(BUDGETS['quest-2'].targetHz)).toBeCloseTo(13.9, 1);
    expect(frameBudgetMsAt(BUDGETS['quest-3'].targetHz)).toBeCloseTo(11.1, 1);
    for (const b of Object.values(BUDGETS)) {
      if (b.boostHz !== null) expect(b.boostHz).toBeGreaterThan(b.targetHz);
      expect(b.resolutionScale.min).toBeLessThanOrEqual(b.resolutionScale.max);
      expect(b.fallbackHz[0]).toBe(b.targetHz);
      expect(b.lodDistancesM.robots[0]).toBeLessThan(b.lodDistancesM.robots[1]);
    }
  });
});
