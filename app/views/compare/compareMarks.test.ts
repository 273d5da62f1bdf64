import { describe, expect, it } from 'vitest';
import type { Change, GraphComparison } from '../../../core/kho';
import { compareMarks } from './compareMarks';

function change(partial: Partial<Change>): Change {
  return {
    kind: 'changed',
    level: 'property',
    path: '/',
    fragmentA: 'root',
    fragmentB: 'root',
    node: null,
    name: null,
    before: null,
    after: null,
    summary: '',
    ...partial,
  };
}

function comparison(changes: Change[], fragments: GraphComparison['fragments']): GraphComparison {
  const side = { label: '', rootAddress: null, rootFragment: 'root', compatible: null };
  return {
    a: side,
    b: side,
    equal: false,
    changes,
    fragments,
    counts: { added: 0, removed: 0, changed: 0, moved: 0 },
    droppedChanges: 0,
  };
}

describe('compareMarks', () => {
  it('marks a changed property, the nodes above it, its fragment, and where that fragment hangs', () => {
    const marks = compareMarks(
      comparison(
        [change({ path: '/memblock', fragmentA: 'mb', fragmentB: 'mb2', node: '/demo1', name: 'size' })],
        [
          { path: '/', a: 'root', b: 'root', status: 'same' },
          { path: '/memblock', a: 'mb', b: 'mb2', status: 'changed' },
        ],
      ),
    );
    expect(Object.fromEntries(marks)).toEqual({
      'p\0mb\0/demo1\0size': 'changed',
      'n\0mb\0/demo1': 'changed',
      'n\0mb\0/': 'changed',
      'f\0mb': 'changed',
      'n\0root\0/memblock': 'changed',
      'n\0root\0/': 'changed',
    });
  });

  it('marks removed places as removed, and what is only in b on its nearest place in a', () => {
    const marks = compareMarks(
      comparison(
        [
          change({ kind: 'removed', level: 'fragment', path: '/old', fragmentA: 'old', fragmentB: null }),
          change({ kind: 'added', level: 'fragment', path: '/LUO › data', fragmentA: null, fragmentB: 'new' }),
          change({ kind: 'added', level: 'property', node: '/', name: 'extra' }),
          change({ kind: 'moved', node: '/x', name: 'preserved-data' }),
        ],
        [
          { path: '/', a: 'root', b: 'root', status: 'changed' },
          { path: '/old', a: 'old', b: null, status: 'removed' },
          { path: '/LUO', a: 'luo', b: 'luo', status: 'same' },
          { path: '/LUO › data', a: null, b: 'new', status: 'added' },
        ],
      ),
    );
    expect(marks.get('f\0old')).toBe('removed');
    expect(marks.get('f\0luo')).toBe('changed');
    expect(marks.get('p\0luo\0\0data')).toBe('changed');
    expect(marks.get('p\0root\0/\0extra')).toBe('added');
    expect(marks.has('p\0root\0/x\0preserved-data')).toBe(false);
  });

  it('marks the shown side b (the edited tree): what only it has is added, what only the other has marks its place', () => {
    const marks = compareMarks(
      comparison(
        [
          change({ kind: 'added', level: 'fragment', path: '/new', fragmentA: null, fragmentB: 'new' }),
          change({ kind: 'removed', level: 'node', path: '/mb', fragmentA: 'mb', fragmentB: 'mb2', node: '/gone' }),
          change({ kind: 'added', path: '/mb', fragmentA: 'mb', fragmentB: 'mb2', node: '/demo1', name: 'note' }),
        ],
        [
          { path: '/', a: 'root', b: 'root2', status: 'same' },
          { path: '/mb', a: 'mb', b: 'mb2', status: 'changed' },
          { path: '/new', a: null, b: 'new', status: 'added' },
        ],
      ),
      'b',
    );
    expect(marks.get('f\0new')).toBe('added');
    expect(marks.get('n\0root2\0/new')).toBe('changed');
    expect(marks.get('p\0mb2\0/demo1\0note')).toBe('added');
    expect(marks.get('n\0mb2\0/demo1')).toBe('changed');
    expect(marks.get('f\0mb2')).toBe('changed');
    expect(marks.has('f\0mb')).toBe(false);
  });
});
