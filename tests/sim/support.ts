import { readFileSync } from 'node:fs';
import { validateLayout } from '../../src/layout/validate';
import type { Layout } from '../../src/layout/schema';

/** A shipped layout, validated (throws if it is not). */
export function loadLayout(name: 'small' | 'default' | 'large'): Layout {
  const r = validateLayout(JSON.parse(readFileSync(`assets/layouts/${name}.json`, 'utf8')));
  if (!r.ok) throw new Error(`${name}.json is invalid: ${JSON.stringify(r.problems)}`);
  return r.layout;
}
