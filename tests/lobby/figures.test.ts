import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { FIGURES } from '../../src/lobby/figures';

/** The seed essays sit beside the repository (../shared/seeds) in CI and on the team's machines. */
const SEEDS = '../shared/seeds';

describe('gap wall figures', () => {
  it('every figure names a seed file and quotes each number it shows', () => {
    for (const f of FIGURES) {
      expect(f.seed).toMatch(/^\d{3}_[0-9a-f]{16}\.txt/);
      expect(f.quotes.length).toBeGreaterThan(0);
      for (const bar of f.bars) {
        expect(Number.isFinite(bar.value)).toBe(true);
        if (bar.valueHigh !== undefined) expect(bar.valueHigh).toBeGreaterThan(bar.value);
      }
    }
  });

  it.skipIf(!existsSync(SEEDS))('quotes appear verbatim in the seed texts (no invented numbers)', () => {
    for (const f of FIGURES) {
      const files = f.seed.match(/\d{3}_[0-9a-f]{16}\.txt/g)!;
      const text = files.map((name) => readFileSync(`${SEEDS}/${name}`, 'utf8')).join('\n');
      for (const quote of f.quotes) expect(text, `${f.id}: "${quote}"`).toContain(quote);
    }
  });
});
