/**
 * The placeholder warehouse: floor, lights, pallet racking stocked with
 * medication boxes, a packing station and a few parked robots. Static
 * geometry is merged per material and frozen; stock boxes are one mesh of
 * thin instances, so the whole scene is a handful of draw calls.
 */
import type { Scene } from '@babylonjs/core/scene';
import { Color3, Color4 } from '@babylonjs/core/Maths/math.color';
import { Matrix, Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector';
import { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight';
import { DirectionalLight } from '@babylonjs/core/Lights/directionalLight';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import { CreateGround } from '@babylonjs/core/Meshes/Builders/groundBuilder';
import { CreateCylinder } from '@babylonjs/core/Meshes/Builders/cylinderBuilder';
import '@babylonjs/core/Meshes/thinInstanceMesh';
import { createRng } from '../sim/rng';

/** Placeholder dimensions, in metres. */
const FLOOR_M = 30;
const AISLE_X_M = [-6, -2, 2, 6] as const;
const UNIT_LENGTH_M = 2.7;
const UNITS_PER_ROW = 4;
const LEVEL_HEIGHTS_M = [0.15, 0.75, 1.35, 1.95] as const;
const RACK_DEPTH_M = 0.9;

/** Box colours: the packaging colours of a few SKUs. */
const SKU_COLOURS = ['#e8eef2', '#f4c542', '#3a86c8', '#e4572e', '#76b041', '#ffffff', '#9b5de5'] as const;

/** Handles to what the placeholder added, to remove it again. */
export interface PlaceholderWorld {
  /** Number of stock items shown. */
  stockCount: number;
  dispose(): void;
}

function material(scene: Scene, name: string, hex: string): StandardMaterial {
  const m = new StandardMaterial(name, scene);
  m.diffuseColor = Color3.FromHexString(hex);
  m.specularColor = new Color3(0.08, 0.08, 0.08);
  return m;
}

/** Merges meshes into one static, frozen, unpickable mesh with one material. */
function mergeStatic(meshes: Mesh[], mat: StandardMaterial): Mesh {
  const merged = Mesh.MergeMeshes(meshes, true, true);
  if (!merged) throw new Error('could not merge static geometry');
  merged.material = mat;
  merged.isPickable = false;
  merged.freezeWorldMatrix();
  return merged;
}

/** Builds the placeholder warehouse into the scene. */
export function createPlaceholderWorld(scene: Scene): PlaceholderWorld {
  scene.clearColor = Color4.FromHexString('#c9d6e2ff');
  scene.ambientColor = new Color3(0.3, 0.3, 0.3);

  const hemi = new HemisphericLight('sky', new Vector3(0.2, 1, -0.3), scene);
  hemi.intensity = 0.75;
  hemi.groundColor = new Color3(0.35, 0.33, 0.3);
  const sun = new DirectionalLight('sun', new Vector3(-0.4, -1, 0.6), scene);
  sun.intensity = 0.55;

  const floorMat = material(scene, 'floor', '#b9b4aa');
  const uprightMat = material(scene, 'rack-upright', '#2f5d8a');
  const beamMat = material(scene, 'rack-beam', '#e07b24');
  const stationMat = material(scene, 'station', '#5b6770');
  const robotMat = material(scene, 'robot', '#f2f2f2');
  const stockMat = material(scene, 'stock', '#ffffff');

  const floor = CreateGround('floor', { width: FLOOR_M, height: FLOOR_M }, scene);
  floor.material = floorMat;
  floor.isPickable = false;
  floor.freezeWorldMatrix();

  const uprights: Mesh[] = [];
  const beams: Mesh[] = [];
  const rowLengthM = UNIT_LENGTH_M * UNITS_PER_ROW;
  const rowStartZ = -rowLengthM / 2;
  for (const x of AISLE_X_M) {
    for (let u = 0; u <= UNITS_PER_ROW; u++) {
      for (const dx of [-RACK_DEPTH_M / 2, RACK_DEPTH_M / 2]) {
        const post = CreateBox('upright', { width: 0.08, depth: 0.08, height: 2.4 }, scene);
        post.position.set(x + dx, 1.2, rowStartZ + u * UNIT_LENGTH_M);
        uprights.push(post);
      }
    }
    for (const y of LEVEL_HEIGHTS_M) {
      const board = CreateBox('beam', { width: RACK_DEPTH_M, depth: rowLengthM, height: 0.05 }, scene);
      board.position.set(x, y - 0.025, 0);
      beams.push(board);
    }
  }

  const station = CreateBox('packing-station', { width: 3, depth: 1.2, height: 0.9 }, scene);
  station.position.set(0, 0.45, 9);

  const rng = createRng(20260404);
  const stock: Matrix[] = [];
  const colours: number[] = [];
  const q = Quaternion.Identity();
  for (const x of AISLE_X_M) {
    for (const y of LEVEL_HEIGHTS_M) {
      let z = rowStartZ + 0.1;
      while (z < rowStartZ + rowLengthM - 0.3) {
        const w = 0.12 + rng() * 0.18;
        const h = 0.08 + rng() * 0.22;
        const colour = Color3.FromHexString(SKU_COLOURS[Math.floor(rng() * SKU_COLOURS.length)]!);
        // Two boxes deep, one facing each aisle.
        for (const dx of [-0.2, 0.2]) {
          stock.push(Matrix.Compose(new Vector3(w, h, 0.3), q, new Vector3(x + dx, y + h / 2, z + w / 2)));
          colours.push(colour.r, colour.g, colour.b, 1);
        }
        z += w + 0.02;
      }
    }
  }
  const box = CreateBox('stock', { size: 1 }, scene);
  box.material = stockMat;
  box.isPickable = false;
  const matrices = new Float32Array(stock.length * 16);
  stock.forEach((m, i) => m.copyToArray(matrices, i * 16));
  box.thinInstanceSetBuffer('matrix', matrices, 16, true);
  box.thinInstanceSetBuffer('color', new Float32Array(colours), 4, true);
  box.freezeWorldMatrix();

  const robots: Mesh[] = [];
  [
    [-4, -3],
    [0, 2],
    [4, -1],
    [-2, 6],
  ].forEach(([x, z], i) => {
    const base = CreateCylinder(`robot-base-${i}`, { diameter: 0.7, height: 0.35, tessellation: 24 }, scene);
    base.position.set(x!, 0.175, z!);
    const mast = CreateBox(`robot-mast-${i}`, { width: 0.18, depth: 0.18, height: 1.3 }, scene);
    mast.position.set(x!, 1, z!);
    robots.push(base, mast);
  });

  const statics = [
    mergeStatic(uprights, uprightMat),
    mergeStatic(beams, beamMat),
    mergeStatic([station], stationMat),
    mergeStatic(robots, robotMat),
  ];
  for (const m of [floorMat, uprightMat, beamMat, stationMat, robotMat, stockMat]) m.freeze();

  return {
    stockCount: stock.length,
    dispose() {
      for (const m of [...statics, floor, box]) m.dispose(false, true);
      hemi.dispose();
      sun.dispose();
    },
  };
}
