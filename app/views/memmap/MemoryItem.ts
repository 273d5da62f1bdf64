import type { Selection } from '../../model/Selection';

/** What a bar on the memory map is. */
export type MemoryItemKind =
  | 'ram'
  | 'hole'
  | 'fragment'
  | 'unread'
  | 'preserved'
  | 'map-page'
  | 'structure'
  | 'data'
  | 'reserve-mem'
  | 'scratch';

/** One bar: a physical range [start, end), what it is, who owns it, and what clicking it selects. */
export interface MemoryItem {
  start: number;
  end: number;
  kind: MemoryItemKind;
  /** The owner, for the tooltip's first line. */
  label: string;
  /** More about it (size, order, page n of m), for the tooltip. */
  detail: string;
  selection: Selection;
  /** Colour of a fragment's bars (the graph view's card colour). */
  hue: number | null;
  /** The fragment drawn, for highlighting the selected one. */
  fragment: string | null;
}

/** A horizontal band of the map holding one kind of thing. Items are sorted by start. */
export interface MemoryLane {
  id: string;
  label: string;
  /** Tooltip of the lane label. */
  title: string;
  /** A sub-lane of the lane before it (a map's per-order lanes): its label is indented. */
  nested?: boolean;
  items: MemoryItem[];
}
