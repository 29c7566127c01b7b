export const COMPRESSIBLE: Set<string>;
export const MIN_COMPRESS_BYTES: number;
export function compressible(path: string, bytes: number): boolean;
export function chooseEncoding(acceptEncoding: string | undefined, hasBrotli: boolean): 'br' | 'gzip' | null;
export function precompress(dir: string): Promise<{ before: number; after: number }>;
