/**
 * One shader variant for the world's opaque meshes. The warehouse (vertex
 * colours), the stock (thin instances with a colour each) and the robots
 * (vertex colours, thin instances) each asked Babylon's standard material
 * for a program of its own: three shader compiles before the first frame
 * (about 0.3 s of a 4×-throttled phone's start, the GPU driver's link
 * included). Drawn with both vertex colours and thin-instance colours, white
 * where a mesh has no colour of its own, they share one program.
 */
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import { VertexBuffer } from '@babylonjs/core/Buffers/buffer';
import '@babylonjs/core/Meshes/thinInstanceMesh';

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
