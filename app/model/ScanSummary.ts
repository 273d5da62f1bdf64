import type { FoundFdt, RankReason, RejectedRoot, RootHow, ScanProblem } from '../../core/kho';

/** One root candidate as the chooser shows it (the scan's `RootCandidate` without the decoded map). */
export interface RootChoice {
  address: number;
  /** The FDT's `totalsize`. */
  size: number;
  compatible: string;
  how: RootHow;
  rank: number;
  reasons: RankReason[];
  /** The `preserved-memory-map` value, when readable. */
  mapAddress: number | null;
}

/** What root discovery found in a memory image, as plain data for the page. */
export interface ScanSummary {
  /** Best first. */
  candidates: RootChoice[];
  /** Every FDT at a page start, when the scan was asked to list them. */
  fdts: FoundFdt[];
  /** True when the scan listed every FDT (so an empty `fdts` means there are none). */
  listedAllFdts: boolean;
  rejected: RejectedRoot[];
  problems: ScanProblem[];
  /** Page size the scan probed with. */
  pageSize: number;
  bytesScanned: number;
  /** Declared RAM the image does not store (zero-fill, excluded pages), skipped unread. */
  bytesSkipped: number;
  totalBytes: number;
}
