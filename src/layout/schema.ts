/**
 * The warehouse layout format, `chasm-layout/1`: a small JSON document from
 * which the whole front warehouse is generated deterministically (racks,
 * bins, stock, robots, stations, order stream). Documented in
 * `assets/layouts/README.md`; validated by `validate.ts`.
 */

/** The format tag every layout carries. */
export const LAYOUT_FORMAT = 'chasm-layout/1';

/** A stock-keeping unit: one medication pack type. */
export interface Sku {
  /** Unique id, 1–32 characters of A–Z, a–z, 0–9, '-' or '_'. */
  id: string;
  /** Display name, 1–80 characters. */
  name: string;
  /**
   * Optional: the name in other languages, by BCP 47 tag (`{ "zh-CN": "对乙酰氨基酚 500 毫克" }`), each 1–80 characters.
   * A language with none shows `name`.
   */
  names?: Record<string, string>;
  /** Pack colour as `#rrggbb`. */
  colour: string;
  /** Pack size [width, height, depth] in metres, each 0.02–0.5. */
  sizeM: [number, number, number];
}

/** Kinds of station robots work with. */
export type StationKind = 'packing' | 'dispatch' | 'charging';

/** A station on the floor. */
export interface Station {
  id: string;
  kind: StationKind;
  /** Centre position on the floor, in metres (origin at the floor centre). */
  xM: number;
  zM: number;
}

/** A whole warehouse layout. */
export interface Layout {
  format: typeof LAYOUT_FORMAT;
  /** Display name, 1–80 characters. */
  name: string;
  /** Seed of every random choice (stock, orders), an integer 0–4294967295. */
  seed: number;
  floor: {
    /** Floor width along x, in metres. */
    widthM: number;
    /** Floor depth along z, in metres. */
    depthM: number;
  };
  racks: {
    /** Number of back-to-back rack rows; each row faces an aisle on both sides. */
    rows: number;
    /** Rack units along each row. */
    unitsPerRow: number;
    /** Length of one unit along z, in metres. */
    unitLengthM: number;
    /** Depth of a back-to-back row along x, in metres. */
    depthM: number;
    /** Shelf levels per unit. */
    levels: number;
    /** Height between shelf levels, in metres. */
    levelHeightM: number;
    /** Width of the aisles between rows, in metres. */
    aisleWidthM: number;
    /** Bins per unit, per level, per side. */
    binsPerLevel: number;
  };
  /** Stock items in each bin when full. */
  itemsPerBin: number;
  skus: Sku[];
  robots: {
    count: number;
    /** Travel speed in metres per second. */
    speedMps: number;
  };
  stations: Station[];
  orders: {
    /** Mean order arrivals per hour (Poisson). */
    perHour: number;
    /** Most lines (bins to pick) in one order. */
    maxLines: number;
  };
}

/** A medicine's name in `lang` (a BCP 47 tag such as `zh-CN`): its own name there, else its language's (`zh`), else `name`. */
export function skuName(sku: Pick<Sku, 'name' | 'names'>, lang: string): string {
  const names = sku.names;
  if (!names) return sku.name;
  return names[lang] ?? names[lang.split('-')[0] ?? ''] ?? sku.name;
}

/** Documented limits of the format. */
export const LIMITS = {
  /** Largest layout file accepted, in bytes. */
  maxBytes: 256 * 1024,
  /** Most stock items a layout may generate. */
  maxItems: 250_000,
  floorM: [10, 200],
  rows: [1, 40],
  unitsPerRow: [1, 40],
  unitLengthM: [1, 4],
  rackDepthM: [0.4, 2],
  levels: [1, 8],
  levelHeightM: [0.25, 1],
  aisleWidthM: [1.2, 4],
  binsPerLevel: [1, 10],
  itemsPerBin: [1, 64],
  skus: [1, 500],
  skuSizeM: [0.02, 0.5],
  /** Most translated names one SKU may carry. */
  skuNames: 8,
  robots: [0, 200],
  speedMps: [0.2, 3],
  stations: [1, 20],
  ordersPerHour: [1, 100_000],
  maxLines: [1, 10],
  /** Depth of the lobby and station zone in front of the racks, in metres. */
  frontZoneM: 6,
  /** Width of the cross-aisles in front of and behind the racks, in metres. */
  crossAisleM: 2,
} as const;

/** Stock items a layout generates. */
export function itemCount(l: Pick<Layout, 'racks' | 'itemsPerBin'>): number {
  const r = l.racks;
  return r.rows * r.unitsPerRow * r.levels * 2 * r.binsPerLevel * l.itemsPerBin;
}
