import type { Diagnostic } from '../../core/kho/model/Diagnostic';
import type { ScanSummary } from '../model/ScanSummary';

/**
 * What the page's own scan saw that the decode does not repeat (the page
 * scans first, to offer a choice of roots, then decodes the chosen ones by
 * address): rejected roots, scan problems, and a chosen root whose rank is
 * not positive. Codes are those of the decoder's own root discovery.
 */
export function scanDiagnostics(scan: ScanSummary, decoded: readonly number[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const rejected of scan.rejected) {
    found.push({
      severity: 'warning',
      code: rejected.how === 'anchor' ? 'anchor-chain' : 'rejected-root',
      message: `possible root at 0x${rejected.address.toString(16)} was rejected: ${rejected.reason}`,
      location: { address: rejected.address },
    });
  }
  for (const problem of scan.problems) {
    found.push({ severity: 'warning', code: 'scan-problem', message: problem.message, location: { address: problem.address } });
  }
  for (const candidate of scan.candidates) {
    if (!decoded.includes(candidate.address) || candidate.rank > 0) continue;
    found.push({
      severity: 'warning',
      code: 'weak-root',
      message: `the root candidate at 0x${candidate.address.toString(16)} has rank ${candidate.rank}: more evidence speaks against it than for it`,
      location: { address: candidate.address },
    });
  }
  return found;
}
