import { describe, expect, it } from 'vitest';
import { fitText } from '../../src/world/fit-text';

/** A canvas context double whose text is 0.55 em per character, plus a little hinting noise. */
function fakeContext() {
  const fonts: string[] = [];
  const drawn: Array<{ text: string; font: string }> = [];
  const sizeOf = (font: string) => Number(/(\d+)px/.exec(font)![1]);
  const ctx = {
    font: '',
    measureText(text: string) {
      const size = sizeOf(this.font);
      return { width: text.length * size * 0.55 + (size % 3) };
    },
    fillText(text: string) {
      drawn.push({ text, font: this.font });
    },
  };
  const proxy = new Proxy(ctx, {
    set(target, key, value) {
      if (key === 'font') fonts.push(value as string);
      (target as Record<string | symbol, unknown>)[key] = value;
      return true;
    },
  });
  return {
    ctx: proxy as unknown as CanvasRenderingContext2D,
    fonts,
    drawn,
    sizeOf,
    widthAt: (text: string, size: number) => text.length * size * 0.55 + (size % 3),
  };
}

describe('fitText', () => {
  it('keeps the requested size when the text fits, setting the font once', () => {
    const f = fakeContext();
    fitText(f.ctx, 'Short', 0, 0, 1000, 40);
    expect(f.fonts).toHaveLength(1);
    expect(f.sizeOf(f.drawn[0]!.font)).toBe(40);
  });

  it('shrinks to the largest size that fits, in a few font changes rather than one per pixel', () => {
    for (const [text, maxWidth, size] of [
      ['Seed: the terminal chasm, and what the headset has to hold', 600, 52],
      ['Orders per hour', 120, 60],
      ['x'.repeat(200), 900, 40],
    ] as const) {
      const f = fakeContext();
      fitText(f.ctx, text, 0, 0, maxWidth, size, 700);
      const got = f.sizeOf(f.drawn[0]!.font);
      expect(f.fonts.length).toBeLessThanOrEqual(4);
      expect(f.drawn[0]!.font).toContain('700 ');
      if (got > 8) {
        expect(f.widthAt(text, got)).toBeLessThanOrEqual(maxWidth);
        // One pixel larger would not fit (or the guess hit the hinting noise by at most two pixels).
        expect(f.widthAt(text, got + 3)).toBeGreaterThan(maxWidth);
      }
    }
  });

  it('never goes below 8 px', () => {
    const f = fakeContext();
    fitText(f.ctx, 'a very long line that cannot fit anywhere at all', 0, 0, 10, 30);
    expect(f.sizeOf(f.drawn[0]!.font)).toBe(8);
  });
});
