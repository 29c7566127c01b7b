import { describe, expect, it } from 'vitest';
import { classifyTerminal, headsetModelFromUserAgent, type CapabilitySignals } from '../../src/device/classify';

const base: CapabilitySignals = {
  userAgent: '',
  uaMobile: null,
  maxTouchPoints: 0,
  coarsePointer: false,
  secureContext: true,
  xrApi: true,
  immersiveVr: false,
  immersiveAr: false,
};

/** Plain-data fixtures of real devices' signals. */
const FIXTURES: Record<string, CapabilitySignals> = {
  quest2: {
    ...base,
    userAgent:
      'Mozilla/5.0 (X11; Linux x86_64; Quest 2) AppleWebKit/537.36 (KHTML, like Gecko) OculusBrowser/33.0.0.x.x.x Chrome/126.0.6478.122 VR Safari/537.36',
    uaMobile: false,
    maxTouchPoints: 0,
    immersiveVr: true,
    immersiveAr: true,
  },
  quest3: {
    ...base,
    userAgent:
      'Mozilla/5.0 (X11; Linux x86_64; Quest 3) AppleWebKit/537.36 (KHTML, like Gecko) OculusBrowser/33.0.0.x.x.x Chrome/126.0.6478.122 VR Safari/537.36',
    uaMobile: false,
    immersiveVr: true,
    immersiveAr: true,
  },
  androidPhone: {
    ...base,
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
    uaMobile: true,
    maxTouchPoints: 5,
    coarsePointer: true,
    immersiveAr: true,
  },
  iphone: {
    ...base,
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    maxTouchPoints: 5,
    coarsePointer: true,
    xrApi: false,
  },
  ipadAsMac: {
    ...base,
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
    maxTouchPoints: 5,
    coarsePointer: true,
    xrApi: false,
  },
  desktop: {
    ...base,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    uaMobile: false,
  },
};

describe('classifyTerminal', () => {
  it('classifies a Quest 2 as a headset that can enter VR and AR', () => {
    expect(classifyTerminal(FIXTURES.quest2!)).toEqual({
      terminal: 'headset',
      headsetModel: 'quest-2',
      canEnterVr: true,
      canEnterAr: true,
      xr: 'ready',
    });
  });

  it('classifies a Quest 3 as a headset of model quest-3', () => {
    const p = classifyTerminal(FIXTURES.quest3!);
    expect(p.terminal).toBe('headset');
    expect(p.headsetModel).toBe('quest-3');
    expect(p.canEnterVr).toBe(true);
  });

  it('classifies an Android phone as a phone with no VR to offer', () => {
    expect(classifyTerminal(FIXTURES.androidPhone!)).toMatchObject({
      terminal: 'phone',
      headsetModel: null,
      canEnterVr: false,
      xr: 'no-immersive-device',
    });
  });

  it('classifies an iPhone as a phone without the WebXR API', () => {
    expect(classifyTerminal(FIXTURES.iphone!)).toMatchObject({ terminal: 'phone', canEnterVr: false, xr: 'no-xr-api' });
  });

  it('classifies an iPad that reports a Mac user agent as a phone (touch terminal)', () => {
    expect(classifyTerminal(FIXTURES.ipadAsMac!).terminal).toBe('phone');
  });

  it('classifies a desktop browser as a desktop', () => {
    expect(classifyTerminal(FIXTURES.desktop!)).toMatchObject({ terminal: 'desktop', canEnterVr: false });
  });

  it('offers VR on a desktop with a PC headset attached, but stays a desktop terminal', () => {
    expect(classifyTerminal({ ...FIXTURES.desktop!, immersiveVr: true })).toMatchObject({
      terminal: 'desktop',
      canEnterVr: true,
    });
  });

  it('says an insecure page is why a headset cannot enter VR', () => {
    const p = classifyTerminal({ ...FIXTURES.quest3!, secureContext: false });
    expect(p).toMatchObject({ terminal: 'headset', canEnterVr: false, canEnterAr: false, xr: 'insecure-context' });
  });

  it('never offers AR without immersive-ar support', () => {
    expect(classifyTerminal({ ...FIXTURES.quest3!, immersiveAr: false }).canEnterAr).toBe(false);
  });
});

describe('headsetModelFromUserAgent', () => {
  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64; Quest 3S) OculusBrowser/35 VR Safari/537.36', 'quest-3s'],
    ['Mozilla/5.0 (X11; Linux x86_64; Quest Pro) OculusBrowser/35 VR Safari/537.36', 'quest-pro'],
    ['Mozilla/5.0 (X11; Linux x86_64; Quest) OculusBrowser/20 VR Safari/537.36', 'quest-1'],
    ['Mozilla/5.0 (Linux; Android 12; Pico 4) AppleWebKit/537.36 Chrome/118 VR Safari/537.36', 'other-headset'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131 Safari/537.36', null],
  ])('%s → %s', (ua, model) => {
    expect(headsetModelFromUserAgent(ua)).toBe(model);
  });
});
