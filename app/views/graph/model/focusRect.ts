import type { Rect } from './CardIndex';
import { TALL_SHARE } from './revealTransform';
import { CARD } from './cardGeometry';
import type { GraphScene } from './GraphScene';
import type { ForestLayout } from './layoutForest';

/** World pixels kept above and below a selected row shown without its whole card. */
const ROW_CONTEXT = 60;

/**
 * The world rectangle to show for laid-out card `i` with selected row `row`
 * (null: the card itself), `viewHeight` world pixels being what the view
 * will show: the whole card when it fits (in `TALL_SHARE` of the view); else its header down to the
 * selected row, so the reader sees whose row it is; else (a row far down a
 * tall card) the row with some context.
 */
export function focusRect(
  scene: GraphScene,
  layout: ForestLayout,
  i: number,
  row: string | null,
  viewHeight: number,
): Rect {
  const card = scene.byId.get(layout.ids[i])!;
  const rowIndex = row === null ? -1 : card.rows.findIndex((candidate) => candidate.key === row);
  const x0 = layout.x[i];
  const y0 = layout.y[i];
  const whole = { x0, y0, x1: x0 + CARD.width, y1: y0 + card.height };
  if (rowIndex < 0 || card.height <= viewHeight * TALL_SHARE) return whole;
  const rowTop = y0 + card.rowsY + rowIndex * CARD.rowHeight;
  const rowBottom = rowTop + CARD.rowHeight + ROW_CONTEXT;
  if (rowBottom - y0 <= viewHeight * TALL_SHARE) return { ...whole, y1: rowBottom };
  return { x0, y0: Math.max(y0, rowTop - ROW_CONTEXT), x1: x0 + CARD.width, y1: rowBottom };
}
