import { describe, expect, it } from 'vitest';
import { paintLive, type LiveFigures, type PeerFigures } from '../../src/world/painters';
import { BUDGETS } from '../../src/budget/budgets';
import { EN } from '../../src/ui/strings';

/** A 2D context double that records the text drawn (0.5 em per character). */
function recordingContext() {
  const drawn: string[] = [];
  const ctx = {
    font: '12px sans-serif',
    fillStyle: '',
    textBaseline: '',
    measureText(text: string) {
      const size = Number(/(\d+)px/.exec(this.font)?.[1] ?? 12);
      return { width: text.length * size * 0.5 };
    },
    fillText(text: string) {
      drawn.push(text);
    },
    fillRect() {
      /* shapes are not checked */
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, drawn };
}

const alone: LiveFigures = { source: 'phone · flat', frameP95Ms: 20, fps: 50, drawCalls: 30, triangles: 90_000, peers: [] };
const peer = (name: string, terminal: string, renderHz: number): PeerFigures => ({
  name,
  colour: '#ff8800',
  terminal,
  renderHz,
  frameP95Ms: 1000 / renderHz,
  pixelsPerSecond: 1680 * 1760 * 2 * renderHz,
  drawCalls: 40,
  triangles: 120_000,
  downloadedKB: 850,
  input: terminal === 'headset' ? 'controllers' : 'touch',
});

describe('the live panel', () => {
  it('alone: this device against the Quest 3 row', () => {
    const { ctx, drawn } = recordingContext();
    paintLive(ctx, 768, 480, EN.world, alone, BUDGETS['quest-3']);
    expect(drawn).toContain(EN.world.liveTitle);
    expect(drawn.some((t) => t.includes(EN.world.liveBudget))).toBe(true);
  });
  it('in a room: every terminal side by side, measured', () => {
    const { ctx, drawn } = recordingContext();
    paintLive(ctx, 768, 480, EN.world, { ...alone, peers: [peer('Phone', 'phone', 30), peer('Headset', 'headset', 72)] }, BUDGETS['quest-3']);
    expect(drawn).toContain(EN.world.liveRoomTitle);
    for (const text of ['Phone', 'Headset', '30', '72', ((1680 * 1760 * 2 * 72) / 1e6).toFixed(1), EN.world.downloaded, '850', 'controllers', 'touch'])
      expect(drawn).toContain(text);
    expect(drawn).not.toContain(EN.world.liveTitle);
  });
});
