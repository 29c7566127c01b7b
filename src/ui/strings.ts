/**
 * Every user-facing string, in one place per language. The phone/PWA issue
 * adds Simplified Chinese beside this table.
 */
import type { Terminal, XrAvailability } from '../device/classify';

/** The English strings. */
export const EN = {
  title: 'Chasm',
  lede: 'A live digital twin of a robot-run pharmacy front warehouse. Walk its aisles on a headset, a phone or a desktop.',
  probing: 'Checking what this device can do…',
  enterVr: 'Enter VR',
  exitVr: 'Exit VR',
  explore: 'Explore',
  menu: 'Menu',
  inVr: 'In VR: take off the headset or press Exit VR to return.',
  enteringVr: 'Starting VR…',
  vrFailed: (reason: string) => `VR could not start: ${reason}. Explore in 2D instead.`,
  canvasLabel: 'Chasm warehouse view',
  canvasDescription:
    'A pharmacy front warehouse: four aisles of blue and orange racking stocked with medication boxes, a packing station and parked picking robots.',
  hint: {
    phone: 'Drag to look around.',
    desktop: 'Drag to look around; W A S D or the arrow keys to walk.',
    headset: 'Drag to look around.',
  } satisfies Record<Terminal, string>,
  capability: {
    ready: 'Headset ready: enter VR, or explore in 2D.',
    'no-immersive-device': 'No headset found: explore in 2D.',
    'no-xr-api': 'This browser has no WebXR: explore in 2D.',
    'insecure-context': 'VR needs a secure page (https or localhost): explore in 2D.',
  } satisfies Record<XrAvailability, string>,
  fatal: {
    webglTitle: 'Chasm cannot draw 3D here',
    webglBody:
      'This browser gave Chasm no WebGL, so the warehouse cannot be drawn. Turn on hardware acceleration in the browser settings, or open Chasm in an up-to-date Chrome, Edge, Firefox, Safari or the Meta Quest Browser.',
    startTitle: 'Chasm could not start',
    startBody: (detail: string) => `Something went wrong while starting: ${detail}. Reloading the page usually helps.`,
  },
} as const;

/** The strings of one language. */
export type Strings = typeof EN;
