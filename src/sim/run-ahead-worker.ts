/**
 * The run-ahead worker: steps simulations off the main thread while the
 * world renders (`sim/run-ahead-job.ts` does the work).
 */
import { answerRunAhead, type RunAheadAnswer, type RunAheadRequest } from './run-ahead-job';

const scope = self as unknown as { onmessage: ((e: MessageEvent<RunAheadRequest>) => void) | null; postMessage(message: unknown): void };

scope.onmessage = (e) => {
  let answer: RunAheadAnswer;
  try {
    answer = answerRunAhead(e.data);
  } catch (error) {
    answer = { id: e.data.id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(answer);
};
