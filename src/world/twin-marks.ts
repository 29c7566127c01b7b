/**
 * What the twin marks on its world: the selection's highlight (a robot's
 * route ahead drawn from it on the floor) and the congestion overlay. Three
 * meshes, one draw call each while shown. Loaded after the first frame
 * (twin.ts lazyMarks): none of it is drawn at the start.
 */
import type { Scene } from '@babylonjs/core/scene';
import type { WarehouseGeometry } from '../layout/geometry';
import { slotOfTick, type Simulation } from '../sim/simulation';
import { routeAhead } from '../sim/route';
import { aimBox } from '../selection/pick';
import type { Aim } from '../room/protocol';
import type { RobotPose } from './robot-renderer';
import { createHighlight } from './highlight';
import { createRouteLine } from './route-line';
import { createCongestionOverlay } from './congestion-overlay';

/** Builds the marks, hidden. */
export function createTwinMarks(scene: Scene, geometry: WarehouseGeometry, sim: Simulation, poses: readonly RobotPose[]) {
  const highlight = createHighlight(scene);
  const route = createRouteLine(scene, geometry);
  const congestion = createCongestionOverlay(scene, geometry, sim);
  let highlighted: Aim | null = null;
  /** The route is worked out again only when the followed robot's path or slot changed, not every frame. */
  let routeOf: { robot: number; path: readonly number[]; slot: number } | null = null;
  return {
    setHighlight: (target: Aim | null) => {
      highlighted = target;
    },
    setCongestionShown: (on: boolean) => congestion.setShown(on),
    congestionShown: () => congestion.shown,
    route: () => route.cells,
    /** Follows the selected robot, its route as it drives or replans, and repaints the overlay when due. */
    update(dtS: number) {
      highlight.show(highlighted ? aimBox(highlighted, geometry, poses) : null);
      const followed = highlighted?.kind === 'robot' ? sim.robots[highlighted.id] : undefined;
      const slot = slotOfTick(sim, sim.tick);
      if (!followed) {
        routeOf = null;
        route.show([]);
      } else if (routeOf?.robot !== followed.id || routeOf.path !== followed.path || routeOf.slot !== slot) {
        routeOf = { robot: followed.id, path: followed.path, slot };
        route.show(routeAhead(sim, followed));
      }
      congestion.update(dtS);
    },
    dispose() {
      highlight.dispose();
      route.dispose();
      congestion.dispose();
    },
  };
}
