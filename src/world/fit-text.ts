/**
 * Text on the panels' canvases: the font stack (with CJK fallbacks) and text
 * fitted to a width. Canvas 2D only, no Babylon: the painters use it before
 * any panel exists.
 */
/** The UI font stack, with CJK fallbacks for the Chinese UI. */
export const PANEL_FONT = "system-ui, 'Noto Sans', 'Noto Sans CJK SC', 'DejaVu Sans', sans-serif";

/** Draws text fitted to a maximum width by shrinking the font. */
export function fitText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth: number, sizePx: number, weight = 400): void {
  const font = (px: number) => `${weight} ${px}px ${PANEL_FONT}`;
  ctx.font = font(sizePx);
  const width = ctx.measureText(text).width;
  if (width > maxWidth) {
    // Text width scales with the font size: one guess, then at most a pixel or two of hinting,
    // rather than a font change per pixel.
    let size = Math.max(8, Math.floor((sizePx * maxWidth) / width));
    ctx.font = font(size);
    while (size > 8 && ctx.measureText(text).width > maxWidth) ctx.font = font(--size);
  }
  ctx.fillText(text, x, y);
}
