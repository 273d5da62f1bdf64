import type { FdtNode } from '../../fdt/FdtDocument';
import { nodeNameProblem } from '../../fdt/dtcNameRules';
import { baseName, childPath, parentPath, updateNode } from '../documentPaths';
import { EditError, nodePlace } from '../EditError';
import type { AddNode, EditResult, InsertNode, RemoveNode, RenameNode } from '../EditOperation';
import { rootFragmentRoot, type EditState } from '../EditState';
import { deserializeNode, serializeNode } from '../SerializedNode';
import { editTarget, withDocument } from './editTarget';

/** Adds an empty child node. */
export function addNode(state: EditState, op: AddNode): EditResult<EditState> {
  const { node, document } = editTarget(state, op);
  const where = nodePlace(op.fragment, childPath(op.node, op.name));
  checkNewChildName(node, op.name, where);
  if (op.node === '/' && rootFragmentRoot(state, op.fragment)?.mainline) {
    throw new EditError(where, 'a child of a mainline KHO root must point to a blob: use add-fragment to add one');
  }
  const index = childIndex(op.index, node, where);
  const next = updateNode(document, op.node, (n) =>
    withChild(n, index, { name: op.name, properties: [], children: [] }),
  );
  return {
    state: withDocument(state, op.fragment, next),
    inverse: { op: 'remove-node', fragment: op.fragment, node: childPath(op.node, op.name) },
  };
}

/** Puts a serialized subtree back under a node (undo of remove-node). */
export function insertNode(state: EditState, op: InsertNode): EditResult<EditState> {
  const { node, document } = editTarget(state, op);
  const where = nodePlace(op.fragment, childPath(op.node, op.subtree.name));
  if (node.children.some((child) => child.name === op.subtree.name))
    throw new EditError(where, 'the node already has a child of this name');
  let subtree: FdtNode;
  try {
    subtree = deserializeNode(op.subtree);
  } catch (error) {
    throw new EditError(where, (error as Error).message);
  }
  const index = childIndex(op.index, node, where);
  const next = updateNode(document, op.node, (n) => withChild(n, index, subtree));
  return {
    state: withDocument(state, op.fragment, next),
    inverse: { op: 'remove-node', fragment: op.fragment, node: childPath(op.node, op.subtree.name) },
  };
}

/** Removes a node and everything below it. */
export function removeNode(state: EditState, op: RemoveNode): EditResult<EditState> {
  const { node, document } = editTarget(state, op);
  if (op.node === '/')
    throw new EditError(
      nodePlace(op.fragment, op.node),
      'the root node of a fragment cannot be removed (remove the node that links to it)',
    );
  const parent = parentPath(op.node);
  let index = -1;
  const next = updateNode(document, parent, (n) => {
    index = n.children.indexOf(node);
    return { ...n, children: n.children.filter((child) => child !== node) };
  });
  return {
    state: withDocument(state, op.fragment, next),
    inverse: { op: 'insert-node', fragment: op.fragment, node: parent, index, subtree: serializeNode(node) },
  };
}

/** Renames a node; its subtree and any link it holds go with it. */
export function renameNode(state: EditState, op: RenameNode): EditResult<EditState> {
  const { document } = editTarget(state, op);
  const where = nodePlace(op.fragment, op.node);
  if (op.node === '/') throw new EditError(where, 'the root node of a fragment has no name to change');
  const parent = parentPath(op.node);
  const siblings = editTarget(state, { fragment: op.fragment, node: parent }).node;
  checkNewChildName(siblings, op.to, where);
  const next = updateNode(document, op.node, (n) => ({ ...n, name: op.to }));
  return {
    state: withDocument(state, op.fragment, next),
    inverse: { op: 'rename-node', fragment: op.fragment, node: childPath(parent, op.to), to: baseName(op.node) },
  };
}

/** Refuses a child name dtc would refuse or one the parent already has. */
export function checkNewChildName(parent: FdtNode, name: string, where: string): void {
  const problem = nodeNameProblem(name);
  if (problem) throw new EditError(where, problem);
  if (parent.children.some((child) => child.name === name))
    throw new EditError(where, 'the parent already has a child of this name');
}

function childIndex(index: number | undefined, parent: FdtNode, where: string): number {
  const at = index ?? parent.children.length;
  if (!Number.isInteger(at) || at < 0 || at > parent.children.length)
    throw new EditError(where, `position ${at} is outside 0..${parent.children.length}`);
  return at;
}

function withChild(node: FdtNode, index: number, child: FdtNode): FdtNode {
  const children = [...node.children];
  children.splice(index, 0, child);
  return { ...node, children };
}
