import { type Change, type ChangeKind, type GraphComparison, ROOT_PATH } from '../../../core/kho';
import { selectionKey } from '../../explore/selectionKey';
import type { Selection } from '../../model/Selection';

/** How a place of the shown graph took part in a comparison: `changed` also marks a place that holds changes. */
export type CompareMark = Exclude<ChangeKind, 'moved'>;

/** Which side of a comparison the explorer shows: `a` (compared with something else) or `b` (the edited tree, compared with the original). */
export type ShownSide = 'a' | 'b';

/**
 * Marks for the places of the shown graph, keyed by `selectionKey`. For the
 * shown side b the comparison is read mirrored, so "only in the shown tree"
 * is `added` and "only in the other" marks its nearest place `changed`.
 */
export function compareMarks(comparison: GraphComparison, shown: ShownSide = 'a'): Map<string, CompareMark> {
  if (shown === 'a') return marksOnA(comparison);
  const marks = marksOnA(mirrored(comparison));
  for (const [key, mark] of marks) if (mark !== 'changed') marks.set(key, mark === 'removed' ? 'added' : 'removed');
  return marks;
}

/** The comparison as seen from b: sides swapped, added and removed swapped. */
function mirrored(comparison: GraphComparison): GraphComparison {
  const swap = { added: 'removed', removed: 'added', changed: 'changed', moved: 'moved' } as const;
  const change = (c: Change): Change => ({
    ...c,
    kind: swap[c.kind],
    fragmentA: c.fragmentB,
    fragmentB: c.fragmentA,
    before: c.after,
    after: c.before,
  });
  return {
    ...comparison,
    a: comparison.b,
    b: comparison.a,
    changes: comparison.changes.map(change),
    fragments: comparison.fragments.map((pair) => ({
      ...pair,
      a: pair.b,
      b: pair.a,
      status: pair.status === 'added' ? 'removed' : pair.status === 'removed' ? 'added' : pair.status,
    })),
  };
}

/**
 * Marks for the places of side a of the comparison, keyed
 * by `selectionKey`: a removed fragment, node or property is `removed`, a
 * changed one `changed`, and every fragment or node that holds a change is
 * `changed` too, so the cards and outline rows around it light up. What is
 * only in b has no place here: its nearest place that exists in a (the
 * owner's fragment for an added fragment, the node for an added property)
 * is marked `changed`; the change list shows the rest. Moved pointers are
 * not marked.
 */
function marksOnA(comparison: GraphComparison): Map<string, CompareMark> {
  const marks = new Map<string, CompareMark>();
  const mark = (selection: Selection, kind: CompareMark) => {
    const key = selectionKey(selection);
    // removed wins over changed: a place both holds and is a removal only when it is removed whole.
    if (marks.get(key) !== 'removed') marks.set(key, kind);
  };
  const fragmentOf = new Map(comparison.fragments.map((pair) => [pair.path, pair.a]));
  // The place a changed fragment hangs from (the node or field holding its pointer) holds a change too.
  for (const pair of comparison.fragments) {
    if (pair.status === 'same' || pair.path === ROOT_PATH) continue;
    const owner = fragmentOf.get(ownerPath(pair.path));
    if (!owner) continue;
    const step = lastStep(pair.path).replace(/#.*$/, '');
    if (step.startsWith('/')) {
      for (const node of [...ancestors(step), step]) mark({ kind: 'node', fragment: owner, node }, 'changed');
    } else mark({ kind: 'property', fragment: owner, node: '', property: step }, 'changed');
  }
  for (const change of comparison.changes) {
    if (change.kind === 'moved') continue;
    const fragment = change.fragmentA ?? fragmentOf.get(ownerPath(change.path)) ?? null;
    if (fragment === null) continue;
    const onA = change.fragmentA !== null;
    const kind: CompareMark = onA ? (change.kind === 'added' ? 'changed' : change.kind) : 'changed';
    if (!onA || change.level === 'fragment' || change.level === 'user' || change.level === 'map') {
      mark({ kind: 'fragment', fragment }, kind === 'removed' && change.level === 'fragment' ? 'removed' : 'changed');
      continue;
    }
    mark({ kind: 'fragment', fragment }, 'changed');
    const node = change.node ?? '';
    // The nodes above the place hold a change; so does the node of a changed property.
    const holders = change.level === 'node' ? ancestors(node) : [...ancestors(node), node];
    if (node !== '') for (const holder of holders) mark({ kind: 'node', fragment, node: holder }, 'changed');
    if (change.level === 'node') mark({ kind: 'node', fragment, node }, kind);
    else if (change.name !== null && change.level !== 'header')
      mark({ kind: 'property', fragment, node, property: change.name }, change.kind === 'added' ? 'added' : kind);
  }
  return marks;
}

/** The tree path of the fragment that owns the fragment at `path` (`/` for a root child). */
function ownerPath(path: string): string {
  const cut = path.lastIndexOf(' › ');
  return cut < 0 ? ROOT_PATH : path.slice(0, cut);
}

/** The last step of a tree path: the owning node's path or the raw field that holds the pointer. */
function lastStep(path: string): string {
  const cut = path.lastIndexOf(' › ');
  return cut < 0 ? path : path.slice(cut + ' › '.length);
}

/** `/`, `/a`, `/a/b` for `/a/b/c`: the nodes above a node, root first. */
function ancestors(node: string): string[] {
  const parts = node.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i).join('/')}`);
}
