import type { EditOperation, EditResult } from './EditOperation';
import type { EditState } from './EditState';
import { addFragment, inlineFragment, splitNode } from './operations/fragmentOperations';
import { addNode, insertNode, removeNode, renameNode } from './operations/nodeOperations';
import { addProperty, removeProperty, renameProperty, setProperty } from './operations/propertyOperations';
import { setPageOrder } from './operations/setPageOrder';

/**
 * Applies one operation: returns the new state and the operation that undoes
 * it, or throws `EditError` with the reason it is refused. The given state is
 * never changed.
 */
export function applyEdit(state: EditState, op: EditOperation): EditResult<EditState> {
  switch (op.op) {
    case 'set-property':
      return setProperty(state, op);
    case 'add-property':
      return addProperty(state, op);
    case 'remove-property':
      return removeProperty(state, op);
    case 'rename-property':
      return renameProperty(state, op);
    case 'add-node':
      return addNode(state, op);
    case 'insert-node':
      return insertNode(state, op);
    case 'remove-node':
      return removeNode(state, op);
    case 'rename-node':
      return renameNode(state, op);
    case 'add-fragment':
      return addFragment(state, op);
    case 'split':
      return splitNode(state, op);
    case 'inline':
      return inlineFragment(state, op);
    case 'set-page-order':
      return setPageOrder(state, op);
  }
}
