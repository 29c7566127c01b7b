/**
 * The app's one state, and the handles every wiring step shares. The steps
 * (`app.ts`) read and change `App.state`; nothing else holds app state in a
 * closure. Babylon, the shell and the settings store keep their own inner
 * state behind their interfaces.
 */
import type { Scene } from '@babylonjs/core/scene';
import type { Engine } from '@babylonjs/core/Engines/engine';
import type { TerminalProfile } from '../device/classify';
import type { Twin } from '../world/twin';
import type { Placement } from '../world/placement';
import type { CameraRig } from '../flat/camera-rig';
import type { FlatControls } from '../flat/flat-controls';
import type { FrameSampler } from '../diagnostics/frame-sampler';
import type { Shell, ShellView } from '../ui/shell';
import type { Strings } from '../ui/strings';
import type { PerfHud } from '../ui/perf-hud';
import type { SettingsStore } from '../settings/store';
import type { ImmersiveSession } from '../xr/immersive-session';
import type { Target } from '../selection/pick';
import type { Card } from '../selection/describe';
import type { QualityController } from './quality';
import type { UrlOptions } from '../settings/url-options';
import type { RobotModel } from '../world/robot-renderer';
import type { RoomLink } from './room-wiring';
import type { SimTime } from '../sim/clock';
import type { Inspecting } from './inspect';
import { NOTHING_KEPT, type Kept } from '../layout/kept';

/** Everything the app knows that changes while it runs. */
export interface AppState {
  /** The view shown: the entry card, exploring in 2D, or an immersive session. */
  view: ShellView;
  /** The strings of the person's language. */
  strings: Strings;
  /** The terminal, refined once the XR capability probe answers. */
  profile: TerminalProfile;
  /** The twin shown, and where its layout came from; null while the first layout loads. */
  twin: Twin | null;
  twinSource: string;
  /** The 2D controls while exploring; null in the other views. */
  controls: FlatControls | null;
  /** The running immersive session, and whether one is being entered. */
  immersive: ImmersiveSession | null;
  entering: boolean;
  /** The selected target and its card (re-told when the language changes); null when none is shown. */
  selection: { target: Target; card: Card } | null;
  /** A pack taken out of its bin (in a hand, or a screen's inspect view), or on its way back; null: none. */
  inspect: Inspecting | null;
  /** The table-top model's placement in passthrough; null: the world at full size. */
  placement: Placement | null;
  /** Motion sensors may be read (iOS asks first). */
  gyroAllowed: boolean;
  /** A new version waits for the person's yes (offered after a VR session, never during one). */
  updateWaiting: boolean;
  /** The shared room this page is in; null when alone. */
  room: RoomLink | null;
  /** The simulation's speed and pause, as the person set them (a shared room keeps its own time). */
  time: SimTime;
  /** Layout loads run one after another on this chain. */
  loading: Promise<void>;
  /** The layouts kept on this device, and the chain their changes are stored on (after the first read). */
  kept: Kept;
  keptChain: Promise<void>;
  /** Set by `stop()`: work that finishes later (a layout, the PWA layer) must not touch the page. */
  stopped: boolean;
}

/** The handles every wiring step shares, and the one state. */
export interface App {
  readonly root: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  readonly shell: Shell;
  readonly settings: SettingsStore;
  readonly engine: Engine;
  readonly scene: Scene;
  readonly rig: CameraRig;
  readonly sampler: FrameSampler;
  readonly quality: QualityController;
  readonly hud: PerfHud;
  readonly options: UrlOptions;
  /** False with `?budgets=off`: the governor stays out of it (default resolution, foveation and rate). */
  readonly governed: boolean;
  /** The robot model, downloading while the world is built. */
  readonly robotModel: RobotModel;
  readonly state: AppState;
}

/** A wiring step: sets one part of the app up and returns what undoes it. */
export type Step = (app: App) => Disposer;
export type Disposer = () => void;

/** The state an app starts with. */
export function initialState(strings: Strings, profile: TerminalProfile): AppState {
  return {
    view: 'entry',
    strings,
    profile,
    twin: null,
    twinSource: '',
    controls: null,
    immersive: null,
    entering: false,
    selection: null,
    inspect: null,
    placement: null,
    gyroAllowed: typeof DeviceOrientationEvent === 'undefined' || !('requestPermission' in DeviceOrientationEvent),
    updateWaiting: false,
    room: null,
    time: { speed: 1, paused: false },
    loading: Promise.resolve(),
    kept: NOTHING_KEPT,
    keptChain: Promise.resolve(),
    stopped: false,
  };
}
