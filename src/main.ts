/**
 * Entry point: the only module with side effects at import time.
 */
import './ui/style.css';
import { boot } from './app/boot';
import { renderFatal } from './ui/shell';
import { stringsFor } from './ui/strings';
import { resolveLanguage } from './settings/settings';

const root = document.getElementById('app');
const canvas = document.getElementById('scene');
if (!(root instanceof HTMLElement) || !(canvas instanceof HTMLCanvasElement)) {
  throw new Error('index.html must contain #app and canvas#scene');
}
boot(root, canvas).catch((error: unknown) => {
  // The app's code could not be loaded or threw while starting: say so instead of a blank page.
  const s = stringsFor(resolveLanguage('auto', navigator.languages));
  renderFatal(root, canvas, s.fatal.startTitle, s.fatal.startBody(error instanceof Error ? error.message : String(error)));
  console.error(error);
});
