import { sameBytes } from '../../fdt/sameBytes';
import type { FdtDocument, FdtNode } from '../../fdt/FdtDocument';
import type { FdtIndex } from '../../fdt/FdtIndex';
import { readFdt } from '../../fdt/readFdt';
import { childPath, noSuchNode, pathNames } from '../documentPaths';
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

/**
 * The tree with the given property values replaced (copy-on-write). One
 * pass over the paths the changes name, so a root with thousands of changed
 * children costs linear time (a rebuild per change would copy the root's
 * child list each time).
 */
export function applyValueChanges(doc: FdtDocument, changes: readonly ValueChange[]): FdtDocument {
  if (changes.length === 0) return doc;
  const root = new ChangeTrie();
  for (const change of changes) {
    const names = pathNames(change.node);
    if (!names) throw new RangeError(`'${change.node}' is not a node path`);
    let at = root;
    for (const name of names) at = at.child(name);
    at.values.set(change.property, change.value);
  }
  return { ...doc, root: rebuildNode(doc.root, root, '/') };
}

/** The changes below one node, by child name, and its own new values (the last change of a property wins). */
class ChangeTrie {
  readonly children = new Map<string, ChangeTrie>();
  readonly values = new Map<string, Uint8Array>();

  child(name: string): ChangeTrie {
    const next = this.children.get(name) ?? new ChangeTrie();
    this.children.set(name, next);
    return next;
  }
}

/** `node` with the trie's values set, rebuilt only along the changed paths (the first child of a name, like `updateNode`). */
function rebuildNode(node: FdtNode, trie: ChangeTrie, path: string): FdtNode {
  const properties =
    trie.values.size === 0
      ? node.properties
      : node.properties.map((property) => {
          const value = trie.values.get(property.name);
          return value === undefined ? property : { ...property, value };
        });
  if (trie.children.size === 0) return { ...node, properties };
  const pending = new Set(trie.children.keys());
  const children = node.children.map((child) => {
    if (!pending.delete(child.name)) return child;
    return rebuildNode(child, trie.children.get(child.name)!, childPath(path, child.name));
  });
  const [missing] = pending;
  if (missing !== undefined) throw noSuchNode(childPath(path, missing));
  return { ...node, properties, children };
}

/**
 * An FDT blob with some property values overwritten in place, each by a
 * value of the same length: the rest of the blob (its layout, string table,
 * padding) stays byte for byte as the kernel wrote it. Returns `blob` itself
 * when no change alters a byte, else a copy: only the changed values are
 * compared, never the whole blob (a blob may claim 16 MiB). Nodes are found
 * through one map of the blob's paths, so the cost is linear in the blob's
 * structure and the changes, however wide a node is.
 */
export function patchBlob(fragmentId: string, blob: Uint8Array, changes: readonly ValueChange[]): Uint8Array {
  if (changes.length === 0) return blob;
  const index = readFdt(blob);
  const lookup = new PropertyLookup(index);
  let out: Uint8Array | null = null;
  for (const change of changes) {
    const p = lookup.find(change.node, change.property);
    if (p < 0 || index.propertyLength(p) !== change.value.length) {
      throw new EditError(
        nodePlace(fragmentId, change.node, change.property),
        'cannot be patched in place (the property is missing or its length changed)',
      );
    }
    const at = index.propertyValueOffset(p);
    if (sameBytes(blob.subarray(at, at + change.value.length), change.value)) continue;
    out ??= blob.slice();
    out.set(change.value, at);
  }
  return out ?? blob;
}

/**
 * Properties of a blob by exact node path and name (the index's own lookup
 * also matches names without their unit address). Where siblings share a
 * name, the first one counts, as in the document.
 */
class PropertyLookup {
  private readonly nodes = new Map<string, number>();
  private readonly properties = new Map<number, Map<string, number>>();

  constructor(private readonly index: FdtIndex) {
    // Nodes are numbered parents first, so a parent's path is known before its children's.
    const paths: string[] = [];
    for (let n = 0; n < index.nodeCount; n++) {
      paths[n] = n === 0 ? '/' : childPath(paths[index.nodeParent(n)], index.nodeName(n));
      if (!this.nodes.has(paths[n])) this.nodes.set(paths[n], n);
    }
  }

  /** The property's index, or -1. */
  find(node: string, property: string): number {
    const n = this.nodes.get(node);
    if (n === undefined) return -1;
    let names = this.properties.get(n);
    if (!names) {
      names = new Map();
      for (const p of this.index.nodeProperties(n))
        if (!names.has(this.index.propertyName(p))) names.set(this.index.propertyName(p), p);
      this.properties.set(n, names);
    }
    return names.get(property) ?? -1;
  }
}
