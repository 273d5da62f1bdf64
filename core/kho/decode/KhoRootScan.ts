import type { PreservedMemoryMap } from '../maps/PreservedMemoryMap';
import type { RejectedRoot, RootCandidate, ScanProblem } from '../discover';

/**
 * What a root scan found, as far as the decoder uses it: a `findKhoRoots`
 * result, or a plain copy of one whose candidates lost their decoded maps
 * (as a page keeps it after a structured clone), in which case the decode
 * reads each chosen root's map itself.
 */
export interface KhoRootScan {
  /** Ranked best first. */
  candidates: readonly (Pick<RootCandidate, 'address' | 'how' | 'rank'> & { map?: PreservedMemoryMap | null })[];
  rejected: readonly RejectedRoot[];
  problems: readonly ScanProblem[];
}
