export const NOT_PRECACHED: RegExp[];
export function precachedUrls(swSource: string): string[];
export function missingFromPrecache(distFiles: string[], precached: string[], headset?: string[], online?: string[]): string[];
export function readBuild(dist?: string): Promise<{ files: string[]; precached: string[]; headset: string[]; online: string[] }>;
export function firstVisitBytes(dist: string, precached: string[]): Promise<Record<string, number>>;
