/** Package version, replaced at build time by Vite's `define`. */
declare const __CHASM_VERSION__: string;
