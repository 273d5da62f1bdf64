import { FdtWriteError } from '../../fdt/FdtWriteError';
import { writeFdt } from '../../fdt/writeFdt';
import { u64, u64List } from '../../bytes/encoders';
import { EditError } from '../EditError';
import { pointerSlots, slotTarget } from '../pointerSlots';
import type { FragmentFate } from './EditPlan';
import { firstAddress, pagesOf } from './locationPages';
import type { Placements } from './placeFragments';
import type { PlanContext } from './PlanContext';
import type { FragmentSizes } from './sizeFragments';
import { applyValueChanges, patchBlob, type ValueChange } from './valueChanges';

/** The bytes a fragment is written with, and what became of it. */
export interface FinalBytes {
  bytes: Uint8Array;
  fate: FragmentFate;
}

/**
 * The bytes of one reachable fragment as export writes it: pointers set to
 * their targets' final places (page lists in the order each was written
 * in), `blob-size` to a rewritten target's size, `preserved-memory-map` to
 * the map's new head. A rewritten fragment is serialized with `writeFdt`;
 * one whose tree did not change gets its changed values patched into its
 * original bytes, so its layout stays as the kernel wrote it.
 */
export function finalFragmentBytes(
  ctx: PlanContext,
  id: string,
  sizes: FragmentSizes,
  placements: Placements,
  mapHeads: ReadonlyMap<string, number>,
): FinalBytes {
  const placement = placements.placed.get(id)!;
  const fragment = ctx.state.fragments[id];
  const input = ctx.inputFragments.get(id);
  if (!fragment.document) return { bytes: input!.bytes, fate: placement.fate };
  const changes = exportValues(ctx, id, sizes, placements, mapHeads);
  if (sizes.rewritten.has(id)) {
    let bytes: Uint8Array;
    try {
      bytes = writeFdt(applyValueChanges(fragment.document, changes));
    } catch (error) {
      if (error instanceof FdtWriteError)
        throw new EditError(`fragment ${id}`, `cannot be written as an FDT: ${error.message}`);
      throw error;
    }
    if (bytes.length !== sizes.sizes.get(id))
      throw new EditError(`fragment ${id}`, 'its size changed between planning and writing');
    return { bytes, fate: placement.fate };
  }
  // Unchanged tree: every value export writes has the length it had, so it is patched into the original bytes.
  const bytes = patchBlob(id, input!.bytes, changes);
  return { bytes, fate: bytes === input!.bytes ? 'unchanged' : 'patched' };
}

/** Every value export writes into fragment `id`: pointers, blob-sizes of rewritten targets, the map head when it moved. */
function exportValues(
  ctx: PlanContext,
  id: string,
  sizes: FragmentSizes,
  placements: Placements,
  mapHeads: ReadonlyMap<string, number>,
): ValueChange[] {
  const document = ctx.state.fragments[id].document!;
  const changes: ValueChange[] = [];
  for (const slot of pointerSlots(ctx.state, id, document)) {
    const target = slotTarget(ctx.state, slot);
    const placement = target && placements.placed.get(target.fragment);
    if (!target || !placement) continue;
    // A pointer into a target that stays where it was is written as the edit state holds it (the input's
    // value, or the byte order set-page-order chose), even a list that does not fit its target.
    const value =
      placement.fate === 'unchanged'
        ? slot.value
        : slot.kind === 'page-list'
          ? u64List(pagesOf(placement.location, ctx.pageSize), target.order)
          : u64(firstAddress(placement.location), target.order);
    changes.push({ node: slot.node, property: slot.property, value });
    if (slot.blobSize && sizes.rewritten.has(target.fragment))
      changes.push({ node: slot.node, property: 'blob-size', value: u64(placement.location.length) });
  }
  const head = mapHeads.get(id);
  if (head !== undefined && document.root.properties.some((p) => p.name === 'preserved-memory-map'))
    changes.push({ node: '/', property: 'preserved-memory-map', value: u64(head) });
  return changes;
}
