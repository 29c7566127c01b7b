export const ICON_BACKGROUND: string;
export function maskableSvg(svg: string, share?: number): string;
export function renderPng(svg: string, size: number): Promise<Uint8Array>;
export function makeIcons(): Promise<void>;
