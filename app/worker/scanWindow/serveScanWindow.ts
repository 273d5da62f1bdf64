import { probePageStarts } from '../../../core/kho';
import { openInputFiles } from '../openInputFiles';
import type { ScanWindowMessage, ScanWindowRequest } from './protocol';
import { toWireError } from './wireError';

/**
 * The window worker's one job: opens the files exactly as the decode worker
 * did (same plan, so the same physical memory) and scans the page starts
 * inside the window, posting progress and then the result or the failure.
 */
export async function serveScanWindow(
  request: ScanWindowRequest,
  post: (message: ScanWindowMessage) => void,
): Promise<void> {
  try {
    const session = await openInputFiles(request.label, request.files, request.plan);
    if (!session.memory) throw new Error(`${session.info.detail} has no physical memory to scan`);
    const scan = await probePageStarts(session.memory, {
      ...request.limits,
      within: request.window,
      onProgress: (progress) => post({ type: 'progress', ...progress }),
    });
    post({ type: 'done', scan });
  } catch (error) {
    post({ type: 'failed', error: toWireError(error) });
  }
}
