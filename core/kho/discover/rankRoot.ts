import { readU64Number } from '../../bytes/bitMath';
import { hex } from '../../bytes/readers';
import { decodePreservedMemoryMap } from '../maps/decodePreservedMemoryMap';
import { MapError } from '../maps/MapError';
import { mapEncodingFor } from '../maps/mapEncodingFor';
import type { PreservedMemoryMap } from '../maps/PreservedMemoryMap';
import { parseRootCompatible } from '../rootVersion';
import { checkChildPointers } from './checkChildPointers';
import { rootCompatible } from './readFdtAt';
import type { RankReason, RootCandidate } from './RootCandidate';
import type { RootSource } from './RootSource';
import type { RootScanOptions } from './RootScanOptions';
import type { ValidationReader } from './ValidationReader';

/**
 * Points per piece of evidence. The root's own page preserved by its own map
 * weighs most: only a live root (or its exact copy) passes that test, while
 * stale roots from an earlier kernel usually have their map pages reused.
 */
export const RANK_POINTS = {
  knownVersion: 40,
  newerVersion: 20,
  otherCompatible: -40,
  anchorAssembled: 20,
  anchorWarning: -5,
  largerThanPage: -10,
  childrenResolve: 20,
  childDangling: -10,
  mapMissing: -10,
  mapMalformed: -20,
  rootPreserved: 30,
  rootNotPreserved: -15,
  mapProblems: -5,
  unaligned: -10,
} as const;

/**
 * Ranks one root: which compatible, how it was found, whether its children's
 * pointers resolve, and whether its preserved-memory map decodes and marks
 * the root's own pages preserved. Every finding is a reason with points;
 * the rank is their sum.
 */
export async function rankRoot(
  reader: ValidationReader,
  source: RootSource,
  pageSize: number,
  options: RootScanOptions,
): Promise<RootCandidate> {
  const { fdt } = source;
  const reasons: RankReason[] = [];
  const add = (points: number, text: string) => reasons.push({ points, text });
  const compatible = rootCompatible(fdt) ?? '';
  const version = parseRootCompatible(compatible);
  if (version === null) add(RANK_POINTS.otherCompatible, `compatible "${compatible}" is not a KHO root (kho-vN)`);
  else if (version.known) add(RANK_POINTS.knownVersion, `compatible "${compatible}" is a known KHO root version`);
  else
    add(
      RANK_POINTS.newerVersion,
      `compatible "${compatible}" is newer than khoscope knows; read with kho-v${version.rules} rules`,
    );

  if (source.address % pageSize !== 0) add(RANK_POINTS.unaligned, `address ${hex(source.address)} is not page-aligned`);
  if (source.anchorPages.length > 0) {
    add(
      RANK_POINTS.anchorAssembled,
      `anchor chain of ${source.anchorPages.length} page(s) assembles the ${fdt.header.totalSize}-byte FDT from ${source.fdtPages.length} page(s)`,
    );
    for (const warning of source.warnings) add(RANK_POINTS.anchorWarning, warning);
  } else if (fdt.header.totalSize > pageSize) {
    add(
      RANK_POINTS.largerThanPage,
      `totalsize ${fdt.header.totalSize} is more than one page; mainline roots fit in one`,
    );
  }

  const children = await checkChildPointers(reader, fdt, pageSize);
  if (children.total === 0) add(0, 'no child carries a pointer');
  else if (children.resolved === children.total)
    add(RANK_POINTS.childrenResolve, `all ${children.total} child pointers land on an FDT or a blob in RAM`);
  for (const failure of children.failures) add(RANK_POINTS.childDangling, failure);

  const { mapAddress, map } = await checkMap(
    reader,
    source,
    version === null ? null : mapEncodingFor(version),
    pageSize,
    options,
    add,
  );
  return {
    address: source.address,
    size: fdt.header.totalSize,
    compatible,
    version,
    how: source.how,
    rank: reasons.reduce((sum, r) => sum + r.points, 0),
    reasons,
    fdtPages: source.fdtPages,
    anchorPages: source.anchorPages,
    mapAddress,
    map,
  };
}

/** Reads `preserved-memory-map`, decodes it (when asked) and checks that it preserves the root's pages. */
async function checkMap(
  reader: ValidationReader,
  source: RootSource,
  encoding: 'chunk-list' | 'radix-tree' | null,
  pageSize: number,
  options: RootScanOptions,
  add: (points: number, text: string) => void,
): Promise<{ mapAddress: number | null; map: PreservedMemoryMap | null }> {
  const p = source.fdt.findProperty(0, 'preserved-memory-map');
  if (p < 0) {
    add(RANK_POINTS.mapMissing, 'the root has no preserved-memory-map property');
    return { mapAddress: null, map: null };
  }
  const value = source.fdt.propertyValue(p);
  const mapAddress = value.length === 8 ? readU64Number(new DataView(value.buffer, value.byteOffset, 8), 0) : null;
  if (mapAddress === null) {
    add(
      RANK_POINTS.mapMalformed,
      `preserved-memory-map is ${value.length === 8 ? 'above 2^53' : `${value.length} bytes, not 8`}`,
    );
    return { mapAddress: null, map: null };
  }
  if (mapAddress === 0) {
    add(0, 'preserved-memory-map is 0: no map yet (6.19/7.0 before finalize)');
    return { mapAddress, map: null };
  }
  if (encoding === null || options.checkMaps === false) return { mapAddress, map: null };
  let map: PreservedMemoryMap;
  try {
    map = await decodePreservedMemoryMap(reader.memory, mapAddress, encoding, {
      ...options.map,
      pageSize,
      signal: options.signal,
    });
  } catch (error) {
    if (!(error instanceof MapError)) throw error;
    add(RANK_POINTS.mapMalformed, `the ${encoding} map at ${hex(mapAddress)} cannot be decoded: ${error.reason}`);
    return { mapAddress, map: null };
  }
  const unpreserved = source.fdtPages.filter((page) => !map.isPreserved(page));
  if (unpreserved.length === 0) {
    add(
      RANK_POINTS.rootPreserved,
      `the root's page${source.fdtPages.length > 1 ? 's are' : ' is'} preserved in its own ${encoding} map at ${hex(mapAddress)}`,
    );
  } else {
    add(
      RANK_POINTS.rootNotPreserved,
      `root page ${hex(unpreserved[0])} is not preserved by its ${encoding} map at ${hex(mapAddress)} (a stale copy, or a map already consumed)`,
    );
  }
  const problemCount = map.problems.length + map.droppedProblems;
  if (problemCount > 0)
    add(RANK_POINTS.mapProblems, `the map has ${problemCount} problem(s), first: ${map.problems[0].message}`);
  return { mapAddress, map };
}
