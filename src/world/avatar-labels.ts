/**
 * The avatars' labels: each participant's name, colour and live rendering
 * rate on a small card above its head, turned towards the viewer. Every
 * label is a quad of one mesh over one shared texture (a cell per
 * participant), so all of them together cost one draw call. The texture is
 * painted again only when a label's words change, and at most twice a second
 * (the rate at which the numbers arrive).
 */
import type { Scene } from '@babylonjs/core/scene';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { VertexData } from '@babylonjs/core/Meshes/mesh.vertexData';
import { VertexBuffer } from '@babylonjs/core/Buffers/buffer';
import { DynamicTexture } from '@babylonjs/core/Materials/Textures/dynamicTexture';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { assignCells } from '../room/labels';
import { fitText } from './fit-text';

/** One label to show: plain data. */
export interface LabelView {
  id: string;
  text: string;
  colour: string;
  /** Where the label's centre goes, in metres. */
  x: number;
  y: number;
  z: number;
}

export interface AvatarLabels {
  /** Shows `labels` facing the eye at (ex, ez); those not listed are hidden. */
  update(labels: readonly LabelView[], ex: number, ez: number, nowMs: number): void;
  dispose(): void;
}

const CELL_W = 256;
const CELL_H = 64;
const COLUMNS = 2;
const LABEL_W_M = 0.8;
const LABEL_H_M = LABEL_W_M * (CELL_H / CELL_W);
/** Repaints at most this often: the numbers arrive twice a second. */
const REPAINT_MS = 500;

export function createAvatarLabels(scene: Scene, capacity: number): AvatarLabels {
  const rows = Math.ceil(capacity / COLUMNS);
  const canvas = document.createElement('canvas');
  canvas.width = CELL_W * COLUMNS;
  canvas.height = CELL_H * rows;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const texture = new DynamicTexture('avatar-labels-texture', canvas, scene, true);
  const material = new StandardMaterial('avatar-labels-material', scene);
  material.diffuseColor = Color3.Black();
  material.specularColor = Color3.Black();
  material.emissiveTexture = texture;
  material.disableLighting = true;
  material.backFaceCulling = false;
  material.freeze();

  // A quad per cell; its texture coordinates stay, its corners move with its participant.
  const positions = new Float32Array(capacity * 12);
  const uvs: number[] = [];
  const indices: number[] = [];
  for (let cell = 0; cell < capacity; cell++) {
    const u0 = (cell % COLUMNS) / COLUMNS;
    const u1 = u0 + 1 / COLUMNS;
    // The canvas's top row is the texture's v = 1.
    const vTop = 1 - Math.floor(cell / COLUMNS) / rows;
    const vBottom = vTop - 1 / rows;
    uvs.push(u0, vBottom, u1, vBottom, u1, vTop, u0, vTop);
    const k = cell * 4;
    indices.push(k, k + 1, k + 2, k, k + 2, k + 3);
  }
  const mesh = new Mesh('avatar-labels', scene);
  const data = new VertexData();
  data.positions = positions;
  data.uvs = uvs;
  data.indices = indices;
  data.applyToMesh(mesh, true);
  mesh.material = material;
  mesh.isPickable = false;
  // The quads move every frame; the mesh is drawn whenever any label is.
  mesh.alwaysSelectAsActiveMesh = true;
  mesh.isVisible = false;

  const cells = new Map<string, number>();
  const painted = new Map<number, string>();
  let lastPaintMs = -Infinity;

  const paint = (cell: number, view: LabelView) => {
    if (!ctx) return;
    const x = (cell % COLUMNS) * CELL_W;
    const y = Math.floor(cell / COLUMNS) * CELL_H;
    ctx.fillStyle = '#14202b';
    ctx.fillRect(x, y, CELL_W, CELL_H);
    ctx.fillStyle = view.colour;
    ctx.fillRect(x, y, 12, CELL_H);
    ctx.fillStyle = '#f3f6f9';
    ctx.textBaseline = 'top';
    fitText(ctx, view.text, x + 22, y + 14, CELL_W - 30, 34, 600);
    painted.set(cell, `${view.colour}${view.text}`);
  };

  return {
    update(labels, ex, ez, nowMs) {
      const placed = assignCells(
        cells,
        labels.map((l) => l.id),
        capacity,
      );
      // New faces are painted at once; changed numbers at the repaint rate.
      const due = placed.length > 0 || nowMs - lastPaintMs >= REPAINT_MS;
      let repainted = false;
      positions.fill(0);
      for (const view of labels) {
        const cell = cells.get(view.id);
        if (cell === undefined) continue;
        if (due && painted.get(cell) !== `${view.colour}${view.text}`) {
          paint(cell, view);
          repainted = true;
        }
        // Turned about the vertical towards the eye: its right is across the line of sight.
        const fx = view.x - ex;
        const fz = view.z - ez;
        const len = Math.hypot(fx, fz) || 1;
        const rx = (fz / len) * (LABEL_W_M / 2);
        const rz = (-fx / len) * (LABEL_W_M / 2);
        const h = LABEL_H_M / 2;
        positions.set(
          [
            view.x - rx,
            view.y - h,
            view.z - rz,
            view.x + rx,
            view.y - h,
            view.z + rz,
            view.x + rx,
            view.y + h,
            view.z + rz,
            view.x - rx,
            view.y + h,
            view.z - rz,
          ],
          cell * 12,
        );
      }
      if (repainted) {
        texture.update();
        lastPaintMs = nowMs;
      }
      mesh.updateVerticesData(VertexBuffer.PositionKind, positions, false, false);
      mesh.isVisible = labels.length > 0;
    },
    dispose() {
      mesh.dispose();
      material.dispose();
      texture.dispose();
    },
  };
}
