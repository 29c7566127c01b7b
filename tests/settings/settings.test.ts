import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultSettings, LANGUAGES, parseSettings, QUALITY_MODES, resolveLanguage, SETTINGS_VERSION, SNAP_TURN_DEGREES } from '../../src/settings/settings';
import { openSettingsStore, SETTINGS_KEY, type KeyValueStorage } from '../../src/settings/store';
import { EN, ZH_CN } from '../../src/ui/strings';

const stored = (v: unknown) => JSON.stringify(v);

describe('parseSettings', () => {
  it('gives the defaults, without a problem, when nothing is stored', () => {
    expect(parseSettings(null)).toEqual({ settings: defaultSettings(), problems: [] });
  });

  it('keeps a valid current record as it is', () => {
    const s = {
      ...defaultSettings(),
      language: 'zh-CN',
      quality: 'saver',
      hud: true,
      comfort: { ...defaultSettings().comfort, snapTurnDeg: 45, seated: true },
    };
    expect(parseSettings(stored(s))).toEqual({ settings: s, problems: [] });
  });

  it('migrates version 1 (lang "zh", snapTurn as a string)', () => {
    const r = parseSettings(stored({ version: 1, lang: 'zh', snapTurn: '45', hud: true }));
    expect(r.problems).toEqual([]);
    expect(r.settings.version).toBe(SETTINGS_VERSION);
    expect(r.settings.language).toBe('zh-CN');
    expect(r.settings.comfort.snapTurnDeg).toBe(45);
    expect(r.settings.hud).toBe(true);
    expect(r.settings.comfort.vignette).toBe(true);
  });

  it('resets unreadable, non-record and unknown-version data with one clear line', () => {
    for (const raw of ['{not json', '[1,2]', '"x"', 'null', stored({ version: 99 }), stored({ language: 'en' })]) {
      const r = parseSettings(raw);
      expect(r.settings).toEqual(defaultSettings());
      expect(r.problems).toHaveLength(1);
    }
  });

  it('drops only the foreign fields, naming each', () => {
    const r = parseSettings(stored({ version: 2, language: 'fr', hud: 'yes', quality: 'high', comfort: { snapTurnDeg: 90, seated: true } }));
    expect(r.settings.language).toBe('auto');
    expect(r.settings.hud).toBe(false);
    expect(r.settings.quality).toBe('high');
    expect(r.settings.comfort.snapTurnDeg).toBe(30);
    expect(r.settings.comfort.seated).toBe(true);
    expect(r.problems).toEqual([
      { kind: 'field', key: 'language' },
      { kind: 'field', key: 'hud' },
      { kind: 'field', key: 'snapTurnDeg' },
    ]);
    // Worded in the person's language, naming each.
    expect(r.problems.map(EN.settings.problem).join('\n')).toMatch(/language[\s\S]*HUD[\s\S]*snap-turn/);
    expect(r.problems.map(ZH_CN.settings.problem).join('\n')).toMatch(/语言[\s\S]*性能面板[\s\S]*分段转向/);
  });

  it('honours reduced motion in the defaults', () => {
    expect(defaultSettings().comfort.smoothMove).toBe(false);
    expect(parseSettings(null).settings.comfort.smoothMove).toBe(false);
  });

  it('never throws and always returns settings inside the schema, whatever is stored', () => {
    const anyStored = fc.oneof(
      fc.string(),
      fc.json(),
      fc
        .record({
          version: fc.constantFrom(1, 2),
          language: fc.anything(),
          hud: fc.anything(),
          comfort: fc.anything(),
          lang: fc.anything(),
          snapTurn: fc.anything(),
        })
        .map(stored),
    );
    fc.assert(
      fc.property(anyStored, (raw) => {
        const { settings } = parseSettings(raw);
        expect(LANGUAGES).toContain(settings.language);
        expect(QUALITY_MODES).toContain(settings.quality);
        expect(SNAP_TURN_DEGREES).toContain(settings.comfort.snapTurnDeg);
        expect(typeof settings.comfort.seated).toBe('boolean');
        expect(typeof settings.gyroLook).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('resolveLanguage', () => {
  it('follows the first browser language Chasm speaks', () => {
    expect(resolveLanguage('auto', ['zh-CN', 'en'])).toBe('zh-CN');
    expect(resolveLanguage('auto', ['fr-FR', 'zh-Hans-SG'])).toBe('zh-CN');
    expect(resolveLanguage('auto', ['en-GB', 'zh'])).toBe('en');
    expect(resolveLanguage('auto', ['de'])).toBe('en');
    expect(resolveLanguage('auto', [])).toBe('en');
  });
  it('lets the setting win', () => {
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
    expect(resolveLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
  });
});

function memoryStorage(init: Record<string, string> = {}): KeyValueStorage & { data: Record<string, string> } {
  const data = { ...init };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

describe('openSettingsStore', () => {
  it('writes through and reads back across visits', () => {
    const storage = memoryStorage();
    const a = openSettingsStore(storage);
    expect(a.update((s) => ({ ...s, language: 'zh-CN' }))).toBeNull();
    const b = openSettingsStore(storage);
    expect(b.current.language).toBe('zh-CN');
    expect(b.loadProblems).toEqual([]);
  });

  it('reports corrupt stored data and carries on with defaults', () => {
    const store = openSettingsStore(memoryStorage({ [SETTINGS_KEY]: '{"version":2,"hud":"maybe"}' }));
    expect(store.current.hud).toBe(false);
    expect(store.loadProblems).toHaveLength(1);
  });

  it('keeps settings in memory when storage throws on read', () => {
    const store = openSettingsStore({
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new Error('must not be called');
      },
    });
    expect(store.loadProblems[0]).toEqual({ kind: 'storage-unavailable' });
    expect(EN.settings.problem(store.loadProblems[0]!)).toMatch(/this visit only/);
    expect(store.update((s) => ({ ...s, hud: true }))).toBeNull();
    expect(store.current.hud).toBe(true);
  });

  it('says so when the quota is exceeded, and still applies the change', () => {
    const seen: boolean[] = [];
    const store = openSettingsStore({
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    });
    store.onChange((s) => seen.push(s.hud));
    const problem = store.update((s) => ({ ...s, hud: true }));
    expect(problem).toEqual({ kind: 'storage-full' });
    expect(EN.settings.problem(problem!)).toMatch(/Storage is full/);
    expect(store.current.hud).toBe(true);
    expect(seen).toEqual([true]);
  });

  it('does not let a caller mutate the stored record in place', () => {
    const store = openSettingsStore(memoryStorage());
    const before = store.current;
    store.update((s) => {
      s.comfort.seated = true;
      return s;
    });
    expect(before.comfort.seated).toBe(false);
    expect(store.current.comfort.seated).toBe(true);
  });
});

describe('the congestion overlay setting', () => {
  it('is off by default, kept when stored, and a stored non-boolean is dropped with a line naming it', () => {
    expect(parseSettings(null).settings.congestion).toBe(false);
    expect(parseSettings(JSON.stringify({ version: 3, congestion: true })).settings.congestion).toBe(true);
    const bad = parseSettings(JSON.stringify({ version: 3, congestion: 'yes' }));
    expect(bad.settings.congestion).toBe(false);
    expect(bad.problems).toEqual([{ kind: 'field', key: 'congestion' }]);
    expect(EN.settings.problem(bad.problems[0]!)).toBe('The saved congestion-overlay setting was not understood; using the default.');
  });
});

describe('version 3: teleport and snap turn by default', () => {
  it('a first-time headset user teleports and snap-turns; smooth motion and left-handed sticks are opt-in', () => {
    const d = defaultSettings();
    expect(d.comfort).toMatchObject({ smoothMove: false, smoothTurn: false, leftHanded: false });
    expect(d.version).toBe(3);
  });

  it('migrates a saved version 2: its smooth-movement value (the old default) is dropped, everything else kept', () => {
    const r = parseSettings(JSON.stringify({ version: 2, language: 'zh-CN', comfort: { smoothMove: true, seated: true, snapTurnDeg: 45 } }));
    expect(r.problems).toEqual([]);
    expect(r.settings).toMatchObject({ version: 3, language: 'zh-CN', comfort: { smoothMove: false, seated: true, snapTurnDeg: 45 } });
  });

  it('keeps a version 3 choice of smooth movement and left-handed sticks', () => {
    const r = parseSettings(JSON.stringify({ version: 3, comfort: { smoothMove: true, leftHanded: true } }));
    expect(r.settings.comfort).toMatchObject({ smoothMove: true, leftHanded: true });
  });
});

describe('height calibration and the first-time card', () => {
  it('start uncalibrated, with the controls card unseen', () => {
    expect(defaultSettings().comfort.standingEyeM).toBeNull();
    expect(defaultSettings().vrIntroSeen).toBe(false);
  });

  it('keep a standing eye height a person can have, and that the card was seen', () => {
    const r = parseSettings(JSON.stringify({ version: 3, comfort: { standingEyeM: 1.72 }, vrIntroSeen: true }));
    expect(r.problems).toEqual([]);
    expect(r.settings.comfort.standingEyeM).toBe(1.72);
    expect(r.settings.vrIntroSeen).toBe(true);
  });

  it('drop a height no standing person has (or not a number), and a card flag that is not a flag, each with its own line', () => {
    for (const bad of [0.4, 3, '1.7', Number.NaN]) {
      const r = parseSettings(JSON.stringify({ version: 3, comfort: { standingEyeM: bad, seated: true } }));
      expect(r.settings.comfort).toMatchObject({ standingEyeM: null, seated: true });
      expect(r.problems).toEqual(Number.isNaN(bad) ? [] : [{ kind: 'field', key: 'standingEyeM' }]);
    }
    const r = parseSettings(JSON.stringify({ version: 3, vrIntroSeen: 'yes' }));
    expect(r.settings.vrIntroSeen).toBe(false);
    expect(r.problems).toEqual([{ kind: 'field', key: 'vrIntroSeen' }]);
  });
});
