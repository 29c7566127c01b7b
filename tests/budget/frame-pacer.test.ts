import { describe, expect, it } from 'vitest';
import { createFramePacer, shouldRender } from '../../src/budget/frame-pacer';

/** Runs the pacer over `seconds` of a display at `displayHz` (optionally jittered) and returns renders per second. */
function renderedHz(displayHz: number, targetHz: number, seconds = 10, jitterMs = 0): { hz: number; pattern: boolean[] } {
  const pacer = createFramePacer();
  const frames = Math.round(displayHz * seconds);
  const pattern: boolean[] = [];
  let renders = 0;
  for (let i = 0; i < frames; i++) {
    // A deterministic jitter: ±jitterMs in a repeating pattern.
    const jitter = jitterMs * Math.sin(i * 2.3);
    const rendered = shouldRender(pacer, (i * 1000) / displayHz + jitter, targetHz);
    pattern.push(rendered);
    if (rendered) renders++;
  }
  return { hz: renders / seconds, pattern };
}

describe('frame pacer', () => {
  it('renders every other frame of a 60 Hz display at 30 Hz', () => {
    const { hz, pattern } = renderedHz(60, 30);
    expect(hz).toBeCloseTo(30, 0);
    // Strictly alternating after the first frame.
    for (let i = 2; i < 40; i++) expect(pattern[i]).toBe(!pattern[i - 1]);
  });

  it('renders every frame when the target equals the display rate', () => {
    expect(renderedHz(60, 60).hz).toBeCloseTo(60, 0);
    expect(renderedHz(90, 90).hz).toBeCloseTo(90, 0);
  });

  it('holds the target on displays that are not a multiple of it', () => {
    expect(Math.abs(renderedHz(144, 60).hz - 60)).toBeLessThan(3);
    expect(Math.abs(renderedHz(120, 30).hz - 30)).toBeLessThan(1);
    expect(Math.abs(renderedHz(90, 60).hz - 60)).toBeLessThan(3);
  });

  it('survives frame-time jitter without rendering above the target', () => {
    const { hz } = renderedHz(60, 30, 10, 3);
    expect(hz).toBeGreaterThan(28);
    expect(hz).toBeLessThanOrEqual(31);
  });

  it('never renders faster than the display, and renders every frame of a slow one', () => {
    expect(renderedHz(30, 60).hz).toBeCloseTo(30, 0);
    expect(renderedHz(10, 30).hz).toBeCloseTo(10, 0);
  });

  it('renders at once after a pause, and on odd input', () => {
    const p = createFramePacer();
    expect(shouldRender(p, 0, 30)).toBe(true);
    expect(shouldRender(p, 16.7, 30)).toBe(false);
    expect(shouldRender(p, 5000, 30)).toBe(true);
    expect(shouldRender(p, Number.NaN, 30)).toBe(true);
    expect(shouldRender(p, 6000, 0)).toBe(true);
  });
});
