import { describe, expect, it } from 'vitest';
import type { OutlineItem } from './OutlineModel';
import { defaultExpanded, EXPAND_ALL_LIMIT } from './defaultExpanded';

const item = (kind: OutlineItem['kind'], children: number[]): OutlineItem => ({
  kind,
  label: '',
  detail: '',
  parent: -1,
  depth: 0,
  children,
  selection: { kind: 'fragment', fragment: 'f' },
  link: null,
  target: null,
});

describe('defaultExpanded', () => {
  it('opens everything with children in a small outline', () => {
    expect([
      ...defaultExpanded([item('root', [1]), item('fragment', [2]), item('node', [3]), item('property', [])]),
    ]).toEqual([0, 1, 2]);
  });

  it('opens only roots and fragments in a big one', () => {
    const items = [
      item('root', [1]),
      item('fragment', [2]),
      item('node', [3]),
      ...Array.from({ length: EXPAND_ALL_LIMIT }, () => item('property', [])),
    ];
    expect([...defaultExpanded(items)]).toEqual([0, 1]);
  });
});
