import type { FdtDocument, FdtNode } from '../fdt/FdtDocument';
import { EditError } from './EditError';

/**
 * Node paths inside one FDT document (`/` for the root, `/a/b@1` below it)
 * and copy-on-write updates along them: an update copies only the nodes on
 * the path, so the old document stays valid for undo. Names match exactly
 * (no unit-address shortcuts), since an edit must name one node.
 */

/** The names along a node path (`/` → none). Undefined when the path is not absolute or has an empty component. */
export function pathNames(path: string): string[] | undefined {
  if (!path.startsWith('/')) return undefined;
  if (path === '/') return [];
  const names = path.slice(1).split('/');
  return names.some((name) => name === '') ? undefined : names;
}

/** `parent` + `/name`. */
export function childPath(parent: string, name: string): string {
  return parent === '/' ? `/${name}` : `${parent}/${name}`;
}

/** The parent of a non-root path. */
export function parentPath(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

/** The last name of a non-root path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The node at `path`, or undefined. */
export function findNode(doc: FdtDocument, path: string): FdtNode | undefined {
  const names = pathNames(path);
  if (!names) return undefined;
  let node: FdtNode | undefined = doc.root;
  for (const name of names) {
    node = node.children.find((child) => child.name === name);
    if (!node) return undefined;
  }
  return node;
}

/**
 * A new document in which the node at `path` is replaced by `update(node)`;
 * the nodes above it are copied, everything else is shared. The path must
 * exist (callers find the node first).
 */
export function updateNode(doc: FdtDocument, path: string, update: (node: FdtNode) => FdtNode): FdtDocument {
  const names = pathNames(path);
  if (!names) throw new RangeError(`'${path}' is not a node path`);
  const rebuild = (node: FdtNode, depth: number): FdtNode => {
    if (depth === names.length) return update(node);
    const index = node.children.findIndex((child) => child.name === names[depth]);
    if (index < 0) throw noSuchNode(path);
    const children = [...node.children];
    children[index] = rebuild(children[index], depth + 1);
    return { ...node, children };
  };
  return { ...doc, root: rebuild(doc.root, 0) };
}

/** Calls `visit` for every node with its path, parents first. */
export function forEachNodePath(root: FdtNode, visit: (node: FdtNode, path: string) => void, path = '/'): void {
  visit(root, path);
  for (const child of root.children) forEachNodePath(child, visit, childPath(path, child.name));
}

/**
 * The refusal for a path that names no node. The tree came from the image,
 * so this is how a node whose name holds a `/` or is empty below the root
 * (which no path can name: the reader takes names as the blob has them)
 * shows up when an edit must reach it.
 */
export function noSuchNode(path: string): EditError {
  return new EditError(
    `node ${path}`,
    "names no node of the tree: a node whose name contains '/' or is empty cannot be reached by a path, so it cannot be edited",
  );
}
