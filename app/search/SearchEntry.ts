import type { Selection } from '../model/Selection';

/** A number something holds, and how it reads it (`u64 LE`, `address`, `u64 BE (the other byte order)`). */
export interface SearchNumber {
  value: bigint;
  how: string;
}

/** One searchable thing of a graph. */
export interface SearchEntry {
  selection: Selection;
  /** What a result line shows first (`preserved-data`, `fragment 0x1847000`). */
  title: string;
  /** Where it is (`0x23a000 /memblock`). */
  context: string;
  /** Lower-cased names and text values matched by substring. */
  texts: string[];
  numbers: SearchNumber[];
  /** Physical extents held (fragments): a number inside one matches too. */
  extents: { start: number; end: number }[];
}

/** One search hit. */
export interface SearchResult {
  selection: Selection;
  title: string;
  context: string;
  /** Why it matched (`name`, `text`, `holds it as u64 LE`, `contains 0x1847010`). */
  reason: string;
}
