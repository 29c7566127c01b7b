/**
 * Controller and hand models for the headset, all from Chasm's own origin:
 * Babylon's WebXRInput loads each controller's model from the WebXR input
 * profiles copied into /xr/profiles (scripts/build-assets.mjs) instead of
 * its CDN, and hand tracking skins the generic-hand mesh from the same
 * place onto the tracked joints, so neither Babylon's hosted hand meshes
 * nor its snippet-server hand shader are ever fetched.
 */
import type { Scene } from '@babylonjs/core/scene';
import type { WebXRExperienceHelper } from '@babylonjs/core/XR/webXRExperienceHelper';
import { WebXRInput } from '@babylonjs/core/XR/webXRInput';
import { WebXRMotionControllerManager } from '@babylonjs/core/XR/motionController/webXRMotionControllerManager';
import { WebXRHandTracking, WebXRHandJoint, type XRHandMeshRigMapping } from '@babylonjs/core/XR/features/WebXRHandTracking';
import { LoadAssetContainerAsync } from '@babylonjs/core/Loading/sceneLoader';
import type { AssetContainer } from '@babylonjs/core/assetContainer';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import { CreateIcoSphere } from '@babylonjs/core/Meshes/Builders/icoSphereBuilder';
import { Axis } from '@babylonjs/core/Maths/math.axis';
import '@babylonjs/loaders/glTF/2.0/glTFLoader';

/** Where the profiles are served (Babylon appends /profiles/...). */
export const PROFILES_BASE = 'xr';

export interface XrInputModels {
  readonly input: WebXRInput;
  dispose(): void;
}

/** The generic-hand mesh's bones are named after the WebXR joints themselves. */
function identityRig(): XRHandMeshRigMapping {
  const map = {} as XRHandMeshRigMapping;
  for (const joint of Object.values(WebXRHandJoint)) map[joint] = joint;
  return map;
}

interface Hand {
  container: AssetContainer;
  mesh: AbstractMesh;
}

/**
 * The hand meshes load once per scene and are reused by every session (in
 * the scene only while one runs): an asset container leaves an observer on
 * the scene, so loading per session would grow them.
 */
const handsByScene = new WeakMap<Scene, Promise<[Hand, Hand]>>();

/**
 * The (invisible) joint mesh the tracked joints are instanced from, one per
 * scene: Babylon creates and never disposes one per session otherwise.
 */
const jointSources = new WeakMap<Scene, Mesh>();
function jointSource(scene: Scene): Mesh {
  let mesh = jointSources.get(scene);
  if (!mesh) {
    mesh = CreateIcoSphere('xr-hand-joint', { radius: 0.5, subdivisions: 1 }, scene);
    mesh.isVisible = false;
    mesh.isPickable = false;
    jointSources.set(scene, mesh);
  }
  return mesh;
}

async function loadHand(scene: Scene, side: 'left' | 'right'): Promise<Hand> {
  const url = new URL(`${PROFILES_BASE}/profiles/generic-hand/${side}.glb`, document.baseURI).href;
  const container = await LoadAssetContainerAsync(url, scene);
  const mesh = container.meshes.find((m) => m.skeleton) ?? container.meshes[0];
  if (!mesh) throw new Error(`${url} has no mesh`);
  // One name per side, whatever the file calls it (diagnostics and tests find the hand by it).
  mesh.name = `xr-hand-${side}`;
  // Babylon places the joints for a right-handed mesh and relies on the glTF root's conversion, which
  // mirrors x where the joints need z: a half turn about y on the mesh makes the two agree (Babylon does
  // the same to its own hand meshes in a left-handed scene). Without it the hand is drawn mirrored
  // through the origin, metres behind the viewer.
  if (!scene.useRightHandedSystem) mesh.rotate(Axis.Y, Math.PI);
  return { container, mesh };
}

function hands(scene: Scene): Promise<[Hand, Hand]> {
  let loaded = handsByScene.get(scene);
  if (!loaded) {
    loaded = Promise.all([loadHand(scene, 'left'), loadHand(scene, 'right')]);
    handsByScene.set(scene, loaded);
    loaded.catch(() => handsByScene.delete(scene));
  }
  return loaded;
}

/**
 * Sets up controller models and hand tracking; call before the session
 * starts (WebXRInput picks up the first controllers when it begins, and hand
 * tracking must be requested with it). A missing model leaves that input
 * without one, quietly: its ray and selection still work.
 */
export async function startInputModels(scene: Scene, helper: WebXRExperienceHelper): Promise<XrInputModels> {
  WebXRMotionControllerManager.BaseRepositoryUrl = new URL(PROFILES_BASE, document.baseURI).href;
  WebXRMotionControllerManager.UseOnlineRepository = true;
  WebXRMotionControllerManager.PrioritizeOnlineRepository = true;
  const input = new WebXRInput(helper.sessionManager, helper.camera, { doNotLoadControllerMeshes: false });
  // Babylon loads a controller's model without catching its failure (a model missing from the origin would be
  // an uncaught error): a missing model is said once, quietly, and the controller goes on without one.
  input.onControllerAddedObservable.add((source) => {
    source.onMotionControllerInitObservable.addOnce((controller) => {
      const load = controller.loadModel.bind(controller);
      controller.loadModel = () =>
        load().catch((error: unknown) => {
          console.warn(`Chasm: no model for the ${controller.profileId} controller; its ray and buttons still work.`, error);
          return false;
        });
    });
  });
  const shown: Hand[] = [];
  try {
    const [left, right] = await hands(scene);
    for (const hand of [left, right]) {
      hand.container.addAllToScene();
      // Hidden until its hand is tracked: Babylon's hand tracking shows and hides it by `isVisible`
      // (a disabled mesh would never be drawn, tracked or not).
      hand.mesh.isVisible = false;
      shown.push(hand);
    }
    helper.featuresManager.enableFeature(WebXRHandTracking.Name, 'latest', {
      xrInput: input,
      jointMeshes: { invisible: true, sourceMesh: jointSource(scene) },
      handMeshes: {
        customMeshes: { left: left.mesh, right: right.mesh },
        customRigMappings: { left: identityRig(), right: identityRig() },
      },
    });
  } catch (error) {
    console.warn('Chasm: hand models could not be loaded; hands still point and pinch.', error);
  }
  return {
    input,
    dispose() {
      helper.featuresManager.disableFeature(WebXRHandTracking.Name);
      input.dispose();
      for (const h of shown) h.container.removeAllFromScene();
    },
  };
}
