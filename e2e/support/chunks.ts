/**
 * The files only the headset path may download, as the build lists them
 * (dist/headset-assets.json, written by scripts/headset-group.mjs).
 */
import { readFileSync } from 'node:fs';

/** Built file names (under assets/) that belong only to the headset path. */
export function xrOnlyChunkFiles(listPath = 'dist/headset-assets.json'): string[] {
  const { files } = JSON.parse(readFileSync(listPath, 'utf8')) as { files: string[] };
  if (files.length === 0) throw new Error(`${listPath} lists no headset files: is the XR module still loaded with import()?`);
  return files;
}
