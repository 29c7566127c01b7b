#!/usr/bin/env node
// `npm run assets` (also run by `npm run build`): turns the source models in
// assets/models/ into what the app loads, in public/models/, renders the
// icons (scripts/make-icons.mjs) and copies the screenshots into public/.
// For each model: weld, simplify into levels of detail (meshoptimizer) and
// quantize (KHR_mesh_quantization). Not meshopt-compressed: the quantized
// model is 40 KB and 13.5 KB gzipped on the wire, less than the compressed
// model (18 KB) plus its decoder (8 KB gzip), and it needs no decoder worker
// and WebAssembly compile, which cost a phone about a second of start-up.
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { NodeIO } from '@gltf-transform/core';
import { KHRMeshQuantization } from '@gltf-transform/extensions';
import { prune, quantize, simplifyPrimitive, weld } from '@gltf-transform/functions';
import { MeshoptSimplifier } from 'meshoptimizer';
import { makeIcons } from './make-icons.mjs';

/** Levels of detail: share of triangles kept and the simplifier's error bound. */
const LODS = [
  { name: 'lod0', ratio: 1, error: 0 },
  { name: 'lod1', ratio: 0.35, error: 0.01 },
  { name: 'lod2', ratio: 0.1, error: 0.05 },
];

const trianglesOf = (mesh) => mesh.listPrimitives().reduce((n, p) => n + p.getIndices().getCount() / 3, 0);

async function buildModel(name) {
  await MeshoptSimplifier.ready;
  const io = new NodeIO().registerExtensions([KHRMeshQuantization]);
  const doc = await io.read(`assets/models/${name}.glb`);
  await doc.transform(weld());
  const scene = doc.getRoot().getDefaultScene() ?? doc.getRoot().listScenes()[0];
  const [source] = doc.getRoot().listMeshes();
  const report = [];
  for (const lod of LODS) {
    let mesh = source;
    if (lod.ratio < 1) {
      mesh = doc.createMesh(`${name}_${lod.name}`);
      for (const prim of source.listPrimitives()) {
        const copy = prim.clone();
        simplifyPrimitive(copy, { simplifier: MeshoptSimplifier, ratio: lod.ratio, error: lod.error, lockBorder: false });
        mesh.addPrimitive(copy);
      }
      scene.addChild(doc.createNode(`${name}_${lod.name}`).setMesh(mesh));
    } else {
      mesh.setName(`${name}_${lod.name}`);
      for (const node of doc.getRoot().listNodes()) if (node.getMesh() === mesh) node.setName(`${name}_${lod.name}`);
    }
    report.push(`${lod.name} ${trianglesOf(mesh)} triangles`);
  }
  await doc.transform(prune(), quantize());
  await mkdir('public/models', { recursive: true });
  await io.write(`public/models/${name}.glb`, doc);
  const bytes = (await stat(`public/models/${name}.glb`)).size;
  console.log(`public/models/${name}.glb: ${report.join(', ')}; ${bytes} bytes`);
}

await buildModel('robot');
// Earlier builds self-hosted the meshopt decoder here; a stale copy would be precached for nothing.
await rm('public/vendor', { recursive: true, force: true });
await makeIcons();
// The manifest's screenshots (the richer install sheet), captured from the
// running app by scripts/capture-screenshots.mjs and kept in assets/.
await mkdir('public/screenshots', { recursive: true });
for (const shot of ['wide.jpg', 'narrow.jpg']) await copyFile(`assets/screenshots/${shot}`, `public/screenshots/${shot}`);
console.log('public/screenshots: wide.jpg, narrow.jpg');

// WebXR input profiles (controller models and the hand mesh) for the
// headset path, self-hosted: Babylon's default is a CDN. The package is
// ~100 MB; Chasm copies only what a Quest needs, plus the generic
// fallbacks (with every model each profile names, so none is missing), and
// writes a profiles list naming just those.
const PROFILES_FROM = 'node_modules/@webxr-input-profiles/assets/dist/profiles';
const PROFILES = [
  'meta-quest-touch-plus', // Quest 3 and 3S
  'meta-quest-touch-pro', // Quest Pro
  'oculus-touch-v3', // Quest 2
  'generic-trigger-squeeze-thumbstick', // any other thumbstick controller (its left, right and handless models)
  'generic-trigger', // controllers with a trigger and no stick (they teleport with the trigger and turn from the menu)
  'generic-hand', // tracked hands
];
await rm('public/xr/profiles', { recursive: true, force: true });
const list = {};
for (const profile of PROFILES) {
  await mkdir(`public/xr/profiles/${profile}`, { recursive: true });
  const description = JSON.parse(await readFile(`${PROFILES_FROM}/${profile}/profile.json`, 'utf8'));
  const models = [...new Set(Object.values(description.layouts).map((layout) => layout.assetPath))];
  for (const f of ['profile.json', ...models]) await copyFile(`${PROFILES_FROM}/${profile}/${f}`, `public/xr/profiles/${profile}/${f}`);
  list[profile] = { path: `${profile}/profile.json` };
}
const upstream = JSON.parse(await readFile(`${PROFILES_FROM}/profilesList.json`, 'utf8'));
for (const profile of Object.keys(list)) if (!upstream[profile]) throw new Error(`${profile} is not in @webxr-input-profiles/assets`);
await writeFile('public/xr/profiles/profilesList.json', `${JSON.stringify(list, null, 1)}\n`);
console.log(`public/xr/profiles: ${Object.keys(list).join(', ')}`);
