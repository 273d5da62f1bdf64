/**
 * A short-lived worker that scans one window of an image's page starts for
 * the decode worker and is then terminated; see `workerWindowScan`.
 */
import type { ScanWindowMessage, ScanWindowRequest } from './protocol';
import { serveScanWindow } from './serveScanWindow';

/** The parts of the worker global this file uses (the app's tsconfig has DOM types, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ScanWindowRequest>) => void) | null;
  postMessage(message: ScanWindowMessage): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => void serveScanWindow(event.data, (message) => scope.postMessage(message));
