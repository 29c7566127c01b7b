/**
 * Validates untrusted layout JSON (a file someone dropped, a URL) into a
 * `Layout`. Never throws: every problem comes back as a message naming the
 * field and what is wrong with it.
 */
import { itemCount, LAYOUT_FORMAT, LIMITS, type Layout, type Sku, type Station, type StationKind } from './schema';
import { createGeometry } from './geometry';

/** One problem with a layout, naming the field (a JSON path such as `skus[3].colour`). */
export interface LayoutProblem {
  path: string;
  message: string;
}

/** The outcome of validation. */
export type LayoutResult = { ok: true; layout: Layout } | { ok: false; problems: LayoutProblem[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const STATION_KINDS: readonly StationKind[] = ['packing', 'dispatch', 'charging'];
const ID = /^[A-Za-z0-9_-]{1,32}$/;
const COLOUR = /^#[0-9a-fA-F]{6}$/;

/** Collects problems while reading fields. */
class Reader {
  readonly problems: LayoutProblem[] = [];
  fail(path: string, message: string): void {
    if (this.problems.length < 50) this.problems.push({ path, message });
  }
  obj(v: unknown, path: string): Obj {
    if (isObj(v)) return v;
    this.fail(path, v === undefined ? 'is missing' : 'must be an object');
    return {};
  }
  num(o: Obj, key: string, path: string, [min, max]: readonly [number, number], integer = false): number {
    const v = o[key];
    const at = `${path}${path ? '.' : ''}${key}`;
    if (v === undefined) this.fail(at, 'is missing');
    else if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(at, 'must be a finite number');
    else if (integer && !Number.isInteger(v)) this.fail(at, `must be a whole number, got ${v}`);
    else if (v < min || v > max) this.fail(at, `must be between ${min} and ${max}, got ${v}`);
    else return v;
    return Number.NaN;
  }
  str(o: Obj, key: string, path: string, pattern: RegExp | null, what: string): string {
    const v = o[key];
    const at = `${path}${path ? '.' : ''}${key}`;
    if (v === undefined) this.fail(at, 'is missing');
    else if (typeof v !== 'string') this.fail(at, 'must be a string');
    else if (pattern && !pattern.test(v)) this.fail(at, `must be ${what}, got ${JSON.stringify(v.slice(0, 40))}`);
    else if (!pattern && (v.trim().length === 0 || v.length > 80)) this.fail(at, 'must be 1 to 80 characters');
    else return v;
    return '';
  }
  arr(o: Obj, key: string, [min, max]: readonly [number, number]): unknown[] {
    const v = o[key];
    if (v === undefined) this.fail(key, 'is missing');
    else if (!Array.isArray(v)) this.fail(key, 'must be an array');
    else if (v.length < min || v.length > max) this.fail(key, `must have between ${min} and ${max} entries, got ${v.length}`);
    else return v;
    return [];
  }
}

function readSku(r: Reader, v: unknown, i: number): Sku {
  const path = `skus[${i}]`;
  const o = r.obj(v, path);
  const size = o.sizeM;
  let sizeM: [number, number, number] = [Number.NaN, Number.NaN, Number.NaN];
  if (!Array.isArray(size) || size.length !== 3) r.fail(`${path}.sizeM`, 'must be [width, height, depth] in metres');
  else sizeM = [0, 1, 2].map((k) => r.num(size as unknown as Obj, String(k), `${path}.sizeM`, LIMITS.skuSizeM)) as typeof sizeM;
  return {
    id: r.str(o, 'id', path, ID, '1–32 letters, digits, - or _'),
    name: r.str(o, 'name', path, null, ''),
    colour: r.str(o, 'colour', path, COLOUR, 'a colour like "#3a86c8"'),
    sizeM,
  };
}

function readStation(r: Reader, v: unknown, i: number, floor: Layout['floor']): Station {
  const path = `stations[${i}]`;
  const o = r.obj(v, path);
  const kind = o.kind;
  if (!STATION_KINDS.includes(kind as StationKind)) r.fail(`${path}.kind`, `must be one of ${STATION_KINDS.join(', ')}`);
  const halfW = Number.isFinite(floor.widthM) ? floor.widthM / 2 : LIMITS.floorM[1];
  const halfD = Number.isFinite(floor.depthM) ? floor.depthM / 2 : LIMITS.floorM[1];
  return {
    id: r.str(o, 'id', path, ID, '1–32 letters, digits, - or _'),
    kind: kind as StationKind,
    xM: r.num(o, 'xM', path, [-halfW, halfW]),
    zM: r.num(o, 'zM', path, [-halfD, halfD]),
  };
}

/** Checks that the rack block, the front zone and the cross-aisles fit on the floor. */
function checkFit(r: Reader, l: Layout): void {
  const { racks, floor } = l;
  const widthNeeded = racks.rows * (racks.depthM + racks.aisleWidthM) + racks.aisleWidthM;
  if (widthNeeded > floor.widthM)
    r.fail('racks.rows', `${racks.rows} rows with their aisles need ${widthNeeded.toFixed(1)} m but floor.widthM is ${floor.widthM}`);
  const depthNeeded = LIMITS.frontZoneM + 2 * LIMITS.crossAisleM + racks.unitsPerRow * racks.unitLengthM;
  if (depthNeeded > floor.depthM)
    r.fail('racks.unitsPerRow', `${racks.unitsPerRow} units need ${depthNeeded.toFixed(1)} m of floor depth but floor.depthM is ${floor.depthM}`);
  const items = itemCount(l);
  if (items > LIMITS.maxItems)
    r.fail('itemsPerBin', `the layout would hold ${items.toLocaleString('en')} items; the limit is ${LIMITS.maxItems.toLocaleString('en')}`);
  const frontZ = -floor.depthM / 2 + LIMITS.frontZoneM;
  l.stations.forEach((s, i) => {
    if (s.zM > frontZ) r.fail(`stations[${i}].zM`, `must be in the front zone (zM ≤ ${frontZ}), got ${s.zM}`);
  });
  if (!l.stations.some((s) => s.kind === 'packing')) r.fail('stations', 'need at least one packing station');
  const dup = (ids: string[]) => ids.find((id, i) => id && ids.indexOf(id) !== i);
  const dupSku = dup(l.skus.map((s) => s.id));
  if (dupSku) r.fail('skus', `id "${dupSku}" is used twice`);
  const dupStation = dup(l.stations.map((s) => s.id));
  if (dupStation) r.fail('stations', `id "${dupStation}" is used twice`);
}

/** Validates parsed JSON as a layout. */
export function validateLayout(input: unknown): LayoutResult {
  const r = new Reader();
  const o = r.obj(input, '(layout)');
  if (r.problems.length) return { ok: false, problems: r.problems };
  if (o.format !== LAYOUT_FORMAT) r.fail('format', `must be "${LAYOUT_FORMAT}"`);
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
    name: r.str(o, 'name', '', null, ''),
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
      r.fail('robots.count', error instanceof Error ? error.message : String(error));
    }
  }
  return r.problems.length ? { ok: false, problems: r.problems } : { ok: true, layout };
}

/** Parses and validates layout text (a file's content), including its size. */
export function parseLayout(text: string): LayoutResult {
  if (text.length > LIMITS.maxBytes)
    return { ok: false, problems: [{ path: '(file)', message: `is ${Math.round(text.length / 1024)} KB; the limit is ${LIMITS.maxBytes / 1024} KB` }] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '(file)', message: `is not valid JSON: ${(error as Error).message}` }] };
  }
  return validateLayout(json);
}

/** One line per problem, for people: `skus[3].colour must be a colour like "#3a86c8"`. */
export function describeProblems(problems: readonly LayoutProblem[]): string {
  return problems.map((p) => `${p.path} ${p.message}`).join('\n');
}
