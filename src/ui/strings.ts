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
  loadLayout: 'Load layout…',
  perfHud: 'Perf HUD',
  loadingWorld: 'Loading the warehouse…',
  close: 'Close',
  dismiss: 'Dismiss',
  selectionLabel: 'Selection',
  layoutProblem: 'This layout was not loaded',
  layoutLoaded: (name: string, source: string) => `Showing "${name}" (${source}).`,
  keptWorld: 'The warehouse you were looking at is still here.',
  notice: 'Notice',
  contextLostTitle: 'Graphics paused',
  contextLostBody: 'The browser reset 3D graphics (this happens when the GPU is busy or a driver restarts). The warehouse keeps running; its picture will be back in a moment.',
  contextRestoredTitle: 'Graphics restored',
  contextRestoredBody: 'The picture is back. Nothing was lost: the simulation carried on.',
  budgetsOff:
    'Budgets are off: every pack and robot is its own mesh, with no instancing, levels of detail or quality governor. Watch the draw calls on the live panel behind the entrance, then load the page without ?budgets=off.',
  inVr: 'In VR: take off the headset or press Exit VR to return.',
  enteringVr: 'Starting VR…',
  vrFailed: (reason: string) => `VR could not start: ${reason}. Explore in 2D instead.`,
  canvasLabel: 'Chasm warehouse view',
  canvasDescription:
    'A pharmacy front warehouse: rows of blue and orange racking stocked with medication packs, picking robots driving orders to packing stations, an order board on the back wall and, behind the entrance, a wall of charts comparing the AI and metaverse figures from the essays with this device\u2019s own measured numbers.',
  hint: {
    phone: 'Drag to look around; tap a robot, a bin or the board; tap the floor to go there.',
    desktop: 'Drag to look; W A S D or arrows to walk; click a robot, a bin or the board.',
    headset: 'Drag to look around; tap a robot, a bin or the board.',
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
