/** How a pack stands in its slot, for the held pack and the flight home. */
import { Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { PackPlace } from '../layout/stock';

/** A pack's orientation in its slot: its front to the aisle it faces (turned half a turn for -x, as the stock draws it). */
export const slotRotation = (place: PackPlace): Quaternion => (place.facing === 1 ? Quaternion.Identity() : Quaternion.RotationAxis(Vector3.Up(), Math.PI));
