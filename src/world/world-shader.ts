/**
 * The world's opaque meshes (the warehouse, the stock, the robots) in one
 * material of our own: a few lines of GLSL that light a vertex colour times
 * an instance colour with the twin's two lights, as Babylon's standard
 * material lit them (its diffuse terms; the 6 % specular glint is left
 * out). Babylon's standard shader is ~170 KB of source with every feature's
 * includes, ~35 KB of a phone's download before its first frame and a
 * preprocessing pass over all of it at the first draw; this one has none.
 * The panels and marks keep the standard material: their shaders load after
 * the first frame.
 *
 * Drawn with both vertex colours and thin-instance colours, white where a
 * mesh has no colour of its own, every world mesh is the same variant: one
 * shader program before the first frame.
 */
import type { Scene } from '@babylonjs/core/scene';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight';
import type { DirectionalLight } from '@babylonjs/core/Lights/directionalLight';
import { ShaderMaterial } from '@babylonjs/core/Materials/shaderMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { VertexBuffer } from '@babylonjs/core/Buffers/buffer';
import '@babylonjs/core/Meshes/thinInstanceMesh';

const VERTEX = `precision highp float;
attribute vec3 position;
attribute vec3 normal;
#ifdef VERTEXCOLOR
attribute vec4 color;
#endif
#ifdef INSTANCES
attribute vec4 world0;
attribute vec4 world1;
attribute vec4 world2;
attribute vec4 world3;
#endif
#ifdef INSTANCESCOLOR
attribute vec4 instanceColor;
#endif
uniform mat4 world;
uniform mat4 viewProjection;
#ifdef MULTIVIEW
uniform mat4 viewProjectionR;
#endif
varying vec3 vNormalW;
varying vec3 vColor;
void main(void) {
#ifdef INSTANCES
  mat4 finalWorld = mat4(world0, world1, world2, world3);
#ifdef THIN_INSTANCES
  finalWorld = world * finalWorld;
#endif
#else
  mat4 finalWorld = world;
#endif
  vec4 worldPos = finalWorld * vec4(position, 1.0);
#ifdef MULTIVIEW
  if (gl_ViewID_OVR == 0u) { gl_Position = viewProjection * worldPos; } else { gl_Position = viewProjectionR * worldPos; }
#else
  gl_Position = viewProjection * worldPos;
#endif
  vNormalW = normalize(vec3(finalWorld * vec4(normal, 0.0)));
  vColor = vec3(1.0);
#ifdef VERTEXCOLOR
  vColor *= color.rgb;
#endif
#ifdef INSTANCESCOLOR
  vColor *= instanceColor.rgb;
#endif
}`;

const FRAGMENT = `precision highp float;
varying vec3 vNormalW;
varying vec3 vColor;
uniform vec3 skyDirection;
uniform vec3 skyColour;
uniform vec3 groundColour;
uniform vec3 sunDirection;
uniform vec3 sunColour;
void main(void) {
  vec3 n = normalize(vNormalW);
  vec3 light = mix(groundColour, skyColour, dot(n, skyDirection) * 0.5 + 0.5) + max(0.0, dot(n, -sunDirection)) * sunColour;
  gl_FragColor = vec4(clamp(light, 0.0, 1.0) * vColor, 1.0);
}`;

/** The lights the world material is lit by (the sun may be switched off by the governor, or not built yet). */
export interface WorldLights {
  sky: HemisphericLight;
  sun: DirectionalLight;
}

/** The world's material, lit by `lights()` as they stand at each draw. */
export function createWorldMaterial(name: string, scene: Scene, lights: () => WorldLights | null): ShaderMaterial {
  const material = new ShaderMaterial(
    name,
    scene,
    { vertexSource: VERTEX, fragmentSource: FRAGMENT },
    {
      attributes: [VertexBuffer.PositionKind, VertexBuffer.NormalKind],
      uniforms: ['world', 'viewProjection', 'skyDirection', 'skyColour', 'groundColour', 'sunDirection', 'sunColour'],
    },
  );
  const colour = new Color3();
  const direction = new Vector3();
  material.onBindObservable.add(() => {
    const effect = material.getEffect();
    const lit = lights();
    if (!lit) return;
    const { sky, sun } = lit;
    // A light switched off (the governor's sun) adds nothing; the program stays the same.
    const on = (l: HemisphericLight | DirectionalLight) => (l.isEnabled() ? l.intensity : 0);
    effect.setVector3('skyDirection', sky.direction.normalizeToRef(direction));
    effect.setColor3('skyColour', sky.diffuse.scaleToRef(on(sky), colour));
    effect.setColor3('groundColour', sky.groundColor.scaleToRef(on(sky), colour));
    effect.setVector3('sunDirection', sun.direction.normalizeToRef(direction));
    effect.setColor3('sunColour', sun.diffuse.scaleToRef(on(sun), colour));
  });
  return material;
}

/** `count` RGBA whites. */
const white = (count: number) => new Float32Array(count * 4).fill(1);

/** Gives a mesh drawn once (the merged warehouse) the world's variant: one thin instance where it stands, coloured white. */
export function drawAsOneInstance(mesh: Mesh): void {
  mesh.thinInstanceSetBuffer('matrix', new Float32Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]), 16, true);
  mesh.thinInstanceSetBuffer('color', white(1), 4, true);
  mesh.hasVertexAlpha = false;
}

/** Gives thin-instanced meshes without a colour per instance (the robots) white instance colours for up to `count` instances. */
export function whiteInstanceColours(mesh: Mesh, count: number): void {
  mesh.thinInstanceSetBuffer('color', white(Math.max(1, count)), 4, true);
}

/** Gives a mesh without vertex colours (the stock's pack) white ones, opaque. */
export function whiteVertexColours(mesh: Mesh): void {
  mesh.setVerticesData(VertexBuffer.ColorKind, white(mesh.getTotalVertices()), false, 4);
  mesh.hasVertexAlpha = false;
}
