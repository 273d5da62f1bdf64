import type { ByteOrder } from '../../bytes/ByteOrder';
import { baseName, findNode, parentPath } from '../documentPaths';
import { EditError } from '../EditError';
import type { EditOperation, NodeRef } from '../EditOperation';
import type { EditState } from '../EditState';
import { bytesToHex } from '../hexBytes';
import type { SerializedNode } from '../SerializedNode';
import { resolveEditPath } from './resolveEditPath';

/**
 * Operations from paths written from the top of the tree (`resolveEditPath`):
 * what `khoscope edit` and the explorer's edit panel build. A property named
 * on a link owner is the owner's own when it holds it (its pointer, say),
 * otherwise the linked fragment's root's: the node and its fragment are one
 * thing to the user.
 */

/** Sets property `name` at `path` to `value`, adding it when absent. */
export function setPropertyAt(state: EditState, path: string, name: string, value: Uint8Array): EditOperation {
  const holder = propertyHolder(state, path, name);
  const valueHex = bytesToHex(value);
  return holder.has
    ? { op: 'set-property', ...holder.ref, name, value: valueHex }
    : { op: 'add-property', ...holder.ref, name, value: valueHex };
}

/** Removes property `name` at `path`. */
export function removePropertyAt(state: EditState, path: string, name: string): EditOperation {
  const holder = propertyHolder(state, path, name);
  if (!holder.has) throw new EditError(`${path}:${name}`, 'there is no such property');
  return { op: 'remove-property', ...holder.ref, name };
}

/** Renames property `name` at `path` to `to`. */
export function renamePropertyAt(state: EditState, path: string, name: string, to: string): EditOperation {
  const holder = propertyHolder(state, path, name);
  if (!holder.has) throw new EditError(`${path}:${name}`, 'there is no such property');
  return { op: 'rename-property', ...holder.ref, name, to };
}

/** Adds an empty node at `path` (its parent must exist). */
export function addNodeAt(state: EditState, path: string): EditOperation {
  if (path === '/' || path.endsWith('}/')) throw new EditError(path, 'name the node to add');
  return { op: 'add-node', ...resolveEditPath(state, parentPath(path)).content, name: baseName(path) };
}

/** Adds a node at `path` that links to a new fragment holding `tree`. */
export function addFragmentAt(state: EditState, path: string, tree: SerializedNode): EditOperation {
  if (path === '/' || path.endsWith('}/'))
    throw new EditError(path, 'name the node that will link to the new fragment');
  return { op: 'add-fragment', ...resolveEditPath(state, parentPath(path)).content, name: baseName(path), tree };
}

/** Removes the node at `path` (for a link owner: the owner and so the link). */
export function removeNodeAt(state: EditState, path: string): EditOperation {
  return { op: 'remove-node', ...resolveEditPath(state, path).owner };
}

/** Renames the node at `path`. */
export function renameNodeAt(state: EditState, path: string, to: string): EditOperation {
  return { op: 'rename-node', ...resolveEditPath(state, path).owner, to };
}

/** Moves the in-place node at `path` out into its own fragment. */
export function splitAt(state: EditState, path: string): EditOperation {
  return { op: 'split', ...resolveEditPath(state, path).owner };
}

/** Takes the fragment the node at `path` links to back into it. */
export function inlineAt(state: EditState, path: string): EditOperation {
  return { op: 'inline', ...resolveEditPath(state, path).owner };
}

/** Writes the page list of the link at `path` in `order`. */
export function setPageOrderAt(state: EditState, path: string, order: ByteOrder): EditOperation {
  return { op: 'set-page-order', ...resolveEditPath(state, path).owner, order };
}

/** Where property `name` of the node at `path` lives, and whether it exists. */
function propertyHolder(state: EditState, path: string, name: string): { ref: NodeRef; has: boolean } {
  const { owner, content } = resolveEditPath(state, path);
  const has = (ref: NodeRef) =>
    findNode(state.fragments[ref.fragment].document!, ref.node)?.properties.some((p) => p.name === name) === true;
  if (has(owner)) return { ref: owner, has: true };
  return { ref: content, has: has(content) };
}
