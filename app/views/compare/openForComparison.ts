import type { ExplorePlan } from '../../model/ExplorePlan';
import type { OpenAnswer, OpenInput, WorkerMessage, WorkerRequest } from '../../worker/protocol';

/** An open of the other side under way: its answer, and a way to stop it. */
export interface ComparisonOpen {
  answer: Promise<OpenAnswer>;
  cancel(): void;
}

/**
 * Opens the other side of a comparison in a decode worker of its own, so
 * the image the explorer shows keeps serving its reads (the main decoder
 * serves one image at a time). The worker is the same decoder, asked once,
 * then ended: only the decoded graph is kept, never the image. Always
 * resolves; a worker that fails answers with a problem.
 */
export function openForComparison(input: OpenInput, plan: ExplorePlan): ComparisonOpen {
  const worker = new Worker(new URL('../../worker/decodeWorker.ts', import.meta.url), {
    type: 'module',
    name: 'khoscope-compare-decoder',
  });
  let settle: (answer: OpenAnswer) => void = () => {};
  const answer = new Promise<OpenAnswer>((resolve) => {
    settle = (value) => {
      worker.terminate();
      resolve(value);
    };
  });
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    if (event.data.type === 'opened') settle(event.data.answer);
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    settle(failed(event.message || 'the decoder could not be started'));
  };
  const request: WorkerRequest = { type: 'open', id: 1, input, plan, scan: null };
  worker.postMessage(request);
  return { answer, cancel: () => settle({ kind: 'cancelled' }) };
}

function failed(reason: string): OpenAnswer {
  return {
    kind: 'problem',
    image: null,
    problem: {
      headline: 'The decoder for the comparison stopped unexpectedly.',
      reason,
      where: null,
      hint: 'Try the comparison again; if it fails the same way, please report it.',
      firstBytes: '',
    },
  };
}
