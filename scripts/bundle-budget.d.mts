import type { Plugin } from 'vite';
export declare function bundleBudget(options: { maxEntryGzipBytes: number; lazyModules: string[] }): Plugin;
