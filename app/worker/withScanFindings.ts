import type { KhoGraph } from '../../core/kho/model/KhoGraph';
import type { ScanSummary } from '../model/ScanSummary';
import { scanDiagnostics } from './scanDiagnostics';

/**
 * Roots decoded by address read as `given`; when the scan found them, say
 * so (how and rank), and add what the scan saw wrong to the diagnostics.
 */
export function withScanFindings(graph: KhoGraph, scan: ScanSummary): KhoGraph {
  const roots = graph.roots.map((root) => {
    const candidate = scan.candidates.find((entry) => entry.address === root.address);
    return candidate ? { ...root, how: candidate.how, rank: candidate.rank } : root;
  });
  const decoded = roots.map((root) => root.address).filter((address): address is number => address !== null);
  return { ...graph, roots, diagnostics: [...scanDiagnostics(scan, decoded), ...graph.diagnostics] };
}
