import { readU64List } from '../../bytes/readers';
import { u64List } from '../../bytes/encoders';
import { updateNode } from '../documentPaths';
import { EditError, nodePlace } from '../EditError';
import type { EditResult, SetPageOrder } from '../EditOperation';
import { pointerKey, type EditState } from '../EditState';
import { bytesToHex } from '../hexBytes';
import { pointerSlots, slotTarget } from '../pointerSlots';
import { editTarget, withDocument } from './editTarget';

/**
 * Rewrites a draft page list with its addresses in the other byte order
 * (seed-design.md accepts both; the decoder picks the reading that gives real
 * FDT pages). The new value is registered as leading to the same fragment.
 */
export function setPageOrder(state: EditState, op: SetPageOrder): EditResult<EditState> {
  const { document } = editTarget(state, op);
  const where = nodePlace(op.fragment, op.node);
  const slot = pointerSlots(state, op.fragment, document).find((s) => s.node === op.node && s.kind === 'page-list');
  if (!slot) throw new EditError(where, 'the node has no kho,recursive-fdt page list');
  const target = slotTarget(state, slot);
  if (!target)
    throw new EditError(
      where,
      'its page list was not followed when the image was decoded, so its byte order is unknown',
    );
  if (target.order === op.order)
    throw new EditError(where, `the page list is already ${op.order === 'le' ? 'little' : 'big'}-endian`);
  const value = u64List(readU64List(slot.value, target.order), op.order);
  const pointers = {
    ...state.pointers,
    [pointerKey('page-list', bytesToHex(value))]: { fragment: target.fragment, order: op.order },
  };
  const next = updateNode(document, op.node, (n) => ({
    ...n,
    properties: n.properties.map((p) => (p.name === slot.property ? { ...p, value } : p)),
  }));
  return { state: withDocument({ ...state, pointers }, op.fragment, next), inverse: { ...op, order: target.order } };
}
