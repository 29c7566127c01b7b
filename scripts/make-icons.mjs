// Renders the app icons from the one source, assets/icon.svg, into
// public/icons/ (the web app manifest's 192 and 512 px icons, a maskable
// icon with the artwork inside the 80 % safe zone on a full-bleed
// background, and Apple's 180 px touch icon), and copies the SVG as the
// favicon. Uses resvg compiled to WebAssembly: no native binaries.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

/** The background the maskable icon bleeds to: the icon's own plate colour. */
export const ICON_BACKGROUND = '#15202b';

let ready;
function init() {
  const require = createRequire(import.meta.url);
  ready ??= readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm')).then((wasm) => initWasm(wasm));
  return ready;
}

/** Wraps the artwork so it fills `share` of a full-bleed square (a maskable icon's safe zone is a circle of 80 %). */
export function maskableSvg(svg, share = 0.72) {
  const inner = svg.replace(/^<svg\b/, `<svg x="${(1 - share) * 50}%" y="${(1 - share) * 50}%" width="${share * 100}%" height="${share * 100}%"`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512"><rect width="512" height="512" fill="${ICON_BACKGROUND}"/>${inner}</svg>`;
}

/** Renders an SVG to a PNG of size × size pixels. */
export async function renderPng(svg, size) {
  await init();
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

export async function makeIcons() {
  const svg = (await readFile('assets/icon.svg', 'utf8')).trim();
  await mkdir('public/icons', { recursive: true });
  const out = [
    ['public/icons/icon-192.png', svg, 192],
    ['public/icons/icon-512.png', svg, 512],
    ['public/icons/maskable-512.png', maskableSvg(svg), 512],
    ['public/icons/apple-touch-icon.png', maskableSvg(svg, 0.8), 180],
  ];
  for (const [file, source, size] of out) await writeFile(file, await renderPng(source, size));
  await copyFile('assets/icon.svg', 'public/icon.svg');
  console.log(`public/icons: ${out.map(([f, , s]) => `${f.split('/').pop()} (${s} px)`).join(', ')}, from assets/icon.svg`);
}
