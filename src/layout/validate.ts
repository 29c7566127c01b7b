/**
 * Validates untrusted layout JSON (a file someone dropped, a URL) into a
 * `Layout`. Never throws: every problem comes back as data naming the field
 * and what is wrong with it, which `ui/strings.ts` words in the person's
 * language (and the room's server sends as it is).
 */
import { itemCount, LAYOUT_FORMAT, LIMITS, type Layout, type Sku, type Station, type StationKind } from './schema';
import { createGeometry } from './geometry';

/** What is wrong with one field. */
export type LayoutFault =
  | { kind: 'missing' }
  | { kind: 'not-object' }
  | { kind: 'not-number' }
  | { kind: 'not-whole'; got: number }
  | { kind: 'range'; min: number; max: number; got: number }
  | { kind: 'not-string' }
  | { kind: 'pattern'; what: 'id' | 'colour' | 'language'; got: string }
  | { kind: 'name-length' }
  | { kind: 'not-array' }
  | { kind: 'count'; min: number; max: number; got: number }
  | { kind: 'size-shape' }
  | { kind: 'one-of'; options: readonly string[] }
  | { kind: 'format'; expected: string }
  | { kind: 'rows-fit'; rows: number; needM: number; haveM: number }
  | { kind: 'units-fit'; units: number; needM: number; haveM: number }
  | { kind: 'too-many-items'; items: number; limit: number }
  | { kind: 'front-zone'; maxZM: number; got: number }
  | { kind: 'no-packing' }
  | { kind: 'duplicate-id'; id: string }
  | { kind: 'robot-homes'; detail: string }
  | { kind: 'file-size'; kb: number; limitKb: number }
  | { kind: 'json'; detail: string };

/** One problem with a layout, naming the field (a JSON path such as `skus[3].colour`). */
export type LayoutProblem = { path: string } & LayoutFault;

/** The outcome of validation. */
export type LayoutResult = { ok: true; layout: Layout } | { ok: false; problems: LayoutProblem[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const STATION_KINDS: readonly StationKind[] = ['packing', 'dispatch', 'charging'];
const ID = { re: /^[A-Za-z0-9_-]{1,32}$/, what: 'id' } as const;
const COLOUR = { re: /^#[0-9a-fA-F]{6}$/, what: 'colour' } as const;
/** A BCP 47 language tag, loosely: `zh`, `zh-CN`, `pt-BR`, `zh-Hans-CN`. */
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/;

/** A SKU's optional names in other languages: an object of language tag → name. */
function readNames(r: Reader, o: Obj, path: string): Record<string, string> | undefined {
  const v = o.names;
  if (v === undefined) return undefined;
  const at = `${path}.names`;
  if (!isObj(v)) {
    r.fail(at, { kind: 'not-object' });
    return undefined;
  }
  const entries = Object.keys(v);
  if (entries.length > LIMITS.skuNames) r.fail(at, { kind: 'count', min: 0, max: LIMITS.skuNames, got: entries.length });
  const names: Record<string, string> = {};
  for (const lang of entries.slice(0, LIMITS.skuNames)) {
    if (!LANGUAGE.test(lang)) r.fail(at, { kind: 'pattern', what: 'language', got: lang.slice(0, 40) });
    else names[lang] = r.str(v, lang, at, null);
  }
  return names;
}

/** Collects problems while reading fields. */
class Reader {
  readonly problems: LayoutProblem[] = [];
  fail(path: string, fault: LayoutFault): void {
    if (this.problems.length < 50) this.problems.push({ path, ...fault });
  }
  obj(v: unknown, path: string): Obj {
    if (isObj(v)) return v;
    this.fail(path, { kind: v === undefined ? 'missing' : 'not-object' });
    return {};
  }
  num(o: Obj, key: string, path: string, [min, max]: readonly [number, number], integer = false): number {
    const v = o[key];
    const at = `${path}${path ? '.' : ''}${key}`;
    if (v === undefined) this.fail(at, { kind: 'missing' });
    else if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(at, { kind: 'not-number' });
    else if (integer && !Number.isInteger(v)) this.fail(at, { kind: 'not-whole', got: v });
    else if (v < min || v > max) this.fail(at, { kind: 'range', min, max, got: v });
    else return v;
    return Number.NaN;
  }
  str(o: Obj, key: string, path: string, pattern: { re: RegExp; what: 'id' | 'colour' | 'language' } | null): string {
    const v = o[key];
    const at = `${path}${path ? '.' : ''}${key}`;
    if (v === undefined) this.fail(at, { kind: 'missing' });
    else if (typeof v !== 'string') this.fail(at, { kind: 'not-string' });
    else if (pattern && !pattern.re.test(v)) this.fail(at, { kind: 'pattern', what: pattern.what, got: v.slice(0, 40) });
    else if (!pattern && (v.trim().length === 0 || v.length > 80)) this.fail(at, { kind: 'name-length' });
    else return v;
    return '';
  }
  arr(o: Obj, key: string, [min, max]: readonly [number, number]): unknown[] {
    const v = o[key];
    if (v === undefined) this.fail(key, { kind: 'missing' });
    else if (!Array.isArray(v)) this.fail(key, { kind: 'not-array' });
    else if (v.length < min || v.length > max) this.fail(key, { kind: 'count', min, max, got: v.length });
    else return v;
    return [];
  }
}

function readSku(r: Reader, v: unknown, i: number): Sku {
  const path = `skus[${i}]`;
  const o = r.obj(v, path);
  const size = o.sizeM;
  let sizeM: [number, number, number] = [Number.NaN, Number.NaN, Number.NaN];
  if (!Array.isArray(size) || size.length !== 3) r.fail(`${path}.sizeM`, { kind: 'size-shape' });
  else sizeM = [0, 1, 2].map((k) => r.num(size as unknown as Obj, String(k), `${path}.sizeM`, LIMITS.skuSizeM)) as typeof sizeM;
  const names = readNames(r, o, path);
  return {
    id: r.str(o, 'id', path, ID),
    name: r.str(o, 'name', path, null),
    ...(names ? { names } : {}),
    colour: r.str(o, 'colour', path, COLOUR),
    sizeM,
  };
}

function readStation(r: Reader, v: unknown, i: number, floor: Layout['floor']): Station {
  const path = `stations[${i}]`;
  const o = r.obj(v, path);
  const kind = o.kind;
  if (!STATION_KINDS.includes(kind as StationKind)) r.fail(`${path}.kind`, { kind: 'one-of', options: STATION_KINDS });
  const halfW = Number.isFinite(floor.widthM) ? floor.widthM / 2 : LIMITS.floorM[1];
  const halfD = Number.isFinite(floor.depthM) ? floor.depthM / 2 : LIMITS.floorM[1];
  return {
    id: r.str(o, 'id', path, ID),
    kind: kind as StationKind,
    xM: r.num(o, 'xM', path, [-halfW, halfW]),
    zM: r.num(o, 'zM', path, [-halfD, halfD]),
  };
}

/** Checks that the rack block, the front zone and the cross-aisles fit on the floor. */
function checkFit(r: Reader, l: Layout): void {
  const { racks, floor } = l;
  const widthNeeded = racks.rows * (racks.depthM + racks.aisleWidthM) + racks.aisleWidthM;
  if (widthNeeded > floor.widthM) r.fail('racks.rows', { kind: 'rows-fit', rows: racks.rows, needM: widthNeeded, haveM: floor.widthM });
  const depthNeeded = LIMITS.frontZoneM + 2 * LIMITS.crossAisleM + racks.unitsPerRow * racks.unitLengthM;
  if (depthNeeded > floor.depthM) r.fail('racks.unitsPerRow', { kind: 'units-fit', units: racks.unitsPerRow, needM: depthNeeded, haveM: floor.depthM });
  const items = itemCount(l);
  if (items > LIMITS.maxItems) r.fail('itemsPerBin', { kind: 'too-many-items', items, limit: LIMITS.maxItems });
  const frontZ = -floor.depthM / 2 + LIMITS.frontZoneM;
  l.stations.forEach((s, i) => {
    if (s.zM > frontZ) r.fail(`stations[${i}].zM`, { kind: 'front-zone', maxZM: frontZ, got: s.zM });
  });
  if (!l.stations.some((s) => s.kind === 'packing')) r.fail('stations', { kind: 'no-packing' });
  const dup = (ids: string[]) => ids.find((id, i) => id && ids.indexOf(id) !== i);
  const dupSku = dup(l.skus.map((s) => s.id));
  if (dupSku) r.fail('skus', { kind: 'duplicate-id', id: dupSku });
  const dupStation = dup(l.stations.map((s) => s.id));
  if (dupStation) r.fail('stations', { kind: 'duplicate-id', id: dupStation });
}

/** Validates parsed JSON as a layout. */
export function validateLayout(input: unknown): LayoutResult {
  const r = new Reader();
  const o = r.obj(input, '(layout)');
  if (r.problems.length) return { ok: false, problems: r.problems };
  if (o.format !== LAYOUT_FORMAT) r.fail('format', { kind: 'format', expected: LAYOUT_FORMAT });
  const floorObj = r.obj(o.floor, 'floor');
  const floor = { widthM: r.num(floorObj, 'widthM', 'floor', LIMITS.floorM), depthM: r.num(floorObj, 'depthM', 'floor', LIMITS.floorM) };
  const ro = r.obj(o.racks, 'racks');
  const racks = {
    rows: r.num(ro, 'rows', 'racks', LIMITS.rows, true),
    unitsPerRow: r.num(ro, 'unitsPerRow', 'racks', LIMITS.unitsPerRow, true),
    unitLengthM: r.num(ro, 'unitLengthM', 'racks', LIMITS.unitLengthM),
    depthM: r.num(ro, 'depthM', 'racks', LIMITS.rackDepthM),
    levels: r.num(ro, 'levels', 'racks', LIMITS.levels, true),
    levelHeightM: r.num(ro, 'levelHeightM', 'racks', LIMITS.levelHeightM),
    aisleWidthM: r.num(ro, 'aisleWidthM', 'racks', LIMITS.aisleWidthM),
    binsPerLevel: r.num(ro, 'binsPerLevel', 'racks', LIMITS.binsPerLevel, true),
  };
  const robotsObj = r.obj(o.robots, 'robots');
  const ordersObj = r.obj(o.orders, 'orders');
  const layout: Layout = {
    format: LAYOUT_FORMAT,
    name: r.str(o, 'name', '', null),
    seed: r.num(o, 'seed', '', [0, 4_294_967_295], true),
    floor,
    racks,
    itemsPerBin: r.num(o, 'itemsPerBin', '', LIMITS.itemsPerBin, true),
    skus: r.arr(o, 'skus', LIMITS.skus).map((v, i) => readSku(r, v, i)),
    robots: { count: r.num(robotsObj, 'count', 'robots', LIMITS.robots, true), speedMps: r.num(robotsObj, 'speedMps', 'robots', LIMITS.speedMps) },
    stations: [],
    orders: { perHour: r.num(ordersObj, 'perHour', 'orders', LIMITS.ordersPerHour), maxLines: r.num(ordersObj, 'maxLines', 'orders', LIMITS.maxLines, true) },
  };
  layout.stations = r.arr(o, 'stations', LIMITS.stations).map((v, i) => readStation(r, v, i, floor));
  // Cross-field checks only make sense once every field is well-formed.
  if (r.problems.length === 0) checkFit(r, layout);
  if (r.problems.length === 0) {
    try {
      createGeometry(layout);
    } catch (error) {
      // The only way a well-formed, fitting layout fails to build: too many robots for their homes.
      r.fail('robots.count', { kind: 'robot-homes', detail: error instanceof Error ? error.message : String(error) });
    }
  }
  return r.problems.length ? { ok: false, problems: r.problems } : { ok: true, layout };
}

/** Parses and validates layout text (a file's content), including its size. */
export function parseLayout(text: string): LayoutResult {
  if (text.length > LIMITS.maxBytes)
    return { ok: false, problems: [{ path: '(file)', kind: 'file-size', kb: Math.round(text.length / 1024), limitKb: LIMITS.maxBytes / 1024 }] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '(file)', kind: 'json', detail: (error as Error).message }] };
  }
  return validateLayout(json);
}
