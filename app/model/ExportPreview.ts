import type { FragmentFate } from '../../core/edit';

/** One fragment export writes, in words. */
export interface PreviewFragment {
  /** Id in the exported image. */
  id: string;
  /** Id before the edit (the input's address), or null for a new fragment. */
  was: string | null;
  fate: Exclude<FragmentFate, 'unchanged'>;
  /** Where it ends up: `0x1847000, 1234 bytes` or `pages 0x… + 0x…`. */
  where: string;
}

/** One preserved-memory map export rewrites: every entry the edit does not add or remove stays exactly as it was. */
export interface PreviewMap {
  root: string;
  encoding: string;
  headBefore: string;
  headAfter: string;
  /** Entries (first page and order, as the kernel restores them) the edit adds, and those it removes. */
  added: string[];
  removed: string[];
}

/**
 * What export will change, shown before anything is written: fragments
 * rewritten in place, grown, moved, new or only patched (pointer values),
 * fragments dropped, pages taken and ranges given back, pointer and page
 * list updates, and map entries added and removed.
 */
export interface ExportPreview {
  fragments: PreviewFragment[];
  /** Input fragments the edited tree no longer reaches (their memory is given back). */
  dropped: string[];
  /** Pages taken from free memory, as hex addresses. */
  allocated: string[];
  /** Byte ranges given back (zeroed), as `0x…–0x…`. */
  released: string[];
  /** Pointers and page lists that now lead somewhere else: `0x23a000 /memblock preserved-data → 0x2000000`. */
  pointers: string[];
  maps: PreviewMap[];
  /** Pages whose bytes differ from the input. */
  changedPages: number;
}
