/**
 * The person's settings: one versioned record, shared by every terminal
 * (the headset's comfort options, the phone's gyroscope, the language, the
 * HUD, the quality mode). Parsing is pure and total: stored data from an
 * older version is migrated, and anything corrupt or foreign falls back to
 * the defaults field by field, with a line saying what was dropped.
 */

/** The schema version written today. */
export const SETTINGS_VERSION = 3;

/** The languages Chasm speaks; 'auto' follows `navigator.language`. */
export const LANGUAGES = ['auto', 'en', 'zh-CN'] as const;
export type LanguageSetting = (typeof LANGUAGES)[number];

/** Quality: 'auto' lets the governor move; 'high' and 'saver' pin the top rung or the floor. */
export const QUALITY_MODES = ['auto', 'high', 'saver'] as const;
export type QualityMode = (typeof QUALITY_MODES)[number];

/** Snap-turn steps offered (degrees). */
export const SNAP_TURN_DEGREES = [30, 45] as const;
export type SnapTurnDeg = (typeof SNAP_TURN_DEGREES)[number];

/** Seated mode lifts the view by this much (metres) so a seated person sees the world at standing height, until the person calibrates. */
export const SEATED_OFFSET_M = 0.45;

/** A calibrated standing eye height outside this range (metres) is a mistake (pressed while lying, or the floor misplaced), not a person. */
export const EYE_HEIGHT_RANGE_M = { min: 1.0, max: 2.2 } as const;

/** Whether `v` is a standing eye height a person can have (metres). */
export const isEyeHeight = (v: unknown): v is number => typeof v === 'number' && v >= EYE_HEIGHT_RANGE_M.min && v <= EYE_HEIGHT_RANGE_M.max;

/** Every setting, current schema. */
export interface Settings {
  version: typeof SETTINGS_VERSION;
  language: LanguageSetting;
  quality: QualityMode;
  hud: boolean;
  comfort: {
    snapTurnDeg: SnapTurnDeg;
    /** Thumbstick turns continuously instead of in snaps. */
    smoothTurn: boolean;
    /** Thumbstick walks continuously (teleport stays available). */
    smoothMove: boolean;
    /** The view narrows while moving. */
    vignette: boolean;
    /** Seated: the view is lifted to the calibrated standing eye height (by SEATED_OFFSET_M until calibrated). */
    seated: boolean;
    /** The person's standing eye height above the floor (metres), measured by Calibrate height in the VR menu; null until then. */
    standingEyeM: number | null;
    /** Left-handed: the sticks swap roles (the left one teleports and turns, the right one walks). */
    leftHanded: boolean;
  };
  /** Phone: look around by turning the phone (asks permission when switched on). */
  gyroLook: boolean;
  /** The congestion overlay: aisles coloured by where robots waited over the last simulated hour. */
  congestion: boolean;
  /** The headset's first-time controls card has been seen and dismissed. */
  vrIntroSeen: boolean;
}

/**
 * The defaults. A first-time headset user teleports and snap-turns, as Meta's comfort guidance asks:
 * smooth movement and turning are opt-in (the VR menu), whatever the OS's reduced-motion preference.
 */
export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    language: 'auto',
    quality: 'auto',
    hud: false,
    comfort: { snapTurnDeg: 30, smoothTurn: false, smoothMove: false, vignette: true, seated: false, leftHanded: false, standingEyeM: null },
    gyroLook: false,
    congestion: false,
    vrIntroSeen: false,
  };
}

/** A stored setting that can be dropped on its own. */
export type SettingKey =
  | 'language'
  | 'quality'
  | 'hud'
  | 'comfort'
  | 'snapTurnDeg'
  | 'smoothTurn'
  | 'smoothMove'
  | 'vignette'
  | 'seated'
  | 'leftHanded'
  | 'standingEyeM'
  | 'gyroLook'
  | 'congestion'
  | 'vrIntroSeen';

/**
 * Something about the stored settings the person should know, as data; the
 * words are in `ui/strings.ts` (`settings.problem`), in the person's language.
 */
export type SettingsProblem =
  | { kind: 'unreadable' }
  | { kind: 'not-a-record' }
  | { kind: 'unknown-version'; version: string }
  | { kind: 'field'; key: SettingKey }
  | { kind: 'storage-unavailable' }
  | { kind: 'storage-full' }
  | { kind: 'not-saved' };

/** The result of reading stored settings: always usable settings, plus what could not be kept. */
export interface ParsedSettings {
  settings: Settings;
  /** One per dropped or unreadable value; empty when everything was kept (or nothing was stored). */
  problems: SettingsProblem[];
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = <T>(values: readonly T[], v: unknown): v is T => values.includes(v as T);

/**
 * Version 1 (the first release) stored `{ version: 1, lang, snapTurn, hud }`
 * with `lang` 'en' | 'zh' and `snapTurn` in degrees as a string.
 */
function migrateV1(v1: Json): Json {
  return {
    version: 2,
    language: v1.lang === 'zh' ? 'zh-CN' : v1.lang,
    hud: v1.hud,
    comfort: { snapTurnDeg: typeof v1.snapTurn === 'string' ? Number(v1.snapTurn) : v1.snapTurn },
  };
}

/**
 * Version 2 made smooth movement the default; version 3 makes teleport and snap turn the default. A
 * stored v2 record always holds `smoothMove` (true unless switched off), so it cannot tell a choice from
 * the old default: it is dropped, and smooth movement is one press away in the VR menu.
 */
function migrateV2(v2: Json): Json {
  const comfort = isRecord(v2.comfort) ? { ...v2.comfort } : v2.comfort;
  if (isRecord(comfort)) delete comfort.smoothMove;
  return { ...v2, version: 3, comfort };
}

/** Reads stored settings (the raw string from storage, or null when nothing is stored). Never throws. */
export function parseSettings(raw: string | null): ParsedSettings {
  const defaults = defaultSettings();
  if (raw === null) return { settings: defaults, problems: [] };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { settings: defaults, problems: [{ kind: 'unreadable' }] };
  }
  if (!isRecord(data)) return { settings: defaults, problems: [{ kind: 'not-a-record' }] };
  let d: Json = data;
  if (d.version === 1) d = migrateV1(d);
  if (d.version === 2) d = migrateV2(d);
  if (d.version !== SETTINGS_VERSION) {
    return { settings: defaults, problems: [{ kind: 'unknown-version', version: String(d.version).slice(0, 20) }] };
  }
  const problems: SettingsProblem[] = [];
  const pick = <T>(key: SettingKey, value: unknown, ok: (v: unknown) => v is T, fallback: T): T => {
    if (value === undefined) return fallback;
    if (ok(value)) return value;
    problems.push({ kind: 'field', key });
    return fallback;
  };
  const bool = (v: unknown): v is boolean => typeof v === 'boolean';
  const c = isRecord(d.comfort) ? d.comfort : {};
  if (d.comfort !== undefined && !isRecord(d.comfort)) problems.push({ kind: 'field', key: 'comfort' });
  return {
    settings: {
      version: SETTINGS_VERSION,
      language: pick('language', d.language, (v): v is LanguageSetting => oneOf(LANGUAGES, v), defaults.language),
      quality: pick('quality', d.quality, (v): v is QualityMode => oneOf(QUALITY_MODES, v), defaults.quality),
      hud: pick('hud', d.hud, bool, defaults.hud),
      comfort: {
        snapTurnDeg: pick('snapTurnDeg', c.snapTurnDeg, (v): v is SnapTurnDeg => oneOf(SNAP_TURN_DEGREES, v), defaults.comfort.snapTurnDeg),
        smoothTurn: pick('smoothTurn', c.smoothTurn, bool, defaults.comfort.smoothTurn),
        smoothMove: pick('smoothMove', c.smoothMove, bool, defaults.comfort.smoothMove),
        vignette: pick('vignette', c.vignette, bool, defaults.comfort.vignette),
        seated: pick('seated', c.seated, bool, defaults.comfort.seated),
        leftHanded: pick('leftHanded', c.leftHanded, bool, defaults.comfort.leftHanded),
        standingEyeM: pick('standingEyeM', c.standingEyeM, (v): v is number | null => v === null || isEyeHeight(v), defaults.comfort.standingEyeM),
      },
      gyroLook: pick('gyroLook', d.gyroLook, bool, defaults.gyroLook),
      congestion: pick('congestion', d.congestion, bool, defaults.congestion),
      vrIntroSeen: pick('vrIntroSeen', d.vrIntroSeen, bool, defaults.vrIntroSeen),
    },
    problems,
  };
}

/** The language to show: the setting, or the first of the browser's languages Chasm speaks (English otherwise). */
export function resolveLanguage(setting: LanguageSetting, browserLanguages: readonly string[]): 'en' | 'zh-CN' {
  if (setting !== 'auto') return setting;
  for (const tag of browserLanguages) {
    const t = tag.toLowerCase();
    if (t.startsWith('en')) return 'en';
    // Simplified Chinese: zh, zh-CN, zh-SG, zh-Hans-*; Traditional (zh-TW, zh-HK, zh-Hant) reads Simplified better than English for most.
    if (t.startsWith('zh')) return 'zh-CN';
  }
  return 'en';
}
