/**
 * The files a phone never downloads, as the build lists them
 * (dist/headset-assets.json, written by scripts/headset-group.mjs): the
 * headset code and models, and Babylon's optional chunks no 2D path loads.
 */
import { readFileSync } from 'node:fs';

/** Built file names cached only on devices that can enter VR. */
export function vrDeviceOnlyFiles(listPath = 'dist/headset-assets.json'): string[] {
  const { files } = JSON.parse(readFileSync(listPath, 'utf8')) as { files: string[] };
  if (files.length === 0) throw new Error(`${listPath} lists no headset files: is the XR module still loaded with import()?`);
  return files;
}
