import { describe, expect, it } from 'vitest';
import { paintBoard, paintCard, paintLive, type LiveFigures, type PeerFigures } from '../../src/world/painters';
import { create } from 'qrcode';
import { BUDGETS } from '../../src/budget/budgets';
import { EN } from '../../src/ui/strings';

/** A 2D context double that records the text drawn (0.5 em per character). */
function recordingContext() {
  const drawn: string[] = [];
  const strokes: Array<Array<[number, number]>> = [];
  const rects: Array<{ x: number; y: number; w: number; h: number; style: string }> = [];
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
    fillRect(x: number, y: number, w: number, h: number) {
      rects.push({ x, y, w, h, style: this.fillStyle });
    },
    clearRect() {
      /* nothing to record */
    },
    strokeRect() {
      /* nothing to record */
    },
    beginPath() {
      strokes.push([]);
    },
    moveTo(x: number, y: number) {
      strokes.at(-1)?.push([x, y]);
    },
    lineTo(x: number, y: number) {
      strokes.at(-1)?.push([x, y]);
    },
    stroke() {
      /* the points are recorded */
    },
    strokeStyle: '',
    lineWidth: 1,
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, drawn, rects, strokes };
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

describe('the in-VR card', () => {
  it('draws a QR code beside its lines: one dark square per dark module, on white, clear of the text', () => {
    const { ctx, drawn, rects } = recordingContext();
    const qr = create('https://chasm.example/?room=AAAAAAAAAAAAAAAAAAAAAA', { errorCorrectionLevel: 'M' }).modules;
    paintCard(ctx, 800, 400, 'Share this room', ['Connected: 2 in the room.', 'Scan', 'https://chasm.example/?room=AAAAAAAAAAAAAAAAAAAAAA'], qr);
    const dark = Array.from(qr.data).filter((d) => d === 1).length;
    const squares = rects.filter((r) => r.style === '#000000');
    expect(squares).toHaveLength(dark);
    // Square modules, all within the white square at the right.
    const white = rects.find((r) => r.style === '#ffffff')!;
    expect(white.x + white.w).toBeLessThanOrEqual(800);
    for (const m of squares) {
      expect(m.w).toBe(m.h);
      expect(m.x).toBeGreaterThanOrEqual(white.x);
      expect(m.y + m.h).toBeLessThanOrEqual(white.y + white.h);
    }
    expect(drawn).toContain('Share this room');
  });
  it('without a code, is the selection card it always was', () => {
    const { ctx, rects } = recordingContext();
    paintCard(ctx, 800, 400, 'Robot 3', ['Task: idle']);
    expect(rects.some((r) => r.style === '#000000')).toBe(false);
  });
});

describe('the order board', () => {
  const k = { ordersPerHour: 612, meanFulfilmentS: 95, utilisation: 0.9, backlog: 14 };
  const history = [100, 300, 612].map((ordersPerHour, i) => ({ tS: 60 * i, ordersPerHour, meanFulfilmentS: 90, utilisation: 0.8, backlog: 3 }));

  it('alone: four figures and one line', () => {
    const { ctx, drawn, strokes } = recordingContext();
    paintBoard(ctx, 1024, 394, EN.world, 'Order board', k, history);
    expect(drawn).toEqual(expect.arrayContaining(['612', '95 s', '90 %', '14']));
    expect(drawn.some((d) => d.startsWith('baseline'))).toBe(false);
    expect(strokes.filter((s) => s.length > 1)).toHaveLength(1);
  });

  it('with a what-if: each figure beside its baseline, and the baseline’s line in the chart', () => {
    const { ctx, drawn, strokes } = recordingContext();
    const baseKpis = { ordersPerHour: 410, meanFulfilmentS: 60, utilisation: 0.5, backlog: 2 };
    paintBoard(ctx, 1024, 394, EN.world, 'Order board', k, history, {
      kpis: baseKpis,
      history: history.map((h) => ({ ...h, ordersPerHour: h.ordersPerHour / 2 })),
    });
    expect(drawn).toEqual(expect.arrayContaining(['612', 'baseline 410', 'baseline 60 s', 'baseline 50 %', 'baseline 2']));
    const lines = strokes.filter((s) => s.length > 1);
    expect(lines).toHaveLength(2);
    // Both lines share one scale: the baseline's (half the orders) stands lower on the canvas (larger y).
    expect(lines[0]!.at(-1)![1]).toBeGreaterThan(lines[1]!.at(-1)![1]);
  });
});
