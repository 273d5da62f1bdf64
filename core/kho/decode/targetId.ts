import { hex } from '../../bytes/readers';
import type { TargetSpec } from './PendingTarget';

/**
 * The id a target's fragment gets: its first physical address in hex, or the
 * file path in a blob set. Two links to the same start address reach the
 * same fragment; that is how shared targets and cycles are found.
 */
export function targetId(target: TargetSpec): string {
  switch (target.kind) {
    case 'fdt':
    case 'blob':
    case 'raw':
      return hex(target.address);
    case 'fdt-pages':
      return hex(target.pages[0]);
    case 'file':
      return target.path;
  }
}
