import type { Plugin } from 'vite';
export interface ChunkLike {
  fileName: string;
  imports: string[];
  dynamicImports: string[];
  isEntry: boolean;
  facadeModuleId: string | null;
}
export function headsetOnlyFiles(chunks: ChunkLike[], headsetModule: string): string[];
export function phoneFiles(chunks: ChunkLike[], headsetModule: string, appDynamicImports: (chunk: ChunkLike) => string[], onlineModules?: string[]): string[];
export const HEADSET_LIST: string;
export function headsetGroup(options: {
  headsetModule: string;
  staticDirs: string[];
  onlineModules?: string[];
}): Plugin & { files: Set<string>; onlineFiles: Set<string> };
