import { DtsError } from './DtsError';
import type { DtsPosition } from './DtsError';
import type { DtsNodeFinder } from './DtsNodeFinder';
import { liveNodesInOrder } from './DtsSourceTree';
import type { DtsSourceNode } from './DtsSourceTree';

/**
 * dtc's reference fixups, in dtc's order and with its phandle allocation:
 *
 * 1. every `<&ref>` in a cell list, in tree order, gets its target's phandle;
 *    a target without one gets the lowest unused number counting up from 1
 *    (one counter for the whole tree) and, unless it has a `phandle` property
 *    already, a new `phandle = <N>;` property at the end of its properties;
 * 2. every `&ref` outside cells becomes the target's full path and a NUL;
 * 3. `/omit-if-no-ref/` nodes that no reference reached are deleted.
 *
 * `phandles` holds the explicit phandles `checkDtsTree` found.
 */
export function resolveDtsReferences(
  root: DtsSourceNode,
  finder: DtsNodeFinder,
  phandles: Map<number, DtsSourceNode>,
): void {
  const nodes = liveNodesInOrder(root);
  let nextPhandle = 1;
  const phandleOf = (node: DtsSourceNode): number => {
    if (node.phandle !== 0) return node.phandle;
    while (phandles.has(nextPhandle)) nextPhandle++;
    node.phandle = nextPhandle;
    phandles.set(nextPhandle, node);
    if (!node.liveProperty('phandle')) {
      const cell = Uint8Array.of(
        nextPhandle >>> 24,
        (nextPhandle >>> 16) & 0xff,
        (nextPhandle >>> 8) & 0xff,
        nextPhandle & 0xff,
      );
      node.addProperty({
        name: 'phandle',
        value: { chunks: [{ kind: 'bytes', bytes: cell }], labels: [] },
        labels: [],
        deleted: false,
        at: node.at,
      });
    }
    return node.phandle;
  };
  const target = (ref: string, at: DtsPosition): DtsSourceNode => {
    const node = finder.find(ref, at);
    if (!node) throw new DtsError(at, `reference to a node or label that does not exist: '${ref}'`);
    node.referenced = true;
    return node;
  };

  for (const node of nodes) {
    for (const property of node.liveProperties()) {
      for (const chunk of property.value.chunks)
        if (chunk.kind === 'phandle') chunk.phandle = phandleOf(target(chunk.ref, chunk.at));
    }
  }
  for (const node of nodes) {
    for (const property of node.liveProperties()) {
      for (const chunk of property.value.chunks)
        if (chunk.kind === 'path') chunk.path = target(chunk.ref, chunk.at).fullPath();
    }
  }
  for (const node of nodes) {
    if (!node.deleted && node.omitIfUnreferenced && !node.referenced) node.markDeleted();
  }
}
