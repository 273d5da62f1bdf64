import { FdtWriteError } from '../../fdt/FdtWriteError';
import { writeFdt } from '../../fdt/writeFdt';
import { findNode } from '../documentPaths';
import { EditError } from '../EditError';
import { pointerSlots, slotTarget } from '../pointerSlots';
import type { PlanContext } from './PlanContext';
import { sameExceptWrittenByExport } from './sameExceptWrittenByExport';
import { applyValueChanges, type ValueChange } from './valueChanges';

/** Which fragments export writes anew, how big they become, and how many pages each page-list fragment needs. */
export interface FragmentSizes {
  /** FDT fragments written with `writeFdt` (new, changed, or with a page list that changes length). */
  rewritten: Set<string>;
  /** Size of each rewritten fragment. */
  sizes: Map<string, number>;
  /** Pages of every fragment that lives on a page list (draft targets, anchored roots). */
  pageCounts: Map<string, number>;
}

/**
 * Works out what must be rewritten and how big it gets. A page list's
 * length follows its target's page count, which follows the target's size,
 * which may follow the page lists the target holds: so the sizes are
 * recomputed until nothing changes (a cycle of links converges too, since
 * every round only settles more counts; a bound stops a runaway).
 */
export function sizeFragments(ctx: PlanContext): FragmentSizes {
  const { state, pageSize } = ctx;
  const rewritten = new Set<string>();
  const sizes = new Map<string, number>();
  const pageCounts = new Map<string, number>();
  for (const id of ctx.reachable) {
    const fragment = state.fragments[id];
    const onPages =
      ctx.incomingKinds(id).has('page-list') || state.roots.some((root) => root.fragment === id && root.anchored);
    if (onPages) pageCounts.set(id, fragment.original?.kind === 'pages' ? fragment.original.pages.length : 1);
    if (fragment.document && isChanged(ctx, id)) rewritten.add(id);
  }
  for (let round = 0; ; round++) {
    if (round > ctx.reachable.length + 8)
      throw new EditError('export', 'the sizes of fragments linked in a cycle do not settle');
    let settled = true;
    for (const id of ctx.reachable) {
      const document = state.fragments[id].document;
      if (!document) continue;
      const lengths = pageListLengths(ctx, id, pageCounts, rewritten);
      if (!rewritten.has(id) && lengths.some((change) => change.value.length !== change.current)) {
        rewritten.add(id);
        settled = false;
      }
      if (!rewritten.has(id)) continue;
      const size = serializedSize(id, applyValueChanges(document, lengths));
      sizes.set(id, size);
      const count = pageCounts.get(id);
      if (count !== undefined && count !== Math.max(1, Math.ceil(size / pageSize))) {
        pageCounts.set(id, Math.max(1, Math.ceil(size / pageSize)));
        settled = false;
      }
    }
    if (settled) return { rewritten, sizes, pageCounts };
  }
}

/** True for a new fragment, or one whose tree differs from the input's in anything export does not write itself. */
function isChanged(ctx: PlanContext, id: string): boolean {
  const document = ctx.state.fragments[id].document!;
  const original = ctx.originalDocument(id);
  if (!original) return true;
  return !sameExceptWrittenByExport(ctx.state, id, document, original);
}

/**
 * Zero values of the length each page list into a rewritten target will
 * have (the target's page count), with the length the input's bytes hold
 * there (-1 when they hold none): a list whose length differs from the
 * input's cannot be patched in. A list into a target that is not rewritten
 * keeps its value as the input wrote it, even when its length does not fit
 * the target (a truncated or padded list): an edit that does not touch a
 * target must not touch the lists into it, and a plan with no edit changes
 * nothing.
 */
function pageListLengths(
  ctx: PlanContext,
  id: string,
  pageCounts: Map<string, number>,
  rewritten: ReadonlySet<string>,
): (ValueChange & { current: number })[] {
  const changes: (ValueChange & { current: number })[] = [];
  const original = ctx.originalDocument(id);
  for (const slot of pointerSlots(ctx.state, id, ctx.state.fragments[id].document!)) {
    const target = slot.kind === 'page-list' ? slotTarget(ctx.state, slot) : undefined;
    if (!target || !rewritten.has(target.fragment)) continue;
    const count = pageCounts.get(target.fragment);
    if (count === undefined) continue;
    const before = original && findNode(original, slot.node)?.properties.find((p) => p.name === slot.property);
    changes.push({
      node: slot.node,
      property: slot.property,
      value: new Uint8Array(8 * count),
      current: before ? before.value.length : -1,
    });
  }
  return changes;
}

function serializedSize(id: string, document: Parameters<typeof writeFdt>[0]): number {
  try {
    return writeFdt(document).length;
  } catch (error) {
    if (error instanceof FdtWriteError)
      throw new EditError(`fragment ${id}`, `cannot be written as an FDT: ${error.message}`);
    throw error;
  }
}
