import { beforeEach, describe, expect, it } from 'vitest';
import type { Selection } from '../model/Selection';
import { HISTORY_LIMIT, useSelectionStore } from './selectionStore';

const store = () => useSelectionStore.getState();
const fragment = (id: string): Selection => ({ kind: 'fragment', fragment: id });

describe('selectionStore', () => {
  beforeEach(() => store().reset(null));

  it('records jumps for Back, newest last, and goes back through them', () => {
    store().select(fragment('a'));
    store().select(fragment('b'));
    store().select({ kind: 'node', fragment: 'b', node: '/x' });
    expect(store().history).toEqual([fragment('a'), fragment('b')]);
    expect(store().back()).toBe(true);
    expect(store().selection).toEqual(fragment('b'));
    expect(store().back()).toBe(true);
    expect(store().selection).toEqual(fragment('a'));
    expect(store().back()).toBe(false);
    expect(store().selection).toEqual(fragment('a'));
  });

  it('does not record steps taken without `record` (outline arrows) or re-selecting the same thing', () => {
    store().select(fragment('a'));
    store().select(fragment('b'), false);
    store().select(fragment('c'), false);
    store().select({ kind: 'fragment', fragment: 'c' });
    expect(store().history).toEqual([]);
    store().select(fragment('d'));
    expect(store().history).toEqual([fragment('c')]);
  });

  it('keeps at most HISTORY_LIMIT entries, dropping the oldest', () => {
    for (let i = 0; i <= HISTORY_LIMIT + 5; i++) store().select(fragment(String(i)));
    expect(store().history).toHaveLength(HISTORY_LIMIT);
    expect(store().history[0]).toEqual(fragment('5'));
  });

  it('starts over with an empty history on reset', () => {
    store().select(fragment('a'));
    store().select(fragment('b'));
    store().reset(fragment('z'));
    expect(store()).toMatchObject({ selection: fragment('z'), history: [] });
  });
});
