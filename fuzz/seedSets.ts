import { hex } from '../core/bytes/readers';
import { decodeKhoGraph } from '../core/kho/decode/decodeKhoGraph';
import { extractionFiles } from '../core/kho/extract/extractionFiles';
import { openImage } from '../core/mem/openImage';
import { BytesSource } from '../core/mem/sources/BytesSource';
import { elfFile } from '../core/mem/testing/NodeContainerImages';
import type { NamedBytes } from './fileSet';
import { realDebugfsFiles, seedImages } from './seeds';

/** A KHO debugfs set to start from: its files, named by their path inside `kho/out`. */
export interface SeedSet {
  name: string;
  files: NamedBytes[];
}

let setCache: SeedSet[] | undefined;

/**
 * Makes the seed sets (once per process; decoding is asynchronous, so this
 * runs before any input is made): the real Linux 7.3.4 `kho/out`, and each
 * demo root's tree laid out the way `khoscope extract` writes it
 * (`extractionFiles`: `fdt`, `sub_fdts/<name>`, deeper fragments in
 * `<name>.d/`, which a set does not use and which are then ignored files).
 */
export async function prepareSeedSets(): Promise<void> {
  if (setCache) return;
  const sets: SeedSet[] = [{ name: 'Linux 7.3.4 kho/out', files: realDebugfsFiles() }];
  for (const seed of seedImages()) {
    const graph = await decodeKhoGraph(await openImage(new BytesSource(elfFile(seed, 64, true), seed.name)));
    for (const root of graph.roots) {
      if (root.fragment === null) continue;
      const files = extractionFiles({ ...graph, roots: [root] }, false);
      sets.push({
        name: `${seed.name} root ${root.address === null ? '?' : hex(root.address)}`,
        files: files.map((file) => ({ name: file.path, bytes: file.bytes })),
      });
    }
  }
  setCache = sets;
}

/** The seed sets `prepareSeedSets` made. */
export function seedSets(): SeedSet[] {
  if (!setCache) throw new Error('fuzz seed sets are not made yet: await prepareSeedSets() first');
  return setCache;
}
