import type { Selection } from '../model/Selection';

/** What an outline row stands for. */
export type OutlineItemKind = 'root' | 'fragment' | 'node' | 'property' | 'field' | 'link';

/** One row of the outline tree (ids are indexes into `OutlineModel.items`, parents before children). */
export interface OutlineItem {
  kind: OutlineItemKind;
  /** The name shown (`memblock`, `preserved-data`, `root 0x23a000`). */
  label: string;
  /** A short second column: compatible, a value preview, or the link target. */
  detail: string;
  parent: number;
  depth: number;
  children: number[];
  /** What selecting the row selects. */
  selection: Selection;
  /** Id of the link Enter follows from this row, when the row holds a pointer. */
  link: string | null;
  /** The fragment that link reaches (null when it was not followed). */
  target: string | null;
}

/** The whole outline of one graph: items, the top-level rows, and the row of each selectable thing. */
export interface OutlineModel {
  items: OutlineItem[];
  /** Top-level rows (one per root, then unattached fragments), in order. */
  top: number[];
  /** `selectionKey` → the row showing it (links map to the row holding their pointer). */
  rowOf: Map<string, number>;
}
