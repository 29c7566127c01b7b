// A Vite plugin that fails the build when the JavaScript a phone downloads
// before anything else (the entry chunk, the chunks of the start-up modules
// it imports dynamically, and their static imports) passes its gzip budget,
// or when the headset code is no longer a lazily loaded chunk.
import { gzipSync } from 'node:zlib';

/**
 * @param {{ maxEntryGzipBytes: number, startupModules?: string[], lazyModules: string[] }} options
 * @returns {import('vite').Plugin}
 */
export function bundleBudget({ maxEntryGzipBytes, startupModules = [], lazyModules }) {
  return {
    name: 'chasm-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const seen = new Set();
      const startup = (c) => c.isEntry || startupModules.some((id) => c.moduleIds.includes(id));
      const stack = chunks.filter(startup).map((c) => c.fileName);
      while (stack.length) {
        const file = stack.pop();
        if (seen.has(file)) continue;
        seen.add(file);
        stack.push(...(byFile.get(file)?.imports ?? []));
      }
      const gzipBytes = [...seen].reduce((n, f) => n + gzipSync(byFile.get(f).code, { level: 9 }).length, 0);
      const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
      this.info(`first-load JavaScript: ${kb(gzipBytes)} gzip in ${seen.size} chunks (budget ${kb(maxEntryGzipBytes)})`);
      if (gzipBytes > maxEntryGzipBytes) this.error(`first-load JavaScript is ${kb(gzipBytes)} gzip, over its ${kb(maxEntryGzipBytes)} budget`);
      for (const id of lazyModules) {
        const lazy = chunks.find((c) => c.facadeModuleId?.endsWith(id) && c.isDynamicEntry);
        if (!lazy) this.error(`${id} must stay a lazily loaded chunk of its own`);
        if (seen.has(lazy.fileName)) this.error(`${id} is imported statically: phones would download it`);
      }
    },
  };
}
