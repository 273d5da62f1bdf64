import { readU64Number } from '../../bytes/bitMath';
import { parseRootCompatible } from '../rootVersion';
import type { PhysicalMemory } from '../../mem/PhysicalMemory';
import { assembleAnchorChain } from './assembleAnchorChain';
import type { MagicHit } from './PageScan';
import { probePageStarts } from './probePageStarts';
import { rankRoot } from './rankRoot';
import { anchorSource, pagesOf, type RootSource } from './RootSource';
import { readFdtAt, rootCompatible } from './readFdtAt';
import type { FoundFdt, RejectedRoot, RootCandidate, RootScanResult } from './RootCandidate';
import { scanLimits, type RootScanOptions, type ScanLimits } from './RootScanOptions';
import { ValidationReader } from './ValidationReader';

/**
 * Root discovery: scans every page start of `memory` for FDTs whose root
 * `compatible` is `kho-vN` and for `KHOANCH1` anchor chains, then ranks what
 * it found (see `rankRoot`), best first. Cancellable; reports scan progress.
 */
export async function findKhoRoots(memory: PhysicalMemory, options: RootScanOptions = {}): Promise<RootScanResult> {
  const pageSize = options.pageSize ?? memory.pageSize;
  const limits = scanLimits(options, pageSize);
  const pageScanner = options.pageScanner ?? probePageStarts;
  const scan = await pageScanner(memory, {
    pageSize,
    chunkBytes: limits.chunkBytes,
    maxHits: limits.maxHits,
    readAhead: limits.readAhead,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  const reader = new ValidationReader(memory, limits.maxValidationBytes, options.signal);
  const sources: RootSource[] = [];
  const rejected: RejectedRoot[] = [];
  const fdts: FoundFdt[] = [];

  const anchorFirstPages = await collectAnchorRoots(reader, scan.hits, pageSize, limits, sources, rejected);
  for (const hit of scan.hits) {
    if (hit.kind !== 'fdt') continue;
    const found = await readFdtAt(reader, hit.address, limits.maxFdtBytes);
    if (found === null) continue;
    const compatible = found.index === null ? null : rootCompatible(found.index);
    if (options.listAllFdts)
      fdts.push({
        address: hit.address,
        size: found.size,
        compatible,
        problem: found.index === null ? found.problem : null,
      });
    if (anchorFirstPages.has(hit.address)) continue;
    if (found.index === null) {
      // Without a readable structure the compatible is unknown: only worth
      // mentioning when the blob could be a root (one page at most).
      if (found.size <= pageSize) rejected.push({ address: hit.address, how: 'page-scan', reason: found.problem });
      continue;
    }
    if (compatible === null || parseRootCompatible(compatible) === null) continue;
    sources.push({
      address: hit.address,
      how: 'page-scan',
      fdt: found.index,
      fdtPages: pagesOf(hit.address, found.size, pageSize),
      anchorPages: [],
      warnings: [],
    });
  }

  const candidates: RootCandidate[] = [];
  for (const source of sources) candidates.push(await rankRoot(reader, source, pageSize, options));
  const problems = [...scan.problems];
  if (scan.firstDroppedAt !== null)
    problems.push({
      address: scan.firstDroppedAt,
      message: `more than ${limits.maxHits} pages start with a magic; this one and later ones are ignored`,
    });
  if (reader.exhausted)
    problems.push({ address: 0, message: 'the validation read budget ran out; some hits were not checked' });
  return {
    candidates: sortByRank(candidates),
    fdts,
    rejected,
    problems,
    bytesScanned: scan.bytesScanned,
    bytesSkipped: scan.bytesSkipped,
    totalBytes: scan.totalBytes,
  };
}

/**
 * Assembles every anchor chain: heads first (anchor pages no other anchor
 * page points to), then any anchor page left over, which can only be part of
 * a cycle or a broken chain. Returns the first FDT page of each assembled
 * chain, so that page is not also reported as a page-scan root.
 */
async function collectAnchorRoots(
  reader: ValidationReader,
  hits: MagicHit[],
  pageSize: number,
  limits: ScanLimits,
  sources: RootSource[],
  rejected: RejectedRoot[],
): Promise<Set<number>> {
  const anchors = hits.filter((h) => h.kind === 'anchor').map((h) => h.address);
  const pointedTo = new Set<number>();
  for (const address of anchors) {
    const page = await reader.read(address, 16);
    const next =
      typeof page === 'string' ? null : readU64Number(new DataView(page.buffer, page.byteOffset, page.byteLength), 8);
    if (next !== null && next !== 0) pointedTo.add(next);
  }
  const order = [...anchors.filter((a) => !pointedTo.has(a)), ...anchors.filter((a) => pointedTo.has(a))];
  const covered = new Set<number>();
  const firstPages = new Set<number>();
  for (const head of order) {
    if (covered.has(head)) continue;
    const chain = await assembleAnchorChain(reader, head, {
      pageSize,
      maxAnchorPages: limits.maxAnchorPages,
      maxFdtBytes: limits.maxFdtBytes,
    });
    for (const page of chain.anchorPages) covered.add(page);
    if (!chain.ok) {
      rejected.push({ address: head, how: 'anchor', reason: chain.reason });
      continue;
    }
    firstPages.add(chain.pages[0]);
    const source = anchorSource(chain, 'anchor');
    if ('reason' in source) rejected.push({ address: head, how: 'anchor', reason: source.reason });
    else sources.push(source);
  }
  return firstPages;
}

/** Best rank first; ties by address, so the order is stable. */
function sortByRank(candidates: RootCandidate[]): RootCandidate[] {
  return candidates.sort((a, b) => b.rank - a.rank || a.address - b.address);
}
