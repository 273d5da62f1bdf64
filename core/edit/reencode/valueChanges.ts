import type { FdtDocument } from '../../fdt/FdtDocument';
import type { FdtIndex } from '../../fdt/FdtIndex';
import { readFdt } from '../../fdt/readFdt';
import { pathNames, updateNode } from '../documentPaths';
import { EditError, nodePlace } from '../EditError';
import type { EditState } from '../EditState';
import { rootFragmentRoot } from '../EditState';
import { pointerSlots } from '../pointerSlots';

/** A new value for one property of a fragment's tree. */
export interface ValueChange {
  node: string;
  property: string;
  value: Uint8Array;
}

/**
 * The properties export rewrites by itself: every pointer slot, the
 * `blob-size` beside a `preserved-data` slot, and a root's
 * `preserved-memory-map`. Their values say where things are, not what the
 * user wrote, so comparing trees ignores them (`maskedDocument`).
 */
function writtenByExport(state: EditState, fragmentId: string, doc: FdtDocument): { node: string; property: string }[] {
  const found: { node: string; property: string }[] = [];
  for (const slot of pointerSlots(state, fragmentId, doc)) {
    found.push({ node: slot.node, property: slot.property });
    if (slot.blobSize) found.push({ node: slot.node, property: 'blob-size' });
  }
  if (
    rootFragmentRoot(state, fragmentId)?.version &&
    doc.root.properties.some((p) => p.name === 'preserved-memory-map')
  ) {
    found.push({ node: '/', property: 'preserved-memory-map' });
  }
  return found;
}

/**
 * The tree with the values export writes emptied, so two trees compare
 * equal when they differ only in where things are. (A page list that must
 * change length is found by `sizeFragments` on its own.)
 */
export function maskedDocument(state: EditState, fragmentId: string, doc: FdtDocument): FdtDocument {
  const changes = writtenByExport(state, fragmentId, doc).map(({ node, property }) => ({
    node,
    property,
    value: new Uint8Array(0),
  }));
  return applyValueChanges(doc, changes);
}

/** The tree with the given property values replaced (copy-on-write). */
export function applyValueChanges(doc: FdtDocument, changes: readonly ValueChange[]): FdtDocument {
  let next = doc;
  for (const change of changes) {
    next = updateNode(next, change.node, (node) => ({
      ...node,
      properties: node.properties.map((property) =>
        property.name === change.property ? { ...property, value: change.value } : property,
      ),
    }));
  }
  return next;
}

/**
 * A copy of an FDT blob with some property values overwritten in place, each
 * by a value of the same length: the rest of the blob (its layout, string
 * table, padding) stays byte for byte as the kernel wrote it.
 */
export function patchBlob(fragmentId: string, blob: Uint8Array, changes: readonly ValueChange[]): Uint8Array {
  const out = blob.slice();
  const index = readFdt(out);
  for (const change of changes) {
    const p = propertyIndex(index, change.node, change.property);
    if (p < 0 || index.propertyLength(p) !== change.value.length) {
      throw new EditError(
        nodePlace(fragmentId, change.node, change.property),
        'cannot be patched in place (the property is missing or its length changed)',
      );
    }
    out.set(change.value, index.propertyValueOffset(p));
  }
  return out;
}

/** The property by exact node names (the index's own lookup also matches names without their unit address). */
function propertyIndex(index: FdtIndex, node: string, property: string): number {
  let n = 0;
  for (const name of pathNames(node) ?? []) {
    n = index.nodeChildren(n).find((child) => index.nodeName(child) === name) ?? -1;
    if (n < 0) return -1;
  }
  return index.nodeProperties(n).find((p) => index.propertyName(p) === property) ?? -1;
}
