/**
 * Root discovery: page-start probes for KHO root FDTs and KHOANCH1 anchor
 * chains over a whole image, ranking of what was found, and validation of a
 * root given by address. See docs/root-discovery.md.
 */
export { findKhoRoots } from './findKhoRoots';
export { inspectRootAt } from './inspectRootAt';
export { RANK_POINTS } from './rankRoot';
export { RootScanError } from './RootScanError';
export type {
  FoundFdt,
  RankReason,
  RejectedRoot,
  RootCandidate,
  RootHow,
  RootScanResult,
  ScanProblem,
} from './RootCandidate';
export type { RootScanOptions, ScanProgress } from './RootScanOptions';
export { ANCHOR_MAGIC, anchorCapacity } from './anchorPageLayout';
export { probePageStarts } from './probePageStarts';
export { scanWindows, windowedPageScanner, type WindowScan } from './windowedPageScanner';
export type { MagicHit, PageScan, PageScanner, PageScanSettings } from './PageScan';
