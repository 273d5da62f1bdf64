import type { FdtDocument, FdtNode } from '../../fdt/FdtDocument';
import type { EditState } from '../EditState';
import { rootFragmentRoot } from '../EditState';
import { sameBytes } from '../hexBytes';
import { pointerSlots } from '../pointerSlots';
import { sameDocumentHeader, sameNode } from '../sameTree';
import { type ChangeTrie, changeTrie, mapChangedChildren, type NodePlace, type ValueChange } from './valueChanges';

/** The value a masked property compares as. */
const EMPTY = new Uint8Array(0);

/**
 * True when two trees of fragment `fragmentId` would be the same once the
 * values export writes by itself are emptied in each (every pointer slot,
 * the `blob-size` beside a `preserved-data` slot, a root's
 * `preserved-memory-map`): those say where things are, not what the user
 * wrote. The same answer, and the same errors for a tree whose slots no
 * path can name, as comparing the two trees with `applyValueChanges` of
 * those empty values made on each, without copying either tree: a no-op
 * plan of a wide root compares two trees of tens of thousands of nodes
 * (issue 14). (A page list that must change length is found by
 * `sizeFragments` on its own.)
 */
export function sameExceptWrittenByExport(
  state: EditState,
  fragmentId: string,
  a: FdtDocument,
  b: FdtDocument,
): boolean {
  const maskA = exportMask(state, fragmentId, a);
  const maskB = exportMask(state, fragmentId, b);
  return sameDocumentHeader(a, b) && sameMaskedNode(a.root, maskA, b.root, maskB);
}

/**
 * The properties export rewrites in `doc`, as a trie of empty values (null
 * when there are none). Checked against the tree as `applyValueChanges`
 * would apply them, so a path that names no node throws the same error.
 */
function exportMask(state: EditState, fragmentId: string, doc: FdtDocument): ChangeTrie | null {
  const written = writtenByExport(state, fragmentId, doc);
  if (written.length === 0) return null;
  const mask = changeTrie(written);
  checkPaths(doc.root, mask, null);
  return mask;
}

/** The properties export rewrites by itself in `doc`, each as a change to an empty value. */
export function writtenByExport(state: EditState, fragmentId: string, doc: FdtDocument): ValueChange[] {
  const written: ValueChange[] = [];
  for (const slot of pointerSlots(state, fragmentId, doc)) {
    written.push({ node: slot.node, property: slot.property, value: EMPTY });
    if (slot.blobSize) written.push({ node: slot.node, property: 'blob-size', value: EMPTY });
  }
  if (
    rootFragmentRoot(state, fragmentId)?.version &&
    doc.root.properties.some((p) => p.name === 'preserved-memory-map')
  ) {
    written.push({ node: '/', property: 'preserved-memory-map', value: EMPTY });
  }
  return written;
}

/** Walks the trie's paths through the tree as the rebuild does, throwing where it would. */
function checkPaths(node: FdtNode, trie: ChangeTrie, place: NodePlace | null): FdtNode {
  mapChangedChildren(node, trie, place, checkPaths);
  return node;
}

/**
 * `sameNode` of the two nodes with their masks applied: a masked property
 * compares as empty; a child's mask is its trie entry when it is the first
 * child of its name (where the rebuild applies it). Unmasked on both sides,
 * `sameNode` itself.
 */
function sameMaskedNode(a: FdtNode, maskA: ChangeTrie | null, b: FdtNode, maskB: ChangeTrie | null): boolean {
  if (maskA === null && maskB === null) return sameNode(a, b);
  if (a.name !== b.name || a.properties.length !== b.properties.length || a.children.length !== b.children.length)
    return false;
  for (let i = 0; i < a.properties.length; i++) {
    const pa = a.properties[i];
    const pb = b.properties[i];
    if (pa.name !== pb.name) return false;
    const va = maskA?.values?.has(pa.name) ? EMPTY : pa.value;
    const vb = maskB?.values?.has(pb.name) ? EMPTY : pb.value;
    if (!sameBytes(va, vb)) return false;
  }
  const childrenA = maskA?.children ?? null;
  const childrenB = maskB?.children ?? null;
  // Names match pairwise up to here, so one set tells both sides which child is the first of its name.
  const seen = childrenA === null && childrenB === null ? null : new Set<string>();
  for (let i = 0; i < a.children.length; i++) {
    const ca = a.children[i];
    const cb = b.children[i];
    if (ca.name !== cb.name) return false;
    let first = false;
    if (seen !== null && !seen.has(ca.name)) {
      seen.add(ca.name);
      first = true;
    }
    const childMaskA = first ? (childrenA?.get(ca.name) ?? null) : null;
    const childMaskB = first ? (childrenB?.get(cb.name) ?? null) : null;
    if (!sameMaskedNode(ca, childMaskA, cb, childMaskB)) return false;
  }
  return true;
}
