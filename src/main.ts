/**
 * Entry point: the only module with side effects at import time.
 */
import './ui/style.css';
import { startApp } from './app/app';
import { renderFatal } from './ui/shell';
import { EN } from './ui/strings';

const root = document.getElementById('app');
const canvas = document.getElementById('scene');
if (!(root instanceof HTMLElement) || !(canvas instanceof HTMLCanvasElement)) {
  throw new Error('index.html must contain #app and canvas#scene');
}
try {
  startApp(root, canvas);
} catch (error) {
  renderFatal(root, canvas, EN.fatal.startTitle, EN.fatal.startBody(error instanceof Error ? error.message : String(error)));
  console.error(error);
}
