export const PHONE_SLOWDOWN: number;
export const STEP_BUDGET_MS: number;
export const PHONE_HZ: number[];
export interface SixtyXVerdict {
  batchOnPhone: number;
  relays: boolean;
  worstFrameMs: number;
  workerCore: number;
  frames: Array<{ hz: number; frameMs: number; share: number }>;
  fits: boolean;
}
export function meanMs(report: unknown, prefix: string): number;
export function sixtyXOnPhone(m: { batch60Hz: number; answerMs: number; workerSecondMs: number }, slowdown?: number): SixtyXVerdict;
export function summaryLines(v: SixtyXVerdict, slowdown?: number): string[];
