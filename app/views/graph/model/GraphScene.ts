import type { Selection } from '../../../model/Selection';
import type { BadgeSummary } from './diagnosticBadges';
import type { PageChip } from './pageChips';

/**
 * The graph as the view draws it: one card per fragment (plus a stand-in
 * card for every link whose target could not be read), the tree edges that
 * place each card under the card of the link that first reached it, and the
 * other edges (shared targets, cycles). Sizes are computed, not measured.
 */
export interface GraphScene {
  cards: GraphCard[];
  byId: ReadonlyMap<string, GraphCard>;
  edges: GraphEdge[];
  /** Cards with no tree parent, in root order. */
  roots: string[];
}

/** One card. Every `y` is relative to the card's top. */
export interface GraphCard {
  id: string;
  /** The fragment shown, or null for a stand-in (unreadable target, undecoded root). */
  fragment: string | null;
  /** What clicking the card selects. */
  selection: Selection;
  /** The owner path: the path of nodes (and raw fields) that leads here from the root. */
  title: string;
  /** The property (or raw field) of the owner that points here; null for a root. */
  via: string | null;
  /** Compatible (or format), size and where the bytes are. */
  meta: string;
  /** Hue of the fragment's colour, the same on the memory map. */
  hue: number;
  /** Set on stand-in cards: why there is no fragment. */
  problem: string | null;
  chipsY: number;
  chipLines: PageChip[][];
  propertiesY: number;
  properties: KeyProperty[];
  rowsY: number;
  rows: CardRow[];
  /** Rows left out (shown as `… N more`). */
  hiddenRows: number;
  badge: BadgeSummary | undefined;
  height: number;
  /** Tree parent (card id), null for a root. */
  parent: string | null;
  /** Tree children (card ids) in link order. */
  children: string[];
  /** Every card below this one in the tree (shown on the collapse toggle). */
  descendants: number;
}

/** A property (or the user summary) shown on a card under the meta line. */
export interface KeyProperty {
  name: string;
  text: string;
  /** Null for the user summary line. */
  selection: Selection | null;
}

/** One row of a card: an in-place node (indented by depth) or a raw-struct field. */
export interface CardRow {
  key: string;
  label: string;
  /** The field's value (raw fields), null for nodes. */
  detail: string | null;
  depth: number;
  selection: Selection;
  /** Number of links that start at this row. */
  links: number;
  badge: BadgeSummary | undefined;
}

/** An edge from the row owning a link to the card of its target. */
export interface GraphEdge {
  /** The link's id. */
  id: string;
  from: string;
  /** Index of the owning row in the source card's `rows`. */
  row: number;
  to: string;
  /** `tree`: the edge that placed the target; `extra`: a second link to it (shared target or cycle). */
  kind: 'tree' | 'extra';
  /** Address or page list, shortened. */
  label: string;
  /** `BE` when the pointer was read big-endian (KHO's own order is little-endian), else null. */
  orderTag: string | null;
  /** Every address, the scheme and the byte-order reason. */
  title: string;
}

/** Vertical centre of row `index` of a card, relative to the card's top. */
export function rowCenterY(card: GraphCard, index: number, rowHeight: number): number {
  return card.rowsY + index * rowHeight + rowHeight / 2;
}
