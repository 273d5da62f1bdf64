import type { CardIndex, Rect } from './CardIndex';
import type { GraphScene } from './GraphScene';
import type { ForestLayout } from './layoutForest';
import type { PlacedEdge } from './placeEdges';
import type { SelectionFocus } from './selectionFocus';

/**
 * What the graph's layers (DOM cards, overview canvas, minimap) draw from:
 * the scene laid out, with the selection's focus. A plain value GraphView
 * builds once per graph, collapse state and selection (memoised) and hands
 * to every layer whole, instead of the same list of props to each.
 */
export interface GraphDrawing {
  /** The cards and links, built from the decoded graph. */
  scene: GraphScene;
  /** Where each shown card lies (collapsed subtrees left out). */
  layout: ForestLayout;
  /** Finds the laid-out cards in a world rectangle. */
  index: CardIndex;
  /** Every edge, placed from its owning row to its target's title. */
  edges: PlacedEdge[];
  /** The laid-out graph's extent, in world pixels. */
  bounds: Rect;
  /** The selection's card, row, property or edge (null: nothing selected). */
  focus: SelectionFocus | null;
}
