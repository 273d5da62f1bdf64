import type { RootScanResult } from '../../core/kho';
import type { ScanSummary } from '../model/ScanSummary';

/** The scan's result as plain data for the page (candidates without their decoded maps). */
export function summarizeScan(result: RootScanResult, pageSize: number, listedAllFdts: boolean): ScanSummary {
  return {
    candidates: result.candidates.map((candidate) => ({
      address: candidate.address,
      size: candidate.size,
      compatible: candidate.compatible,
      how: candidate.how,
      rank: candidate.rank,
      reasons: candidate.reasons,
      mapAddress: candidate.mapAddress,
    })),
    fdts: result.fdts,
    listedAllFdts,
    rejected: result.rejected,
    problems: result.problems,
    pageSize,
    bytesScanned: result.bytesScanned,
    bytesSkipped: result.bytesSkipped,
    totalBytes: result.totalBytes,
  };
}
