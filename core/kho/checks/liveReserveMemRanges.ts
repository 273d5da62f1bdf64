import type { KhoGraph } from '../model/KhoGraph';
import { isConsumedRole } from '../model/RootRole';
import type { ReserveMemRange } from '../model/UserContent';

/** A reserve-mem region and the memblock fragment holding it. */
export interface LiveReserveMem {
  fragment: string;
  range: ReserveMemRange;
}

/**
 * The reserve-mem regions of the graph's memblock blobs that a next kernel
 * would take over: those of consumed roots are left out, since the kernel
 * that received them revived them already.
 */
export function liveReserveMemRanges(graph: KhoGraph): LiveReserveMem[] {
  const consumed = new Set(graph.roots.filter((r) => isConsumedRole(r.role?.role)).map((r) => r.fragment));
  const out: LiveReserveMem[] = [];
  for (const fragment of graph.fragments) {
    if (fragment.user?.user !== 'memblock' || consumed.has(fragment.root)) continue;
    for (const range of fragment.user.ranges) out.push({ fragment: fragment.id, range });
  }
  return out;
}
