import { sameBytes } from '../../fdt/sameBytes';
import type { FdtDocument, FdtNode } from '../../fdt/FdtDocument';
import type { FdtIndex } from '../../fdt/FdtIndex';
import { readFdt } from '../../fdt/readFdt';
import { childPath, noSuchNode, pathNames } from '../documentPaths';
import { EditError, nodePlace } from '../EditError';

/** A new value for one property of a fragment's tree. */
export interface ValueChange {
  node: string;
  property: string;
  value: Uint8Array;
}

/**
 * The tree with the given property values replaced (copy-on-write). One
 * pass over the paths the changes name, so a root with thousands of changed
 * children costs linear time (a rebuild per change would copy the root's
 * child list each time).
 */
export function applyValueChanges(doc: FdtDocument, changes: readonly ValueChange[]): FdtDocument {
  if (changes.length === 0) return doc;
  return { ...doc, root: rebuildNode(doc.root, changeTrie(changes), null) };
}

/**
 * The changes as a trie of node names. A change's node path comes from the
 * tree's own names, so one that is no path (a node named '' below the root
 * gives `/a/`) is refused like a path that names no node.
 */
export function changeTrie(changes: readonly ValueChange[]): ChangeTrie {
  const root = new ChangeTrie();
  for (const change of changes) {
    const names = pathNames(change.node);
    if (!names) throw noSuchNode(change.node);
    let at = root;
    for (const name of names) at = at.child(name);
    at.setValue(change.property, change.value);
  }
  return root;
}

/**
 * The changes below one node, by child name, and its own new values (the
 * last change of a property wins). Each map is made when first needed: a
 * wide root's thousands of changed children each hold values but no
 * children, so half the maps would stay empty.
 */
export class ChangeTrie {
  children: Map<string, ChangeTrie> | null = null;
  values: Map<string, Uint8Array> | null = null;

  child(name: string): ChangeTrie {
    this.children ??= new Map();
    let next = this.children.get(name);
    if (next === undefined) {
      next = new ChangeTrie();
      this.children.set(name, next);
    }
    return next;
  }

  setValue(property: string, value: Uint8Array): void {
    this.values ??= new Map();
    this.values.set(property, value);
  }
}

/** A node's place for an error message: its name under its parent's place (null for the root), made into a path only when needed. */
export interface NodePlace {
  parent: NodePlace | null;
  name: string;
}

/** The path of `place` (`/` for the root). */
function placePath(place: NodePlace | null): string {
  return place === null ? '/' : childPath(placePath(place.parent), place.name);
}

/** `node` with the trie's values set, rebuilt only along the changed paths (the first child of a name, like `updateNode`). */
function rebuildNode(node: FdtNode, trie: ChangeTrie, place: NodePlace | null): FdtNode {
  const values = trie.values;
  const properties =
    values === null
      ? node.properties
      : node.properties.map((property) => {
          const value = values.get(property.name);
          return value === undefined ? property : { ...property, value };
        });
  if (trie.children === null) return { ...node, properties };
  return { ...node, properties, children: mapChangedChildren(node, trie, place, rebuildNode) };
}

/**
 * `node`'s children, each one the trie names (the first child of that name)
 * replaced by `visit` of it, its trie and its place, in order. Throws
 * `noSuchNode` for a name no child has, after visiting the rest (so a
 * missing node deeper down is the one reported first).
 */
export function mapChangedChildren(
  node: FdtNode,
  trie: ChangeTrie,
  place: NodePlace | null,
  visit: (child: FdtNode, trie: ChangeTrie, place: NodePlace) => FdtNode,
): FdtNode[] {
  const changed = trie.children;
  if (changed === null) return node.children;
  const pending = new Set(changed.keys());
  const children = node.children.map((child) => {
    if (!pending.delete(child.name)) return child;
    return visit(child, changed.get(child.name)!, { parent: place, name: child.name });
  });
  const [missing] = pending;
  if (missing !== undefined) throw noSuchNode(childPath(placePath(place), missing));
  return children;
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
 * name, the first one counts, as in the document. A node with few
 * properties is searched in place; a map of names is made only for a node
 * with many (a wide root's thousands of one-property children would
 * otherwise each get a map).
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
    const first = this.index.nodeFirstProperty(n);
    const count = this.index.nodePropertyCount(n);
    if (count <= SEARCHED_IN_PLACE) {
      for (let p = first; p < first + count; p++) if (this.index.propertyName(p) === property) return p;
      return -1;
    }
    let names = this.properties.get(n);
    if (!names) {
      names = new Map();
      for (let p = first; p < first + count; p++)
        if (!names.has(this.index.propertyName(p))) names.set(this.index.propertyName(p), p);
      this.properties.set(n, names);
    }
    return names.get(property) ?? -1;
  }
}

/** Properties a node may have and still be searched without a map of names. */
const SEARCHED_IN_PLACE = 8;
