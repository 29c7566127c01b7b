#!/usr/bin/env node
// Generates the source model of Chasm's picking robot, assets/models/robot.glb:
// a mobile base with bumper and lidar, a mast carrying a medication tote, a
// picking arm and a status light. One mesh with vertex colours (one material,
// so every robot of a level of detail is one draw call). Run by hand when the
// design changes; `npm run assets` turns it into LODs for the app.
import { Document, NodeIO } from '@gltf-transform/core';

const parts = [];

/** Adds a part: positions and normals per vertex, triangles, one colour. */
function part(positions, normals, indices, hex) {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  parts.push({ positions, normals, indices, colour: c });
}

function box([w, h, d], [x, y, z], hex) {
  const p = [];
  const n = [];
  const idx = [];
  const faces = [
    [
      [1, 0, 0],
      [0, 0, -1],
      [0, 1, 0],
    ],
    [
      [-1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
    ],
    [
      [0, 1, 0],
      [1, 0, 0],
      [0, 0, -1],
    ],
    [
      [0, -1, 0],
      [1, 0, 0],
      [0, 0, 1],
    ],
    [
      [0, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
    ],
    [
      [0, 0, -1],
      [-1, 0, 0],
      [0, 1, 0],
    ],
  ];
  for (const [normal, u, v] of faces) {
    const base = p.length / 3;
    for (const [su, sv] of [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
    ]) {
      for (let k = 0; k < 3; k++) {
        const half = [w, h, d][k] / 2;
        p.push([x, y, z][k] + half * (normal[k] + su * u[k] + sv * v[k]));
      }
      n.push(...normal);
    }
    idx.push(base, base + 1, base + 2, base, base + 2, base + 3);
  }
  part(p, n, idx, hex);
}

function cylinder(radius, height, [x, y, z], segments, hex) {
  const p = [];
  const n = [];
  const idx = [];
  for (let s = 0; s <= segments; s++) {
    const a = (s / segments) * Math.PI * 2;
    const cx = Math.cos(a);
    const cz = Math.sin(a);
    p.push(x + radius * cx, y, z + radius * cz, x + radius * cx, y + height, z + radius * cz);
    n.push(cx, 0, cz, cx, 0, cz);
  }
  for (let s = 0; s < segments; s++) {
    const i = s * 2;
    idx.push(i, i + 1, i + 3, i, i + 3, i + 2);
  }
  // Top cap.
  const centre = p.length / 3;
  p.push(x, y + height, z);
  n.push(0, 1, 0);
  for (let s = 0; s <= segments; s++) {
    const a = (s / segments) * Math.PI * 2;
    p.push(x + radius * Math.cos(a), y + height, z + radius * Math.sin(a));
    n.push(0, 1, 0);
  }
  for (let s = 0; s < segments; s++) idx.push(centre, centre + 2 + s, centre + 1 + s);
  part(p, n, idx, hex);
}

function sphere(radius, [x, y, z], rings, segments, hex) {
  const p = [];
  const n = [];
  const idx = [];
  for (let r = 0; r <= rings; r++) {
    const t = (r / rings) * Math.PI;
    for (let s = 0; s <= segments; s++) {
      const a = (s / segments) * Math.PI * 2;
      const nx = Math.sin(t) * Math.cos(a);
      const ny = Math.cos(t);
      const nz = Math.sin(t) * Math.sin(a);
      p.push(x + radius * nx, y + radius * ny, z + radius * nz);
      n.push(nx, ny, nz);
    }
  }
  for (let r = 0; r < rings; r++)
    for (let s = 0; s < segments; s++) {
      const i = r * (segments + 1) + s;
      idx.push(i, i + 1, i + segments + 2, i, i + segments + 2, i + segments + 1);
    }
  part(p, n, idx, hex);
}

// Forward is +z in glTF's right-handed space; the loader turns it into Babylon's.
cylinder(0.22, 0.16, [0, 0.02, 0], 64, '#f2f2f2'); // base
cylinder(0.226, 0.05, [0, 0.02, 0], 64, '#3b4148'); // bumper
cylinder(0.05, 0.05, [0, 0.18, 0.12], 32, '#1d1f22'); // lidar
box([0.08, 1.0, 0.08], [0, 0.68, -0.06], '#c8ccd0'); // mast
box([0.3, 0.12, 0.24], [0, 0.56, 0.1], '#3a86c8'); // tote
box([0.18, 0.11, 0.11], [0, 1.22, -0.04], '#2f3a45'); // head
box([0.12, 0.04, 0.01], [0, 1.23, 0.015], '#7cc4ff'); // face display
box([0.05, 0.05, 0.32], [0, 1.02, 0.12], '#e07b24'); // arm
box([0.09, 0.03, 0.05], [0, 1.0, 0.29], '#e07b24'); // gripper
sphere(0.03, [0, 1.3, -0.04], 12, 16, '#5ad17a'); // status light

const positions = [];
const normals = [];
const colours = [];
const indices = [];
for (const pt of parts) {
  const base = positions.length / 3;
  positions.push(...pt.positions);
  normals.push(...pt.normals);
  for (let i = 0; i < pt.positions.length / 3; i++) colours.push(...pt.colour, 1);
  indices.push(...pt.indices.map((i) => i + base));
}

const doc = new Document();
const buffer = doc.createBuffer();
const accessor = (type, array) => doc.createAccessor().setType(type).setArray(array).setBuffer(buffer);
const material = doc.createMaterial('robot').setBaseColorFactor([1, 1, 1, 1]).setRoughnessFactor(0.6).setMetallicFactor(0);
const prim = doc
  .createPrimitive()
  .setAttribute('POSITION', accessor('VEC3', new Float32Array(positions)))
  .setAttribute('NORMAL', accessor('VEC3', new Float32Array(normals)))
  .setAttribute('COLOR_0', accessor('VEC4', new Float32Array(colours)))
  .setIndices(accessor('SCALAR', new Uint32Array(indices)))
  .setMaterial(material);
const mesh = doc.createMesh('robot').addPrimitive(prim);
doc.createScene('robot').addChild(doc.createNode('robot').setMesh(mesh));
await new NodeIO().write('assets/models/robot.glb', doc);
console.log(`assets/models/robot.glb: ${indices.length / 3} triangles, ${positions.length / 3} vertices`);
