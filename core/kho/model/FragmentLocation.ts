/**
 * Where a fragment's bytes live: one physically contiguous range, a list of
 * pages read in order and concatenated (draft page lists, anchor chains), or
 * a file of a debugfs blob set (no physical memory behind it).
 */
export type FragmentLocation =
  | { kind: 'contiguous'; address: number; length: number }
  | { kind: 'pages'; pages: number[]; pageSize: number; length: number }
  | { kind: 'file'; path: string; length: number };

/** A half-open physical extent [start, end) covered by a fragment. */
export interface PhysicalExtent {
  start: number;
  end: number;
}

/** The physical extents of a location (none for a file), one whole page per listed page. */
export function locationExtents(location: FragmentLocation): PhysicalExtent[] {
  switch (location.kind) {
    case 'contiguous':
      return [{ start: location.address, end: location.address + location.length }];
    case 'pages':
      // A listed page belongs to the fragment whole, used to the end or not.
      return location.pages.map((page) => ({ start: page, end: page + location.pageSize }));
    case 'file':
      return [];
  }
}
