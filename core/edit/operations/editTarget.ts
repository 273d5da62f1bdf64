import type { FdtDocument, FdtNode } from '../../fdt/FdtDocument';
import { findNode } from '../documentPaths';
import { EditError, nodePlace } from '../EditError';
import type { NodeRef } from '../EditOperation';
import type { EditFragment, EditState } from '../EditState';

/** The fragment, tree and node an operation works on. */
export interface EditTarget {
  fragment: EditFragment;
  document: FdtDocument;
  node: FdtNode;
}

/**
 * Finds the node an operation names, refusing fragments that are not
 * editable FDTs (raw structs, unreadable blobs) and paths that do not exist.
 */
export function editTarget(state: EditState, ref: NodeRef): EditTarget {
  const fragment = state.fragments[ref.fragment];
  if (!fragment) throw new EditError(`fragment ${ref.fragment}`, 'there is no such fragment');
  if (!fragment.document) {
    throw new EditError(
      `fragment ${ref.fragment}`,
      `it is a ${fragment.format} blob, not an FDT: only FDT fragments can be edited`,
    );
  }
  const node = findNode(fragment.document, ref.node);
  if (!node) throw new EditError(nodePlace(ref.fragment, ref.node), 'there is no such node');
  return { fragment, document: fragment.document, node };
}

/** The state with one fragment's tree replaced. */
export function withDocument(state: EditState, fragmentId: string, document: FdtDocument): EditState {
  const fragment = state.fragments[fragmentId];
  return { ...state, fragments: { ...state.fragments, [fragmentId]: { ...fragment, document } } };
}
