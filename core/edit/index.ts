/**
 * The editor (docs/editing.md): an edit state built from a decoded graph,
 * pure operations with undo, paths that cross links, value parsing, and the
 * re-encoder that writes an edit back into the image's memory.
 */
export { applyEdit } from './applyEdit';
export { EditError } from './EditError';
export { EditLog, type LoggedEdit } from './EditLog';
export type { EditOperation, EditResult, NodeRef } from './EditOperation';
export type { EditFragment, EditRoot, EditState, PointerTarget } from './EditState';
export { editStateFromGraph } from './editStateFromGraph';
export { resolveEditPath, type ResolvedPath } from './paths/resolveEditPath';
export * from './paths/pathOperations';
export { parsePropertyValue } from './values/parsePropertyValue';
export { planEdit, type PlanEditOptions } from './reencode/planEdit';
export type { EditPlan, FragmentFate, PlannedFragment, PlannedMap } from './reencode/EditPlan';
export { OverlayMemory } from './reencode/OverlayMemory';
export { reachableFragments } from './reachableFragments';
export { serializeNode, deserializeNode, type SerializedNode } from './SerializedNode';
export * from './export/exportEdit';
export { addedDiagnostics } from './addedDiagnostics';
export { managedPropertyReason } from './pointerSlots';
export { bytesToHex, hexToBytes } from './hexBytes';
