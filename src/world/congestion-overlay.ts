/**
 * The congestion overlay: the aisles coloured by how often robots waited
 * there over the last simulated hour, yellow to red, clear where nobody
 * waited. One ground-sized quad over a texture of one texel per grid cell:
 * one draw call, repainted every few seconds while shown, nothing while off.
 */
import type { Scene } from '@babylonjs/core/scene';
import { RawTexture } from '@babylonjs/core/Materials/Textures/rawTexture';
import { Texture } from '@babylonjs/core/Materials/Textures/texture';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { CreateGround } from '@babylonjs/core/Meshes/Builders/groundBuilder';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import { CELL_M, type WarehouseGeometry } from '../layout/geometry';
import { congestionShares } from '../sim/congestion';
import type { Simulation } from '../sim/simulation';

/** Seconds between repaints while shown. */
const REPAINT_EVERY_S = 2;
const LIFT_M = 0.012;

/**
 * RGBA texels for waits per cell (shares of the busiest cell, 0..1): clear at 0, then yellow through
 * orange to red, more opaque the more robots waited. Row r of the texture is grid row r.
 */
export function heatTexels(shares: Float32Array, into = new Uint8Array(shares.length * 4)): Uint8Array {
  for (let i = 0; i < shares.length; i++) {
    const s = shares[i] ?? 0;
    const o = i * 4;
    if (s <= 0) {
      into[o + 3] = 0;
      continue;
    }
    into[o] = 250;
    into[o + 1] = Math.round(215 * (1 - s) + 40 * s);
    into[o + 2] = Math.round(60 * (1 - s) + 30 * s);
    into[o + 3] = Math.round(255 * (0.45 + 0.5 * s));
  }
  return into;
}

export interface CongestionOverlay {
  readonly mesh: Mesh;
  /** Shows or hides the overlay (painted at once when shown). */
  setShown(on: boolean): void;
  readonly shown: boolean;
  /** Counts time; repaints every few seconds while shown. */
  update(dtS: number): void;
  dispose(): void;
}

export function createCongestionOverlay(scene: Scene, geometry: WarehouseGeometry, sim: Simulation): CongestionOverlay {
  const { cols, gridRows } = geometry;
  const shares = new Float32Array(cols * gridRows);
  const texels = new Uint8Array(cols * gridRows * 4);
  const texture = RawTexture.CreateRGBATexture(texels, cols, gridRows, scene, false, false, Texture.NEAREST_SAMPLINGMODE);
  texture.name = 'congestion-texture';
  texture.hasAlpha = true;
  const material = new StandardMaterial('congestion-material', scene);
  material.disableLighting = true;
  material.diffuseColor = Color3.Black();
  material.specularColor = Color3.Black();
  material.emissiveTexture = texture;
  material.opacityTexture = texture;
  const mesh = CreateGround('congestion-overlay', { width: cols * CELL_M, height: gridRows * CELL_M }, scene);
  mesh.position.set(geometry.originXM + (cols * CELL_M) / 2, LIFT_M, geometry.originZM + (gridRows * CELL_M) / 2);
  mesh.material = material;
  mesh.isPickable = false;
  mesh.setEnabled(false);
  let sinceS = 0;
  const repaint = () => {
    congestionShares(sim.congestion, sim.tick, shares);
    texture.update(heatTexels(shares, texels));
    sinceS = 0;
  };
  return {
    mesh,
    setShown(on) {
      if (on === mesh.isEnabled()) return;
      mesh.setEnabled(on);
      if (on) repaint();
    },
    get shown() {
      return mesh.isEnabled();
    },
    update(dtS) {
      if (!mesh.isEnabled()) return;
      sinceS += dtS;
      if (sinceS >= REPAINT_EVERY_S) repaint();
    },
    dispose() {
      material.dispose();
      texture.dispose();
      mesh.dispose();
    },
  };
}
