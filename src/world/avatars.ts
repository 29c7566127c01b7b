/**
 * The other participants of a shared room, drawn as avatars: a head for
 * everyone; a headset's torso, hands and lasers (its pointer rays); a phone's
 * or desktop's device, with a pale pyramid showing its view; above each, a
 * label with its name and live rate. Each part is one mesh with a thin
 * instance per participant, coloured per instance, and the labels one mesh.
 * A pale box in a participant's colour marks the robot or bin its pointer
 * aims at, for everyone. Eight draw calls however many people join (20 must
 * fit every row's budget).
 * Avatars ease towards each update (`room/avatar-motion.ts`), so they move
 * smoothly at the display's rate between the room's 20 Hz.
 */
import type { Scene } from '@babylonjs/core/scene';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import { CreateCylinder } from '@babylonjs/core/Meshes/Builders/cylinderBuilder';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Matrix, Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector';
import '@babylonjs/core/Meshes/thinInstanceMesh';
import { ease, easeAngleDeg } from '../room/avatar-motion';
import type { Pose } from '../room/protocol';
import type { Box } from '../selection/pick';
import { labelText } from '../room/labels';
import { createAvatarLabels, type LabelView } from './avatar-labels';

/** What an avatar shows: plain data from the room. */
export interface AvatarView {
  id: string;
  name: string;
  colour: string;
  terminal: string;
  pose: Pose;
  /** The terminal's measured numbers: its label shows the rendering rate. */
  stats: { renderHz: number };
}

/** A highlight: a box around what someone's pointer aims at, in their colour. */
export interface AvatarMark {
  colour: string;
  box: Box;
}

export interface Avatars {
  /**
   * Eases every avatar towards its latest pose over `dtS` and draws them with their labels (those not
   * listed are removed), and the highlights.
   */
  update(views: readonly AvatarView[], marks: readonly AvatarMark[], dtS: number, nowMs: number): void;
  /** Avatars drawn in the last update. */
  readonly drawn: number;
  /** Highlights drawn in the last update. */
  readonly marked: number;
  dispose(): void;
}

const LASER_M = 3;
const DEG = Math.PI / 180;

interface Part {
  mesh: Mesh;
  matrices: Float32Array;
  colours: Float32Array;
  count: number;
}

function part(scene: Scene, mesh: Mesh, capacity: number, alpha = 1, glows = false): Part {
  const material = new StandardMaterial(`${mesh.name}-material`, scene);
  material.specularColor = new Color3(0.1, 0.1, 0.1);
  // A glowing part shows its colour at full strength, whatever the light.
  material.disableLighting = glows;
  if (alpha < 1) {
    material.alpha = alpha;
    material.backFaceCulling = false;
  }
  mesh.material = material;
  mesh.isPickable = false;
  // The instances move every frame; culling them one by one is not worth recomputing bounds.
  mesh.alwaysSelectAsActiveMesh = true;
  const p: Part = { mesh, matrices: new Float32Array(capacity * 16), colours: new Float32Array(capacity * 4), count: 0 };
  mesh.thinInstanceSetBuffer('matrix', p.matrices, 16, false);
  mesh.thinInstanceSetBuffer('color', p.colours, 4, false);
  mesh.thinInstanceCount = 0;
  return p;
}

const scratch = { m: new Matrix() };
const ONE = Vector3.One();

function put(part: Part, colour: Color3, position: Vector3, rotation: Quaternion, scale: Vector3 = ONE): void {
  if (part.count * 16 >= part.matrices.length) return;
  Matrix.ComposeToRef(scale, rotation, position, scratch.m);
  scratch.m.copyToArray(part.matrices, part.count * 16);
  part.colours.set([colour.r, colour.g, colour.b, 1], part.count * 4);
  part.count++;
}

/** The rotation that turns +z towards `dir`. */
function towards(dir: Vector3, out: Quaternion): Quaternion {
  const yaw = Math.atan2(dir.x, dir.z);
  const pitch = -Math.asin(Math.max(-1, Math.min(1, dir.y / (dir.length() || 1))));
  return Quaternion.FromEulerAnglesToRef(pitch, yaw, 0, out);
}

export function createAvatars(scene: Scene, capacity: number): Avatars {
  const head = part(scene, CreateBox('avatar-head', { width: 0.22, height: 0.26, depth: 0.24 }, scene), capacity);
  const torso = part(scene, CreateBox('avatar-torso', { width: 0.36, height: 0.55, depth: 0.18 }, scene), capacity);
  const device = part(scene, CreateBox('avatar-device', { width: 0.09, height: 0.17, depth: 0.012 }, scene), capacity);
  // A four-sided pyramid, apex at the device, opening along +z: the view.
  const frustumMesh = CreateCylinder('avatar-view', { height: 1, diameterTop: 0, diameterBottom: 1.2, tessellation: 4 }, scene);
  frustumMesh.bakeTransformIntoVertices(Matrix.Translation(0, -0.5, 0).multiply(Matrix.RotationX(-Math.PI / 2)));
  const frustum = part(scene, frustumMesh, capacity, 0.18);
  const hand = part(scene, CreateBox('avatar-hand', { width: 0.08, height: 0.05, depth: 0.12 }, scene), capacity * 2);
  const laserMesh = CreateBox('avatar-laser', { width: 0.008, height: 0.008, depth: 1 }, scene);
  laserMesh.bakeTransformIntoVertices(Matrix.Translation(0, 0, 0.5));
  const laser = part(scene, laserMesh, capacity * 2, 1, true);
  // A highlight: a pale box in the pointer's colour around what it aims at.
  const mark = part(scene, CreateBox('avatar-mark', { size: 1 }, scene), capacity, 0.45, true);
  const parts = [head, torso, device, frustum, hand, laser, mark];
  const labels = createAvatarLabels(scene, capacity);
  const labelViews: LabelView[] = [];
  const shown = new Map<string, { x: number; y: number; z: number; yaw: number; pitch: number }>();
  const colours = new Map<string, Color3>();
  const colourOf = (hex: string) => {
    let colour = colours.get(hex);
    if (!colour) colours.set(hex, (colour = Color3.FromHexString(hex)));
    return colour;
  };

  return {
    get drawn() {
      return head.count;
    },
    get marked() {
      return mark.count;
    },
    update(views, marks, dtS, nowMs) {
      for (const p of parts) p.count = 0;
      labelViews.length = 0;
      const live = new Set<string>();
      for (const v of views) {
        live.add(v.id);
        const was = shown.get(v.id);
        const now = {
          x: ease(was?.x ?? Number.NaN, v.pose.xM, dtS),
          y: ease(was?.y ?? Number.NaN, v.pose.yM, dtS),
          z: ease(was?.z ?? Number.NaN, v.pose.zM, dtS),
          yaw: easeAngleDeg(was?.yaw ?? Number.NaN, v.pose.yawDeg, dtS),
          pitch: ease(was?.pitch ?? Number.NaN, v.pose.pitchDeg, dtS),
        };
        shown.set(v.id, now);
        const colour = colourOf(v.colour);
        const at = new Vector3(now.x, now.y, now.z);
        const look = Quaternion.FromEulerAngles(-now.pitch * DEG, now.yaw * DEG, 0);
        put(head, colour, at, look);
        labelViews.push({ id: v.id, text: labelText(v.name, v.stats.renderHz), colour: v.colour, x: now.x, y: now.y + 0.4, z: now.z });
        // The pointer rays: a headset's hands, a screen's pressed finger or mouse.
        for (const ray of [v.pose.left, v.pose.right]) {
          if (!ray) continue;
          const [ox, oy, oz, dx, dy, dz] = ray;
          const origin = new Vector3(ox, oy, oz);
          const q = towards(new Vector3(dx, dy, dz), new Quaternion());
          if (v.terminal === 'headset') put(hand, colour, origin, q);
          put(laser, colour, origin, q, new Vector3(1, 1, LASER_M));
        }
        if (v.terminal === 'headset') {
          put(torso, colour, new Vector3(now.x, now.y - 0.5, now.z), Quaternion.FromEulerAngles(0, now.yaw * DEG, 0));
        } else {
          // The device held a little below and in front of the eyes; its view opens from it.
          const forward = new Vector3(Math.sin(now.yaw * DEG), 0, Math.cos(now.yaw * DEG));
          const held = at.add(forward.scale(0.3)).addInPlaceFromFloats(0, -0.15, 0);
          put(device, colour, held, look);
          put(frustum, colour, held, look, new Vector3(1.2, 0.7, 1.2));
        }
      }
      for (const m of marks) put(mark, colourOf(m.colour), new Vector3(...m.box.center), Quaternion.Identity(), new Vector3(...m.box.size));
      for (const id of shown.keys()) if (!live.has(id)) shown.delete(id);
      const eye = scene.activeCamera?.globalPosition;
      labels.update(labelViews, eye?.x ?? 0, eye?.z ?? 0, nowMs);
      for (const p of parts) {
        p.mesh.thinInstanceCount = p.count;
        p.mesh.thinInstanceBufferUpdated('matrix');
        p.mesh.thinInstanceBufferUpdated('color');
        p.mesh.isVisible = p.count > 0;
      }
    },
    dispose() {
      labels.dispose();
      for (const p of parts) {
        p.mesh.material?.dispose();
        p.mesh.dispose();
      }
    },
  };
}
