import type { Rect } from './CardIndex';
import { CARD } from './cardGeometry';
import type { GraphCard } from './GraphScene';

/**
 * The rows of a card laid out at world `y` that meet the render window, as
 * `[start, end)` (empty when none does). Rows owning links are never folded,
 * so a root with 10,000 children has a row per child: only these go into the DOM.
 */
export function rowsInWindow(card: GraphCard, y: number, window: Rect): { start: number; end: number } {
  const top = y + card.rowsY;
  const end = Math.max(0, Math.min(card.rows.length, Math.ceil((window.y1 - top) / CARD.rowHeight)));
  const start = Math.min(end, Math.max(0, Math.floor((window.y0 - top) / CARD.rowHeight)));
  return { start, end };
}
