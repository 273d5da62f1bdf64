import { decodeKhoGraph, findKhoRoots, judgeByRole, type KhoGraph, type KhoRootScan } from '../../core/kho';
import type { ScanSummary } from '../model/ScanSummary';
import type { ExplorePlan } from '../model/ExplorePlan';
import type { OpenedSession } from './OpenedSession';
import type { ProgressReporter } from './ProgressReporter';
import type { OpenAnswer } from './protocol';
import { pageScannerFor } from './scanWindow/pageScannerFor';
import { summarizeScan } from './summarizeScan';

/**
 * Finds and decodes the KHO tree of an opened image as the plan says. A blob
 * set or a lone DTB is decoded at once. Physical memory is scanned for roots
 * first: none gives `no-root` (with what the scan saw), one is decoded, and
 * several (or a request to list every FDT) give `choose-root`, because which
 * kernel's tree to look at is the user's call. Given roots skip the scan;
 * when they were chosen from `earlierScan` (the page's last scan of this
 * input), the decoder takes that scan's findings as its own discovery would
 * (how each root was found, its rank, rejected roots, scan problems).
 * Cancellable through `signal`; rejects with its reason when cancelled.
 */
export async function runPlan(
  session: OpenedSession,
  sessionId: number,
  plan: ExplorePlan,
  earlierScan: ScanSummary | null,
  signal: AbortSignal,
  progress: ProgressReporter,
): Promise<OpenAnswer> {
  const { memory, info } = session;
  if (!memory)
    return {
      kind: 'graph',
      session: sessionId,
      image: info,
      scan: null,
      graph: await decode(session, plan, undefined, undefined, signal, progress),
    };
  if (plan.roots && plan.roots.length > 0) {
    return {
      kind: 'graph',
      session: sessionId,
      image: info,
      scan: null,
      graph: await decode(session, plan, plan.roots, earlierScan ?? undefined, signal, progress),
    };
  }
  const pageSize = plan.pageSize ?? memory.pageSize;
  progress.report({ stage: 'scanning', totalBytes: 0, bytesScanned: 0 });
  const result = await findKhoRoots(memory, {
    pageSize,
    signal,
    listAllFdts: plan.listAllFdts === true,
    pageScanner: pageScannerFor(memory, session.scanWindow),
    onProgress: (scan) =>
      progress.report({ stage: 'scanning', bytesScanned: scan.bytesScanned, totalBytes: scan.totalBytes }),
  });
  const scan = summarizeScan(result, pageSize, plan.listAllFdts === true);
  // A list of every FDT was asked for: show it, whatever the scan found.
  if (plan.listAllFdts || scan.candidates.length > 1)
    return { kind: 'choose-root', session: sessionId, image: info, scan };
  if (scan.candidates.length === 0) return { kind: 'no-root', session: sessionId, image: info, scan };
  const graph = await decode(session, plan, [scan.candidates[0].address], result, signal, progress);
  return { kind: 'graph', session: sessionId, image: info, scan, graph };
}

/**
 * Decodes, then judges the diagnostics as `khoscope check` does by default
 * (judgeByRole): a consumed root's problems are expected, so they are notes
 * that name the root and its role, and the outgoing tree's health shows.
 */
async function decode(
  session: OpenedSession,
  plan: ExplorePlan,
  roots: number[] | undefined,
  scan: KhoRootScan | undefined,
  signal: AbortSignal,
  progress: ProgressReporter,
): Promise<KhoGraph> {
  progress.report({ stage: 'decoding', phase: 'roots' });
  const graph = await decodeKhoGraph(session.target, {
    roots,
    scan,
    pageSize: plan.pageSize,
    signal,
    onProgress: (decode) =>
      progress.report({
        stage: 'decoding',
        phase: decode.phase,
        fragments: decode.fragments,
        links: decode.links,
        bytesRead: decode.bytesRead,
      }),
  });
  return { ...graph, diagnostics: judgeByRole(graph) };
}
