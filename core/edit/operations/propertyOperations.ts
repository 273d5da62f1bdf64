import type { FdtNode, FdtProperty } from '../../fdt/FdtDocument';
import { propertyNameProblem } from '../../fdt/dtcNameRules';
import { abiValueProblem } from '../checkAbiValue';
import { updateNode } from '../documentPaths';
import { EditError, nodePlace } from '../EditError';
import type { AddProperty, EditResult, RemoveProperty, RenameProperty, SetProperty } from '../EditOperation';
import type { EditState } from '../EditState';
import { bytesToHex, hexToBytes } from '../hexBytes';
import { managedPropertyReason } from '../pointerSlots';
import { editTarget, withDocument } from './editTarget';
import { rootCompatibleProblem } from './rootCompatibleProblem';

/** Changes an existing property's value. */
export function setProperty(state: EditState, op: SetProperty): EditResult<EditState> {
  const { node, document } = editTarget(state, op);
  const index = propertyIndex(node, op.fragment, op.node, op.name);
  const value = checkedValue(state, op.fragment, op.node, op.name, op.value);
  const old = node.properties[index];
  const next = updateNode(document, op.node, (n) => replaceProperty(n, index, { ...old, value }));
  return { state: withDocument(state, op.fragment, next), inverse: { ...op, value: bytesToHex(old.value) } };
}

/** Adds a property the node does not have. */
export function addProperty(state: EditState, op: AddProperty): EditResult<EditState> {
  const { node, document } = editTarget(state, op);
  const where = nodePlace(op.fragment, op.node, op.name);
  const nameProblem = propertyNameProblem(op.name);
  if (nameProblem) throw new EditError(where, nameProblem);
  if (node.properties.some((property) => property.name === op.name))
    throw new EditError(where, 'the node already has this property (set it instead)');
  const value = checkedValue(state, op.fragment, op.node, op.name, op.value);
  const index = op.index ?? node.properties.length;
  if (!Number.isInteger(index) || index < 0 || index > node.properties.length)
    throw new EditError(where, `position ${index} is outside 0..${node.properties.length}`);
  const properties = [...node.properties];
  properties.splice(index, 0, { name: op.name, value });
  const next = updateNode(document, op.node, (n) => ({ ...n, properties }));
  return {
    state: withDocument(state, op.fragment, next),
    inverse: { op: 'remove-property', fragment: op.fragment, node: op.node, name: op.name },
  };
}

/** Removes a property. */
export function removeProperty(state: EditState, op: RemoveProperty): EditResult<EditState> {
  const { node, document } = editTarget(state, op);
  const index = propertyIndex(node, op.fragment, op.node, op.name);
  refuseManaged(state, op.fragment, op.node, op.name);
  const rootProblem = rootCompatibleProblem(state, op.fragment, op.node, op.name, undefined);
  if (rootProblem) throw new EditError(nodePlace(op.fragment, op.node, op.name), rootProblem);
  const old = node.properties[index];
  const next = updateNode(document, op.node, (n) => ({ ...n, properties: n.properties.filter((_, i) => i !== index) }));
  return {
    state: withDocument(state, op.fragment, next),
    inverse: {
      op: 'add-property',
      fragment: op.fragment,
      node: op.node,
      name: op.name,
      value: bytesToHex(old.value),
      index,
    },
  };
}

/** Renames a property in place. */
export function renameProperty(state: EditState, op: RenameProperty): EditResult<EditState> {
  const { node, document } = editTarget(state, op);
  const index = propertyIndex(node, op.fragment, op.node, op.name);
  const where = nodePlace(op.fragment, op.node, op.name);
  const nameProblem = propertyNameProblem(op.to);
  if (nameProblem) throw new EditError(where, nameProblem);
  if (node.properties.some((property) => property.name === op.to))
    throw new EditError(where, `the node already has a property named ${op.to}`);
  refuseManaged(state, op.fragment, op.node, op.name);
  refuseManaged(state, op.fragment, op.node, op.to);
  const old = node.properties[index];
  const rootProblem = rootCompatibleProblem(state, op.fragment, op.node, op.name, undefined);
  if (rootProblem) throw new EditError(where, rootProblem);
  const typeProblem = abiValueProblem(op.to, old.value);
  if (typeProblem) throw new EditError(where, typeProblem);
  const next = updateNode(document, op.node, (n) => replaceProperty(n, index, { ...old, name: op.to }));
  return { state: withDocument(state, op.fragment, next), inverse: { ...op, name: op.to, to: op.name } };
}

function propertyIndex(node: FdtNode, fragment: string, path: string, name: string): number {
  const index = node.properties.findIndex((property) => property.name === name);
  if (index < 0) throw new EditError(nodePlace(fragment, path, name), 'the node has no such property');
  return index;
}

function refuseManaged(state: EditState, fragment: string, path: string, name: string): void {
  const reason = managedPropertyReason(state, fragment, path, name);
  if (reason) throw new EditError(nodePlace(fragment, path, name), reason);
}

/** The operation's value as bytes, checked against everything that may refuse it. */
function checkedValue(state: EditState, fragment: string, path: string, name: string, valueHex: string): Uint8Array {
  const where = nodePlace(fragment, path, name);
  refuseManaged(state, fragment, path, name);
  let value: Uint8Array;
  try {
    value = hexToBytes(valueHex);
  } catch (error) {
    throw new EditError(where, (error as Error).message);
  }
  const problem = abiValueProblem(name, value) ?? rootCompatibleProblem(state, fragment, path, name, value);
  if (problem) throw new EditError(where, problem);
  return value;
}

function replaceProperty(node: FdtNode, index: number, property: FdtProperty): FdtNode {
  const properties = [...node.properties];
  properties[index] = property;
  return { ...node, properties };
}
