import type { PreservedMemoryMap } from '../maps/PreservedMemoryMap';
import type { RootVersion } from '../model/RootVersion';

/** How a root was found: a page-start FDT, a KHOANCH1 anchor chain, or an address the user gave. */
export type RootHow = 'page-scan' | 'anchor' | 'given';

/** One piece of evidence for or against a candidate, with the points it adds to the rank. */
export interface RankReason {
  points: number;
  text: string;
}

/** A KHO root that root discovery found (or was given), with its rank. */
export interface RootCandidate {
  /** The root FDT's address, or the first anchor page's for an anchor chain. */
  address: number;
  /** The FDT's `totalsize`. */
  size: number;
  /** The root node's `compatible` (first string). */
  compatible: string;
  /** The compatible understood; null when it is not a `kho-vN` string (possible for a given root). */
  version: RootVersion | null;
  how: RootHow;
  /** Sum of the reasons' points: higher is more likely the live root. */
  rank: number;
  reasons: RankReason[];
  /** Pages holding the FDT, in order (one for a mainline root). */
  fdtPages: number[];
  /** The anchor pages, when the FDT was reached through an anchor chain. */
  anchorPages: number[];
  /** The `preserved-memory-map` value; null when the property is missing or malformed. */
  mapAddress: number | null;
  /** The decoded map (when maps are checked and the value is usable). */
  map: PreservedMemoryMap | null;
}

/** An FDT at a page start (listed with `listAllFdts`). */
export interface FoundFdt {
  address: number;
  size: number;
  /** Root `compatible`, or null when it has none or the blob could not be read. */
  compatible: string | null;
  /** Why the blob could not be read, when it could not. */
  problem: string | null;
}

/** Something that looked like a root but did not hold up (a broken anchor chain, an unreadable kho FDT). */
export interface RejectedRoot {
  address: number;
  how: RootHow;
  reason: string;
}

/** A problem of the scan itself (an unreadable chunk, too many hits). */
export interface ScanProblem {
  address: number;
  message: string;
}

/** What root discovery returns. */
export interface RootScanResult {
  /** Ranked best first. */
  candidates: RootCandidate[];
  /** Every page-start FDT, with `listAllFdts`; otherwise empty. */
  fdts: FoundFdt[];
  rejected: RejectedRoot[];
  problems: ScanProblem[];
  bytesScanned: number;
  /** RAM the image declares without storing it (zero-fill, excluded pages), skipped unread. */
  bytesSkipped: number;
  totalBytes: number;
}
