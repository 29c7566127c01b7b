/**
 * Why a layout cannot be shown, as data: `app/layout-source.ts` finds it,
 * `ui/strings.ts` words it in the person's language.
 */
import type { LayoutProblem } from './validate';

export type LayoutLoadProblem =
  | { kind: 'unknown-name'; name: string; available: readonly string[] }
  | { kind: 'not-fetched'; name: string; detail: string }
  /** `?layout=` named a URL on another origin: only this site's files are fetched. */
  | { kind: 'other-origin'; name: string; origin: string }
  | { kind: 'too-big'; file: string; kb: number; maxKb: number }
  | { kind: 'unreadable'; file: string; detail: string }
  /** The layout's own problems, one line per field (`describeProblems`). */
  | { kind: 'invalid'; what: { name: string } | { file: string }; problems: readonly LayoutProblem[] };
