import type { Fragment } from '../model/Fragment';

/**
 * A top-level FDT fragment held in a file rather than in physical memory (a
 * debugfs `fdt`, a lone DTB): its id is also its path, nothing decoded yet.
 */
export function fileFragment(id: string, bytes: Uint8Array): Fragment {
  return {
    id,
    root: id,
    depth: 0,
    location: { kind: 'file', path: id, length: bytes.length },
    size: bytes.length,
    format: 'fdt',
    compatible: null,
    bytes,
    content: null,
    user: null,
  };
}
