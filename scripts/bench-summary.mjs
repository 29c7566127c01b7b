// After `vitest bench` (npm run bench): puts the 60× large-layout figures
// against a 4×-throttled phone (Lighthouse's mid-tier mobile, the phone-mid
// row): the page's simulation work in its worst frame against the frame, and
// the worker's share of a core. A report, not a pass/fail: timings here are
// noisy. The pure part is unit-tested (tests/scripts/bench-summary.test.ts).
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

/** A mid-tier phone is about this much slower than this machine (Lighthouse's CPU slowdown). */
export const PHONE_SLOWDOWN = 4;
/** The most a frame spends stepping (src/world/sim-runner.ts STEP_BUDGET_MS), in ms: a phone spends it too. */
export const STEP_BUDGET_MS = 4;
/** phone-mid's rates (src/budget/budgets.ts): its target, and its floor. */
export const PHONE_HZ = [60, 30];

/** Mean ms of the benchmark whose name starts with `prefix`, from vitest's JSON report. */
export function meanMs(report, prefix) {
  for (const file of report.files ?? [])
    for (const group of file.groups ?? []) for (const b of group.benchmarks ?? []) if (b.name.startsWith(prefix)) return b.mean;
  throw new Error(`no benchmark named "${prefix}…" in the report`);
}

/**
 * The verdict for 60× on the large layout on a phone `slowdown` times slower than this machine, from mean ms
 * measured here: `batch60Hz` (a 60 Hz frame's 10 steps), `answerMs` (a relay's answer cloned in and restored),
 * `workerSecondMs` (600 steps). Without the relay a frame would need the whole batch; with it, a frame spends
 * at most the step budget before it falls behind, then nothing but the restore of each answer that lands; the
 * worker needs its second's steps each second.
 */
export function sixtyXOnPhone({ batch60Hz, answerMs, workerSecondMs }, slowdown = PHONE_SLOWDOWN) {
  const batchOnPhone = batch60Hz * slowdown;
  // While a relay is out the frames step nothing; the frame an answer lands in restores it.
  const worstFrameMs = Math.max(Math.min(batchOnPhone, STEP_BUDGET_MS), batchOnPhone > STEP_BUDGET_MS ? answerMs * slowdown : 0);
  const workerCore = (workerSecondMs * slowdown) / 1000;
  const frames = PHONE_HZ.map((hz) => ({ hz, frameMs: 1000 / hz, share: worstFrameMs / (1000 / hz) }));
  // Inside the budget: the worst frame leaves at least half of a 60 Hz frame to render, and the worker keeps up with a quarter of a core to spare.
  const fits = worstFrameMs <= 0.5 * (1000 / PHONE_HZ[0]) && (batchOnPhone <= STEP_BUDGET_MS || workerCore <= 0.75);
  return { batchOnPhone, relays: batchOnPhone > STEP_BUDGET_MS, worstFrameMs, workerCore, frames, fits };
}

/** The summary's lines. */
export function summaryLines(v, slowdown = PHONE_SLOWDOWN) {
  const ms = (x) => `${x.toFixed(1)} ms`;
  return [
    `60× on the large layout, on a phone ${slowdown}× slower than this machine:`,
    `  a 60 Hz frame's 10 steps: ${ms(v.batchOnPhone)} (the frame's step budget is ${ms(STEP_BUDGET_MS)}${v.relays ? ': the rest is relayed to the worker' : ''})`,
    `  the page's worst frame: ${ms(v.worstFrameMs)} of simulation (${v.frames.map((f) => `${Math.round(f.share * 100)}% of a ${f.hz} Hz frame`).join(', ')})`,
    v.relays ? `  the worker: ${Math.round(v.workerCore * 100)}% of one core to keep 60×` : '  the worker: not needed (the frames keep up)',
    `  verdict: ${v.fits ? 'fits' : 'does NOT fit'} (the worst frame within half a 60 Hz frame; the worker within 75% of a core)`,
  ];
}

async function main() {
  const report = JSON.parse(await readFile('reports/bench/sim.json', 'utf8'));
  const v = sixtyXOnPhone({
    batch60Hz: meanMs(report, 'a 60 Hz frame'),
    answerMs: meanMs(report, 'the page, each relay'),
    workerSecondMs: meanMs(report, 'the worker: a wall-clock second'),
  });
  const lines = summaryLines(v);
  console.log(lines.join('\n'));
  await writeFile('reports/bench/summary.txt', `${lines.join('\n')}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
