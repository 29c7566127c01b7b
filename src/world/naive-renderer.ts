/**
 * `?budgets=off`: the same world built the straightforward way, the baseline
 * the budgets are measured against and a switch a person can flip to feel
 * the difference. A mesh per pack and per robot, no instancing, no levels of
 * detail, nothing merged or frozen.
 */
import type { Scene } from '@babylonjs/core/scene';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import type { RowStock } from '../layout/stock';
import type { StockRenderer } from './stock-renderer';
import { locatePack } from '../layout/stock';
import type { RobotPose, RobotRenderer } from './robot-renderer';

/** One box mesh per pack, with a material per colour. */
export function createNaiveStock(scene: Scene, groups: readonly RowStock[]): StockRenderer {
  const materials = new Map<string, StandardMaterial>();
  const materialFor = (r: number, g: number, b: number) => {
    const key = `${r},${g},${b}`;
    let m = materials.get(key);
    if (!m) {
      m = new StandardMaterial(`naive-${key}`, scene);
      m.diffuseColor = new Color3(r, g, b);
      materials.set(key, m);
    }
    return m;
  };
  const template = CreateBox('naive-pack', { size: 1 }, scene);
  template.setEnabled(false);
  const meshes: Mesh[] = [];
  for (const g of groups) {
    const { matrices, colours } = g.items();
    for (let i = 0; i < g.itemCount; i++) {
      const m = (k: number) => matrices[i * 16 + k] ?? 0;
      const c = (k: number) => colours[i * 4 + k] ?? 0;
      const mesh = template.clone(`naive-pack-${meshes.length}`);
      mesh.setEnabled(true);
      // Matrices may turn a pack half a turn (negative x and z scale): keep the sizes positive.
      mesh.scaling.set(Math.abs(m(0)), m(5), Math.abs(m(10)));
      mesh.position.set(m(12), m(13), m(14));
      mesh.material = materialFor(c(0), c(1), c(2));
      meshes.push(mesh);
    }
  }
  /** The first pack mesh of each group. */
  const firstOf: number[] = [];
  groups.reduce((first, g) => (firstOf.push(first), first + g.itemCount), 0);
  const meshOf = (bin: number, n: number) => {
    const at = locatePack(groups, bin, n);
    return at ? meshes[(firstOf[at.group] ?? 0) + at.item] : undefined;
  };
  return {
    update() {
      // No levels of detail: everything, always.
    },
    setPackShown(bin, n, shown) {
      meshOf(bin, n)?.setEnabled(shown);
    },
    packShown: (bin, n) => meshOf(bin, n)?.isEnabled() ?? null,
    dispose() {
      for (const m of meshes) m.dispose();
      template.dispose();
      for (const m of materials.values()) m.dispose();
    },
  };
}

/** A full-detail mesh per robot, moved one by one. */
export function createNaiveRobots(meshes: readonly Mesh[], count: number): RobotRenderer {
  const [detailed, ...coarser] = meshes;
  if (!detailed) throw new Error('the robot model has no meshes');
  for (const m of coarser) m.dispose();
  detailed.setEnabled(false);
  const robots: Mesh[] = [];
  for (let i = 0; i < count; i++) {
    const mesh = detailed.clone(`naive-robot-${i}`, detailed.parent);
    mesh.setEnabled(true);
    robots.push(mesh);
  }
  return {
    update(poses: readonly RobotPose[]) {
      poses.forEach((p, i) => {
        const mesh = robots[i];
        if (!mesh) return;
        mesh.position.set(p.xM, 0, p.zM);
        mesh.rotation.y = p.headingRad;
      });
    },
    dispose() {
      for (const m of robots) m.dispose();
      detailed.dispose();
    },
  };
}
