/**
 * Every user-facing string, in one place per language: English and
 * Simplified Chinese (the essays come from both). `Strings` is the shape
 * both tables fill, so a missing translation is a type error.
 */
import type { Terminal, XrAvailability } from '../device/classify';
import type { LanguageSetting, QualityMode, SettingKey, SettingsProblem } from '../settings/settings';
import type { UrlProblem } from '../settings/url-options';
import type { LayoutLoadProblem } from '../layout/load-problem';
import type { KeptProblem } from '../layout/kept';
import type { LayoutFault, LayoutProblem } from '../layout/validate';
import type { RobotState } from '../sim/simulation';
import type { Figure } from '../lobby/figures';

type Widen<T> = T extends string ? string : T extends (...args: infer A) => infer R ? (...args: A) => Widen<R> : { [K in keyof T]: Widen<T[K]> };

/** What is wrong with a layout's field, in English (after the field's path). */
function enFault(f: LayoutFault): string {
  switch (f.kind) {
    case 'missing':
      return 'is missing';
    case 'not-object':
      return 'must be an object';
    case 'not-number':
      return 'must be a finite number';
    case 'not-whole':
      return `must be a whole number, got ${f.got}`;
    case 'range':
      return `must be between ${f.min} and ${f.max}, got ${f.got}`;
    case 'not-string':
      return 'must be a string';
    case 'pattern':
      return `must be ${f.what === 'id' ? '1–32 letters, digits, - or _' : f.what === 'colour' ? 'a colour like "#3a86c8"' : 'language tags like "zh-CN"'}, got ${JSON.stringify(f.got)}`;
    case 'name-length':
      return 'must be 1 to 80 characters';
    case 'not-array':
      return 'must be an array';
    case 'count':
      return `must have between ${f.min} and ${f.max} entries, got ${f.got}`;
    case 'size-shape':
      return 'must be [width, height, depth] in metres';
    case 'one-of':
      return `must be one of ${f.options.join(', ')}`;
    case 'format':
      return `must be "${f.expected}"`;
    case 'rows-fit':
      return `${f.rows} rows with their aisles need ${f.needM.toFixed(1)} m but floor.widthM is ${f.haveM}`;
    case 'units-fit':
      return `${f.units} units need ${f.needM.toFixed(1)} m of floor depth but floor.depthM is ${f.haveM}`;
    case 'too-many-items':
      return `the layout would hold ${f.items.toLocaleString('en')} items; the limit is ${f.limit.toLocaleString('en')}`;
    case 'front-zone':
      return `must be in the front zone (zM ≤ ${f.maxZM}), got ${f.got}`;
    case 'no-packing':
      return 'need at least one packing station';
    case 'duplicate-id':
      return `id "${f.id}" is used twice`;
    case 'robot-homes':
      return f.detail;
    case 'file-size':
      return `is ${f.kb} KB; the limit is ${f.limitKb} KB`;
    case 'json':
      return `is not valid JSON: ${f.detail}`;
  }
}

/** What is wrong with a layout's field, in Simplified Chinese (after the field's path). */
function zhFault(f: LayoutFault): string {
  switch (f.kind) {
    case 'missing':
      return '缺失';
    case 'not-object':
      return '必须是一个对象';
    case 'not-number':
      return '必须是有限的数字';
    case 'not-whole':
      return `必须是整数，实际为 ${f.got}`;
    case 'range':
      return `必须在 ${f.min} 到 ${f.max} 之间，实际为 ${f.got}`;
    case 'not-string':
      return '必须是字符串';
    case 'pattern':
      return `必须是${f.what === 'id' ? ' 1–32 个字母、数字、- 或 _' : f.what === 'colour' ? '类似 "#3a86c8" 的颜色' : '类似 "zh-CN" 的语言标记'}，实际为 ${JSON.stringify(f.got)}`;
    case 'name-length':
      return '必须是 1 到 80 个字符';
    case 'not-array':
      return '必须是数组';
    case 'count':
      return `必须有 ${f.min} 到 ${f.max} 项，实际为 ${f.got}`;
    case 'size-shape':
      return '必须是以米为单位的 [宽, 高, 深]';
    case 'one-of':
      return `必须是以下之一：${f.options.join('、')}`;
    case 'format':
      return `必须是 "${f.expected}"`;
    case 'rows-fit':
      return `${f.rows} 排货架及其通道需要 ${f.needM.toFixed(1)} 米，但 floor.widthM 只有 ${f.haveM}`;
    case 'units-fit':
      return `${f.units} 个货架单元需要 ${f.needM.toFixed(1)} 米的地面纵深，但 floor.depthM 只有 ${f.haveM}`;
    case 'too-many-items':
      return `该布局将容纳 ${f.items} 件物品；上限为 ${f.limit}`;
    case 'front-zone':
      return `必须位于前区内（zM ≤ ${f.maxZM}），实际为 ${f.got}`;
    case 'no-packing':
      return '至少需要一个打包站';
    case 'duplicate-id':
      return `id "${f.id}" 被使用了两次`;
    case 'robot-homes':
      return `机器人的停靠位不够：${f.detail}`;
    case 'file-size':
      return `大小为 ${f.kb} KB；上限为 ${f.limitKb} KB`;
    case 'json':
      return `不是有效的 JSON：${f.detail}`;
  }
}

/** One line per problem, naming the field: `skus[3].colour must be a colour like "#3a86c8", got "red"`. */
const problemLines =
  (fault: (f: LayoutFault) => string) =>
  (problems: readonly LayoutProblem[]): string =>
    problems.map((p) => `${p.path} ${fault(p)}`).join('\n');

/** Each stored setting, as a problem line names it. */
const EN_SETTING_NAMES: Record<Exclude<SettingKey, 'comfort'>, string> = {
  language: 'language',
  quality: 'quality mode',
  hud: 'HUD setting',
  snapTurnDeg: 'snap-turn angle',
  smoothTurn: 'smooth-turn setting',
  smoothMove: 'smooth-movement setting',
  vignette: 'vignette setting',
  seated: 'seated-mode setting',
  leftHanded: 'left-handed setting',
  standingEyeM: 'calibrated height',
  vrIntroSeen: 'headset introduction setting',
  gyroLook: 'gyroscope setting',
  congestion: 'congestion-overlay setting',
};
const ZH_SETTING_NAMES: Record<Exclude<SettingKey, 'comfort'>, string> = {
  language: '语言',
  quality: '画质模式',
  hud: '性能面板设置',
  snapTurnDeg: '分段转向角度',
  smoothTurn: '平滑转向设置',
  smoothMove: '平滑移动设置',
  vignette: '视野收窄设置',
  seated: '坐姿模式设置',
  leftHanded: '左手模式设置',
  standingEyeM: '校准身高',
  vrIntroSeen: '头显入门提示设置',
  gyroLook: '陀螺仪设置',
  congestion: '拥堵图层设置',
};

/** A gap-wall figure's words as the wall shows them. */
export interface FigureWords {
  title: string;
  unit: string;
  /** One per bar, in the figure's order. */
  labels: string[];
  note: string;
}

/** The gap wall's figures in Simplified Chinese (translations of Chasm's own captions; the numbers and sources are the seeds'). */
const ZH_FIGURES: Record<string, FigureWords> = {
  money: { title: '钱流向了哪里', unit: '十亿美元', labels: ['2024 年人工智能投资', 'Meta 的元宇宙梦想'], note: '一年的人工智能投资就超过了整个元宇宙押注。' },
  latency: {
    title: '一个世界必须多快回应',
    unit: '毫秒，上限',
    labels: ['临场感', '反应行为', '对话'],
    note: '90 Hz 头显的一帧只有 11.1 毫秒：右边是这台设备的数字。',
  },
  'ai-cost': {
    title: '一个人工智能角色的成本',
    unit: '按文章所述',
    labels: ['每千个令牌（美元）', '每用户小时的令牌（千个）', '每用户小时（美元）'],
    note: '真正可互动的体验，每用户小时的算力成本。',
  },
  'data-gap': {
    title: '物理数据缺口',
    unit: '所需物理交互数据的百分比',
    labels: ['缺失', '已采集'],
    note: '具身智能需要数百 PB 的数据；像这个孪生这样的真实场景正是数据的来源。',
  },
  robots: {
    title: '已经在分拣药品的机器人',
    unit: '数量',
    labels: ['北京的药房（24 小时分拣）', '为前置仓订购的机器人'],
    note: '这座仓库就是这样一座前置仓的孪生。',
  },
  verdict: { title: '市场对一场押注的裁决', unit: 'Meta 股价变化百分比', labels: ['盘后，因支出增加'], note: '看不到回报的资本支出会很快受到惩罚。' },
};

/** The English strings. */
const EN_TABLE = {
  lang: 'en',
  title: 'Chasm',
  lede: 'A live digital twin of a robot-run pharmacy front warehouse. Walk its aisles on a headset, a phone or a desktop.',
  probing: 'Checking what this device can do…',
  enterVr: 'Enter VR',
  enterAr: 'Passthrough: table-top model',
  exitVr: 'Exit VR',
  explore: 'Explore',
  menu: 'Menu',
  loadLayout: 'Load layout…',
  perfHud: 'Perf HUD',
  mouseLook: 'Mouse look (Esc to stop)',
  hud: {
    label: 'Performance',
    graph: 'Frame times of the last frames against the frame budget',
    frameMs: 'Frame ms p50 / p95 / p99',
    overBudget: 'Over budget',
    overBudgetValue: (pct: number, budgetMs: string) => `${pct} % of frames (budget ${budgetMs} ms)`,
    drawCalls: 'Draw calls',
    triangles: 'Triangles',
    quality: 'Quality',
    foveation: 'Foveation',
    none: 'none',
    target: 'Target',
  },
  loadingWorld: 'Loading the warehouse…',
  close: 'Close',
  dismiss: 'Dismiss',
  selectionLabel: 'Selection',
  layoutProblem: 'This layout was not loaded',
  /** A layout's field problems, one line each. */
  layoutProblems: problemLines(enFault),
  /** Why a layout could not be shown, in words. */
  layoutLoad: (p: LayoutLoadProblem): string => {
    switch (p.kind) {
      case 'unknown-name':
        return `There is no layout called "${p.name}". Available: ${p.available.join(', ')}.`;
      case 'not-fetched':
        return `Layout "${p.name}" could not be fetched (${p.detail}).`;
      case 'other-origin':
        return `Layout "${p.name}" is on another site; ?layout= takes a layout name or a file on this site (${p.origin}).`;
      case 'too-big':
        return `"${p.file}" is ${p.kb} KB; a layout may be at most ${p.maxKb} KB.`;
      case 'unreadable':
        return `"${p.file}" could not be read: ${p.detail}.`;
      case 'invalid':
        return `${'name' in p.what ? `Layout "${p.what.name}"` : `"${p.what.file}"`} cannot be used:\n${problemLines(enFault)(p.problems)}`;
    }
  },
  /** A URL parameter that could not be used, in words. */
  urlProblem: (p: UrlProblem): string =>
    p.param === 'budgets'
      ? `budgets=${p.value} is not understood (use budgets=off); budgets stay on.`
      : p.param === 'seed'
        ? `seed=${p.value} is not a whole number from 0 to 4294967295; the layout's own seed is used.`
        : `hud=${p.value} is not understood (use hud or hud=off).`,
  keptWorld: 'The warehouse you were looking at is still here.',
  standardInstead: 'Showing the standard layout instead.',
  notice: 'Notice',
  contextLostTitle: 'Graphics paused',
  contextLostBody:
    'The browser reset 3D graphics (this happens when the GPU is busy or a driver restarts). The warehouse keeps running; its picture will be back in a moment.',
  contextRestoredTitle: 'Graphics restored',
  contextRestoredBody: 'The picture is back. Nothing was lost: the simulation carried on.',
  budgetsOff:
    'Budgets are off: every pack and robot is its own mesh, with no instancing, levels of detail or quality governor. Watch the draw calls on the live panel behind the entrance, then load the page without ?budgets=off.',
  inVr: 'In VR: take off the headset or press Exit VR to return.',
  enteringVr: 'Starting VR…',
  vrFailed: (reason: string) => `VR could not start: ${reason}. Explore in 2D instead.`,
  canvasLabel: 'Chasm warehouse view',
  canvasDescription:
    'A pharmacy front warehouse: rows of blue and orange racking stocked with medication packs, picking robots driving orders to packing stations, an order board on the back wall and, behind the entrance, a wall of charts comparing the AI and metaverse figures from the essays with this device\u2019s own measured numbers. With the view focused: W A S D or arrows walk, Enter selects what is at the centre, I takes out the pack there to inspect it, ] and [ step through the robots, / finds.',
  joystick: 'Move: drag the stick',
  hint: {
    phone: 'Stick to walk, drag to look, pinch to zoom; tap a robot, a bin or the board; tap the floor to go there; hold on a pack to inspect it.',
    desktop: 'Drag to look; W A S D or arrows to walk; click (or Enter, at the centre) to select; hold on a pack (or I) to inspect it; [ ] robots; / finds.',
    headset: 'Drag to look around; tap a robot, a bin or the board.',
  } satisfies Record<Terminal, string>,
  capability: {
    ready: 'Headset ready: enter VR, or explore in 2D.',
    'no-immersive-device': 'No headset found: explore in 2D.',
    'no-xr-api': 'This browser has no WebXR: explore in 2D.',
    'insecure-context': 'VR needs a secure page (https or localhost): explore in 2D.',
  } satisfies Record<XrAvailability, string>,
  settings: {
    open: 'Settings',
    title: 'Settings',
    language: 'Language',
    languages: { auto: 'Automatic (browser)', en: 'English', 'zh-CN': '简体中文' } satisfies Record<LanguageSetting, string>,
    quality: 'Quality',
    qualities: {
      auto: 'Automatic: keep the frame rate',
      high: 'Best picture',
      saver: 'Battery saver',
    } satisfies Record<QualityMode, string>,
    hud: 'Show the perf HUD',
    comfort: 'Comfort in VR',
    snapTurn: 'Snap turn',
    degrees: (n: number) => `${n}°`,
    smoothTurn: 'Smooth turning',
    smoothMove: 'Smooth movement',
    vignette: 'Narrow the view while moving',
    seated: 'Seated mode',
    leftHanded: 'Left-handed (the sticks swap)',
    gyro: 'Look around by turning the phone',
    twin: 'The warehouse',
    congestion: 'Colour the aisles where robots waited (last simulated hour)',
    orderRate: 'Orders per hour (what-if)',
    orderRates: (rate: number) => (rate === 1 ? '×1 (the layout’s own)' : `×${rate}`),
    robots: 'Robots (what-if)',
    robotsRange: (min: number, max: number, own: number) => `${min} to ${max}; the layout has ${own}.`,
    whatIfInRoom: 'What-if is off in a shared room: everyone sees the room’s simulation.',
    gyroDenied: 'Motion sensors were not allowed, so turning the phone does nothing; dragging still looks around.',
    storage: 'Offline storage',
    storageUse: (usedMb: string, quotaMb: string) => `Using ${usedMb} MB of ${quotaMb} MB.`,
    storagePersisted: 'Kept until you remove it.',
    storageBestEffort: 'The browser may clear it when space runs low.',
    storageUnknown: 'This browser does not report storage use.',
    notSaved: 'Settings problem',
    /** A stored or unsaved setting's problem, in words. */
    problem: (p: SettingsProblem): string => {
      switch (p.kind) {
        case 'unreadable':
          return 'Saved settings were unreadable and have been reset.';
        case 'not-a-record':
          return 'Saved settings were not a settings record and have been reset.';
        case 'unknown-version':
          return `Saved settings have an unknown version (${p.version}) and have been reset.`;
        case 'field':
          return p.key === 'comfort'
            ? 'The saved comfort settings were not understood; using the defaults.'
            : `The saved ${EN_SETTING_NAMES[p.key]} was not understood; using the default.`;
        case 'storage-unavailable':
          return 'Settings cannot be saved in this browser mode; they will last for this visit only.';
        case 'storage-full':
          return 'Storage is full, so this setting applies for this visit only.';
        case 'not-saved':
          return 'Settings could not be saved; they apply for this visit only.';
      }
    },
  },
  kept: {
    title: 'Layouts on this device',
    none: 'None yet: a layout you load (a file, or ?layout= with a link) is kept here, and shown again at the next start, offline too.',
    standard: 'Show the standard layout',
    show: 'Show',
    showNamed: (name: string) => `Show ${name}`,
    forget: 'Forget',
    forgetNamed: (name: string) => `Forget ${name}`,
    atStart: (name: string) => `${name} (shown at start)`,
    problem: (p: KeptProblem): string =>
      p === 'full'
        ? 'This layout is shown, but the device’s storage is full, so it is not kept for next time.'
        : p === 'unavailable'
          ? 'This layout is shown, but this browser keeps nothing here (a private window?), so it is not kept for next time.'
          : 'This layout is shown, but it could not be kept for next time.',
  },
  install: {
    button: 'Install app',
    iosHint: 'To install Chasm, tap Share, then \u201cAdd to Home Screen\u201d.',
    installed: 'Chasm is installed on this device.',
  },
  passthrough: {
    noSurfaceTitle: 'No table found',
    noSurface: [
      'No surface was found in 10 seconds, so the model stands in front of you.',
      'Point where it should go and pull the trigger (or pinch) to move it.',
    ],
  },
  xrIntro: {
    title: 'Welcome to the warehouse',
    controllers: (stick: 'left' | 'right') => {
      const name = stick === 'left' ? 'Left' : 'Right';
      return [
        'Trigger: select what you point at.',
        'Trigger on the floor: jump there.',
        `${name} stick forward: aim; let go to jump.`,
        `${name} stick sideways: turn.`,
        'X or Y: the menu. Hold it to recenter.',
        'No stick? Turn from the menu.',
        'Pull the trigger to begin.',
      ];
    },
    hands: ['Pinch: select what you point at.', 'Pinch on the floor: jump there.', 'Menu: pinch the tab at your left hip.', 'Pinch to begin.'],
    gaze: ['Look and pinch: select what you look at.', 'Look at the floor and pinch: jump there.', 'Turn and recenter from the menu.', 'Pinch to begin.'],
    any: [
      'Trigger or pinch: select what you point at.',
      'On the floor: jump there.',
      'Menu: X or Y, or the tab at your left hip.',
      'Pull the trigger or pinch to begin.',
    ],
  },
  xrMenu: {
    title: 'Chasm',
    tab: 'Menu',
    recenter: 'Recenter: back to the start, facing the aisles',
    turn: (direction: -1 | 1, deg: number) => (direction < 0 ? `⟲ Turn left ${deg}°` : `Turn right ${deg}° ⟳`),
    heightTitle: 'Height',
    heightRefused: (m: number) => `${m.toFixed(2)} m is not a standing eye height: stand up straight, then press Calibrate height again.`,
    height: (m: number | null) => (m === null ? 'Calibrate height: stand up straight, press' : `Height ${m.toFixed(2)} m: stand straight, press to redo`),
    on: 'on',
    off: 'off',
    find: 'Find a medicine or a robot…',
    findTitle: 'Find',
    nextRobot: 'Next robot',
    more: (page: number, pages: number) => `More medicines (page ${page} of ${pages})`,
    back: 'Back',
  },
  share: {
    button: 'Share',
    title: 'Share this room',
    scan: 'Scan with a phone or headset to stand in the same warehouse.',
    copy: 'Copy link',
    copied: 'Link copied.',
    leave: 'Leave room',
    connecting: 'Connecting…',
    connected: (people: number) => `Connected: ${people} in the room.`,
    lost: 'Connection lost: carrying on alone. Rejoining when the server is back…',
    rejoined: 'Back in the room.',
    follow: (name: string) => `Follow ${name}`,
    stopFollowing: (name: string) => `Stop following ${name}`,
    unavailable: (reason: string) => `Sharing needs the Chasm server (npm start) and a network connection (${reason}). You carry on alone.`,
    badLink: 'This room link is not valid, so you are on your own. Ask for the link again.',
    layoutFrom: (layout: string, by: string) => `${by} loaded the layout “${layout}” for everyone in the room.`,
    roomKeeps: 'The room keeps its layout.',
    full: (max: number) => `This room is full (${max} people), so you are on your own. Ask for a new link to start another.`,
    defaultName: (terminal: Terminal) => ({ headset: 'Headset', phone: 'Phone', desktop: 'Desktop' })[terminal],
  },
  viewLink: {
    copy: 'Link to this view',
    short: 'Link',
    copied: 'A link to this view is copied: open it on any device to stand here.',
    problem: (params: string) => `Part of this link could not be used (${params}); the rest of the view is as linked.`,
  },
  find: {
    label: 'Find',
    placeholder: 'Find a medicine, bin or robot',
    results: 'Found',
    none: 'Nothing found.',
    found: (n: number) => `${n} found.`,
    medicine: (name: string, bins: number) => `${name} · ${bins} bins`,
    step: (at: number, of: number) => `Bin ${at} of ${of}`,
    previous: 'Previous bin',
    next: 'Next bin',
  },
  time: {
    button: 'Time',
    title: 'Simulation time',
    clock: (time: string, speed: string, seed: number) => `Simulated ${time} · ${speed} · seed ${seed}`,
    pause: 'Pause',
    resume: 'Resume',
    paused: 'paused',
    speed: (n: number) => `${n}×`,
    speedGroup: 'Speed',
    speedRow: (value: string) => `Speed: ${value}`,
    reset: 'Reset to the seed',
    roomKeeps: 'In a shared room the room keeps the time: everyone sees the same moment.',
  },
  inspect: {
    /** The card's last line while a pack is held in a headset, and in a screen's inspect view. */
    headset: 'Turn your hand to turn it · take it in both hands to scale it · let go to put it back',
    screen: 'Drag to turn it · pinch or scroll to zoom it · tap, Enter or I to put it back',
  },
  update: {
    title: 'A new version of Chasm is ready',
    body: 'Update to use it. Your settings are kept.',
    now: 'Update now',
    later: 'Later',
    afterVr: 'The update will be applied when you leave VR.',
  },
  card: {
    /** The language medicine names are shown in (a layout's `names`). */
    lang: 'en',
    robot: (n: number) => `Robot ${n}`,
    task: (t: string) => `Task: ${t}`,
    routeTo: (metres: string, goal: string) => `Route: ${metres} m to ${goal}`,
    routeAt: (at: string, x: string, z: string) => `Route: ${at} (x ${x} m, z ${z} m)`,
    battery: (pct: number) => `Battery: ${pct} %`,
    orderLine: (id: number, line: number, of: number) => `order #${id}, line ${line} of ${of}`,
    goalBin: (bin: string) => `bin ${bin}`,
    packing: 'packing',
    home: 'home',
    atHome: 'at home, on its charging pad',
    atGoal: (goal: string) => `at ${goal}`,
    stopped: 'stopped',
    states: {
      charging: 'Charging at home',
      idle: 'Idle at home, ready',
      'to-bin': (sku: string, line: string) => `Driving to pick ${sku} (${line})`,
      picking: (sku: string, line: string) => `Picking ${sku} (${line})`,
      'to-station': (id: number) => `Carrying order #${id} to packing`,
      dropping: (id: number) => `Handing over order #${id} at packing`,
      'to-home': 'Returning home',
      waiting: 'Waiting for a clear path',
    },
    bin: (name: string) => `Bin ${name}`,
    stock: (n: number, sku: string) => `Stock: ${n} × ${sku}`,
    sku: (id: string) => `SKU: ${id}`,
    queued: (n: number) => `Queued orders needing it: ${n}`,
    board: 'Order board',
    ordersPerHour: (n: number) => `Orders per hour: ${n}`,
    fulfilment: (s: number) => `Mean fulfilment: ${s} s`,
    utilisation: (pct: number) => `Robot utilisation: ${pct} %`,
    backlog: (backlog: number, done: number) => `Backlog: ${backlog} · completed: ${done}`,
    trend: (from: number, to: number, minutes: number) => `Trend: ${from} → ${to} orders/h over ${minutes} min`,
    collecting: 'Trend: collecting, one point per simulated minute',
    floor: 'Floor',
    floorAt: (x: string, z: string) => `x ${x} m, z ${z} m`,
  },
  world: {
    boardTitle: (layout: string, robots: number, items: number) => `Order board · ${layout} · ${robots} robots · ${items.toLocaleString('en')} items`,
    ordersPerHour: 'Orders / hour',
    meanFulfilment: 'Mean fulfilment',
    utilisation: 'Robot utilisation',
    backlog: 'Backlog',
    seconds: (n: number) => `${n} s`,
    chartCaption: 'orders / hour, one point per simulated minute',
    whatIf: (rate: number, robots: number) => `What-if: orders ×${rate}, ${robots} robots`,
    baseline: (value: string) => `baseline ${value}`,
    baselineCaption: 'grey: the baseline (the layout’s own rate and robots, same seed)',
    source: (seed: string) => `Source: ${seed}`,
    /** A gap-wall figure's words (its title, unit, bar labels and note; the numbers are the seeds'), in this language. */
    figureWords: (f: Figure): FigureWords => ({ title: f.title, unit: f.unit, labels: f.bars.map((b) => b.label), note: f.note }),
    liveTitle: 'This device, now',
    liveRoomTitle: 'Each terminal in this room, measured now',
    pixelsPerSecond: 'Megapixels per second',
    renderedHz: 'Frames rendered per second',
    downloaded: 'Downloaded (KB)',
    inputMode: 'Input',
    inputModes: { controllers: 'controllers', hands: 'hands', gaze: 'gaze and pinch', touch: 'touch', mouse: 'mouse', keys: 'keys', none: '—' },
    liveAgainst: (source: string, budget: string) => `${source} · against ${budget}`,
    liveBudget: 'Meta Quest 3 at 90 Hz',
    frameP95: 'Frame time p95',
    framesPerSecond: 'Frames per second',
    drawCalls: 'Draw calls',
    triangles: 'Triangles',
    msOf: (value: string, budget: string) => `${value} ms of ${budget}`,
    of: (value: string, budget: string) => `${value} of ${budget}`,
    robotModelUnavailable: (reason: string) => `Robot model unavailable (${reason}): showing simple robots.`,
  },
  fatal: {
    webglTitle: 'Chasm cannot draw 3D here',
    webglBody:
      'This browser gave Chasm no WebGL, so the warehouse cannot be drawn. Turn on hardware acceleration in the browser settings, or open Chasm in an up-to-date Chrome, Edge, Firefox, Safari or the Meta Quest Browser.',
    startTitle: 'Chasm could not start',
    startBody: (detail: string) => `Something went wrong while starting: ${detail}. Reloading the page usually helps.`,
  },
} as const;

/** The strings of one language. */
export type Strings = Widen<typeof EN_TABLE>;
/** The card phrases (used by `selection/describe.ts`). */
export type CardStrings = Strings['card'];
/** What the world's panels and notices say. */
export type WorldStrings = Strings['world'];
// Every robot state has a phrase (checked here, where the table is written).
EN_TABLE.card.states satisfies Record<RobotState | 'charging', unknown>;

export const EN: Strings = EN_TABLE;

/** Simplified Chinese. */
export const ZH_CN: Strings = {
  lang: 'zh-CN',
  title: 'Chasm',
  lede: '一座由机器人运营的药房前置仓的实时数字孪生。用头显、手机或电脑走进它的货架通道。',
  probing: '正在检查这台设备的能力……',
  enterVr: '进入 VR',
  enterAr: '透视模式：桌面模型',
  exitVr: '退出 VR',
  explore: '开始浏览',
  menu: '菜单',
  loadLayout: '加载布局……',
  perfHud: '性能面板',
  mouseLook: '鼠标环顾（Esc 退出）',
  hud: {
    label: '性能',
    graph: '最近各帧的帧时间与帧预算',
    frameMs: '帧时间 p50 / p95 / p99（毫秒）',
    overBudget: '超出预算',
    overBudgetValue: (pct, budgetMs) => `${pct}% 的帧（预算 ${budgetMs} 毫秒）`,
    drawCalls: '绘制调用',
    triangles: '三角形',
    quality: '画质',
    foveation: '注视点渲染',
    none: '无',
    target: '目标',
  },
  loadingWorld: '正在加载仓库……',
  close: '关闭',
  dismiss: '知道了',
  selectionLabel: '选中对象',
  layoutProblem: '未能加载此布局',
  layoutProblems: problemLines(zhFault),
  layoutLoad: (p) => {
    switch (p.kind) {
      case 'unknown-name':
        return `没有名为“${p.name}”的布局。可用：${p.available.join('、')}。`;
      case 'not-fetched':
        return `无法获取布局“${p.name}”（${p.detail}）。`;
      case 'other-origin':
        return `布局“${p.name}”位于其他网站；?layout= 只接受布局名称或本站（${p.origin}）上的文件。`;
      case 'too-big':
        return `“${p.file}”大小为 ${p.kb} KB；布局最大为 ${p.maxKb} KB。`;
      case 'unreadable':
        return `无法读取“${p.file}”：${p.detail}。`;
      case 'invalid':
        return `${'name' in p.what ? `布局“${p.what.name}”` : `“${p.what.file}”`}无法使用：\n${problemLines(zhFault)(p.problems)}`;
    }
  },
  urlProblem: (p) =>
    p.param === 'budgets'
      ? `无法识别 budgets=${p.value}（请使用 budgets=off）；预算保持开启。`
      : p.param === 'seed'
        ? `seed=${p.value} 不是 0 到 4294967295 之间的整数；将使用布局自带的种子。`
        : `无法识别 hud=${p.value}（请使用 hud 或 hud=off）。`,
  keptWorld: '你正在查看的仓库保持不变。',
  standardInstead: '改为显示标准布局。',
  notice: '提示',
  contextLostTitle: '图形已暂停',
  contextLostBody: '浏览器重置了 3D 图形（GPU 繁忙或驱动重启时会发生）。仓库仍在运行，画面很快就会恢复。',
  contextRestoredTitle: '图形已恢复',
  contextRestoredBody: '画面已恢复。没有丢失任何内容：模拟一直在继续。',
  budgetsOff:
    '预算已关闭：每个药盒和机器人都是单独的网格，没有实例化、细节层级或质量调节器。留意入口后方实时面板上的绘制调用数，然后去掉 ?budgets=off 重新加载页面。',
  inVr: '正在 VR 中：摘下头显或按“退出 VR”返回。',
  enteringVr: '正在启动 VR……',
  vrFailed: (reason) => `VR 无法启动：${reason}。请改用 2D 浏览。`,
  canvasLabel: 'Chasm 仓库视图',
  canvasDescription:
    '一座药房前置仓：一排排蓝橙色货架上摆满药盒，拣货机器人把订单送往打包台，后墙上有订单看板；入口后方的图表墙把文章中人工智能与元宇宙的数字，与这台设备自己测得的数字放在一起比较。视图获得焦点时：W A S D 或方向键行走，回车选中视野中央之物，I 拿起中央的药盒细看，] 与 [ 逐个切换机器人，/ 搜索。',
  joystick: '移动：拖动摇杆',
  hint: {
    phone: '摇杆行走，拖动环顾，双指缩放；点按机器人、货位或看板；点按地面即可走过去；按住药盒可拿起细看。',
    desktop: '拖动环顾；W A S D 或方向键行走；点击（或回车，选中央）选择；按住药盒（或按 I）拿起细看；[ ] 切换机器人；/ 搜索。',
    headset: '拖动环顾；点按机器人、货位或看板。',
  },
  capability: {
    ready: '头显已就绪：进入 VR，或以 2D 浏览。',
    'no-immersive-device': '未发现头显：请以 2D 浏览。',
    'no-xr-api': '此浏览器不支持 WebXR：请以 2D 浏览。',
    'insecure-context': 'VR 需要安全页面（https 或 localhost）：请以 2D 浏览。',
  },
  settings: {
    open: '设置',
    title: '设置',
    language: '语言',
    languages: { auto: '自动（跟随浏览器）', en: 'English', 'zh-CN': '简体中文' },
    quality: '画质',
    qualities: { auto: '自动：保持帧率', high: '最佳画面', saver: '省电' },
    hud: '显示性能面板',
    comfort: 'VR 舒适度',
    snapTurn: '分段转向',
    degrees: (n) => `${n}°`,
    smoothTurn: '平滑转向',
    smoothMove: '平滑移动',
    vignette: '移动时收窄视野',
    seated: '坐姿模式',
    leftHanded: '左手模式（左右摇杆互换）',
    gyro: '转动手机来环顾',
    twin: '仓库',
    congestion: '为机器人等待过的通道着色（最近一个模拟小时）',
    orderRate: '每小时订单量（假设分析）',
    orderRates: (rate: number) => (rate === 1 ? '×1（布局原值）' : `×${rate}`),
    robots: '机器人数量（假设分析）',
    robotsRange: (min: number, max: number, own: number) => `${min} 至 ${max}；布局本身有 ${own} 台。`,
    whatIfInRoom: '共享房间中不能做假设分析：所有人看到的是房间的模拟。',
    gyroDenied: '未获准使用运动传感器，转动手机不会改变视角；拖动仍可环顾。',
    storage: '离线存储',
    storageUse: (usedMb, quotaMb) => `已使用 ${usedMb} MB，共 ${quotaMb} MB。`,
    storagePersisted: '会一直保留，直到你将其删除。',
    storageBestEffort: '空间不足时浏览器可能会清除它。',
    storageUnknown: '此浏览器不报告存储用量。',
    notSaved: '设置问题',
    problem: (p) => {
      switch (p.kind) {
        case 'unreadable':
          return '保存的设置无法读取，已恢复默认。';
        case 'not-a-record':
          return '保存的内容不是设置记录，已恢复默认。';
        case 'unknown-version':
          return `保存的设置版本未知（${p.version}），已恢复默认。`;
        case 'field':
          return p.key === 'comfort' ? '无法识别保存的舒适度设置，已使用默认值。' : `无法识别保存的${ZH_SETTING_NAMES[p.key]}，已使用默认值。`;
        case 'storage-unavailable':
          return '此浏览器模式下无法保存设置，设置仅在本次访问中有效。';
        case 'storage-full':
          return '存储空间已满，此设置仅在本次访问中有效。';
        case 'not-saved':
          return '设置未能保存，仅在本次访问中有效。';
      }
    },
  },
  kept: {
    title: '本设备上的布局',
    none: '暂无：你载入的布局（文件，或带 ?layout= 的链接）会保存在这里，下次启动时再次显示，离线也可以。',
    standard: '显示标准布局',
    show: '显示',
    showNamed: (name) => `显示 ${name}`,
    forget: '删除',
    forgetNamed: (name) => `删除 ${name}`,
    atStart: (name) => `${name}（启动时显示）`,
    problem: (p) =>
      p === 'full'
        ? '此布局已显示，但设备存储已满，下次不会保留。'
        : p === 'unavailable'
          ? '此布局已显示，但此浏览器在这里不保存任何数据（无痕窗口？），下次不会保留。'
          : '此布局已显示，但无法保留到下次。',
  },
  install: {
    button: '安装应用',
    iosHint: '要安装 Chasm，请点按“分享”，然后选择“添加到主屏幕”。',
    installed: 'Chasm 已安装在此设备上。',
  },
  passthrough: {
    noSurfaceTitle: '未找到桌面',
    noSurface: ['10 秒内未找到平面，模型已放在你面前。', '指向要放置的位置并扣动扳机（或捏合）即可移动它。'],
  },
  xrIntro: {
    title: '欢迎来到仓库',
    controllers: (stick) => {
      const name = stick === 'left' ? '左' : '右';
      return [
        '扳机：选择所指的物体。',
        '扳机指向地面：跳到那里。',
        `${name}摇杆向前：瞄准；松开即跳转。`,
        `${name}摇杆左右：转向。`,
        'X 或 Y：菜单。按住可重新居中。',
        '没有摇杆？在菜单中转向。',
        '扣动扳机开始。',
      ];
    },
    hands: ['捏合：选择所指的物体。', '捏合指向地面：跳到那里。', '菜单：捏合左侧髋部旁的标签。', '捏合开始。'],
    gaze: ['注视并捏合：选择所看的物体。', '注视地面并捏合：跳到那里。', '在菜单中转向和重新居中。', '捏合开始。'],
    any: ['扳机或捏合：选择所指的物体。', '指向地面：跳到那里。', '菜单：按 X 或 Y，或左侧髋部旁的标签。', '扣动扳机或捏合开始。'],
  },
  xrMenu: {
    title: 'Chasm',
    tab: '菜单',
    recenter: '重新居中：回到起点，面向通道',
    turn: (direction, deg) => (direction < 0 ? `⟲ 向左转 ${deg}°` : `向右转 ${deg}° ⟳`),
    heightTitle: '身高',
    heightRefused: (m) => `${m.toFixed(2)} 米不是站立时的眼睛高度：请站直，再按一次“校准身高”。`,
    height: (m) => (m === null ? '校准身高：站直后按下' : `身高 ${m.toFixed(2)} 米：站直后按下可重测`),
    on: '开',
    off: '关',
    find: '查找药品或机器人…',
    findTitle: '查找',
    nextRobot: '下一个机器人',
    more: (page, pages) => `更多药品（第 ${page} / ${pages} 页）`,
    back: '返回',
  },
  share: {
    button: '分享',
    title: '分享此房间',
    scan: '用手机或头显扫码，即可站在同一个仓库中。',
    copy: '复制链接',
    copied: '链接已复制。',
    leave: '离开房间',
    connecting: '正在连接……',
    connected: (people) => `已连接：房间内共 ${people} 人。`,
    lost: '连接已断开：你将独自继续。服务器恢复后会自动重新加入……',
    rejoined: '已重新回到房间。',
    follow: (name) => `跟随${name}`,
    stopFollowing: (name) => `停止跟随${name}`,
    unavailable: (reason) => `分享需要 Chasm 服务器（npm start）和网络连接（${reason}）。你将独自继续。`,
    badLink: '此房间链接无效，你将独自浏览。请重新索取链接。',
    layoutFrom: (layout, by) => `${by} 为房间中的所有人载入了布局“${layout}”。`,
    roomKeeps: '房间保留原有布局。',
    full: (max) => `此房间已满（${max} 人），你将独自浏览。请索取新链接另开一个房间。`,
    defaultName: (terminal) => ({ headset: '头显', phone: '手机', desktop: '电脑' })[terminal],
  },
  viewLink: {
    copy: '此视角的链接',
    short: '链接',
    copied: '已复制此视角的链接：在任何设备上打开即可站到这里。',
    problem: (params) => `此链接的部分内容无法使用（${params}）；其余部分按链接显示。`,
  },
  find: {
    label: '查找',
    placeholder: '查找药品、货位或机器人',
    results: '查找结果',
    none: '没有找到。',
    found: (n) => `找到 ${n} 项。`,
    medicine: (name, bins) => `${name} · ${bins} 个货位`,
    step: (at, of) => `第 ${at} 个货位，共 ${of} 个`,
    previous: '上一个货位',
    next: '下一个货位',
  },
  time: {
    button: '时间',
    title: '模拟时间',
    clock: (time, speed, seed) => `模拟时间 ${time} · ${speed} · 种子 ${seed}`,
    pause: '暂停',
    resume: '继续',
    paused: '已暂停',
    speed: (n) => `${n}×`,
    speedGroup: '速度',
    speedRow: (value) => `速度: ${value}`,
    reset: '重置到种子',
    roomKeeps: '在共享房间中由房间统一计时：所有人看到同一时刻。',
  },
  inspect: {
    headset: '转动手来转动它 · 双手拿住可缩放 · 松开即放回原处',
    screen: '拖动来转动 · 双指捏合或滚轮缩放 · 轻点、回车或按 I 放回原处',
  },
  update: {
    title: 'Chasm 有新版本',
    body: '更新后即可使用，你的设置会保留。',
    now: '立即更新',
    later: '稍后',
    afterVr: '离开 VR 后将应用更新。',
  },
  card: {
    lang: 'zh-CN',
    robot: (n) => `机器人 ${n}`,
    task: (t) => `任务：${t}`,
    routeTo: (metres, goal) => `路线：距${goal} ${metres} 米`,
    routeAt: (at, x, z) => `路线：${at}（x ${x} 米，z ${z} 米）`,
    battery: (pct) => `电量：${pct}%`,
    orderLine: (id, line, of) => `订单 #${id}，第 ${line}/${of} 行`,
    goalBin: (bin) => `货位 ${bin}`,
    packing: '打包台',
    home: '停靠点',
    atHome: '在停靠点充电位上',
    atGoal: (goal) => `位于${goal}`,
    stopped: '已停下',
    states: {
      charging: '在停靠点充电',
      idle: '在停靠点待命',
      'to-bin': (sku, line) => `前往拣取 ${sku}（${line}）`,
      picking: (sku, line) => `正在拣取 ${sku}（${line}）`,
      'to-station': (id) => `正把订单 #${id} 送往打包台`,
      dropping: (id) => `正在打包台交付订单 #${id}`,
      'to-home': '正在返回停靠点',
      waiting: '等待道路畅通',
    },
    bin: (name) => `货位 ${name}`,
    stock: (n, sku) => `库存：${n} × ${sku}`,
    sku: (id) => `SKU：${id}`,
    queued: (n) => `需要它的排队订单：${n}`,
    board: '订单看板',
    ordersPerHour: (n) => `每小时订单：${n}`,
    fulfilment: (s) => `平均履约时间：${s} 秒`,
    utilisation: (pct) => `机器人利用率：${pct}%`,
    backlog: (backlog, done) => `积压：${backlog} · 已完成：${done}`,
    trend: (from, to, minutes) => `趋势：${minutes} 分钟内 ${from} → ${to} 单/小时`,
    collecting: '趋势：收集中，每模拟一分钟记录一个点',
    floor: '地面',
    floorAt: (x, z) => `x ${x} 米，z ${z} 米`,
  },
  world: {
    boardTitle: (layout, robots, items) => `订单看板 · ${layout} · ${robots} 台机器人 · ${items.toLocaleString('zh-CN')} 件商品`,
    ordersPerHour: '每小时订单',
    meanFulfilment: '平均履约时间',
    utilisation: '机器人利用率',
    backlog: '积压订单',
    seconds: (n) => `${n} 秒`,
    chartCaption: '每小时订单，每个点为一个模拟分钟',
    whatIf: (rate, robots) => `假设分析：订单 ×${rate}，${robots} 台机器人`,
    baseline: (value) => `基准 ${value}`,
    baselineCaption: '灰线：基准（布局原有订单量与机器人数，同一种子）',
    source: (seed) => `来源（英文原文）：${seed}`,
    figureWords: (f) => ZH_FIGURES[f.id] ?? EN_TABLE.world.figureWords(f),
    liveTitle: '本设备，此刻',
    liveRoomTitle: '此房间中的每台终端，此刻实测',
    pixelsPerSecond: '每秒百万像素',
    renderedHz: '每秒渲染帧数',
    downloaded: '已下载 (KB)',
    inputMode: '输入方式',
    inputModes: { controllers: '控制器', hands: '手势', gaze: '注视与捏合', touch: '触摸', mouse: '鼠标', keys: '键盘', none: '—' },
    liveAgainst: (source, budget) => `${source} · 对照 ${budget}`,
    liveBudget: 'Meta Quest 3（90 Hz）',
    frameP95: '帧时间 p95',
    framesPerSecond: '每秒帧数',
    drawCalls: '绘制调用',
    triangles: '三角形',
    msOf: (value, budget) => `${value} 毫秒，预算 ${budget}`,
    of: (value, budget) => `${value}，预算 ${budget}`,
    robotModelUnavailable: (reason) => `机器人模型不可用（${reason}）：改为显示简易机器人。`,
  },
  fatal: {
    webglTitle: 'Chasm 无法在此绘制 3D',
    webglBody:
      '此浏览器没有为 Chasm 提供 WebGL，因此无法绘制仓库。请在浏览器设置中开启硬件加速，或使用最新版的 Chrome、Edge、Firefox、Safari 或 Meta Quest 浏览器打开 Chasm。',
    startTitle: 'Chasm 无法启动',
    startBody: (detail) => `启动时出错：${detail}。重新加载页面通常可以解决。`,
  },
};

/** The table for a resolved language. */
export function stringsFor(language: 'en' | 'zh-CN'): Strings {
  return language === 'zh-CN' ? ZH_CN : EN;
}
