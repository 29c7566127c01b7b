// The headset group: built files only the immersive (headset) path loads.
// Phones never download them, not even into the offline cache: the service
// worker precaches everything else, and caches this group only on a device
// that can enter VR, when the app asks it to (src/pwa/pwa.ts). The plugin
// writes the list to dist/headset-assets.json, which the service worker,
// the precache check and the e2e tests read: one list, computed once.

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
  const app = walk(chunks.filter((c) => c.isEntry).map((c) => c.fileName), root.fileName);
  return [...walk([root.fileName])].filter((f) => !app.has(f)).sort();
}

/** Name of the emitted list. */
export const HEADSET_LIST = 'headset-assets.json';

/**
 * @param {{ headsetModule: string }} options
 * @returns {import('vite').Plugin & { files: Set<string> }}
 */
export function headsetGroup({ headsetModule }) {
  const files = new Set();
  return {
    name: 'chasm-headset-group',
    apply: 'build',
    files,
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      files.clear();
      for (const f of headsetOnlyFiles(chunks, headsetModule)) files.add(f);
      this.emitFile({ type: 'asset', fileName: HEADSET_LIST, source: `${JSON.stringify({ files: [...files] }, null, 1)}\n` });
      this.info(`headset group: ${files.size} files, cached only on devices that can enter VR`);
    },
  };
}
