import { PT_LOAD } from '../containers/ElfCoreHeader';
import type { ElfSegmentOut } from './ElfCoreWriter';
import { adjacentRuns, type PageChange } from './pageChanges';

/**
 * New `PT_LOAD` segments for pages outside every existing range: one per run
 * of adjacent pages, stored in full, with no virtual address (p_vaddr 0).
 */
export function newPageSegments(pages: readonly PageChange[], pageSize: number, flags: number): ElfSegmentOut[] {
  return adjacentRuns(pages).map((run) => ({
    type: PT_LOAD,
    flags,
    vaddr: 0n,
    paddr: BigInt(run.start),
    memsz: BigInt(run.end - run.start),
    align: 0n,
    filesz: run.end - run.start,
    parts: run.changes.map((change) => ({ kind: 'bytes' as const, bytes: change.bytes })),
    placeAt: { modulus: pageSize, remainder: 0 },
  }));
}
