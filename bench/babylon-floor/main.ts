/**
 * The least a Babylon page needs to draw a lit mesh: the app's engine, a
 * scene, a camera, the twin's two lights and one box in a standard material.
 * `npm run perf` loads it cold beside the app under the phone-mid profile:
 * its time to first frame is the floor that @babylonjs/core sets on this
 * machine, before any of Chasm's own work. Same marks and the same "drawn"
 * as the app (chasm:start, chasm:first-frame, whenDrawn).
 */
import { Scene } from '@babylonjs/core/scene';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera';
import { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight';
import { DirectionalLight } from '@babylonjs/core/Lights/directionalLight';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import '@babylonjs/core/Shaders/default.vertex';
import '@babylonjs/core/Shaders/default.fragment';
import { createEngine } from '../../src/world/create-engine';
import { whenDrawn } from '../../src/world/when-drawn';

performance.mark('chasm:start');
const engine = createEngine(document.getElementById('scene') as HTMLCanvasElement);
const scene = new Scene(engine);
const camera = new FreeCamera('camera', new Vector3(0, 1.6, -4), scene);
camera.setTarget(Vector3.Zero());
new HemisphericLight('sky', new Vector3(0.2, 1, -0.3), scene);
new DirectionalLight('sun', new Vector3(-0.4, -1, 0.6), scene);
CreateBox('box', {}, scene).material = new StandardMaterial('box', scene);
void whenDrawn(scene).then(() => performance.mark('chasm:first-frame'));
engine.runRenderLoop(() => scene.render());
