import type { WindowScan } from '../../../core/kho';
import type { ExplorePlan } from '../../model/ExplorePlan';
import type { InputFile } from '../protocol';
import type { ScanWindowMessage, ScanWindowRequest } from './protocol';
import { fromWireError } from './wireError';

/** What a window scan needs of a `Worker` (a fake one in tests). */
export interface WindowWorker {
  onmessage: ((event: { data: ScanWindowMessage }) => void) | null;
  onerror: ((event: { message?: string; preventDefault(): void }) => void) | null;
  postMessage(request: ScanWindowRequest): void;
  terminate(): void;
}

function startWindowWorker(): WindowWorker {
  return new Worker(new URL('./scanWindowWorker.ts', import.meta.url), {
    type: 'module',
    name: 'khoscope-scan-window',
  }) as unknown as WindowWorker;
}

/**
 * Scans each window of the user's files in a worker of its own, started for
 * that window and terminated after it: a browser hands out a fresh buffer
 * for every chunk read from a `File`, and ending the worker frees them all
 * at once, where a single worker scanning GiBs would keep growing until its
 * garbage collector caught up. Cancelling terminates the running worker.
 */
export function workerWindowScan(
  label: string,
  files: InputFile[],
  plan: ExplorePlan,
  startWorker: () => WindowWorker = startWindowWorker,
): WindowScan {
  return (window, settings) =>
    new Promise((resolve, reject) => {
      const { signal, onProgress } = settings;
      if (signal?.aborted) return reject(signal.reason);
      const worker = startWorker();
      let settled = false;
      const finish = (settle: () => void): void => {
        if (settled) return;
        settled = true;
        worker.terminate();
        signal?.removeEventListener('abort', onAbort);
        settle();
      };
      const onAbort = (): void => finish(() => reject(signal?.reason));
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.onmessage = ({ data }) => {
        if (data.type === 'progress') {
          if (!settled) onProgress?.({ bytesScanned: data.bytesScanned, totalBytes: data.totalBytes });
        } else if (data.type === 'done') finish(() => resolve(data.scan));
        else finish(() => reject(fromWireError(data.error)));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        finish(() => reject(new Error(`the scan worker stopped: ${event.message || 'it could not be started'}`)));
      };
      const { pageSize, chunkBytes, maxHits, readAhead } = settings;
      worker.postMessage({ label, files, plan, window, limits: { pageSize, chunkBytes, maxHits, readAhead } });
    });
}
