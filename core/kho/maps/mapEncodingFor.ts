import type { RootVersion } from '../model/RootVersion';
import type { MapEncoding } from './PreservedMemoryMap';

/**
 * The preserved-memory encoding a root uses: the chunk list under `kho-v1`
 * rules, the radix tree from `kho-v2` on (kho-format.md §0 rows 1 and 6),
 * and the radix tree whenever a composite compatible names a `radix` part.
 */
export function mapEncodingFor(version: RootVersion): MapEncoding {
  if (version.components.radix !== undefined) return 'radix-tree';
  return version.rules === 1 ? 'chunk-list' : 'radix-tree';
}
