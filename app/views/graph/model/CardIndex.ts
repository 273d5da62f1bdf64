import type { ForestLayout } from './layoutForest';

/** An axis-aligned rectangle in world coordinates (x0 ≤ x1, y0 ≤ y1). */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Finds the cards inside a rectangle without looking at the others: cards
 * sit in columns (one per depth) and never overlap inside a column, so each
 * column sorted by top edge is also sorted by bottom edge and a binary search
 * finds the first card that reaches into the rectangle. Used for viewport
 * culling and for hit-testing the zoomed-out canvas.
 */
export class CardIndex {
  /** Card indices of each column, by top edge. */
  private readonly columns: Int32Array[];

  constructor(
    private readonly layout: ForestLayout,
    private readonly cardWidth: number,
    private readonly columnStep: number,
  ) {
    const lists: number[][] = Array.from({ length: layout.maxDepth + 1 }, () => []);
    for (let i = 0; i < layout.ids.length; i++) lists[layout.depth[i]].push(i);
    this.columns = lists.map((list) => Int32Array.from(list.sort((a, b) => layout.y[a] - layout.y[b])));
  }

  /** Indices (into the layout) of the cards that touch `rect`, column by column, top to bottom. */
  query(rect: Rect): number[] {
    const { y, height } = this.layout;
    const found: number[] = [];
    const firstColumn = Math.max(0, Math.floor((rect.x0 - this.cardWidth) / this.columnStep));
    const lastColumn = Math.min(this.columns.length - 1, Math.floor(rect.x1 / this.columnStep));
    for (let c = firstColumn; c <= lastColumn; c++) {
      const left = c * this.columnStep;
      if (left > rect.x1 || left + this.cardWidth < rect.x0) continue;
      const column = this.columns[c];
      // First card whose bottom reaches the rectangle's top.
      let lo = 0;
      let hi = column.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (y[column[mid]] + height[column[mid]] < rect.y0) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < column.length && y[column[k]] <= rect.y1; k++) found.push(column[k]);
    }
    return found;
  }

  /** The card under a world point, or -1. */
  at(x: number, y: number): number {
    const hit = this.query({ x0: x, y0: y, x1: x, y1: y });
    return hit.length > 0 ? hit[0] : -1;
  }
}
