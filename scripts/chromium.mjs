// Which Chromium this project drives, and how: the system Chromium
// (`CHROMIUM_PATH`, else /usr/bin/chromium) where there is one, otherwise
// Playwright's own browser; always WebGL2 on SwiftShader so a GPU-less
// machine still renders. Used by the e2e tests and the screenshot script.
import { existsSync } from 'node:fs';

/** Flags that make headless Chromium render WebGL2 without a GPU and stay off the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--use-angle=swiftshader',
];

/** The Chromium executable to use, or undefined for Playwright's own. */
export function chromiumExecutable() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points at ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Launch options for every Playwright browser in this project. */
export function chromiumLaunchOptions(extraArgs = []) {
  const executablePath = chromiumExecutable();
  return { ...(executablePath ? { executablePath } : {}), args: [...CHROMIUM_ARGS, ...extraArgs] };
}
