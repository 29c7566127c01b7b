import type { Plugin } from 'vite';
export declare function bundleBudget(options: { maxEntryGzipBytes: number; startupModules?: string[]; lazyModules: string[] }): Plugin;
