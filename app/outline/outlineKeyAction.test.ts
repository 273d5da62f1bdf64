import { describe, expect, it } from 'vitest';
import type { OutlineItem } from './OutlineModel';
import { outlineKeyAction } from './outlineKeyAction';
import { visibleRows } from './visibleRows';

const item = (
  parent: number,
  depth: number,
  children: number[],
  link: string | null = null,
  target: string | null = null,
): OutlineItem => ({
  kind: link ? 'property' : 'node',
  label: '',
  detail: '',
  parent,
  depth,
  children,
  selection: { kind: 'fragment', fragment: 'f' },
  link,
  target,
});

// 0 root (1, 2), 1 pointer followed, 2 node (3), 3 pointer not followed, 4 second root
const items = [
  item(-1, 0, [1, 2]),
  item(0, 1, [], 'l1', 'f2'),
  item(0, 1, [3]),
  item(2, 2, [], 'l3', null),
  item(-1, 0, []),
];
const rows = visibleRows(items, [0, 4], new Set([0])); // 0, 1, 2 (closed), 4
const key = (name: string, cursor: number | null) => outlineKeyAction(name, rows, cursor, items);

describe('outlineKeyAction', () => {
  it('moves through visible rows, stopping at the ends', () => {
    expect(key('ArrowDown', 1)).toEqual({ kind: 'move', item: 2 });
    expect(key('ArrowDown', 2)).toEqual({ kind: 'move', item: 4 });
    expect(key('ArrowDown', 4)).toEqual({ kind: 'move', item: 4 });
    expect(key('ArrowUp', 0)).toEqual({ kind: 'move', item: 0 });
    expect(key('Home', 2)).toEqual({ kind: 'move', item: 0 });
    expect(key('End', 0)).toEqual({ kind: 'move', item: 4 });
  });

  it('opens, steps in, closes and steps out with Right and Left', () => {
    expect(key('ArrowRight', 2)).toEqual({ kind: 'expand', item: 2 });
    expect(key('ArrowRight', 0)).toEqual({ kind: 'move', item: 1 });
    expect(key('ArrowRight', 1)).toBeNull();
    expect(key('ArrowLeft', 0)).toEqual({ kind: 'collapse', item: 0 });
    expect(key('ArrowLeft', 2)).toEqual({ kind: 'move', item: 0 });
    expect(key('ArrowLeft', 4)).toBeNull();
  });

  it('follows a followed link with Enter, and selects anything else', () => {
    expect(key('Enter', 1)).toEqual({ kind: 'follow', link: 'l1' });
    expect(key('Enter', 2)).toEqual({ kind: 'select', item: 2 });
    expect(key(' ', 1)).toEqual({ kind: 'select', item: 1 });
    const open = visibleRows(items, [0, 4], new Set([0, 2]));
    // A pointer that was not followed has nowhere to go: Enter selects it.
    expect(outlineKeyAction('Enter', open, 3, items)).toEqual({ kind: 'select', item: 3 });
  });

  it('restarts at the top when the cursor is not visible, and leaves other keys alone', () => {
    expect(key('ArrowDown', null)).toEqual({ kind: 'move', item: 0 });
    expect(key('ArrowUp', 3)).toEqual({ kind: 'move', item: 0 });
    expect(key('Enter', 3)).toBeNull();
    expect(key('Backspace', 1)).toBeNull();
    expect(outlineKeyAction('ArrowDown', [], null, [])).toBeNull();
  });
});
