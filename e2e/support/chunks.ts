/**
 * Reads Vite's build manifest to name the chunks only the headset path may
 * download: the XR module's chunk and everything it imports that the 2D
 * app does not already load.
 */
import { readFileSync } from 'node:fs';

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

/** The source module whose dynamic import is the headset code. */
const XR_ENTRY = 'src/xr/immersive-session.ts';

function staticClosure(manifest: Record<string, ManifestChunk>, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...keys];
  while (stack.length) {
    const key = stack.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    stack.push(...(manifest[key]?.imports ?? []));
  }
  return seen;
}

/** Built file names (under assets/) that belong only to the headset path. */
export function xrOnlyChunkFiles(manifestPath = 'dist/.vite/manifest.json'): string[] {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  if (!manifest[XR_ENTRY]) throw new Error(`${XR_ENTRY} is not a chunk of its own in ${manifestPath}: is it still loaded with import()?`);
  const entries = Object.keys(manifest).filter((k) => manifest[k]!.isEntry);
  const app = staticClosure(manifest, entries);
  const xr = staticClosure(manifest, [XR_ENTRY]);
  return [...xr].filter((k) => !app.has(k)).map((k) => manifest[k]!.file);
}
