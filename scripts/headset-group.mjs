// The headset group: built files only the immersive (headset) path loads.
// Phones never download them, not even into the offline cache: the service
// worker precaches everything else, and caches this group only on a device
// that can enter VR, when the app asks it to (src/pwa/pwa.ts). The plugin
// writes the list to dist/headset-assets.json, which the service worker,
// the precache check and the e2e tests read: one list, computed once.
// Besides code, the group holds the static headset files in public/ under
// `staticDirs` (the WebXR input profiles: controller and hand models).
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Files reachable from the headset module (statically or dynamically) that
 * nothing else reaches: the closure from every other entry and dynamic
 * import, walked without passing through the headset module, is subtracted.
 * @param {{ fileName: string, imports: string[], dynamicImports: string[], isEntry: boolean, facadeModuleId: string | null }[]} chunks
 * @param {string} headsetModule path suffix of the headset module's source
 * @returns {string[]}
 */
export function headsetOnlyFiles(chunks, headsetModule) {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const root = chunks.find((c) => c.facadeModuleId?.endsWith(headsetModule));
  if (!root) throw new Error(`${headsetModule} is not a chunk of its own: is it still loaded with import()?`);
  const walk = (starts, skip) => {
    const seen = new Set();
    const stack = [...starts];
    while (stack.length) {
      const file = stack.pop();
      if (seen.has(file) || file === skip) continue;
      seen.add(file);
      const c = byFile.get(file);
      if (c) stack.push(...c.imports, ...c.dynamicImports);
    }
    return seen;
  };
  const app = walk(
    chunks.filter((c) => c.isEntry).map((c) => c.fileName),
    root.fileName,
  );
  return [...walk([root.fileName])].filter((f) => !app.has(f)).sort();
}

/**
 * Files a phone (or any device without VR) loads: the entry chunks and
 * everything they import statically, and the chunks Chasm's own modules load
 * with `import()` (the app, the robots' glTF loader, the PWA layer, ...),
 * except the headset module. Dynamic imports inside Babylon (WebGPU shaders,
 * PBR materials the app skips, loaders for texture formats it does not ship)
 * are not followed: a phone never runs them, so it does not precache them.
 * @param {{ fileName: string, imports: string[], dynamicImports: string[], isEntry: boolean, facadeModuleId: string | null }[]} chunks
 * @param {string} headsetModule path suffix of the headset module's source
 * @param {(chunk: { fileName: string, imports: string[] }) => string[]} appDynamicImports chunk files Chasm's own modules in `chunk` import with `import()`
 * @returns {string[]}
 */
export function phoneFiles(chunks, headsetModule, appDynamicImports, onlineModules = []) {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const roots = new Set(
    [headsetModule, ...onlineModules].map((m) => chunks.find((c) => c.facadeModuleId?.endsWith(m))?.fileName).filter((f) => f !== undefined),
  );
  const seen = new Set();
  const stack = chunks.filter((c) => c.isEntry).map((c) => c.fileName);
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file) || roots.has(file)) continue;
    seen.add(file);
    const c = byFile.get(file);
    if (c) stack.push(...c.imports, ...appDynamicImports(c));
  }
  return [...seen].sort();
}

/** Files under `dir` (recursively), as paths relative to `root` with '/'. */
function listFiles(dir, root) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name), root) : [relative(root, join(dir, e.name)).split(sep).join('/')],
  );
}

/** Name of the emitted list. */
export const HEADSET_LIST = 'headset-assets.json';

/**
 * `online`: modules loaded with `import()` only when online (the shared room's client): what only
 * they reach is precached by no device, and fetched when a room is joined.
 * @param {{ headsetModule: string, staticDirs: string[], onlineModules?: string[] }} options
 * @returns {import('vite').Plugin & { files: Set<string>, onlineFiles: Set<string> }}
 */
export function headsetGroup({ headsetModule, staticDirs, onlineModules = [] }) {
  const files = new Set();
  const onlineFiles = new Set();
  let publicDir = 'public';
  return {
    name: 'chasm-headset-group',
    apply: 'build',
    files,
    onlineFiles,
    configResolved(config) {
      publicDir = config.publicDir;
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      files.clear();
      onlineFiles.clear();
      // Which chunk holds each module, to follow the app's own import() calls.
      const chunkOf = new Map(chunks.flatMap((c) => c.moduleIds.map((id) => [id, c.fileName])));
      const isAppModule = (id) => id.includes('/src/') && !id.includes('/node_modules/');
      const appDynamicImports = (chunk) =>
        chunk.moduleIds
          .filter(isAppModule)
          .flatMap((id) => (this.getModuleInfo(id)?.dynamicallyImportedIds ?? []).map((dep) => chunkOf.get(dep)).filter(Boolean));
      const phone = new Set(phoneFiles(chunks, headsetModule, appDynamicImports, onlineModules));
      for (const m of onlineModules) for (const f of headsetOnlyFiles(chunks, m)) onlineFiles.add(f);
      // Everything else is cached only where VR is possible: the headset-only code (which a
      // phone must never fetch) and Babylon's optional chunks that no 2D path loads.
      const headsetOnly = new Set(headsetOnlyFiles(chunks, headsetModule));
      for (const c of chunks) if (!phone.has(c.fileName) && !onlineFiles.has(c.fileName)) files.add(c.fileName);
      for (const f of headsetOnly) if (phone.has(f)) this.error(`${f} is both headset-only and loaded by the 2D app`);
      for (const dir of staticDirs) {
        const found = listFiles(join(publicDir, dir), publicDir);
        if (found.length === 0) this.error(`public/${dir} is empty: run \`npm run assets\` (part of \`npm run build\`)`);
        for (const f of found) files.add(f);
      }
      this.emitFile({
        type: 'asset',
        fileName: HEADSET_LIST,
        source: `${JSON.stringify({ files: [...files].sort(), online: [...onlineFiles].sort() }, null, 1)}\n`,
      });
      this.info(
        `headset group: ${files.size} files (${headsetOnly.size} headset-only code), cached only on devices that can enter VR; ${phone.size} chunks for every device`,
      );
    },
  };
}
