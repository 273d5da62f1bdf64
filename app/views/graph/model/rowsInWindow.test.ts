import { describe, expect, it } from 'vitest';
import { CARD } from './cardGeometry';
import type { GraphCard } from './GraphScene';
import { rowsInWindow } from './rowsInWindow';

/** A card with `rows` rows starting 100 px below its top (only what `rowsInWindow` reads). */
const card = (rows: number) => ({ rowsY: 100, rows: Array.from({ length: rows }) }) as unknown as GraphCard;
const window = (y0: number, y1: number) => ({ x0: 0, y0, x1: 1000, y1 });

describe('rowsInWindow', () => {
  it('gives every row of a card inside the window', () => {
    expect(rowsInWindow(card(12), 0, window(-500, 5000))).toEqual({ start: 0, end: 12 });
  });

  it('gives only the rows the window meets on a card far taller than it', () => {
    const h = CARD.rowHeight;
    // Rows start at 1000 + 100; the window covers rows 50 … 99 and cuts rows 49 and 100 in half.
    const { start, end } = rowsInWindow(card(10_000), 1000, window(1100 + 49.5 * h, 1100 + 100.5 * h));
    expect([start, end]).toEqual([49, 101]);
  });

  it('gives an empty range when the window is above or below the rows', () => {
    const above = rowsInWindow(card(100), 10_000, window(0, 500));
    expect(above.end - above.start).toBe(0);
    const below = rowsInWindow(card(100), 0, window(100_000, 101_000));
    expect(below.end - below.start).toBe(0);
    expect(rowsInWindow(card(0), 0, window(0, 500))).toEqual({ start: 0, end: 0 });
  });
});
